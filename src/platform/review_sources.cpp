#include "platform/review_sources.hpp"

#include "platform/coded_registry.hpp"

namespace sotong::platform {
namespace {

CodedRegistry<ReviewSource>& review_registry() {
  static CodedRegistry<ReviewSource> sources;
  return sources;
}

}  // namespace

void register_review_source(ReviewSource source) {
  review_registry().put(std::move(source));
}

std::vector<ReviewSource> review_sources() {
  return review_registry().all();
}

std::optional<ReviewSource> review_source(std::string_view code) {
  return review_registry().find(code);
}

}  // namespace sotong::platform
