// What the history viewer calls record types, fields and actions: the shared vocabulary (create, view,
// login …) plus what each module's manifest registers for its own record types.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/extension_points.hpp"

namespace sotong::platform::history {

/// Adds a module's record type with its fields and actions (at start, from the manifests); registering a
/// record type again replaces it.
void register_vocabulary(const HistoryVocabulary& vocabulary);

/// The registered vocabulary of a record type, or null. It stays valid while held, even when replaced.
std::shared_ptr<const HistoryVocabulary> vocabulary(std::string_view record_type);

/// Korean labels; an unknown code is shown as it is.
std::string record_type_label(std::string_view record_type);
std::string action_label(std::string_view action);
/// The record type's own label for the field when it has one, else the first registered, else the code.
std::string field_label(std::string_view field, std::string_view record_type = {});
/// The field as the record type (or, failing that, the shared fields of the access log's details)
/// describes it; a field of the code alone when nobody does.
HistoryField field_of(std::string_view field, std::string_view record_type = {});

/// Every action the search form offers (shared ones first, then the modules'), with its label.
std::vector<std::pair<std::string, std::string>> known_actions();
/// Every registered record type with its label, in registration order.
std::vector<std::pair<std::string, std::string>> known_record_types();

/// The record types whose entries `actor` may not read: those registered with a read_action the policy does
/// not allow them.
std::vector<std::string> hidden_record_types(const Policy& policy, const Actor& actor);
/// Whether `actor` may read entries of `record_type` (an unregistered type or one without a read_action:
/// yes).
bool may_read_record_type(const Policy& policy, const Actor& actor, std::string_view record_type);

}  // namespace sotong::platform::history
