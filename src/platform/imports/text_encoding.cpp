#include "platform/imports/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

#include "core/korean_text.hpp"

namespace sotong::platform::imports {
namespace {

/// glibc's converter from CP949 to UTF-8, closed when done.
class Cp949Converter {
 public:
  Cp949Converter() : cd_(iconv_open("UTF-8", "CP949")) {}
  ~Cp949Converter() {
    if (ok()) iconv_close(cd_);
  }
  Cp949Converter(const Cp949Converter&) = delete;
  Cp949Converter& operator=(const Cp949Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }  // NOLINT: iconv's own failure value

  /// The whole input converted; nullopt at the first byte sequence CP949 does not define.
  std::optional<std::string> convert(std::string_view bytes) {
    std::string out;
    // A CP949 character takes two bytes and becomes three in UTF-8; ASCII stays one.
    out.resize(bytes.size() * 3 / 2 + 16);
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; the input is not written
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    while (in_left > 0) {
      char* to = out.data() + written;
      std::size_t out_left = out.size() - written;
      const std::size_t result = iconv(cd_, &in, &in_left, &to, &out_left);
      written = out.size() - out_left;
      if (result != static_cast<std::size_t>(-1)) break;
      if (errno != E2BIG) return std::nullopt;  // EILSEQ: not CP949; EINVAL: cut off inside a character
      out.resize(out.size() * 2);
    }
    out.resize(written);
    return out;
  }

 private:
  iconv_t cd_;
};
}  // namespace

std::optional<std::string> text_as_utf8(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return std::nullopt;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) return std::string(bytes);
  Cp949Converter converter;
  // glibc always has CP949; missing gconv modules are a broken installation, not a bad file.
  if (!converter.ok()) throw std::runtime_error("CP949 문자 변환기를 열 수 없습니다 (glibc gconv).");
  auto text = converter.convert(bytes);
  if (!text || !is_valid_utf8(*text)) return std::nullopt;
  return text;
}

}  // namespace sotong::platform::imports
