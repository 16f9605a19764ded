#include "platform/history/history_rules.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "core/korean_text.hpp"
#include "platform/web/params.hpp"

namespace sotong::platform::history {
namespace {

void add_field(crypto_generichash_state& state, std::string_view value) {
  const std::string prefix = std::to_string(value.size()) + ":";
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()), prefix.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()), value.size());
}

bool is_code(std::string_view text) {
  return !text.empty() && text.size() <= 40 &&
         std::all_of(text.begin(), text.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
}
}  // namespace

const std::string kGenesis(64, '0');

std::string entry_hash(const Entry& e, std::string_view prev_hash) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  for (std::string_view field :
       {std::string_view("sotong-history-v1"), std::string_view(e.kind), std::string_view(e.login_id),
        std::string_view(e.actor_name), std::string_view(e.remote_address), std::string_view(e.action),
        std::string_view(e.record_type), std::string_view(e.subject), std::string_view(e.before),
        std::string_view(e.after)}) {
    add_field(state, field);
  }
  for (std::int64_t n : {e.occurred_at, e.account_id, e.record_id}) add_field(state, std::to_string(n));
  add_field(state, prev_hash);
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

std::string storable_text(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < max_chars; ++chars) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out.push_back('?');
      ++i;
    } else {
      if (text[i] != '\0') out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string_view access_action_code(AccessAction action) {
  switch (action) {
    case AccessAction::view:
      return "view";
    case AccessAction::input:
      return "input";
    case AccessAction::change:
      return "change";
    case AccessAction::remove:
      return "remove";
    case AccessAction::print:
      return "print";
    case AccessAction::download:
      return "download";
  }
  return "view";
}

std::string_view sign_in_action_code(SignInOutcome outcome) {
  switch (outcome) {
    case SignInOutcome::success:
      return kLogin;
    case SignInOutcome::failure:
      return kLoginFailed;
    case SignInOutcome::locked:
      return kLoginLocked;
    case SignInOutcome::logout:
      return kLogout;
  }
  return kLogin;
}

std::string kind_label(std::string_view kind) {
  if (kind == kChange) return "변경";
  if (kind == kAccess) return "접속";
  return std::string(kind);
}

Result<Filter> parse_filter(const http::Form& q) {
  Filter f;
  std::vector<FieldError> errors;
  auto text = [&](std::string_view name, std::string& out) {
    const std::string raw = q.get(name);
    if (raw.empty()) return;
    if (!clean_line(raw, out) || char_count(out) > 100) {
      out.clear();
      errors.push_back({std::string(name), "100자 이내의 글자로 입력해 주십시오."});
    }
  };
  text("login", f.login_id);
  text("subject", f.subject);
  const std::string record_type(trim(q.get("record_type")));
  if (!record_type.empty()) {
    if (is_code(record_type)) {
      f.record_type = record_type;
    } else {
      errors.push_back({"record_type", "대상 유형은 영문 소문자 코드입니다 (예: organization)."});
    }
  }
  const std::string record_id(trim(q.get("record_id")));
  if (!record_id.empty()) {
    f.record_id = parse_id(record_id);
    if (!f.record_id) errors.push_back({"record_id", "대상 번호는 1 이상의 정수로 입력해 주십시오."});
  }
  std::optional<CivilDate> from, to;
  if (const std::string raw(trim(q.get("from"))); !raw.empty()) {
    from = parse_date(raw);
    if (from) {
      f.from = seoul_day_start(*from);
    } else {
      errors.push_back({"from", "시작일은 2026-01-31 형식의 날짜로 입력해 주십시오."});
    }
  }
  if (const std::string raw(trim(q.get("to"))); !raw.empty()) {
    to = parse_date(raw);
    if (to) {
      f.until = seoul_day_start(*to) + 86400;
    } else {
      errors.push_back({"to", "종료일은 2026-01-31 형식의 날짜로 입력해 주십시오."});
    }
  }
  if (f.from && f.until && *f.from >= *f.until)
    errors.push_back({"to", "종료일은 시작일과 같거나 뒤여야 합니다."});
  const std::string kind(trim(q.get("kind")));
  if (kind == kChange || kind == kAccess) {
    f.kind = kind;
  } else if (!kind.empty()) {
    errors.push_back({"kind", "구분은 변경(change) 또는 접속(access)입니다."});
  }
  const std::string action(trim(q.get("action")));
  if (is_code(action)) {
    f.action = action;
  } else if (!action.empty()) {
    errors.push_back({"action", "작업은 영문 소문자 코드입니다 (예: update)."});
  }
  if (const std::string raw(trim(q.get("before"))); !raw.empty()) {
    f.before_id = parse_id(raw);
    if (!f.before_id) errors.push_back({"before", "쪽 위치가 올바르지 않습니다."});
  }
  if (!errors.empty()) return Error::invalid("검색 조건을 확인해 주십시오.", std::move(errors));
  return f;
}

std::string filter_query(const Filter& f) {
  std::string out;
  auto add = [&](std::string_view name, const std::string& value) { http::append_query(out, name, value); };
  add("login", f.login_id);
  add("record_type", f.record_type);
  add("record_id", f.record_id ? std::to_string(*f.record_id) : "");
  add("subject", f.subject);
  add("from", f.from ? format_seoul_date(*f.from) : "");
  add("to", f.until ? format_seoul_date(*f.until - 86400) : "");
  add("kind", f.kind);
  add("action", f.action);
  return out;
}

std::vector<exports::Column> export_columns() {
  using exports::ColumnKind;
  return {{"번호", 8, ColumnKind::number},         {"일시(한국 시간)", 20, ColumnKind::date},
          {"구분", 6, ColumnKind::text},           {"작업", 14, ColumnKind::text},
          {"아이디", 14, ColumnKind::text},        {"이름", 10, ColumnKind::text},
          {"접속 주소", 16, ColumnKind::text},     {"대상 유형", 10, ColumnKind::text},
          {"대상 번호", 8, ColumnKind::number},    {"대상", 20, ColumnKind::text},
          {"정보주체", 18, ColumnKind::text},      {"변경 내용", 50, ColumnKind::text},
          {"변경 전(JSON)", 30, ColumnKind::text}, {"변경 후(JSON)", 30, ColumnKind::text},
          {"해시", 20, ColumnKind::text}};
}

std::vector<std::string> export_row(const Entry& e, const RecordNames& names) {
  return {std::to_string(e.id),
          format_seoul_second(e.occurred_at),
          kind_label(e.kind),
          action_label(e.action),
          e.login_id,
          e.actor_name,
          e.remote_address,
          record_type_label(e.record_type),
          e.record_id ? std::to_string(e.record_id) : "",
          record_name(e, names),
          e.subject,
          change_text(e, names),
          e.before,
          e.after,
          e.hash};
}

}  // namespace sotong::platform::history
