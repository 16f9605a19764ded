// The data a template renders: a small tree of text, booleans, objects and lists.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::render {

/// A value handed to a template. Kept independent of the mustache library so modules never include it.
class View {
 public:
  enum class Kind { text, boolean, object, list };

  View() : kind_(Kind::object) {}
  View(std::string text) : kind_(Kind::text), text_(std::move(text)) {}  // NOLINT
  View(std::string_view text) : kind_(Kind::text), text_(text) {}        // NOLINT
  View(const char* text) : kind_(Kind::text), text_(text) {}             // NOLINT
  View(bool b) : kind_(Kind::boolean), flag_(b) {}                       // NOLINT
  View(int n) : kind_(Kind::text), text_(std::to_string(n)) {}           // NOLINT
  View(long n) : kind_(Kind::text), text_(std::to_string(n)) {}          // NOLINT
  View(long long n) : kind_(Kind::text), text_(std::to_string(n)) {}     // NOLINT

  static View list() {
    View v;
    v.kind_ = Kind::list;
    return v;
  }
  /// An object of these fields, in this order; a key given twice keeps its first place and its last value.
  static View object(std::initializer_list<std::pair<std::string, View>> fields);

  /// Sets a field of an object view; returns *this for chaining.
  View& set(std::string key, View value);
  /// Appends to a list view.
  View& push(View value);
  bool empty_list() const { return kind_ == Kind::list && (!items_ || items_->empty()); }

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  const std::vector<std::pair<std::string, View>>& fields() const;
  const std::vector<View>& items() const;

 private:
  using Fields = std::vector<std::pair<std::string, View>>;
  using Items = std::vector<View>;
  Kind kind_;
  std::string text_;
  bool flag_ = false;
  // Shared until written: pages build a view by handing lists and objects into `object({…})`, whose
  // initializer_list can only be copied from, so a copy must not copy the rows beneath it. set() and push()
  // copy the level they change when another view still shares it.
  std::shared_ptr<Fields> fields_;
  std::shared_ptr<Items> items_;
};

}  // namespace sotong::render
