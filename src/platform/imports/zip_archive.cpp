#include "platform/imports/zip_archive.hpp"

#include <zip.h>

#include <array>

namespace sotong::platform::imports {
namespace {

/// libzip's reasons in the words a person who uploaded the file can act on.
std::string reason(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "ZIP 형식이 아니거나 파일이 중간에 잘렸습니다.";
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return "암호가 걸린 파일입니다. 암호를 풀고 다시 저장해 주세요.";
    case ZIP_ER_COMPNOTSUPP:
      return "지원하지 않는 압축 방식입니다.";
    case ZIP_ER_MEMORY:
      return "파일을 풀 메모리가 부족합니다.";
    default:
      return "파일이 손상되었습니다.";
  }
}

/// "512MB", "64KB" or "100바이트": the limit as a message states it.
std::string size_label(std::size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + "MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + "KB";
  return std::to_string(bytes) + "바이트";
}

Error refuse(const std::string& why) {
  return Error::invalid(why);
}

class EntryFile {
 public:
  explicit EntryFile(zip_file_t* file) : file_(file) {}
  ~EntryFile() {
    if (file_) zip_fclose(file_);
  }
  EntryFile(const EntryFile&) = delete;
  EntryFile& operator=(const EntryFile&) = delete;
  zip_file_t* get() const { return file_; }

 private:
  zip_file_t* file_;
};
}  // namespace

void ZipArchive::Close::operator()(zip* archive) const {
  zip_discard(archive);  // opened read-only: nothing to write back
}

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    return refuse(reason(code));
  }
  // ZIP_CHECKCONS compares the central directory with the local headers: a damaged file fails here.
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    const int code = zip_error_code_zip(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return refuse(reason(code));
  }
  zip_error_fini(&error);
  return ZipArchive(archive);
}

bool ZipArchive::contains(std::string_view name) const {
  return zip_name_locate(archive_.get(), std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<std::string> ZipArchive::read(std::string_view name, std::size_t max_bytes) const {
  const std::string entry(name);
  const zip_int64_t index = zip_name_locate(archive_.get(), entry.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return refuse(entry + " 항목이 없습니다.");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return refuse(reason(zip_error_code_zip(zip_get_error(archive_.get()))));
  }
  const std::string too_large =
      entry + " 항목이 풀면 " + size_label(max_bytes) + "를 넘어 읽지 않았습니다. 파일을 나누어 올려 주세요.";
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > max_bytes) return refuse(too_large);

  EntryFile file(zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file.get()) return refuse(reason(zip_error_code_zip(zip_get_error(archive_.get()))));
  std::string content;
  if (stat.valid & ZIP_STAT_SIZE) content.reserve(stat.size);
  // The declared size may lie: count what actually comes out and stop one buffer past the limit.
  std::array<char, 64 * 1024> buffer{};
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) return refuse(reason(zip_error_code_zip(zip_file_get_error(file.get()))));
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes) return refuse(too_large);
    content.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return content;
}

}  // namespace sotong::platform::imports
