// A list of IP addresses and networks ("127.0.0.1", "::1", "10.20.0.0/16") that a peer's address is checked
// against, e.g. who may read /metrics. IPv4 and IPv6 alike; an IPv4 peer seen as ::ffff:a.b.c.d matches
// a.b.c.d.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sotong::http {

class AddressList {
 public:
  /// Reads each entry (an address, or an address and a prefix length after "/"); nullopt and the entry in
  /// `bad` when one is neither.
  static std::optional<AddressList> parse(const std::vector<std::string>& entries,
                                          std::string* bad = nullptr);

  /// True when `address` (as the server reports a peer: "127.0.0.1", "::1", "::ffff:10.0.0.7") is inside one
  /// of the entries; an address that cannot be read is inside none.
  bool contains(std::string_view address) const;
  bool empty() const { return networks_.empty(); }

 private:
  struct Network {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6 (::ffff:a.b.c.d)
    int prefix = 128;                      // leading bits that must match
  };
  std::vector<Network> networks_;
};

}  // namespace sotong::http
