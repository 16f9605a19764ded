#include "platform/operations/metrics_access.hpp"

#include <stdexcept>

#include "platform/crypto.hpp"

namespace sotong::platform::operations {

MetricsAccess::MetricsAccess(const Settings& settings) : token_(settings.metrics_token) {
  std::string bad;
  auto parsed = http::AddressList::parse(settings.metrics_allowed_addresses, &bad);
  if (!parsed) throw std::invalid_argument("[metrics] allowed_addresses: not an address: " + bad);
  allowed_ = std::move(*parsed);
}

bool MetricsAccess::allows(const http::Request& request) const {
  const std::string_view auth = request.header("authorization");
  if (!token_.empty() && auth.substr(0, 7) == "Bearer " && secrets_equal(auth.substr(7), token_)) return true;
  // A request that came through a proxy (nginx on the same host adds X-Forwarded-For) has the proxy as its
  // peer, which says nothing about the client: only the token opens it. The header is never believed the
  // other way: a client may write it, so it can only make the check stricter.
  if (!request.header("x-forwarded-for").empty() || !request.header("forwarded").empty()) return false;
  return allowed_.contains(request.remote_address);
}

}  // namespace sotong::platform::operations
