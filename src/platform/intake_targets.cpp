#include "platform/intake_targets.hpp"

#include "platform/coded_registry.hpp"

namespace sotong::platform {
namespace {

CodedRegistry<IntakeTarget>& registry() {
  static CodedRegistry<IntakeTarget> targets;
  return targets;
}

}  // namespace

void register_intake_target(IntakeTarget target) {
  registry().put(std::move(target));
}

std::vector<IntakeTarget> intake_targets() {
  return registry().all();
}

std::optional<IntakeTarget> intake_target(std::string_view code) {
  return registry().find(code);
}

}  // namespace sotong::platform
