#include "platform/indicators/indicators.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace sotong::platform::indicators {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<Indicator> indicators;
};

Registry& registry() {
  static Registry r;
  return r;
}

std::optional<Indicator> find(std::string_view code) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& i : r.indicators)
    if (i.code == code) return i;
  return std::nullopt;
}

}  // namespace

void register_indicator(const Indicator& indicator) {
  const auto dot = indicator.code.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == indicator.code.size())
    throw std::logic_error("indicator code must be <module>.<name>: " + indicator.code);
  if (!indicator.compute) throw std::logic_error("indicator without compute: " + indicator.code);
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (auto& existing : r.indicators) {
    if (existing.code != indicator.code) continue;
    existing = indicator;  // the same manifest listed again (each CLI command lists the modules)
    return;
  }
  r.indicators.push_back(indicator);
}

std::vector<Indicator> readable(const ServiceContext& svc) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<Indicator> out;
  for (const auto& i : r.indicators)
    if (svc.policy.allows(svc.actor, i.action)) out.push_back(i);
  return out;
}

Result<Figures> compute(const ServiceContext& svc, std::string_view code, int year) {
  auto indicator = find(code);
  // An indicator the actor may not read is answered as unknown: its name says nothing either.
  if (!indicator || !svc.policy.allows(svc.actor, indicator->action))
    return Error::not_found("지표를 찾을 수 없습니다.");
  if (year < 2000 || year > 2100)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "2000년부터 2100년 사이로 입력해 주십시오."}});
  auto values = svc.db.read([&](store::Connection& c) { return indicator->compute(c, year); });
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.organization_id < b.organization_id; });
  return Figures{std::move(*indicator), std::move(values)};
}

}  // namespace sotong::platform::indicators
