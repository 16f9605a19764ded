#include "platform/search/search_service.hpp"

#include <algorithm>

#include "core/korean_text.hpp"

#include "platform/search/search_index.hpp"
#include "platform/search/search_store.hpp"
#include "platform/search/search_visibility.hpp"

namespace sotong::platform::search {

Result<Results> find(store::Database& db, const Policy& policy, const Actor& actor, std::string_view text,
                     std::int64_t page, std::string_view source) {
  if (auto ok = policy.check(actor, kSignedIn); !ok) return ok.error();
  auto query = parse_query(text);
  if (!query) return query.error();
  // The source is compared in SQL: bytes that are not UTF-8 would reach PostgreSQL, which refuses the whole
  // statement (a 500), while SQLite would quietly find nothing.
  if (!is_valid_utf8(source) || source.size() > 100) {
    return Error::invalid("검색 대상(source)이 올바르지 않습니다.",
                          {{"source", "검색 대상은 올바른 UTF-8 문자로 100바이트 이내여야 합니다."}});
  }
  if (page < 1 || page > kMaxPages) {
    const std::string message = "검색 결과는 " + std::to_string(kMaxPages) +
                                "쪽까지 볼 수 있습니다. 검색어를 더 구체적으로 입력해 주십시오.";
    return Error::invalid(message, {{"page", message}});
  }
  const Visibility visibility = visibility_for(policy, actor);
  auto found = db.read([&](store::Connection& c) {
    auto f = search_store::find(c, *query, visibility, source, kPageSize, (page - 1) * kPageSize);
    // Past the last page there are no rows to carry the total: count from the first.
    if (f.matches.empty() && page > 1)
      f.total = search_store::find(c, *query, visibility, source, 1, 0).total;
    return f;
  });

  Results r;
  r.source = std::string(source);
  r.total = found.total;
  r.page = page;
  r.pages = std::min(kMaxPages, (found.total + kPageSize - 1) / kPageSize);
  std::vector<std::string> words;
  for (const auto& w : query->words) words.push_back(w.text);
  for (auto& m : found.matches) {
    // The SQL filtered by the same policy; this is the second lock on the door.
    if (!policy.allows_in(actor, m.action, m.organization_path)) continue;
    r.hits.push_back({m.source, source_label(m.source), m.record_id, m.title, m.url, m.updated_at,
                      highlight(m.title, words), snippet(m.body, words), m.words,
                      m.words == static_cast<int>(query->words.size())});
  }
  r.query = std::move(*query);
  return r;
}

}  // namespace sotong::platform::search
