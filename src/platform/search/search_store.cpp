#include "platform/search/search_store.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace sotong::platform::search_store {
namespace {
using search::QueryWord;

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

// Lists of parameters are padded to a power of two (repeating the last value, which changes nothing in an
// IN list), so the statements an engine prepares stay few whatever people type.
std::size_t padded(std::size_t n) {
  std::size_t p = 1;
  while (p < n) p *= 2;
  return p;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

template <typename T>
void add_padded(store::Params& params, const std::vector<T>& values) {
  for (std::size_t i = 0; i < padded(values.size()); ++i)
    params.emplace_back(values[std::min(i, values.size() - 1)]);
}

// A word that is one term found as is (a two-syllable word): a document holds it when it has the posting.
bool simple(const QueryWord& w) {
  return w.exact && w.terms.size() == 1 && !w.confirm;
}

// The simple words together, one row per document: (document_id, words, title_words, freq). Grouping the
// postings table itself (no UNION in between) lets PostgreSQL estimate the rows from its statistics.
std::string simple_words_sql(const std::vector<QueryWord>& words, store::Params& params, bool alone) {
  if (words.size() == 1 && alone) {
    params.emplace_back(store::Blob{words.front().terms.front()});
    return "SELECT document_id, 1 AS words, CASE WHEN title_count > 0 THEN 1 ELSE 0 END AS title_words, "
           "title_count + body_count AS freq FROM search_postings WHERE term = ?";
  }
  std::vector<store::Blob> terms;
  for (const auto& w : words) terms.push_back({w.terms.front()});
  add_padded(params, terms);
  return "SELECT document_id, COUNT(*) AS words, SUM(CASE WHEN title_count > 0 THEN 1 ELSE 0 END) AS "
         "title_words, "
         "SUM(title_count + body_count) AS freq FROM search_postings WHERE term IN (" +
         placeholders(padded(terms.size())) + ") GROUP BY document_id";
}

// One other word, one row per document holding it: (document_id, 1, title_hit, freq).
std::string word_sql(const QueryWord& w, store::Params& params) {
  if (!w.exact) {
    params.emplace_back(store::Blob{w.low});
    params.emplace_back(store::Blob{w.high});
    return "SELECT document_id, 1 AS words, MAX(CASE WHEN title_count > 0 THEN 1 ELSE 0 END) AS title_words, "
           "SUM(title_count + body_count) AS freq FROM search_postings WHERE term >= ? AND term < ? "
           "GROUP BY document_id";
  }
  std::vector<store::Blob> terms;
  for (const auto& t : w.terms) terms.push_back({t});
  add_padded(params, terms);
  params.emplace_back(static_cast<std::int64_t>(w.terms.size()));
  std::string sql =
      "SELECT document_id, 1 AS words, CASE WHEN MIN(title_count) > 0 THEN 1 ELSE 0 END AS title_words, "
      "MIN(title_count + body_count) AS freq FROM search_postings WHERE term IN (" +
      placeholders(padded(w.terms.size())) + ") GROUP BY document_id HAVING COUNT(*) = ?";
  if (w.confirm) {
    const std::string pattern = "%" + w.text + "%";  // syllables only: no LIKE wildcard to escape
    params.emplace_back(pattern);
    params.emplace_back(pattern);
    sql +=
        " AND EXISTS (SELECT 1 FROM search_texts t WHERE t.document_id = search_postings.document_id AND "
        "(t.title LIKE ? OR t.body LIKE ?))";
  }
  return sql;
}

// (document_id, words, title_words, freq) for every document holding at least one word.
std::string scored_sql(const std::vector<QueryWord>& words, store::Params& params) {
  std::vector<QueryWord> simple_words, others;
  for (const auto& w : words) (simple(w) ? simple_words : others).push_back(w);
  // Statement shapes depend on each word's kind, so the other words go in a canonical order of kind.
  std::stable_sort(others.begin(), others.end(), [](const QueryWord& a, const QueryWord& b) {
    auto key = [](const QueryWord& w) { return std::tuple(w.exact, padded(w.terms.size()), w.confirm); };
    return key(a) < key(b);
  });
  std::vector<std::string> arms;
  if (!simple_words.empty()) arms.push_back(simple_words_sql(simple_words, params, others.empty()));
  for (const auto& w : others) arms.push_back(word_sql(w, params));
  if (arms.size() == 1) return arms.front();  // already one row per document
  std::string sql =
      "SELECT document_id, CAST(SUM(words) AS BIGINT), CAST(SUM(title_words) AS BIGINT), "
      "CAST(SUM(freq) AS BIGINT) FROM (";
  for (std::size_t i = 0; i < arms.size(); ++i) sql += (i ? " UNION ALL " : "") + arms[i];
  return sql + ") arms GROUP BY document_id";
}

std::string visibility_sql(const search::Visibility& v, store::Params& params) {
  std::vector<std::string> parts;
  if (!v.everywhere.empty()) {
    parts.push_back("d.action IN (" + placeholders(padded(v.everywhere.size())) + ")");
    add_padded(params, v.everywhere);
  }
  if (!v.own.empty()) {
    parts.push_back("(d.action IN (" + placeholders(padded(v.own.size())) +
                    ") AND substr(d.organization_path, 1, ?) = ?)");
    add_padded(params, v.own);
    params.emplace_back(static_cast<std::int64_t>(v.own_path.size()));
    params.emplace_back(v.own_path);
  }
  if (parts.empty()) return "1 = 0";
  return parts.size() == 1 ? parts[0] : "(" + parts[0] + " OR " + parts[1] + ")";
}

}  // namespace

Found find(store::Connection& c, const search::Query& query, const search::Visibility& visibility,
           std::string_view source, std::int64_t limit, std::int64_t offset) {
  store::Params params;  // bound in the order the SQL is written: build it step by step
  std::string sql = "WITH scored (document_id, words, title_words, freq) AS (";
  sql += scored_sql(query.words, params);
  // Rank and page over the narrow document rows; only the page's texts are read.
  sql +=
      "), page AS (SELECT s.document_id, s.words, s.title_words, s.freq, d.updated_at, COUNT(*) OVER () AS "
      "total "
      "FROM scored s CROSS JOIN search_documents d WHERE d.id = s.document_id AND ";
  sql += visibility_sql(visibility, params);
  if (!source.empty()) {
    sql += " AND d.source = ?";
    params.emplace_back(source);
  }
  sql +=
      " ORDER BY s.words DESC, s.title_words DESC, s.freq DESC, d.updated_at DESC, d.id DESC LIMIT ? OFFSET "
      "?) "
      "SELECT d.id, d.source, d.record_id, t.title, t.body, d.url, d.action, d.organization_path, "
      "d.updated_at, "
      "p.words, p.title_words, p.freq, p.total FROM page p CROSS JOIN search_documents d CROSS JOIN "
      "search_texts t "
      "WHERE d.id = p.document_id AND t.document_id = p.document_id ORDER BY p.words DESC, p.title_words "
      "DESC, "
      "p.freq DESC, p.updated_at DESC, d.id DESC";
  params.emplace_back(limit);
  params.emplace_back(offset);
  Found found;
  for (const auto& r : c.query(sql, params)) {
    found.total = r.int64(12);
    found.matches.push_back({r.int64(0), r.text(1), r.int64(2), r.text(3), r.text(4), r.text(5), r.text(6),
                             r.text(7), r.int64(8), static_cast<int>(r.int64(9)),
                             static_cast<int>(r.int64(10)), r.int64(11)});
  }
  return found;
}

std::int64_t upsert_document(store::Connection& c, std::string_view source, std::int64_t record_id,
                             std::string_view action, std::string_view organization_path,
                             Timestamp updated_at, std::string_view url) {
  return c.query(kUpsert, {source, record_id, action, organization_path, updated_at, url}).front().int64(0);
}

void upsert_text(store::Connection& c, std::int64_t document_id, std::string_view title,
                 std::string_view body) {
  c.execute(kUpsertText, {document_id, title, body});
}

void delete_postings(store::Connection& c, std::int64_t document_id) {
  c.execute("DELETE FROM search_postings WHERE document_id = ?", {document_id});
}

void insert_postings(store::Connection& c, std::int64_t document_id, const std::vector<Posting>& postings) {
  auto it = postings.begin();
  std::size_t left = postings.size();
  for (const std::size_t chunk : kChunks) {
    while (left >= chunk) {
      store::Params params;
      params.reserve(chunk * 4);
      for (std::size_t i = 0; i < chunk; ++i, ++it) {
        params.emplace_back(store::Blob{it->term});
        params.emplace_back(document_id);
        params.emplace_back(it->title_count);
        params.emplace_back(it->body_count);
      }
      c.execute(insert_postings_sql(chunk), params);
      left -= chunk;
    }
  }
}

std::optional<std::int64_t> find_document_id(store::Connection& c, std::string_view source,
                                             std::int64_t record_id) {
  const auto rows =
      c.query("SELECT id FROM search_documents WHERE source = ? AND record_id = ?", {source, record_id});
  if (rows.empty()) return std::nullopt;
  return rows.front().int64(0);
}

void delete_document(store::Connection& c, std::int64_t document_id) {
  c.execute("DELETE FROM search_postings WHERE document_id = ?", {document_id});
  c.execute("DELETE FROM search_texts WHERE document_id = ?", {document_id});
  c.execute("DELETE FROM search_documents WHERE id = ?", {document_id});
}

void update_organization_paths(store::Connection& c, std::string_view from, std::string_view to) {
  c.execute(
      "UPDATE search_documents SET organization_path = CAST(? AS TEXT) || substr(organization_path, ?) "
      "WHERE substr(organization_path, 1, ?) = ?",
      {to, static_cast<std::int64_t>(from.size()) + 1, static_cast<std::int64_t>(from.size()), from});
}

std::optional<std::int64_t> find_source_version(store::Connection& c, std::string_view source) {
  const auto rows = c.query("SELECT version FROM search_sources WHERE source = ?", {source});
  if (rows.empty()) return std::nullopt;
  return rows.front().int64(0);
}

void mark_source_indexed(store::Connection& c, std::string_view source, std::int64_t version, Timestamp at) {
  c.execute("DELETE FROM search_sources WHERE source = ?", {source});
  c.execute("INSERT INTO search_sources (source, version, indexed_at) VALUES (?, ?, ?)",
            {source, version, at});
}

void delete_source_documents(store::Connection& c, std::string_view source) {
  c.execute(
      "DELETE FROM search_postings WHERE document_id IN (SELECT id FROM search_documents WHERE source = ?)",
      {source});
  c.execute(
      "DELETE FROM search_texts WHERE document_id IN (SELECT id FROM search_documents WHERE source = ?)",
      {source});
  c.execute("DELETE FROM search_documents WHERE source = ?", {source});
}

}  // namespace sotong::platform::search_store
