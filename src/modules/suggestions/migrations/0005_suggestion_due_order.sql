-- Lists sorted by due date (sort=due: the coordinator's and each bureau's working view) order by
-- COALESCE(due_date, '9999-12-31'), id, so that items without a due date come last on both engines. The indexes
-- of 0002 hold due_date itself, so for that order each engine read every row of the state (and lead) and sorted
-- them before keeping a page. An index on the very expression lets both walk the rows in the list's order and
-- stop after a page: with 50,000 suggestions, 기획조정실's items in progress filtered by a title word went from
-- reading and sorting 320 rows to reading 78 (docs/performance.md, issue 13).
CREATE INDEX suggestions_state_due_key ON suggestions (state, (COALESCE(due_date, '9999-12-31')), id, title);
CREATE INDEX suggestions_lead_state_due_key
  ON suggestions (lead_bureau_id, state, (COALESCE(due_date, '9999-12-31')), id, title);
