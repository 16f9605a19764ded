// A stored history entry (one row of history_entries) and the filter the log is searched with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace sotong::platform::history {

inline constexpr std::string_view kChange = "change";
inline constexpr std::string_view kAccess = "access";

/// The actions of sign-in entries (kind access, record type account).
inline constexpr std::string_view kLogin = "login";
inline constexpr std::string_view kLoginFailed = "login_failed";
inline constexpr std::string_view kLoginLocked = "login_locked";
inline constexpr std::string_view kLogout = "logout";

/// The record type and action of the entry `prune` leaves as the chain's new starting point.
inline constexpr std::string_view kHistoryRecord = "history";
inline constexpr std::string_view kPrune = "prune";

struct Entry {
  std::int64_t id = 0;
  std::string kind;  // change | access
  Timestamp occurred_at = 0;
  std::int64_t account_id = 0;  // 0: the console, or an unknown login id
  std::string login_id;
  std::string actor_name;  // the actor's name at the time
  std::string remote_address;
  std::string action;
  std::string record_type;
  std::int64_t record_id = 0;  // 0: no single record (a list)
  std::string subject;         // whose personal data (access entries)
  std::string before;          // JSON object or ""
  std::string after;           // JSON object or "" (access entries: details)
  std::string prev_hash;       // hex BLAKE2b-256 of the previous entry
  std::string hash;            // hex BLAKE2b-256 over this entry's fields and prev_hash
};

/// What the admin pages, the API and the export search by. Times are UTC bounds of Korean days.
struct Filter {
  std::string login_id;  // who acted (exact)
  std::string record_type;
  std::optional<std::int64_t> record_id;
  std::string subject;                    // part of whose data
  std::optional<Timestamp> from;          // inclusive
  std::optional<Timestamp> until;         // exclusive
  std::string kind;                       // change | access | ""
  std::string action;                     // "" for any
  std::optional<std::int64_t> before_id;  // keyset: entries with a smaller id
  /// Record types whose entries are left out whatever else is asked: those the reader may not read
  /// (HistoryVocabulary::read_action). Set by the service from the reader's roles, never from the query.
  std::vector<std::string> hidden_record_types = {};
};

}  // namespace sotong::platform::history
