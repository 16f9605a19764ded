// What the pages of 문제해결형 TFT (task forces) show, as template views: one place that turns records into
// Korean display text, so that the list, the page and the suggestion's page say the same thing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/suggestions/suggestion_task_force_service.hpp"
#include "render/view.hpp"

namespace sotong::suggestions {

/// The KRDS badge colour of a status: formed grey, active blue, closed green.
std::string_view task_force_badge(TaskForceStatus status);

/// One row of the list: name, status, linked suggestions the person may see, and whether they are on the
/// team.
render::View task_force_row_view(const TaskForceRow& row);

/// After a refused post from one of the page's forms: which form ("member", "expert", "field_check",
/// "report", "close"), what was typed and the errors, so that the form opens again filled in with each error
/// beside its field.
struct PanelEcho {
  std::string panel;
  const http::Form* form = nullptr;
  std::vector<FieldError> errors;
};

/// The page of one task force: for its team everything with a form for each step they may take now, for
/// anyone else its name, status and the suggestions they may see.
render::View task_force_file_view(const TaskForceFile& file, const std::vector<MemberChoiceGroup>& choices,
                                  CivilDate today, const PanelEcho& echo = {});

/// The form that forms or edits a task force, with what was typed and each error beside its field.
render::View task_force_form_view(const TaskForceInput& input, const std::vector<FieldError>& errors);

/// The plan's own page: the text to edit, as stored or as typed.
render::View plan_form_view(const TaskForceFile& file, const std::string& plan,
                            const std::vector<FieldError>& errors);

/// A field check's own page (its photos are added by the attachments section).
render::View field_check_view(const FieldCheckFile& file);

/// The task forces a suggestion belongs to, for the suggestion's page: name, status and link.
render::View linked_task_forces_view(const std::vector<TaskForce>& task_forces);

}  // namespace sotong::suggestions
