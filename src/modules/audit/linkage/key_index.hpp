// The rows of a data set by a 64-bit key (a person's hash, or a hash of several key columns): the smaller
// side of a match, probed once per row of the larger side.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sotong::audit::linkage {

/// An open-addressing table, at most half full, of 16-byte slots. A key held by one row (nearly every person
/// in a deaths register) keeps that row in its slot, so a probe touches one cache line; a key held by several
/// rows points at a run of them in a side array.
class KeyIndex {
 public:
  /// Indexes row r under keys[r]; key 0 (a missing value) is left out.
  explicit KeyIndex(std::span<const std::uint64_t> keys);

  /// The rows holding the key, in ascending order; empty when none does (always for key 0).
  std::span<const std::uint32_t> find(std::uint64_t key) const {
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key && key != 0) {
        return s.count == 1 ? std::span<const std::uint32_t>(&s.first, 1)
                            : std::span<const std::uint32_t>(rows_.data() + s.first, s.count);
      }
      if (s.key == 0) return {};
    }
  }

  /// Asks the processor to fetch the key's slot ahead of find, which hides most of a cache miss when
  /// probes are issued a batch at a time.
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[slot_of(key)]); }

  /// False when no row holds the key, true when one probably does. A bitmap of 16 bits per key, two of them
  /// set per key in one 64-bit word (about 2% false hits), is small enough to stay in the processor's cache
  /// and answers most probes of keys the index lacks (two refunds in three name nobody in a deaths register)
  /// with one read and without touching the table.
  bool may_hold(std::uint64_t key) const {
    const std::uint64_t h = filter_hash(key);
    return (filter_[h >> filter_shift_] & filter_bits(h)) == filter_bits(h);
  }
  void prefetch_filter(std::uint64_t key) const {
    __builtin_prefetch(&filter_[filter_hash(key) >> filter_shift_]);
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t first = 0;  // the row, or with count > 1 the first of its rows in rows_
    std::uint32_t count = 0;
  };

  // Fibonacci hashing: the key's top bits, after a multiply that spreads keys that differ in few bits.
  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  static std::uint64_t filter_hash(std::uint64_t key) { return (key ^ (key >> 31U)) * 0xC2B2AE3D27D4EB4FULL; }
  // The word is chosen by the hash's top bits, the two bits in it by bits from its middle.
  static std::uint64_t filter_bits(std::uint64_t h) {
    return (std::uint64_t{1} << ((h >> 20U) & 63U)) | (std::uint64_t{1} << ((h >> 26U) & 63U));
  }

  std::vector<Slot> slots_;
  std::vector<std::uint64_t> filter_;
  unsigned filter_shift_ = 64;
  std::vector<std::uint32_t> rows_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
};

}  // namespace sotong::audit::linkage
