#include "platform/history/history_labels.hpp"

#include <algorithm>
#include <mutex>

namespace sotong::platform::history {
namespace {

// Actions every module shares: changes, the access log's 조회/입력/변경/삭제/출력/다운로드 and sign-in.
const std::vector<Label>& shared_actions() {
  static const std::vector<Label> kLabels = {
      {"create", "등록"},
      {"update", "수정"},
      {"deactivate", "비활성화"},
      {"activate", "다시 사용"},
      {"delete", "삭제"},
      {"view", "조회"},
      {"input", "입력"},
      {"change", "변경"},
      {"remove", "삭제"},
      {"print", "출력"},
      {"download", "다운로드"},
      {"login", "로그인 성공"},
      {"login_failed", "로그인 실패"},
      {"login_locked", "로그인 잠김"},
      {"logout", "로그아웃"},
  };
  return kLabels;
}

// Fields of the access log's own details (an export's row count, its filter and format) and the state every
// record that can be deactivated shares.
const std::vector<HistoryField>& shared_fields() {
  static const std::vector<HistoryField> kFields = {
      {"count", "건수"},
      {"filter", "검색 조건"},
      {.code = "format", .label = "형식", .values = {{"csv", "CSV"}, {"xlsx", "엑셀(XLSX)"}}},
      {.code = "active", .label = "상태", .values = {{"true", "사용"}, {"false", "비활성"}}}};
  return kFields;
}

struct Registry {
  std::mutex mutex;
  std::vector<std::shared_ptr<const HistoryVocabulary>> vocabularies;
};

Registry& registry() {
  static Registry r;
  return r;
}

std::vector<std::shared_ptr<const HistoryVocabulary>> all_vocabularies() {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  return r.vocabularies;
}

std::string find(const std::vector<Label>& labels, std::string_view code) {
  for (const auto& l : labels)
    if (l.code == code) return l.text;
  return {};
}

const HistoryField* find_field(const std::vector<HistoryField>& fields, std::string_view code) {
  for (const auto& f : fields)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace

void register_vocabulary(const HistoryVocabulary& vocabulary) {
  auto& r = registry();
  auto shared = std::make_shared<const HistoryVocabulary>(vocabulary);
  std::lock_guard lock(r.mutex);
  auto it = std::find_if(r.vocabularies.begin(), r.vocabularies.end(),
                         [&](const auto& v) { return v->record_type == vocabulary.record_type; });
  if (it != r.vocabularies.end()) {
    *it = std::move(shared);
  } else {
    r.vocabularies.push_back(std::move(shared));
  }
}

std::shared_ptr<const HistoryVocabulary> vocabulary(std::string_view record_type) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& v : r.vocabularies)
    if (v->record_type == record_type) return v;
  return nullptr;
}

std::string record_type_label(std::string_view record_type) {
  const auto v = vocabulary(record_type);
  return v ? v->label : std::string(record_type);
}

std::string action_label(std::string_view action) {
  if (auto shared = find(shared_actions(), action); !shared.empty()) return shared;
  for (const auto& v : all_vocabularies())
    if (auto label = find(v->actions, action); !label.empty()) return label;
  return std::string(action);
}

HistoryField field_of(std::string_view field, std::string_view record_type) {
  const auto all = all_vocabularies();
  for (const auto& v : all)
    if (v->record_type == record_type)
      if (const auto* f = find_field(v->fields, field)) return *f;
  if (const auto* f = find_field(shared_fields(), field)) return *f;
  // Another type's label before the bare code; but not its values or references, which are its own.
  for (const auto& v : all)
    if (const auto* f = find_field(v->fields, field)) return {f->code, f->label};
  return {std::string(field), std::string(field)};
}

std::string field_label(std::string_view field, std::string_view record_type) {
  return field_of(field, record_type).label;
}

std::vector<std::pair<std::string, std::string>> known_actions() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : shared_actions()) out.emplace_back(l.code, l.text);
  for (const auto& v : all_vocabularies()) {
    for (const auto& l : v->actions) {
      const bool seen = std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == l.code; });
      if (!seen) out.emplace_back(l.code, l.text);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> known_record_types() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& v : all_vocabularies()) out.emplace_back(v->record_type, v->label);
  return out;
}

std::vector<std::string> hidden_record_types(const Policy& policy, const Actor& actor) {
  std::vector<std::string> out;
  for (const auto& v : all_vocabularies())
    if (!v->read_action.empty() && !policy.allows(actor, v->read_action)) out.push_back(v->record_type);
  return out;
}

bool may_read_record_type(const Policy& policy, const Actor& actor, std::string_view record_type) {
  const auto v = vocabulary(record_type);
  return !v || v->read_action.empty() || policy.allows(actor, v->read_action);
}

}  // namespace sotong::platform::history
