-- The search index (platform/search): one document per searchable record a module registers, and its terms.
-- Written in the same transaction as the record; rebuilt from the records when a source is new.
-- search_documents holds what filtering and ranking read for every candidate (narrow rows, so a query
-- matching tens of thousands of documents reads few pages); the text lives in search_texts, read for the
-- page shown and for checking words of three or more syllables.
CREATE TABLE search_documents (
  id {{id}},
  source TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  organization_path TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  url TEXT NOT NULL,
  UNIQUE (source, record_id)
);

CREATE TABLE search_texts (
  document_id BIGINT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);

-- One row per (term, document): Hangul bigrams, last syllables and alphanumeric words, stored as bytes
-- (BLOB, BYTEA) so both engines compare them byte by byte, whatever the database's collation; a prefix
-- search is then a range [prefix, prefix+1) on the index. The term index holds the counts too, so matching
-- reads only the index. No foreign keys: these rows are derived data, always deleted with their document.
CREATE TABLE search_postings (
  term {{blob}} NOT NULL,
  document_id BIGINT NOT NULL,
  title_count INTEGER NOT NULL,
  body_count INTEGER NOT NULL
);
CREATE INDEX search_postings_term ON search_postings (term, document_id, title_count, body_count);
CREATE INDEX search_postings_document ON search_postings (document_id);

-- Which sources this database has indexed, and with which version of the index format.
CREATE TABLE search_sources (
  source TEXT PRIMARY KEY,
  version BIGINT NOT NULL,
  indexed_at BIGINT NOT NULL
);
