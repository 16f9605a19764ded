// The search use case: read the query, find what the actor may open, rank, page and mark the matches.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/policy.hpp"
#include "platform/search/search_query.hpp"
#include "platform/search/search_snippet.hpp"
#include "store/database.hpp"

namespace sotong::platform::search {

inline constexpr std::int64_t kPageSize = 20;
/// Pages a query can reach (1,000 results): past that a person should narrow the query.
inline constexpr std::int64_t kMaxPages = 50;

struct Hit {
  std::string source;
  std::string source_label;
  std::int64_t record_id = 0;
  std::string title;
  std::string url;
  Timestamp updated_at = 0;
  std::vector<Segment> marked_title;
  std::vector<Segment> snippet;
  int matched_words = 0;
  bool all_words = false;
};

struct Results {
  Query query;
  std::string source;  // the one source searched, or empty for all
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t pages = 0;  // at most kMaxPages
  std::vector<Hit> hits;
};

/// Searches everything modules index for `text`, showing the actor only documents they may open (the count
/// included). `page` counts from 1. Errors: the query's (invalid_input on field "q"), a page past
/// kMaxPages (invalid_input on field "page"), a `source` that is not UTF-8 or longer than 100 bytes
/// (invalid_input on field "source"), unauthenticated for nobody.
Result<Results> find(store::Database& db, const Policy& policy, const Actor& actor, std::string_view text,
                     std::int64_t page = 1, std::string_view source = {});

}  // namespace sotong::platform::search
