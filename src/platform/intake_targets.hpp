// Matters another module can be asked to open: the platform's interface between a module that collects
// something (a workshop's opinions) and the module that keeps matters of that kind (suggestions), so that
// neither includes the other. A target registers through its manifest; the asking module looks it up by code
// and calls `open`, which files the matter under the target's own rules, history and notifications in the
// target's own transaction (a refusal comes back as the target's Korean error, and nothing is written).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "platform/service_context.hpp"

namespace sotong::platform {

/// What the asking module hands over, in its own words; the target decides what it accepts.
struct IntakeRequest {
  std::string title;
  std::string content;
  /// The organisations the matter came from or concerns, the one raising it first.
  std::vector<std::int64_t> organizations;
  std::string domain;  // the policy domain's code (GLOSSARY: budget, personnel, project, …)
  /// Where it was raised, as the target's own channel code ("workshop") — the target refuses one it does not
  /// know — and, for its timeline, in words ("2026년 상반기 정책협력 워크숍").
  std::string channel;
  std::string origin;
  std::string origin_href;  // the page of what it came from ("/meetings/42#opinion-7")
};

/// The matter opened: its id in the target and its page.
struct IntakeResult {
  std::int64_t id = 0;
  std::string href;
};

struct IntakeTarget {
  std::string code;   // "suggestions"
  std::string label;  // "건의사항"
  /// Opens the matter as the actor, in one transaction of the target's, or refuses with its reason.
  std::function<Result<IntakeResult>(const ServiceContext&, const IntakeRequest&)> open;
  /// Whether the actor may open matters here at all, so that the asking module offers the action only to
  /// those it can succeed for; unset means anyone (`open` still decides each request).
  std::function<bool(const Policy&, const Actor&)> accepts;
};

/// Registers a target (from a module's manifest); registering a code again replaces it.
void register_intake_target(IntakeTarget target);
/// Every registered target, in the order registered.
std::vector<IntakeTarget> intake_targets();
/// The target with this code, or nullopt.
std::optional<IntakeTarget> intake_target(std::string_view code);

}  // namespace sotong::platform
