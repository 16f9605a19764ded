// What a module's manifest hands the platform besides routes and tables: menu entries, dashboard cards,
// header badges, history labels, indicators, settings, generators and (for one module) who is signed in.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/policy.hpp"
#include "platform/settings.hpp"
#include "store/database.hpp"

namespace sotong::platform {

class Web;

struct MenuEntry {
  std::string label;   // Korean, as shown in the header
  std::string href;    // "/admin/organizations"
  std::string action;  // shown only to actors the policy allows this action
  int order = 100;
  /// One sentence on what the person does there; the home page lists it under "할 수 있는 일".
  std::string description;
};

/// One figure on a dashboard card; it links to the list it counts, so the two always agree.
struct CardCount {
  std::string label;  // "활성 계정"
  std::int64_t value = 0;
  std::string href;         // the list that shows exactly these records
  std::string unit = "건";  // "건", "명", "개"
};

struct DashboardCard {
  std::string title;
  std::string action;  // shown only to actors allowed this action
  int order = 100;
  /// The card's figures for this actor (read inside one read transaction). Either this or `render`.
  std::function<std::vector<CardCount>(store::Connection&, const Actor&, const Policy&)> counts;
  /// The card's body HTML for this actor, rendered with the module's own templates.
  std::function<std::string(Web& web, const Actor& actor)> render;
  /// One sentence on what the person can do with this part of the system.
  std::string description;
};

/// Work waiting for the person ("잠긴 계정 2개"), listed first on the home page and linking to the list that
/// holds it, so that a home page answers "what should I do now". Modules add theirs (suggestions due,
/// meetings to attend, surveys to answer).
struct WaitingTask {
  std::string label;  // "읽지 않은 알림"
  std::int64_t count = 0;
  std::string unit;  // "건", "개"
  std::string href;  // the list holding exactly these items
};

struct TaskSource {
  std::string action;  // asked only for actors allowed this action
  int order = 100;
  /// What is waiting for this actor now (read inside the home page's read transaction); items with a count
  /// of 0 are not shown.
  std::function<std::vector<WaitingTask>(store::Connection&, const Actor&, const Policy&)> list;
};

/// A count beside the person's name in the header (unread notifications, tasks due), linking to its list.
struct HeaderBadge {
  std::string code;    // "notifications": names the badge in markup (class user-<code>)
  std::string label;   // "알림"
  std::string href;    // "/notifications"
  std::string action;  // shown only to actors allowed this action
  int order = 100;
  std::function<std::int64_t(store::Connection&, const Actor&)> count;
};

/// Records of a module that keep an organisation in use: it cannot be deactivated while any remain.
struct OrganizationUsage {
  std::string label;    // "소속 계정", shown on the organisation's page
  std::string unit;     // "명"
  std::string refusal;  // Korean: why deactivation is refused and what to do first
  std::function<std::int64_t(store::Connection&, std::int64_t organization_id)> count;
};

/// A code and what the screen calls it.
struct Label {
  std::string code;
  std::string text;
};

/// What the history viewer calls one field of a record type, and how it shows the field's values to an
/// auditor: codes by their labels, ids of other records by those records' names, times in Korean time.
struct HistoryField {
  std::string code;   // "kind": the key in the before/after JSON
  std::string label;  // "유형"
  /// Labels of the codes the field holds ({"agency", "유관기관"}); a boolean's are "true" and "false"
  /// (예 / 아니요 when not given). A value without a label is shown as it is.
  std::vector<Label> values = {};
  /// The record type whose id the field holds ("organization" for parent_id): shown by that record's name.
  std::string refers_to = {};
  /// For an id of a record of any type: the field of the same record that names its type ("owner_type").
  std::string refers_to_type_in = {};
  /// The value is a record type code ("organization"), shown by that type's label (기관).
  bool names_record_type = false;
  /// The value is a UTC time as written by format_iso_utc, shown in Korean time.
  bool utc_time = false;
};

/// One record that still exists, as its owner names it for the history viewer.
struct HistoryRecord {
  std::string name;    // "전주시", "최전주 (jeonju)"
  std::string href;    // its page ("/organizations/42"); "" when it has none
  std::string action;  // the policy action a viewer needs for the link to be shown
};

/// The records of one type that still exist among `ids`, on the caller's connection (ids gone are left out).
using HistoryRecordLookup = std::function<std::map<std::int64_t, HistoryRecord>(
    store::Connection&, const std::vector<std::int64_t>& ids)>;

/// What the history viewer calls one record type of a module, its fields and the actions on it, and how it
/// names and links one of its records.
struct HistoryVocabulary {
  std::string record_type;  // "organization": as written by history::record_change
  std::string label;        // "기관"
  std::vector<HistoryField> fields;
  std::vector<Label> actions;  // module-specific actions ("rename"); create/update/delete are shared
  /// The field of the record's own before/after data that names it ("name"): how a record that is gone
  /// (or a type without `records`) is still shown by name.
  std::string name_field = {};
  /// Names and pages of the type's records that still exist; the owner answers it from its own tables, so
  /// the history never reads another part's tables.
  HistoryRecordLookup records = {};
  /// When set, the type's entries (changes and accesses alike) are shown only to readers the policy allows
  /// this action; to anyone else the history viewer answers as if they did not exist (left out of searches,
  /// files and the API, 404 for one entry), whatever their right to read the rest of the log.
  std::string read_action = {};
};

enum class IndicatorPeriod { calendar_year };

/// An indicator's figure for one organisation.
struct IndicatorValue {
  std::int64_t organization_id = 0;
  double value = 0;
};

/// A named yearly figure per organisation (as Decidim's register_stat): the evaluation combines them into
/// each bureau's and 시·군's scorecard without knowing which module computes them.
struct Indicator {
  std::string code;    // "<module>.<name>", e.g. "accounts.active_accounts"
  std::string label;   // "활성 계정 수"
  std::string unit;    // "명", "건", "%", "일"
  std::string method;  // Korean: how the figure is computed, shown beside it
  std::string action;  // the policy action a person needs to read it
  IndicatorPeriod period = IndicatorPeriod::calendar_year;
  /// The figure of every organisation that has one for `year` (Korean calendar year), read-only.
  std::function<std::vector<IndicatorValue>(store::Connection&, int year)> compute;
};

enum class SettingType { integer, text, boolean };

/// One key a module reads from its section of the config file.
struct SettingSpec {
  std::string key;  // "max_file_mib"
  SettingType type = SettingType::text;
  std::string default_value;  // as it would be written in the file ("10", "true", "text")
  std::string description;    // Korean
  std::int64_t min = 0;       // for integers
  std::int64_t max = INT64_MAX;
};

/// A named maker of realistic records for benchmarks (`sotong generate NAME --count N`): fills a migrated
/// database that holds the demo organisations and accounts.
struct Generator {
  std::string name;         // "suggestions", as typed after `sotong generate`
  std::string description;  // Korean, what it makes: "건의사항"
  /// Makes `count` records and returns how many it made, or a Korean refusal (e.g. the demo accounts are
  /// missing).
  std::function<Result<std::int64_t>(store::Database&, std::int64_t count)> run;
};

/// A command of the module's own on the operator's console: `sotong NAME ARGS…` (e.g. `sotong surveys import
/// --campaign 3 answers.csv`). The program opens and migrates the database and hands over the words after
/// NAME; the command reads them itself, prints in Korean and returns the exit status (0 when it succeeded).
struct CliCommand {
  std::string name;         // "surveys": the word after `sotong`, usually the module's name
  std::string description;  // Korean, for `sotong --help`
  std::string usage;  // "import --campaign ID FILE": what follows the name, shown when the words are wrong
  std::function<int(store::Database&, const std::vector<std::string>& args)> run;
};

/// A signed-in browser session as the request pipeline needs it.
struct SignedInSession {
  Actor actor;
  std::string csrf;
  std::string hash;  // identifies the session (never the cookie's token)
  bool must_change_password = false;
};

/// Who is making a request. Provided by the accounts module, so that the platform names none.
struct IdentityProvider {
  /// The live session for a cookie token (its last activity brought up to date), or nullopt.
  std::function<std::optional<SignedInSession>(store::Database&, const Settings&, std::string_view token)>
      session;
  /// The actor of a valid API token, or nullopt.
  std::function<std::optional<Actor>(store::Database&, std::string_view token)> bearer;
  /// Display names of accounts by id (who changed a record), on the caller's connection.
  using DisplayNames = std::function<std::map<std::int64_t, std::string>(store::Connection&,
                                                                         const std::vector<std::int64_t>&)>;
  DisplayNames display_names;
};

}  // namespace sotong::platform
