#include <array>
#include <boost/json.hpp>

#include "modules/audit/linkage/scenario.hpp"

namespace sotong::audit::linkage {
namespace {

namespace json = boost::json;

constexpr std::int64_t kVersion = 1;
constexpr std::array<std::string_view, 3> kKindNames{"match", "duplicate", "split"};
constexpr std::array<std::string_view, 6> kCompareNames{"lt", "le", "eq", "ne", "ge", "gt"};

json::array strings(const std::vector<std::string>& values) {
  json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return a;
}

// Reads members off a JSON object, remembering the first thing that is wrong.
class ObjectReader {
 public:
  explicit ObjectReader(const json::object& object, std::string where = "")
      : object_(object), where_(std::move(where)) {}

  void text(std::string_view key, std::string& out) {
    const auto* v = object_.if_contains(key);
    if (v == nullptr) return;
    if (!v->is_string()) return fail(key, "문자열이어야 합니다");
    out = std::string(v->get_string());
  }

  template <typename Int>
  void integer(std::string_view key, Int& out) {
    const auto* v = object_.if_contains(key);
    if (v == nullptr) return;
    if (!v->is_int64() && !v->is_uint64()) return fail(key, "정수여야 합니다");
    const auto n = v->to_number<std::int64_t>();
    if (n < std::numeric_limits<Int>::min() || n > std::numeric_limits<Int>::max()) {
      return fail(key, "범위를 벗어났습니다");
    }
    out = static_cast<Int>(n);
  }

  void text_list(std::string_view key, std::vector<std::string>& out) {
    const auto* v = object_.if_contains(key);
    if (v == nullptr) return;
    if (!v->is_array()) return fail(key, "문자열 목록이어야 합니다");
    for (const auto& item : v->get_array()) {
      if (!item.is_string()) return fail(key, "문자열 목록이어야 합니다");
      out.emplace_back(item.get_string());
    }
  }

  void compare(std::string_view key, Compare& out) {
    std::string name;
    text(key, name);
    if (name.empty()) return fail(key, "비교(lt, le, eq, ne, ge, gt)가 있어야 합니다");
    const auto op = compare_from_name(name);
    if (!op) return fail(key, "알 수 없는 비교입니다");
    out = *op;
  }

  /// Each object of an array member, read by `each`.
  template <typename Each>
  void objects(std::string_view key, Each each) {
    const auto* v = object_.if_contains(key);
    if (v == nullptr) return;
    if (!v->is_array()) return fail(key, "객체 목록이어야 합니다");
    for (const auto& item : v->get_array()) {
      if (!item.is_object()) return fail(key, "객체 목록이어야 합니다");
      ObjectReader inner(item.get_object(), std::string(key));
      each(inner);
      if (!inner.problem_.empty() && problem_.empty()) problem_ = inner.problem_;
    }
  }

  const std::string& problem() const { return problem_; }

 private:
  void fail(std::string_view key, std::string_view what) {
    if (!problem_.empty()) return;
    problem_ = (where_.empty() ? "" : where_ + ".") + std::string(key) + ": " + std::string(what);
  }

  const json::object& object_;
  std::string where_;
  std::string problem_;
};

}  // namespace

std::string_view kind_name(ScenarioKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<ScenarioKind> scenario_kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<ScenarioKind>(i);
  }
  return std::nullopt;
}

std::string_view compare_name(Compare op) {
  return kCompareNames[static_cast<std::size_t>(op)];
}

std::optional<Compare> compare_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kCompareNames.size(); ++i) {
    if (kCompareNames[i] == name) return static_cast<Compare>(i);
  }
  return std::nullopt;
}

std::string to_json(const Scenario& s) {
  json::array keys;
  for (const auto& [p, q] : s.join_keys) keys.push_back(json::object{{"primary", p}, {"secondary", q}});
  json::array conditions;
  for (const auto& c : s.conditions) {
    conditions.push_back(json::object{{"primary_column", c.primary_column},
                                      {"op", compare_name(c.op)},
                                      {"secondary_column", c.secondary_column}});
  }
  json::array filters;
  for (const auto& f : s.filters) {
    filters.push_back(json::object{{"column", f.column}, {"op", compare_name(f.op)}, {"value", f.value}});
  }
  const json::object o{{"version", kVersion},
                       {"code", s.code},
                       {"title", s.title},
                       {"description", s.description},
                       {"kind", kind_name(s.kind)},
                       {"primary_role", s.primary_role},
                       {"secondary_role", s.secondary_role},
                       {"join_keys", std::move(keys)},
                       {"conditions", std::move(conditions)},
                       {"filters", std::move(filters)},
                       {"group_by", strings(s.group_by)},
                       {"date_column", s.date_column},
                       {"window_days", s.window_days},
                       {"amount_column", s.amount_column},
                       {"threshold", s.threshold},
                       {"min_count", s.min_count},
                       {"region_column", s.region_column},
                       {"id_column", s.id_column}};
  return json::serialize(o);
}

Result<Scenario> scenario_from_json(std::string_view text) {
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return Error::invalid("시나리오 JSON을 읽을 수 없습니다.");
  const json::object& o = value.get_object();
  ObjectReader in(o);
  std::int64_t version = 0;
  in.integer("version", version);
  if (in.problem().empty() && version != kVersion) {
    return Error::invalid("시나리오 JSON의 판(" + std::to_string(version) + ")을 읽을 수 없습니다.");
  }
  Scenario s;
  std::string kind;
  in.text("code", s.code);
  in.text("title", s.title);
  in.text("description", s.description);
  in.text("kind", kind);
  in.text("primary_role", s.primary_role);
  in.text("secondary_role", s.secondary_role);
  in.objects("join_keys", [&](ObjectReader& k) {
    std::pair<std::string, std::string> key;
    k.text("primary", key.first);
    k.text("secondary", key.second);
    s.join_keys.push_back(std::move(key));
  });
  in.objects("conditions", [&](ObjectReader& c) {
    ColumnCondition condition;
    c.text("primary_column", condition.primary_column);
    c.compare("op", condition.op);
    c.text("secondary_column", condition.secondary_column);
    s.conditions.push_back(std::move(condition));
  });
  in.objects("filters", [&](ObjectReader& f) {
    ValueFilter filter;
    f.text("column", filter.column);
    f.compare("op", filter.op);
    f.text("value", filter.value);
    s.filters.push_back(std::move(filter));
  });
  in.text_list("group_by", s.group_by);
  in.text("date_column", s.date_column);
  in.integer("window_days", s.window_days);
  in.text("amount_column", s.amount_column);
  in.integer("threshold", s.threshold);
  in.integer("min_count", s.min_count);
  in.text("region_column", s.region_column);
  in.text("id_column", s.id_column);
  if (!in.problem().empty())
    return Error::invalid("시나리오 JSON이 올바르지 않습니다: " + in.problem() + ".");
  const auto k = scenario_kind_from_name(kind);
  if (!k)
    return Error::invalid("시나리오 JSON의 종류(kind)는 match, duplicate, split 가운데 하나여야 합니다.");
  s.kind = *k;
  return s;
}

}  // namespace sotong::audit::linkage
