#include "platform/history/history_display.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <optional>

#include "core/clock.hpp"
#include "core/korean_text.hpp"
#include "platform/history/history_labels.hpp"

namespace sotong::platform::history {
namespace {

/// A list cell stays short: one change is shown with its values only when both are this short.
constexpr std::size_t kShortValue = 20;
/// The labels a summary names before "외 N개".
constexpr std::size_t kSummaryLabels = 3;

boost::json::object parse_object(std::string_view text) {
  if (text.empty()) return {};
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.get_object());
}

std::string label_of(const HistoryField& field, std::string_view code) {
  for (const auto& l : field.values)
    if (l.code == code) return l.text;
  return {};
}

/// "2026-11-25T05:03:09Z" (format_iso_utc) as Korean time; the text itself when it is not such a time.
std::string korean_time(std::string_view iso) {
  const auto date = iso.size() == 20 ? parse_date(iso.substr(0, 10)) : std::nullopt;
  auto digits = [&](std::size_t at) {
    const char a = iso[at], b = iso[at + 1];
    return (a >= '0' && a <= '9' && b >= '0' && b <= '9') ? (a - '0') * 10 + (b - '0') : -1;
  };
  if (!date || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' || iso[19] != 'Z') return std::string(iso);
  const int h = digits(11), m = digits(14), s = digits(17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::string(iso);
  return format_seoul_second(days_from_civil(*date) * 86400 + h * 3600 + m * 60 + s);
}

/// The type of the record a referring field's id names, or "" when the field refers to none.
std::string referred_type(const HistoryField& field, const boost::json::object& record) {
  if (!field.refers_to.empty()) return field.refers_to;
  if (field.refers_to_type_in.empty()) return {};
  const auto* type = record.if_contains(field.refers_to_type_in);
  return type && type->is_string() ? std::string(type->get_string()) : std::string();
}

std::optional<std::int64_t> as_id(const boost::json::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v.get_uint64());
  return std::nullopt;
}

std::string value_text(const HistoryField& field, const boost::json::value& v, const RecordNames& names,
                       const boost::json::object& record) {
  if (v.is_null()) return "(없음)";
  if (const auto type = referred_type(field, record); !type.empty()) {
    if (const auto id = as_id(v)) {
      const auto found = names.find({type, *id});
      if (found != names.end()) return found->second.name;
      return record_type_label(type) + " #" + std::to_string(*id);
    }
  }
  switch (v.kind()) {
    case boost::json::kind::bool_: {
      const auto label = label_of(field, v.get_bool() ? "true" : "false");
      if (!label.empty()) return label;
      return v.get_bool() ? "예" : "아니요";
    }
    case boost::json::kind::int64:
    case boost::json::kind::uint64: {
      const std::string number =
          v.is_int64() ? std::to_string(v.get_int64()) : std::to_string(v.get_uint64());
      const auto label = label_of(field, number);
      return label.empty() ? number : label;
    }
    case boost::json::kind::string: {
      const std::string_view text = v.get_string();
      if (text.empty()) return "(빈 값)";
      if (field.names_record_type) return record_type_label(text);
      if (field.utc_time) return korean_time(text);
      const auto label = label_of(field, text);
      return label.empty() ? std::string(text) : label;
    }
    case boost::json::kind::array: {
      std::string out;
      for (const auto& item : v.get_array())
        out += (out.empty() ? "" : ", ") + value_text(field, item, names, record);
      return out.empty() ? "(없음)" : out;
    }
    case boost::json::kind::double_:
    case boost::json::kind::object:
    case boost::json::kind::null:
      break;
  }
  return boost::json::serialize(v);
}

FieldChange change_of(std::string_view key, std::string_view record_type, const RecordNames& names,
                      const boost::json::value* before, const boost::json::object& before_record,
                      const boost::json::value* after, const boost::json::object& after_record) {
  const HistoryField field = field_of(key, record_type);
  return {std::string(key), field.label, before ? value_text(field, *before, names, before_record) : "",
          after ? value_text(field, *after, names, after_record) : ""};
}

/// "기관명: 가 → 나": one change with its values, as the export and a short list cell show it.
std::string with_values(const FieldChange& c, bool created, bool removed) {
  if (created || c.before.empty()) return c.label + ": " + c.after;  // a new record, or a new field
  if (removed) return c.label + ": " + c.before;
  return c.label + ": " + c.before + " → " + c.after;
}

}  // namespace

std::vector<RecordKey> references(const Entry& e) {
  std::vector<RecordKey> out;
  if (e.record_id) out.emplace_back(e.record_type, e.record_id);
  for (const auto& json : {e.before, e.after}) {
    const auto record = parse_object(json);
    for (const auto& [key, value] : record) {
      const auto type = referred_type(field_of(key, e.record_type), record);
      const auto id = as_id(value);
      if (!type.empty() && id) out.emplace_back(type, *id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string readable_value(const HistoryField& field, std::string_view value_json, const RecordNames& names,
                           std::string_view record_json) {
  boost::system::error_code ec;
  const auto v = boost::json::parse(value_json, ec);
  if (ec) return std::string(value_json);
  return value_text(field, v, names, parse_object(record_json));
}

bool record_gone(const Entry& e, const RecordNames& names) {
  if (!e.record_id) return false;
  const auto v = vocabulary(e.record_type);
  return v && v->records && !names.count({e.record_type, e.record_id});
}

std::string record_name(const Entry& e, const RecordNames& names) {
  if (!e.record_id) return {};
  if (const auto found = names.find({e.record_type, e.record_id}); found != names.end())
    return found->second.name;
  if (const auto v = vocabulary(e.record_type); v && !v->name_field.empty()) {
    for (const auto& json : {e.after, e.before}) {
      const auto record = parse_object(json);
      const auto* value = record.if_contains(v->name_field);
      if (value && value->is_string() && !value->get_string().empty())
        return std::string(value->get_string());
    }
  }
  return {};
}

std::string record_text(const Entry& e, const RecordNames& names) {
  const std::string label = record_type_label(e.record_type);
  if (!e.record_id) return label;
  const std::string name = record_name(e, names);
  const std::string out = label + (name.empty() ? " #" + std::to_string(e.record_id) : " " + name);
  return record_gone(e, names) ? out + " (지금은 없음)" : out;
}

std::vector<FieldChange> diff(std::string_view before_json, std::string_view after_json,
                              std::string_view record_type, const RecordNames& names) {
  const auto before = parse_object(before_json);
  const auto after = parse_object(after_json);
  const bool created = before_json.empty();
  std::vector<FieldChange> out;
  for (const auto& [key, value] : after) {
    const auto* old = before.if_contains(key);
    if (!created && old && *old == value) continue;
    out.push_back(change_of(key, record_type, names, old, before, &value, after));
  }
  for (const auto& [key, value] : before) {
    if (after.contains(key)) continue;
    auto change = change_of(key, record_type, names, &value, before, nullptr, after);
    if (!after_json.empty()) change.after = "(없음)";
    out.push_back(std::move(change));
  }
  return out;
}

std::vector<FieldChange> fields_of(std::string_view json, std::string_view record_type,
                                   const RecordNames& names) {
  const auto record = parse_object(json);
  std::vector<FieldChange> out;
  for (const auto& [key, value] : record)
    out.push_back(change_of(key, record_type, names, nullptr, {}, &value, record));
  return out;
}

std::string summary(const Entry& e, const RecordNames& names) {
  if (e.kind == kAccess) return truncate_chars(e.subject, 100);
  const auto changes = diff(e.before, e.after, e.record_type, names);
  if (changes.empty()) return {};
  const bool created = e.before.empty();
  if (created && e.action == "create") return "새 기록 (항목 " + std::to_string(changes.size()) + "개)";
  if (changes.size() == 1 && char_count(changes[0].before) <= kShortValue &&
      char_count(changes[0].after) <= kShortValue)
    return with_values(changes[0], created, e.after.empty());
  std::string out;
  for (std::size_t i = 0; i < changes.size() && i < kSummaryLabels; ++i)
    out += (i ? ", " : "") + changes[i].label;
  if (changes.size() > kSummaryLabels) out += " 외 " + std::to_string(changes.size() - kSummaryLabels) + "개";
  return created ? out : out + " 변경";
}

std::string change_text(const Entry& e, const RecordNames& names) {
  if (e.kind != kChange) return {};
  std::string out;
  for (const auto& c : diff(e.before, e.after, e.record_type, names))
    out += (out.empty() ? "" : ", ") + with_values(c, e.before.empty(), e.after.empty());
  return truncate_chars(out, 2000);
}

}  // namespace sotong::platform::history
