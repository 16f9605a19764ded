#include "modules/suggestions/suggestion_reply_template_service.hpp"

#include <optional>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_reply_template_store.hpp"
#include "platform/history/history.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

/// Whose templates the actor manages: nullopt for every bureau (the coordinator), else the actor's bureau;
/// forbidden when neither.
Result<std::optional<std::int64_t>> managed_bureau(const platform::ServiceContext& svc,
                                                   const Directory& directory) {
  if (svc.policy.allows(svc.actor, kCoordinate)) return std::optional<std::int64_t>{};
  const std::int64_t bureau = directory.bureau_of(svc.actor.organization_id);
  if (bureau != 0 && svc.policy.allows(svc.actor, kHandle)) return std::optional<std::int64_t>{bureau};
  return Error::forbidden("회신 서식은 실국 담당자와 시·군정책협력담당이 관리합니다.");
}

void name_bureaus(const Directory& directory, std::vector<ReplyTemplate>& list) {
  for (auto& t : list) t.bureau_name = directory.ref(t.bureau_id).name;
}

platform::history::Fields fields(const ReplyTemplate& t) {
  return {{"title", t.title}, {"bureau_id", t.bureau_id}};
}

/// The template, when the actor manages its bureau; not_found otherwise (its existence is not told).
Result<ReplyTemplate> managed(store::Connection& c, const platform::ServiceContext& svc,
                              const Directory& directory, std::int64_t id) {
  auto scope = managed_bureau(svc, directory);
  if (!scope) return scope.error();
  auto found = reply_template_store::find(c, id);
  if (!found || (*scope && **scope != found->bureau_id)) return Error::not_found(kTemplateNotFound);
  found->bureau_name = directory.ref(found->bureau_id).name;
  return std::move(*found);
}

}  // namespace

Result<std::vector<ReplyTemplate>> list_reply_templates(const platform::ServiceContext& svc) {
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<ReplyTemplate>> {
    const auto directory = Directory::load(c);
    auto scope = managed_bureau(svc, directory);
    if (!scope) return scope.error();
    auto list = reply_template_store::list(c, *scope);
    name_bureaus(directory, list);
    return list;
  });
}

Result<ReplyTemplate> get_reply_template(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) { return managed(c, svc, Directory::load(c), id); });
}

Result<std::int64_t> create_reply_template(const platform::ServiceContext& svc,
                                           const ReplyTemplateInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    const auto directory = Directory::load(c);
    auto scope = managed_bureau(svc, directory);
    if (!scope) return scope.error();
    auto valid = validate_reply_template(input);
    std::int64_t bureau = 0;
    if (*scope) {
      bureau = **scope;
    } else {
      const auto id = platform::parse_id(trim(input.bureau));
      const auto bureaus = directory.active_ids(platform::OrganizationKind::bureau);
      if (id && std::find(bureaus.begin(), bureaus.end(), *id) != bureaus.end()) bureau = *id;
    }
    std::vector<FieldError> errors;
    if (!valid) errors = valid.error().fields;
    if (bureau == 0) errors.push_back({"bureau", "서식을 쓸 실국을 골라 주십시오."});
    if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
    valid->bureau_id = bureau;
    const auto id = reply_template_store::insert(c, *valid, svc.actor.account_id, now());
    valid->id = id;
    platform::history::record_change(
        c, svc.actor,
        {"suggestion_reply_template", id, "create", "", platform::history::to_json(fields(*valid))});
    return id;
  });
}

Result<void> update_reply_template(const platform::ServiceContext& svc, std::int64_t id,
                                   const ReplyTemplateInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = managed(c, svc, Directory::load(c), id);
    if (!before) return before.error();
    auto valid = validate_reply_template(input);
    if (!valid) return valid.error();
    valid->id = id;
    valid->bureau_id = before->bureau_id;
    reply_template_store::update(c, *valid, now());
    platform::history::record_change(
        c, svc.actor,
        {"suggestion_reply_template", id, "update", platform::history::to_json(fields(*before)),
         platform::history::to_json(fields(*valid))});
    return {};
  });
}

Result<void> delete_reply_template(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = managed(c, svc, Directory::load(c), id);
    if (!before) return before.error();
    reply_template_store::mark_deleted(c, id, now());
    platform::history::record_change(
        c, svc.actor,
        {"suggestion_reply_template", id, "delete", platform::history::to_json(fields(*before)), ""});
    return {};
  });
}

std::vector<ReplyTemplate> bureau_reply_templates(store::Connection& c, std::int64_t bureau_id) {
  return reply_template_store::list(c, bureau_id);
}

}  // namespace sotong::suggestions
