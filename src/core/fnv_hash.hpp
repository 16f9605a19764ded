// FNV-1a over bytes: a small, fast, non-cryptographic hash for short keys (a code in a dictionary, a job
// kind's lock number). Not for anything an attacker chooses to collide: use a keyed hash there.
#pragma once

#include <cstdint>
#include <string_view>

namespace sotong {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ULL;

/// FNV-1a of `bytes`, continuing from `h` (so that several pieces hash as their concatenation).
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffsetBasis) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace sotong
