// The search's SQL: writing documents, texts and postings, and the query that matches, filters by
// visibility, ranks and pages in one pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "platform/search/search_query.hpp"
#include "platform/search/search_visibility.hpp"
#include "store/database.hpp"

namespace sotong::platform::search_store {

/// One matching document with what ranked it.
struct Match {
  std::int64_t id = 0;
  std::string source;
  std::int64_t record_id = 0;
  std::string title;
  std::string body;
  std::string url;
  std::string action;
  std::string organization_path;
  Timestamp updated_at = 0;
  int words = 0;        // query words the document holds
  int title_words = 0;  // of those, words in the title
  std::int64_t frequency = 0;
};

struct Found {
  std::int64_t total = 0;  // every visible match, not only this page
  std::vector<Match> matches;
};

/// The visible documents matching at least one word of `query`, best first: those holding more of the
/// words, then more of them in the title, then more occurrences, then the most recently updated. `source`
/// (when not empty) keeps one source only.
Found find(store::Connection& c, const search::Query& query, const search::Visibility& visibility,
           std::string_view source, std::int64_t limit, std::int64_t offset);

/// One term of a document and how often it occurs in the title and in the body.
struct Posting {
  std::string term;
  int title_count = 0;
  int body_count = 0;
};

/// Adds the document for (source, record_id) or replaces its fields; returns its id.
std::int64_t upsert_document(store::Connection& c, std::string_view source, std::int64_t record_id,
                             std::string_view action, std::string_view organization_path,
                             Timestamp updated_at, std::string_view url);
/// Adds or replaces the document's title and body.
void upsert_text(store::Connection& c, std::int64_t document_id, std::string_view title,
                 std::string_view body);
void delete_postings(store::Connection& c, std::int64_t document_id);
/// Inserts the document's postings, in multi-row statements of a few fixed sizes.
void insert_postings(store::Connection& c, std::int64_t document_id, const std::vector<Posting>& postings);
/// The id of the document for (source, record_id), or nullopt.
std::optional<std::int64_t> find_document_id(store::Connection& c, std::string_view source,
                                             std::int64_t record_id);
/// Deletes one document with its text and postings.
void delete_document(store::Connection& c, std::int64_t document_id);
/// Rewrites the organisation paths starting with `from` to start with `to` (a moved subtree).
void update_organization_paths(store::Connection& c, std::string_view from, std::string_view to);

/// The index format version a source was last indexed with, or nullopt when it never was.
std::optional<std::int64_t> find_source_version(store::Connection& c, std::string_view source);
/// Records that `source` is indexed with `version` at `at`: deletes its marker row and inserts it again, so
/// that a second node doing the same at once waits, then fails on the primary key.
void mark_source_indexed(store::Connection& c, std::string_view source, std::int64_t version, Timestamp at);
/// Deletes every document of `source` with their texts and postings.
void delete_source_documents(store::Connection& c, std::string_view source);

}  // namespace sotong::platform::search_store
