#include "http/content_coding.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "core/korean_text.hpp"

namespace sotong::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// The weight of "q=0.5" in thousandths (a malformed weight counts as 1, as if it were absent).
int weight(std::string_view params) {
  for (std::size_t start = 0; start <= params.size();) {
    auto end = params.find(';', start);
    if (end == std::string_view::npos) end = params.size();
    const auto param = trim(params.substr(start, end - start));
    if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      const auto value = param.substr(2);
      double q = 1;
      if (std::from_chars(value.data(), value.data() + value.size(), q).ec != std::errc()) return 1000;
      if (q <= 0) return 0;
      return q >= 1 ? 1000 : static_cast<int>(q * 1000 + 0.5);
    }
    start = end + 1;
  }
  return 1000;
}

}  // namespace

ContentCoding choose_coding(std::string_view accept_encoding, bool have_gzip, bool have_br) {
  if (trim(accept_encoding).empty()) return ContentCoding::identity;
  // -1: not listed.
  int gzip = -1, br = -1, identity = -1, any = -1;
  for (std::size_t start = 0; start <= accept_encoding.size();) {
    auto end = accept_encoding.find(',', start);
    if (end == std::string_view::npos) end = accept_encoding.size();
    const auto element = trim(accept_encoding.substr(start, end - start));
    const auto semicolon = element.find(';');
    const auto name = trim(element.substr(0, semicolon));
    const int q = semicolon == std::string_view::npos ? 1000 : weight(element.substr(semicolon + 1));
    if (iequals(name, "gzip") || iequals(name, "x-gzip"))
      gzip = q;
    else if (iequals(name, "br"))
      br = q;
    else if (iequals(name, "identity"))
      identity = q;
    else if (name == "*")
      any = q;
    start = end + 1;
  }
  const int gzip_q = !have_gzip ? 0 : gzip >= 0 ? gzip : any >= 0 ? any : 0;
  const int br_q = !have_br ? 0 : br >= 0 ? br : any >= 0 ? any : 0;
  // identity is acceptable unless refused by name, or by "*;q=0" without naming it.
  const int identity_q = identity >= 0 ? identity : any == 0 ? 0 : 1;
  if (br_q > 0 && br_q >= gzip_q && br_q >= identity_q) return ContentCoding::br;
  if (gzip_q > 0 && gzip_q >= identity_q) return ContentCoding::gzip;
  return ContentCoding::identity;
}

std::string_view coding_name(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::gzip:
      return "gzip";
    case ContentCoding::br:
      return "br";
    case ContentCoding::identity:
      break;
  }
  return "";
}

std::string gzip_compress(std::string_view data) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
  return out;
}

std::string brotli_compress(std::string_view data, int quality) {
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size()) + 16;  // + 16: it answers 0 for no input
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli compression failed");
  out.resize(size);
  return out;
}

}  // namespace sotong::http
