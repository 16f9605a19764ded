// Secrets: random tokens, keyed and plain token hashes, argon2id password hashes (libsodium).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sotong::platform {

/// Initialises libsodium; call once at start (idempotent). Throws when the library cannot start.
void init_crypto();

/// A URL-safe random token with `bytes` bytes of entropy (session ids, CSRF tokens, API tokens).
std::string random_token(std::size_t bytes = 32);

/// A random positive 63-bit id, for rows whose id must not tell the order they were written in (survey
/// responses).
std::int64_t random_id();
/// Hex BLAKE2b-256 of a token: what the database stores instead of the token itself.
std::string token_hash(std::string_view token);

/// argon2id hash in the standard encoded form ("$argon2id$v=19$m=…").
std::string hash_password(std::string_view password);
/// True when `password` matches the encoded hash. Constant-time in the password.
bool verify_password(std::string_view password, const std::string& encoded);

/// Constant-time equality for secrets of equal length.
bool secrets_equal(std::string_view a, std::string_view b);

/// Encrypts `plaintext` so that only a request carrying the same session token can read it back (the key is
/// derived from the token and `purpose`; any node derives it, and nothing is stored on the server). Used to
/// carry a one-time value across a redirect in a cookie: base64url of nonce and ciphertext.
std::string seal_for_session(std::string_view session_token, std::string_view purpose,
                             std::string_view plaintext);
/// The plaintext, or nullopt when the value was sealed for another session or purpose, or was altered.
std::optional<std::string> open_for_session(std::string_view session_token, std::string_view purpose,
                                            std::string_view sealed);

}  // namespace sotong::platform
