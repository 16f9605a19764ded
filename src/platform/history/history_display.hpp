// How an entry reads to an auditor: values through the labels the manifests give (codes, booleans, other
// records by name, times in Korean time), the record it concerns by name, the changed fields and a one-line
// summary. Pure: the names of records come in as a map the service filled from their owners.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/extension_points.hpp"
#include "platform/history/history_entry.hpp"

namespace sotong::platform::history {

/// A record named in the history: its type and id.
using RecordKey = std::pair<std::string, std::int64_t>;

/// The records entries name that still exist, as their owners name them now (history_service fills it).
using RecordNames = std::map<RecordKey, HistoryRecord>;

/// The records an entry names: its own (when it has an id) and every other record a field of its
/// before/after data refers to (an organisation's parent_id, an attachment's owner).
std::vector<RecordKey> references(const Entry& entry);

/// One JSON value of a field as an auditor reads it: a code by the field's label for it, a boolean as
/// 예/아니요 (or the field's labels), another record by its name (that record's type and number when it
/// is gone), a record type by its label, a UTC time in Korean time, null as "(없음)", a list item by item.
/// `record_json` is the object the value belongs to, for a field whose record type another field names.
std::string readable_value(const HistoryField& field, std::string_view value_json,
                           const RecordNames& names = {}, std::string_view record_json = {});

/// The name of the record an entry concerns: as its owner names it now, else as the entry's own data named
/// it (a record that is gone); "" for a list or a record nobody names.
std::string record_name(const Entry& entry, const RecordNames& names = {});

/// The record an entry concerns, by name: "기관 전주시", "첨부파일 보고서.pdf (지금은 없음)", "계정" for a
/// list. A record that is gone keeps the name its own before/after data gave it.
std::string record_text(const Entry& entry, const RecordNames& names = {});

/// Is the entry's record known to be gone (its type names its records, and this one is not among them)?
bool record_gone(const Entry& entry, const RecordNames& names);

struct FieldChange {
  std::string field;
  std::string label;
  std::string before;  // readable text ("예", "(없음)", "시스템 관리자, 감사")
  std::string after;
};

/// The fields whose value differs between the before and after JSON objects, in the after object's order
/// (fields only in `before` last). A record created lists every field with an empty before.
std::vector<FieldChange> diff(std::string_view before_json, std::string_view after_json,
                              std::string_view record_type = {}, const RecordNames& names = {});

/// The fields of one JSON object as readable text, for an access entry's details.
std::vector<FieldChange> fields_of(std::string_view json, std::string_view record_type = {},
                                   const RecordNames& names = {});

/// A short line for the list, never the contents themselves: "기관명, 상위 기관 변경" (the labels of the
/// changed fields, at most three), "상태: 사용 → 비활성" for one short change, "새 기록 (항목 6개)" for a
/// record created; the subject for an access. The detail page holds the whole before and after.
std::string summary(const Entry& entry, const RecordNames& names = {});

/// Every change readably, for a file that has no detail page: "기관명: 가 → 나, 상위 기관: 도 → 실국".
std::string change_text(const Entry& entry, const RecordNames& names = {});

}  // namespace sotong::platform::history
