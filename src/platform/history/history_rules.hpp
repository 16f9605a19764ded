// Pure rules of the history: the hash over an entry's canonical fields, the search form's parsing and the
// rows of the CSV and XLSX export (how an entry reads: history_display.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/form.hpp"
#include "platform/exports/table.hpp"
#include "platform/history/history.hpp"
#include "platform/history/history_display.hpp"
#include "platform/history/history_entry.hpp"
#include "platform/history/history_labels.hpp"

namespace sotong::platform::history {

/// The prev_hash of the first entry ever written: 64 zeros.
extern const std::string kGenesis;

/// Hex BLAKE2b-256 over the entry's fields (length-prefixed, so no two entries share a form) and
/// `prev_hash`. The entry's id, hash and prev_hash members are not read.
std::string entry_hash(const Entry& entry, std::string_view prev_hash);

/// Text a stored entry may hold: valid UTF-8 without NUL, at most `max_chars` characters; anything else
/// is replaced so that both engines store (and hash) exactly the same bytes.
std::string storable_text(std::string_view text, std::size_t max_chars);

std::string_view access_action_code(AccessAction action);
std::string_view sign_in_action_code(SignInOutcome outcome);

/// Korean label of an entry's kind: 변경 / 접속 (other labels: history_labels.hpp).
std::string kind_label(std::string_view kind);

/// Reads the search form / API query (login, record_type, record_id, subject, from, to, kind, action,
/// before); Korean field errors for values that cannot be right.
Result<Filter> parse_filter(const http::Form& query);

/// The query string that reproduces the filter (without the keyset position), for links.
std::string filter_query(const Filter& filter);

/// The export's columns and one row per entry: time in Korean time, labels and names as the list shows them,
/// every change with its values (the file has no detail page), and the raw data for a machine.
std::vector<exports::Column> export_columns();
std::vector<std::string> export_row(const Entry& entry, const RecordNames& names = {});

}  // namespace sotong::platform::history
