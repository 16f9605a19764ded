#include "platform/crypto.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace sotong::platform {
namespace {
// OWASP's argon2id profile (19 MiB, 2 passes): a login costs tens of milliseconds and memory stays small.
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19 * 1024 * 1024;
}  // namespace

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::int64_t random_id() {
  std::uint64_t raw = 0;
  randombytes_buf(&raw, sizeof raw);
  // The top bit cleared and zero avoided: a positive BIGINT on both engines.
  const auto id = static_cast<std::int64_t>(raw >> 1);
  return id == 0 ? 1 : id;
}

namespace {
using SessionKey = std::array<unsigned char, crypto_secretbox_KEYBYTES>;

SessionKey session_key(std::string_view session_token, std::string_view purpose) {
  SessionKey key{};
  unsigned char token_key[crypto_generichash_KEYBYTES];
  crypto_generichash(token_key, sizeof token_key,
                     reinterpret_cast<const unsigned char*>(session_token.data()), session_token.size(),
                     nullptr, 0);
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(purpose.data()),
                     purpose.size(), token_key, sizeof token_key);
  sodium_memzero(token_key, sizeof token_key);
  return key;
}
}  // namespace

std::string seal_for_session(std::string_view session_token, std::string_view purpose,
                             std::string_view plaintext) {
  SessionKey key = session_key(session_token, purpose);
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        box.data(), key.data());
  sodium_memzero(key.data(), key.size());
  std::string out(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), box.data(), box.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> open_for_session(std::string_view session_token, std::string_view purpose,
                                            std::string_view sealed) {
  std::vector<unsigned char> box(sealed.size());
  std::size_t length = 0;
  if (sodium_base642bin(box.data(), box.size(), sealed.data(), sealed.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  SessionKey key = session_key(session_token, purpose);
  std::string plain(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const int failed = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                                box.data() + crypto_secretbox_NONCEBYTES,
                                                length - crypto_secretbox_NONCEBYTES, box.data(), key.data());
  sodium_memzero(key.data(), key.size());
  if (failed != 0) return std::nullopt;
  return plain;
}

std::string token_hash(std::string_view token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(std::string_view password, const std::string& encoded) {
  if (encoded.empty()) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

bool secrets_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sotong::platform
