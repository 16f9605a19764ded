// Accept-Encoding negotiation and the gzip and brotli forms (decoded again with zlib and brotli's decoder).
#include "http/content_coding.hpp"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>

namespace sotong::http {
namespace {

std::string gunzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

std::string unbrotli(std::string_view data) {
  std::string out(1 << 20, '\0');
  std::size_t size = out.size();
  EXPECT_EQ(BrotliDecoderDecompress(data.size(), reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                                    reinterpret_cast<std::uint8_t*>(out.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

using enum ContentCoding;

}  // namespace

TEST(ContentCoding, BrotliBeforeGzipBeforeIdentityWhenAllAreWelcome) {
  EXPECT_EQ(choose_coding("gzip, deflate, br, zstd", true, true), br);  // Chrome
  EXPECT_EQ(choose_coding("gzip, deflate, br", true, false), gzip);     // no brotli form of this file
  EXPECT_EQ(choose_coding("gzip, deflate, br", false, false), identity);
  EXPECT_EQ(choose_coding("GZIP", true, true), gzip);
  EXPECT_EQ(choose_coding("x-gzip", true, true), gzip);
  EXPECT_EQ(choose_coding("*", true, true), br);
}

TEST(ContentCoding, NoHeaderOrAnEmptyOneMeansIdentity) {
  EXPECT_EQ(choose_coding("", true, true), identity);
  EXPECT_EQ(choose_coding("  ", true, true), identity);
  EXPECT_EQ(choose_coding("identity", true, true), identity);
  EXPECT_EQ(choose_coding("deflate, zstd", true, true), identity);
}

TEST(ContentCoding, ZeroWeightRefusesACoding) {
  EXPECT_EQ(choose_coding("gzip, br;q=0", true, true), gzip);
  EXPECT_EQ(choose_coding("br;q=0, gzip;q=0", true, true), identity);
  EXPECT_EQ(choose_coding("br;q=0.0, gzip;Q=0.000", true, true), identity);
  EXPECT_EQ(choose_coding("*;q=0, identity", true, true), identity);
  EXPECT_EQ(choose_coding("*;q=0.5, br;q=0", true, true), gzip);  // gzip only through "*"
}

TEST(ContentCoding, TheHighestWeightWins) {
  EXPECT_EQ(choose_coding("gzip;q=1.0, br;q=0.5", true, true), gzip);
  EXPECT_EQ(choose_coding("gzip;q=0.2, identity;q=0.8", true, true), identity);
  EXPECT_EQ(choose_coding("gzip ; q=0.9 , br ; q=0.9", true, true), br);
  // Nothing acceptable that we can make: identity is still what we send (rather than 406).
  EXPECT_EQ(choose_coding("identity;q=0, zstd", true, true), identity);
  EXPECT_EQ(choose_coding("identity;q=0, gzip;q=0.1", true, true), gzip);
}

TEST(ContentCoding, GzipAndBrotliDecodeToTheOriginal) {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += ".krds-btn.primary{color:var(--krds-light-color-text-inverse)} 소통 ";
  const auto gz = gzip_compress(text);
  const auto b = brotli_compress(text);
  EXPECT_LT(gz.size(), text.size() / 10);
  EXPECT_LT(b.size(), gz.size());
  EXPECT_EQ(gunzip(gz), text);
  EXPECT_EQ(unbrotli(b), text);
  EXPECT_EQ(gunzip(gzip_compress("")), "");
  EXPECT_EQ(unbrotli(brotli_compress("")), "");
  EXPECT_EQ(coding_name(br), "br");
  EXPECT_EQ(coding_name(gzip), "gzip");
  EXPECT_EQ(coding_name(identity), "");
}

}  // namespace sotong::http
