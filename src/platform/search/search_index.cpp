#include "platform/search/search_index.hpp"

#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "core/korean_text.hpp"
#include "platform/search/search_tokenizer.hpp"

namespace sotong::platform::search {
namespace {

constexpr const char* kUpsert =
    "INSERT INTO search_documents (source, record_id, action, organization_path, updated_at, url) VALUES (?, "
    "?, ?, "
    "?, ?, ?) ON CONFLICT (source, record_id) DO UPDATE SET action = excluded.action, organization_path = "
    "excluded.organization_path, updated_at = excluded.updated_at, url = excluded.url RETURNING id";
constexpr const char* kUpsertText =
    "INSERT INTO search_texts (document_id, title, body) VALUES (?, ?, ?) ON CONFLICT (document_id) DO "
    "UPDATE "
    "SET title = excluded.title, body = excluded.body";

// Postings go in as multi-row INSERTs of a few fixed sizes, so each engine prepares only a few statements.
constexpr std::size_t kChunks[] = {64, 16, 4, 1};

const std::string& insert_postings_sql(std::size_t rows) {
  static const std::map<std::size_t, std::string> kStatements = [] {
    std::map<std::size_t, std::string> out;
    for (const std::size_t n : kChunks) {
      std::string sql = "INSERT INTO search_postings (term, document_id, title_count, body_count) VALUES ";
      for (std::size_t i = 0; i < n; ++i) sql += i ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
      out.emplace(n, std::move(sql));
    }
    return out;
  }();
  return kStatements.at(rows);
}

struct Counts {
  int title = 0;
  int body = 0;
};

void insert_postings(store::Connection& c, std::int64_t document_id,
                     const std::map<std::string, Counts>& terms) {
  auto it = terms.begin();
  std::size_t left = terms.size();
  for (const std::size_t chunk : kChunks) {
    while (left >= chunk) {
      store::Params params;
      params.reserve(chunk * 4);
      for (std::size_t i = 0; i < chunk; ++i, ++it) {
        params.emplace_back(store::Blob{it->first});
        params.emplace_back(document_id);
        params.emplace_back(it->second.title);
        params.emplace_back(it->second.body);
      }
      c.execute(insert_postings_sql(chunk), params);
      left -= chunk;
    }
  }
}

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
  const auto id = c.query(kUpsert, {d.source, d.record_id, d.action, d.organization_path,
                                    d.updated_at ? d.updated_at : now(), d.url})
                      .front()
                      .int64(0);
  c.execute(kUpsertText, {id, title, body});
  c.execute("DELETE FROM search_postings WHERE document_id = ?", {id});
  std::map<std::string, Counts> counts;
  for (const auto& [term, n] : terms(normalize(title))) counts[term].title += n;
  for (const auto& [term, n] : terms(normalize(body))) counts[term].body += n;
  insert_postings(c, id, counts);
}

void remove(store::Connection& c, std::string_view source, std::int64_t record_id) {
  const auto rows =
      c.query("SELECT id FROM search_documents WHERE source = ? AND record_id = ?", {source, record_id});
  if (rows.empty()) return;
  const auto id = rows.front().int64(0);
  c.execute("DELETE FROM search_postings WHERE document_id = ?", {id});
  c.execute("DELETE FROM search_texts WHERE document_id = ?", {id});
  c.execute("DELETE FROM search_documents WHERE id = ?", {id});
}

void move_organization_paths(store::Connection& c, std::string_view from, std::string_view to) {
  if (from.empty() || from == to) return;
  c.execute(
      "UPDATE search_documents SET organization_path = CAST(? AS TEXT) || substr(organization_path, ?) "
      "WHERE substr(organization_path, 1, ?) = ?",
      {to, static_cast<std::int64_t>(from.size()) + 1, static_cast<std::int64_t>(from.size()), from});
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
        const auto stored = c.query("SELECT version FROM search_sources WHERE source = ?", {s.code});
        if (!stored.empty() && stored.front().int64(0) == kIndexVersion) return 0;
        // Deleting and inserting the marker row first makes a second node doing the same wait for this
        // transaction and then fail on the primary key: one node rebuilds, the other moves on.
        c.execute("DELETE FROM search_sources WHERE source = ?", {s.code});
        c.execute("INSERT INTO search_sources (source, version, indexed_at) VALUES (?, ?, ?)",
                  {s.code, kIndexVersion, now()});
        for (const char* table : {"search_postings", "search_texts"}) {
          c.execute(std::string("DELETE FROM ") + table +
                        " WHERE document_id IN (SELECT id FROM search_documents WHERE source = ?)",
                    {s.code});
        }
        c.execute("DELETE FROM search_documents WHERE source = ?", {s.code});
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
