#include "modules/audit/linkage/code_table.hpp"

#include <utility>

#include "core/fnv_hash.hpp"

namespace sotong::audit::linkage {
namespace {

// FNV-1a: codes are a few bytes long, where it is as good as anything and costs nothing to set up.
std::uint64_t hash_bytes(std::string_view s) {
  return fnv1a(s);
}

}  // namespace

std::uint32_t CodeTable::id(std::string_view code) {
  if (!values_.empty() && values_[last_] == code) return last_;
  if (slots_.empty()) slots_.assign(64, 0);
  const std::uint64_t h = hash_bytes(code);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) {
      const auto id = static_cast<std::uint32_t>(values_.size());
      values_.emplace_back(code);
      hashes_.push_back(h);
      slots_[i] = id + 1;
      if (values_.size() * 2 > slots_.size()) grow();
      last_ = id;
      return id;
    }
    if (hashes_[slot - 1] == h && values_[slot - 1] == code) {
      last_ = slot - 1;
      return last_;
    }
  }
}

std::vector<std::string> CodeTable::take_values() {
  std::vector<std::string> out = std::move(values_);
  values_.clear();
  hashes_.clear();
  slots_.clear();
  last_ = 0;
  return out;
}

void CodeTable::grow() {
  slots_.assign(slots_.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t id = 0; id < values_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<std::uint32_t>(id + 1);
  }
}

}  // namespace sotong::audit::linkage
