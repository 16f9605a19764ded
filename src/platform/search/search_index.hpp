// The search index every module writes to: one document per searchable record, updated in the same
// transaction as the record.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace sotong::platform::search {

/// What a module registers for one record.
struct Document {
  std::string source;  // the module's source code, e.g. "organizations" (see register_source)
  std::int64_t record_id = 0;
  std::string title;
  std::string body;
  std::string url;     // where the result leads, e.g. "/admin/organizations/12"
  std::string action;  // the policy action a person needs to open `url`
  /// The record's organisation ("/1/12/"): for an action scoped to the actor's organisation, only people
  /// of that organisation's subtree (and province-wide roles) see the result.
  std::string organization_path;
  Timestamp updated_at = 0;  // 0: now
};

/// Adds or replaces the record's document and its terms, on the caller's connection (so inside the
/// transaction that writes the record). Throws std::invalid_argument for text that is not valid UTF-8 or an
/// empty source, action or url: modules pass cleaned input.
void index(store::Connection& c, const Document& document);

/// Removes the record's document, if any.
void remove(store::Connection& c, std::string_view source, std::int64_t record_id);

/// Moves every document of the organisation subtree `from` ("/1/12/") under `to` ("/1/30/12/"), when an
/// organisation moves.
void move_organization_paths(store::Connection& c, std::string_view from, std::string_view to);

/// A kind of record modules index, with its Korean label shown beside results.
struct Source {
  std::string code;   // "organizations"
  std::string label;  // "기관"
  /// Indexes every record of the source (on the given connection, inside a transaction). Run when the
  /// source is new to a database or the index format changed (rebuild_stale_sources).
  std::function<void(store::Connection&)> reindex;
};

/// Registers a source (from a module's manifest()); registering a code again replaces it.
void register_source(Source source);
/// The registered label of a source, or its code when none is registered.
std::string source_label(std::string_view code);
/// Every registered source, in the order registered.
std::vector<Source> sources();

/// Version of the index format; a database indexed with another version is rebuilt source by source.
inline constexpr std::int64_t kIndexVersion = 2;  // 2: organisations lead to the directory

/// Rebuilds each of `sources` (the registered ones, at start) that this database has not indexed with
/// kIndexVersion yet: a new installation, a source added by an upgrade. Safe to run on every start of every
/// node: a source is rebuilt once. Returns the number of sources rebuilt.
int rebuild_stale_sources(store::Database& db, const std::vector<Source>& sources);

}  // namespace sotong::platform::search
