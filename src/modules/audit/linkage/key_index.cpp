#include "modules/audit/linkage/key_index.hpp"

namespace sotong::audit::linkage {

KeyIndex::KeyIndex(std::span<const std::uint64_t> keys) {
  std::size_t capacity = 16;
  unsigned bits = 4;
  while (capacity < keys.size() * 2) {
    capacity *= 2;
    ++bits;
  }
  slots_.resize(capacity);
  mask_ = capacity - 1;
  shift_ = 64 - bits;
  // The filter has 8 bits per slot, so 16 per key or more: capacity / 8 words of 64 bits (capacity >= 16).
  filter_.resize(capacity / 8);
  filter_shift_ = 64 - (bits - 3);
  // First pass: one slot per key with its first row and its count.
  for (std::size_t r = 0; r < keys.size(); ++r) {
    const std::uint64_t key = keys[r];
    if (key == 0) continue;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) {
        ++s.count;
        break;
      }
      if (s.key == 0) {
        s = {key, static_cast<std::uint32_t>(r), 1};
        const std::uint64_t h = filter_hash(key);
        filter_[h >> filter_shift_] |= filter_bits(h);
        break;
      }
    }
  }
  // Second pass: keys of several rows get a run in rows_; `first` walks down from the run's end as the rows
  // are placed from last to first, so it ends at the run's start with the rows ascending.
  std::uint32_t next = 0;
  for (auto& s : slots_) {
    if (s.count > 1) {
      next += s.count;
      s.first = next;
    }
  }
  if (next == 0) return;  // every key on one row: nothing more to place
  rows_.resize(next);
  for (std::size_t r = keys.size(); r-- > 0;) {
    const std::uint64_t key = keys[r];
    if (key == 0) continue;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) {
        if (s.count > 1) rows_[--s.first] = static_cast<std::uint32_t>(r);
        break;
      }
    }
  }
}

}  // namespace sotong::audit::linkage
