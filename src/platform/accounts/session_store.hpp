// Sessions kept in the database (so every node sees them): only a hash of the cookie's token is stored.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/role.hpp"
#include "platform/settings.hpp"
#include "store/database.hpp"

namespace sotong::platform::sessions {

struct Opened {
  std::string token;  // goes into the cookie, never into the database
  std::string csrf;
};

struct Found {
  Actor actor;
  std::string hash;
  std::string csrf;
  Timestamp last_seen_at = 0;
  bool must_change_password = false;
};

/// Starts a session for an account (a fresh id at every login: no fixation).
Opened open(store::Connection& c, std::int64_t account_id, std::string_view remote_address,
            std::string_view user_agent, Timestamp now);

/// The live session for a cookie token; an idle or too-old session is deleted and not returned.
std::optional<Found> find(store::Connection& c, std::string_view token, Timestamp now,
                          const Settings& settings);

/// Records activity; written at most once a minute so reads stay reads.
void touch(store::Connection& c, const Found& session, Timestamp now);

/// Keeps a session alive: its last activity becomes `now` (the idle dialog's "연장").
void extend(store::Connection& c, std::string_view hash, Timestamp now);

void close(store::Connection& c, std::string_view hash);
void close_all_for(store::Connection& c, std::int64_t account_id);
/// Ends the account's sessions except the one with `keep_hash` (after a password change).
void close_others_for(store::Connection& c, std::int64_t account_id, std::string_view keep_hash);

/// Deletes every session past the idle or the absolute timeout at `now`; returns how many.
std::int64_t purge_expired(store::Connection& c, Timestamp now, const Settings& settings);

/// The actor of an active account with its organisation and roles, or nullopt.
std::optional<Actor> load_actor(store::Connection& c, std::int64_t account_id);
/// The same by login id: for work done as a named person outside a request (demo data, a mentioned
/// colleague's rights), never for signing in.
std::optional<Actor> load_actor_by_login(store::Connection& c, std::string_view login_id);
/// The same in a read of its own: how the demo loaders and the command line act as a named account.
std::optional<Actor> load_actor_by_login(store::Database& db, std::string_view login_id);

}  // namespace sotong::platform::sessions
