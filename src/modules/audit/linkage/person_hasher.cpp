#include "modules/audit/linkage/person_hasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace sotong::audit::linkage {

static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

PersonHasher::PersonHasher(std::span<const unsigned char, 16> key) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  std::copy(key.begin(), key.end(), key_);
}

std::uint64_t PersonHasher::hash(std::string_view normalized_13_digits) const {
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, reinterpret_cast<const unsigned char*>(normalized_13_digits.data()),
                   normalized_13_digits.size(), key_);
  std::uint64_t h = 0;
  for (int i = 7; i >= 0; --i) h = (h << 8U) | out[i];
  return h == 0 ? 1 : h;  // 0 is kMissingPerson; one hash in 2⁶⁴ moves over
}

std::string person_label(std::uint64_t hash) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string label = "개인 #";
  for (int shift = 60; shift >= 32; shift -= 4)
    label.push_back(kHex[(hash >> static_cast<unsigned>(shift)) & 0xFU]);
  return label;
}

}  // namespace sotong::audit::linkage
