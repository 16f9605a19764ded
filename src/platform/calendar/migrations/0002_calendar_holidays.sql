-- Tables are named after their module (docs/decisions/0004-table-ownership.md): holidays becomes
-- calendar_holidays. Its only index is the primary key's, which follows the table on both engines.
ALTER TABLE holidays RENAME TO calendar_holidays;
