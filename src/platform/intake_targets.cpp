#include "platform/intake_targets.hpp"

#include "platform/coded_registry.hpp"

namespace sotong::platform {
namespace {

CodedRegistry<IntakeTarget>& target_registry() {
  static CodedRegistry<IntakeTarget> targets;
  return targets;
}

}  // namespace

void register_intake_target(IntakeTarget target) {
  target_registry().put(std::move(target));
}

std::vector<IntakeTarget> intake_targets() {
  return target_registry().all();
}

std::optional<IntakeTarget> intake_target(std::string_view code) {
  return target_registry().find(code);
}

}  // namespace sotong::platform
