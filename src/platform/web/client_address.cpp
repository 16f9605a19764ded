#include "platform/web/client_address.hpp"

#include <algorithm>

#include "core/korean_text.hpp"

namespace sotong::platform {
namespace {

bool is_trusted(std::string_view address, const std::vector<std::string>& trusted) {
  const std::string normal = normalize_address(address);
  return std::find(trusted.begin(), trusted.end(), normal) != trusted.end();
}

/// Every X-Forwarded-For hop in order, over all the header's lines (a client may send several; the proxy
/// appends after them, so the last line's last entry is the proxy's own).
std::vector<std::string_view> forwarded_hops(const http::Request& request) {
  std::vector<std::string_view> hops;
  for (const auto& [name, value] : request.headers) {
    if (name != "x-forwarded-for") continue;
    std::string_view rest = value;
    for (;;) {
      const auto comma = rest.find(',');
      hops.push_back(trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return hops;
}

}  // namespace

std::string normalize_address(std::string_view address) {
  constexpr std::string_view kMapped = "::ffff:";
  if (address.size() > kMapped.size() && address.substr(0, kMapped.size()) == kMapped &&
      address.find('.') != std::string_view::npos)
    address.remove_prefix(kMapped.size());
  std::string out(address);
  for (auto& c : out)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool plausible_address(std::string_view text) {
  if (text.empty() || text.size() > 45) return false;  // 45: the longest textual IPv6 address
  bool digit = false;
  for (const char c : text) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && c != '.' && c != ':') return false;
    digit = digit || hex;
  }
  return digit;
}

bool from_trusted_proxy(const http::Request& request, const std::vector<std::string>& trusted_proxies) {
  return !trusted_proxies.empty() && is_trusted(request.remote_address, trusted_proxies);
}

std::string client_address(const http::Request& request, const std::vector<std::string>& trusted_proxies) {
  if (!from_trusted_proxy(request, trusted_proxies)) return normalize_address(request.remote_address);
  const auto hops = forwarded_hops(request);
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    // A hop that is not an address is the client's own invention: stop and keep what we can vouch for.
    if (!plausible_address(*hop)) break;
    if (!is_trusted(*hop, trusted_proxies)) return normalize_address(*hop);
  }
  return normalize_address(request.remote_address);
}

}  // namespace sotong::platform
