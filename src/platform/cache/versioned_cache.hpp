// A value computed from the database and kept in memory until the data it came from changes: the organisation
// directory, the working-day calendar, a module's figures. Correct across nodes, restores and command-line
// runs, because each use reads the data's tokens (one scan of a handful of rows) before anything else in its
// transaction.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "platform/cache/data_version.hpp"
#include "store/database.hpp"

namespace sotong::platform {

template <typename T>
class VersionedCache {
 public:
  /// `names`: the data the value is computed from, each bumped by its writers (data_version::bump).
  /// `capacity`: how many keys are kept; past it the cache starts again empty (keys are per scope or year,
  /// a few dozen in practice).
  explicit VersionedCache(std::vector<std::string> names, std::size_t capacity = 256)
      : names_(std::move(names)), capacity_(capacity) {}

  /// The value for `key` as the data stands in this transaction: the kept one while the tokens are those it
  /// was computed under, else `load()` (run here, in the caller's transaction) kept under the tokens read
  /// before it ran. A write committed while `load` runs makes the next call compute again, never the reverse.
  template <typename Load>
  std::shared_ptr<const T> get(store::Connection& c, const std::string& key, Load&& load) {
    const std::string token = data_version::token(c, names_);
    if (!token.empty()) {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end() && it->second.token == token) return it->second.value;
    }
    auto value = std::make_shared<const T>(load());
    if (token.empty()) return value;
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && entries_.find(key) == entries_.end()) entries_.clear();
    entries_[key] = {token, value};
    return value;
  }

 private:
  struct Entry {
    std::string token;
    std::shared_ptr<const T> value;
  };
  std::vector<std::string> names_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace sotong::platform
