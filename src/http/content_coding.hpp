// Which content coding a response goes out in (RFC 9110 §12.5.3 Accept-Encoding), and the codings themselves.
#pragma once

#include <string>
#include <string_view>

namespace sotong::http {

enum class ContentCoding { identity, gzip, br };

/// The coding to send, given the request's Accept-Encoding and whether a gzip and a brotli form exist. The
/// highest q wins; on a tie the smaller form (br, then gzip). A coding listed with q=0 is never chosen, and
/// one not listed only through "*". No header, or nothing acceptable, gives identity: what every client can
/// read.
ContentCoding choose_coding(std::string_view accept_encoding, bool have_gzip, bool have_br);

/// The Content-Encoding value ("gzip", "br"); "" for identity.
std::string_view coding_name(ContentCoding coding);

/// gzip (RFC 1952) at the highest level: for text compressed once and sent many times.
std::string gzip_compress(std::string_view data);
/// brotli (RFC 7932) at `quality` 0–11 (11: smallest and slowest, about 1 MB/s).
std::string brotli_compress(std::string_view data, int quality = 11);

}  // namespace sotong::http
