#include "http/address_list.hpp"

#include <arpa/inet.h>

#include <charconv>

namespace sotong::http {
namespace {

/// The 16 bytes of an IPv4 or IPv6 address (IPv4 mapped into IPv6), and whether it was IPv4.
std::optional<std::pair<std::array<std::uint8_t, 16>, bool>> read_address(std::string_view text) {
  // inet_pton wants a NUL-terminated string; addresses are short, and a zone ("fe80::1%eth0") is not one.
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string s(text);
  std::array<std::uint8_t, 16> bytes{};
  if (unsigned char v4[4]; inet_pton(AF_INET, s.c_str(), v4) == 1) {
    bytes[10] = bytes[11] = 0xff;
    for (int i = 0; i < 4; ++i) bytes[12 + i] = v4[i];
    return std::pair{bytes, true};
  }
  if (inet_pton(AF_INET6, s.c_str(), bytes.data()) == 1) return std::pair{bytes, false};
  return std::nullopt;
}

}  // namespace

std::optional<AddressList> AddressList::parse(const std::vector<std::string>& entries, std::string* bad) {
  AddressList list;
  for (const auto& entry : entries) {
    const auto slash = entry.find('/');
    const auto address = read_address(std::string_view(entry).substr(0, slash));
    Network n;
    bool ok = address.has_value();
    if (ok) {
      n.bytes = address->first;
      const int width = address->second ? 32 : 128;
      int prefix = width;
      if (slash != std::string::npos) {
        const char* begin = entry.data() + slash + 1;
        const char* end = entry.data() + entry.size();
        auto [p, ec] = std::from_chars(begin, end, prefix);
        ok = begin != end && ec == std::errc{} && p == end && prefix >= 0 && prefix <= width;
      }
      n.prefix = prefix + (address->second ? 96 : 0);  // an IPv4 prefix counts after the 96 mapped bits
    }
    if (!ok) {
      if (bad) *bad = entry;
      return std::nullopt;
    }
    list.networks_.push_back(n);
  }
  return list;
}

bool AddressList::contains(std::string_view address) const {
  const auto peer = read_address(address);
  if (!peer) return false;
  for (const auto& n : networks_) {
    int bits = n.prefix;
    bool inside = true;
    for (std::size_t i = 0; i < 16 && bits > 0 && inside; ++i, bits -= 8) {
      const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
      inside = (peer->first[i] & mask) == (n.bytes[i] & mask);
    }
    if (inside) return true;
  }
  return false;
}

}  // namespace sotong::http
