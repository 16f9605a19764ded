-- The figures (성과 지표) count from one row per suggestion, never replaying the timeline: besides the milestones
-- (migration 0002) the record keeps what its state no longer says once answered — the outcome decided (해결,
-- 부분해결, 장기검토, 수용불가) — and when the standing rating was given. Filled from the timeline for the
-- suggestions already there.
ALTER TABLE suggestions ADD COLUMN outcome TEXT;
ALTER TABLE suggestions ADD COLUMN rated_at BIGINT;
UPDATE suggestions SET outcome = (SELECT e.to_state FROM suggestion_events e WHERE e.suggestion_id = suggestions.id
  AND e.to_state IN ('resolved', 'partly_resolved', 'long_term', 'rejected') ORDER BY e.id DESC LIMIT 1)
  WHERE outcome_at IS NOT NULL;
UPDATE suggestions SET rated_at = (SELECT MAX(e.created_at) FROM suggestion_events e
  WHERE e.suggestion_id = suggestions.id AND e.kind = 'rate') WHERE satisfaction IS NOT NULL;
-- The figures' one query reads exactly these columns of every suggestion submitted before a year's end: from
-- the index alone, never the rows with their long texts.
CREATE INDEX suggestions_figures ON suggestions (submitted_at, state, updated_at, organization_id, lead_bureau_id,
  outcome, adopted_at, outcome_at, answered_at, due_date, extensions, satisfaction, rated_at);
