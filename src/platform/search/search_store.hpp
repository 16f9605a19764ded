// The search query's SQL: portable statements over search_documents and search_postings that match, filter
// by visibility, rank and page in one pass.
#pragma once

#include <cstdint>
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

}  // namespace sotong::platform::search_store
