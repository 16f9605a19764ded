// Reading entries of a ZIP archive held in memory (libzip), each refused beyond a size limit so that a small
// upload cannot unpack into gigabytes (a zip bomb). Messages are Korean and name no library.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

struct zip;  // libzip's archive (zip_t), kept out of this header

namespace sotong::platform::imports {

class ZipArchive {
 public:
  /// Opens the archive over `bytes`, which must outlive it (nothing is copied). A file that is not a ZIP
  /// archive, is cut short or is inconsistent is refused with the reason in Korean.
  static Result<ZipArchive> open(std::string_view bytes);

  /// True when the archive has an entry of that name (compared without regard to case, as Excel does).
  bool contains(std::string_view name) const;
  /// The entry's content; refused when it is missing, encrypted, damaged or larger than `max_bytes`
  /// unpacked (checked both against the size the archive declares and while unpacking).
  Result<std::string> read(std::string_view name, std::size_t max_bytes) const;

 private:
  struct Close {
    void operator()(zip* archive) const;
  };
  explicit ZipArchive(zip* archive) : archive_(archive) {}
  std::unique_ptr<zip, Close> archive_;
};

}  // namespace sotong::platform::imports
