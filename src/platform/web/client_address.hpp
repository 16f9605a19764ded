// Who is on the other end: the connection's peer, or — only when that peer is one of the configured reverse
// proxies — the address the proxies recorded in X-Forwarded-For. Anyone can send the header, so it is
// believed only from a trusted peer, and only its right-most hops: each trusted proxy appends the address it
// saw, so the first address from the right that is not itself a trusted proxy is the one no client could
// choose.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"

namespace sotong::platform {

/// The address as compared: an IPv4 peer seen on a dual-stack socket ("::ffff:10.0.0.1") is its IPv4 form.
std::string normalize_address(std::string_view address);

/// True when `text` looks like one IPv4 or IPv6 address (digits, hex, '.', ':'; no port, no brackets).
bool plausible_address(std::string_view text);

/// The client's address for the access log and the sign-in throttle (see the file comment).
std::string client_address(const http::Request& request, const std::vector<std::string>& trusted_proxies);

/// True when the peer is a trusted proxy (so its X-Forwarded-Proto may be believed too).
bool from_trusted_proxy(const http::Request& request, const std::vector<std::string>& trusted_proxies);

}  // namespace sotong::platform
