#include "modules/audit/linkage/key_index.hpp"

#include <algorithm>
#include <utility>

#include "modules/audit/linkage/huge_pages.hpp"

namespace sotong::audit::linkage {

KeyIndex::KeyIndex(std::span<const std::uint64_t> keys) {
  std::size_t capacity = 16;
  unsigned bits = 4;
  while (capacity < keys.size() * 2) {
    capacity *= 2;
    ++bits;
  }
  slots_.reserve(capacity);
  advise_huge_pages(slots_.data(), capacity * sizeof(Slot));
  slots_.resize(capacity);
  mask_ = capacity - 1;
  shift_ = 64 - bits;
  // The filter has 8 bits per slot, so 16 per key or more: capacity / 8 words of 64 bits (capacity >= 16).
  filter_.resize(capacity / 8);
  filter_shift_ = 64 - (bits - 3);

  // One slot per key with its first row and its count, the slots of a batch of keys fetched ahead. A row
  // repeating a key is noted with its slot: such keys are few, and their runs are laid out from the notes.
  constexpr std::size_t kBatch = 16;
  std::vector<std::pair<std::size_t, std::uint32_t>> repeats;
  for (std::size_t at = 0; at < keys.size(); at += kBatch) {
    const std::size_t n = std::min(kBatch, keys.size() - at);
    for (std::size_t i = 0; i < n; ++i) prefetch(keys[at + i]);
    for (std::size_t r = at; r < at + n; ++r) {
      const std::uint64_t key = keys[r];
      if (key == 0) continue;
      for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
        Slot& s = slots_[i];
        if (s.key == key) {
          ++s.count;
          repeats.emplace_back(i, static_cast<std::uint32_t>(r));
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
  }
  if (repeats.empty()) return;  // every key on one row
  // A key of several rows gets a run in rows_: its first row (still in the slot), then its repeats, all
  // ascending since rows were read in order.
  std::stable_sort(repeats.begin(), repeats.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  rows_.reserve(repeats.size() * 2);
  for (std::size_t i = 0; i < repeats.size();) {
    const std::size_t slot = repeats[i].first;
    Slot& s = slots_[slot];
    const auto start = static_cast<std::uint32_t>(rows_.size());
    rows_.push_back(s.first);
    for (; i < repeats.size() && repeats[i].first == slot; ++i) rows_.push_back(repeats[i].second);
    s.first = start;
  }
}

}  // namespace sotong::audit::linkage
