// Resident registration numbers become keyed 64-bit hashes at import, so the engine links people without
// keeping who they are.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sotong::audit::linkage {

/// SipHash-2-4 (libsodium's crypto_shorthash) under a secret 16-byte key the module keeps per installation.
///
/// Keyed, because the space of resident numbers is small (about 36,500 birth dates × 10 gender digits × 10⁶
/// serials ≈ 4·10¹¹, far fewer with a known birth year): an unkeyed hash of every possible number can be
/// computed in hours, which would turn the stored hashes back into numbers. Without the key nobody can.
///
/// 64 bits, because the chance that two of n people share a hash is about n²/2⁶⁵: for 10 million people
/// 10¹⁴/3.7·10¹⁹ ≈ 3·10⁻⁶, so a whole province's registers link without a false match in practice, while a
/// hash fits one machine word and the join stays fast.
class PersonHasher {
 public:
  /// Calls sodium_init() (idempotent); throws std::runtime_error when libsodium cannot start.
  explicit PersonHasher(std::span<const unsigned char, 16> key);

  /// The hash of a number given as its 13 digits (no hyphen); never 0, which marks a missing person.
  std::uint64_t hash(std::string_view normalized_13_digits) const;

 private:
  unsigned char key_[16] = {};
};

/// A short name for a hashed person on evidence screens, "개인 #1a2b3c4d" (the first 8 of 16 hex digits):
/// enough to tell the people of one result apart, not a way back to the number.
std::string person_label(std::uint64_t hash);

}  // namespace sotong::audit::linkage
