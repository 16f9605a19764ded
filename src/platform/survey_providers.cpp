#include "platform/survey_providers.hpp"

#include "platform/coded_registry.hpp"

namespace sotong::platform {
namespace {

CodedRegistry<SurveyProvider>& provider_registry() {
  static CodedRegistry<SurveyProvider> providers;
  return providers;
}

}  // namespace

void register_survey_provider(SurveyProvider provider) {
  provider_registry().put(std::move(provider));
}

std::optional<SurveyProvider> survey_provider(std::string_view code) {
  return provider_registry().find(code);
}

}  // namespace sotong::platform
