// Who may read /metrics: a peer in [metrics] allowed_addresses (loopback by default), or anyone sending the
// configured token. The figures name every route and how busy the system is: not for the whole intranet.
#pragma once

#include <string>

#include "http/address_list.hpp"
#include "http/request.hpp"
#include "platform/settings.hpp"

namespace sotong::platform::operations {

class MetricsAccess {
 public:
  /// Throws std::invalid_argument for an entry that is not an address (config.cpp refuses it earlier).
  explicit MetricsAccess(const Settings& settings);
  /// The request carries the token, or it came straight from an allowed peer (request.remote_address, the
  /// connection's own address): a request forwarded by a proxy (X-Forwarded-For, Forwarded) needs the token.
  bool allows(const http::Request& request) const;

 private:
  http::AddressList allowed_;
  std::string token_;
};

}  // namespace sotong::platform::operations
