-- How to reach an organisation (대표전화, 주소, 누리집), shown in the directory every signed-in person reads.
-- Kept beside the organisation rather than in it: an administrator edits contacts on their own form, and an
-- organisation without a row simply has none recorded yet.
CREATE TABLE organization_contacts (
  organization_id BIGINT PRIMARY KEY REFERENCES organizations (id),
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  homepage TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
