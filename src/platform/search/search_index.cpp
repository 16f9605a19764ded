#include "platform/search/search_index.hpp"

#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "core/korean_text.hpp"
#include "platform/search/search_store.hpp"
#include "platform/search/search_tokenizer.hpp"

namespace sotong::platform::search {
namespace {

struct Counts {
  int title = 0;
  int body = 0;
};

std::mutex registry_mutex;
std::vector<Source>& registry() {
  static std::vector<Source> sources;
  return sources;
}

}  // namespace

void index(store::Connection& c, const Document& d) {
  if (d.source.empty() || d.action.empty() || d.url.empty())
    throw std::invalid_argument("search document needs a source, an action and a url");
  if (!is_valid_utf8(d.title) || !is_valid_utf8(d.body))
    throw std::invalid_argument("search document text is not valid UTF-8: " + d.source);
  const std::string title = compose_hangul(d.title);
  const std::string body = compose_hangul(d.body);
  const auto id = search_store::upsert_document(c, d.source, d.record_id, d.action, d.organization_path,
                                                d.updated_at ? d.updated_at : now(), d.url);
  search_store::upsert_text(c, id, title, body);
  search_store::delete_postings(c, id);
  std::map<std::string, Counts> counts;
  for (const auto& [term, n] : terms(normalize(title))) counts[term].title += n;
  for (const auto& [term, n] : terms(normalize(body))) counts[term].body += n;
  std::vector<search_store::Posting> postings;
  postings.reserve(counts.size());
  for (const auto& [term, n] : counts) postings.push_back({term, n.title, n.body});
  search_store::insert_postings(c, id, postings);
}

void remove(store::Connection& c, std::string_view source, std::int64_t record_id) {
  if (const auto id = search_store::find_document_id(c, source, record_id))
    search_store::delete_document(c, *id);
}

void move_organization_paths(store::Connection& c, std::string_view from, std::string_view to) {
  if (from.empty() || from == to) return;
  search_store::update_organization_paths(c, from, to);
}

void register_source(Source source) {
  std::lock_guard lock(registry_mutex);
  auto& all = registry();
  for (auto& s : all) {
    if (s.code == source.code) {
      s = std::move(source);
      return;
    }
  }
  all.push_back(std::move(source));
}

std::string source_label(std::string_view code) {
  std::lock_guard lock(registry_mutex);
  for (const auto& s : registry())
    if (s.code == code) return s.label;
  return std::string(code);
}

std::vector<Source> sources() {
  std::lock_guard lock(registry_mutex);
  return registry();
}

int rebuild_stale_sources(store::Database& db, const std::vector<Source>& sources) {
  int rebuilt = 0;
  for (const auto& s : sources) {
    if (!s.reindex) continue;
    try {
      rebuilt += db.write([&](store::Connection& c) {
        if (search_store::find_source_version(c, s.code) == kIndexVersion) return 0;
        // Deleting and inserting the marker row first makes a second node doing the same wait for this
        // transaction and then fail on the primary key: one node rebuilds, the other moves on.
        search_store::mark_source_indexed(c, s.code, kIndexVersion, now());
        search_store::delete_source_documents(c, s.code);
        s.reindex(c);
        return 1;
      });
    } catch (const store::ConstraintViolation&) {
      // Another node rebuilt this source at the same moment.
    }
  }
  return rebuilt;
}

}  // namespace sotong::platform::search
