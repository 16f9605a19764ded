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

// Fields of the access log's own details (an export's row count, its filter and format).
const std::vector<Label>& shared_fields() {
  static const std::vector<Label> kLabels = {
      {"count", "건수"}, {"filter", "검색 조건"}, {"format", "형식"}, {"active", "사용 여부"}};
  return kLabels;
}

struct Registry {
  std::mutex mutex;
  std::vector<HistoryVocabulary> vocabularies;
};

Registry& registry() {
  static Registry r;
  return r;
}

std::string find(const std::vector<Label>& labels, std::string_view code) {
  for (const auto& l : labels)
    if (l.code == code) return l.text;
  return {};
}

}  // namespace

void register_vocabulary(const HistoryVocabulary& vocabulary) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto it = std::find_if(r.vocabularies.begin(), r.vocabularies.end(),
                         [&](const auto& v) { return v.record_type == vocabulary.record_type; });
  if (it != r.vocabularies.end()) {
    *it = vocabulary;
  } else {
    r.vocabularies.push_back(vocabulary);
  }
}

std::string record_type_label(std::string_view record_type) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& v : r.vocabularies)
    if (v.record_type == record_type) return v.label;
  return std::string(record_type);
}

std::string action_label(std::string_view action) {
  if (auto shared = find(shared_actions(), action); !shared.empty()) return shared;
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& v : r.vocabularies)
    if (auto label = find(v.actions, action); !label.empty()) return label;
  return std::string(action);
}

std::string field_label(std::string_view field, std::string_view record_type) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& v : r.vocabularies)
    if (v.record_type == record_type)
      if (auto label = find(v.fields, field); !label.empty()) return label;
  if (auto shared = find(shared_fields(), field); !shared.empty()) return shared;
  for (const auto& v : r.vocabularies)
    if (auto label = find(v.fields, field); !label.empty()) return label;
  return std::string(field);
}

std::vector<std::pair<std::string, std::string>> known_actions() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : shared_actions()) out.emplace_back(l.code, l.text);
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& v : r.vocabularies) {
    for (const auto& l : v.actions) {
      const bool seen = std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == l.code; });
      if (!seen) out.emplace_back(l.code, l.text);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> known_record_types() {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& v : r.vocabularies) out.emplace_back(v.record_type, v.label);
  return out;
}

}  // namespace sotong::platform::history
