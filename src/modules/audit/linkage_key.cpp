#include "modules/audit/linkage_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace sotong::audit {
namespace {

Error key_error(const std::string& path, const std::string& what) {
  return Error{ErrorCode::internal,
               "전산감사 키 파일(" + path + ")" + what + " 설정의 [audit] linkage_key_file을 확인하십시오.",
               {}};
}

Result<LinkageKey> read_key(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return key_error(path, "을 읽을 수 없습니다.");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LinkageKey key{};
  if (bytes.size() != key.size()) return key_error(path, "이 16바이트가 아니어서 쓸 수 없습니다.");
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

}  // namespace

Result<LinkageKey> load_linkage_key(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::exists(path, ignored)) return read_key(path);
  const auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ignored);
  if (sodium_init() < 0) return key_error(path, "을 만들 수 없습니다(난수 생성기를 쓸 수 없습니다).");
  LinkageKey key{};
  randombytes_buf(key.data(), key.size());
  // O_EXCL: two nodes or two processes starting at once must not each write a key of their own; the loser
  // reads the winner's.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
  if (fd < 0) {
    if (errno == EEXIST) return read_key(path);
    return key_error(path, "을 만들 수 없습니다.");
  }
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    std::filesystem::remove(path, ignored);
    return key_error(path, "을 만들 수 없습니다.");
  }
  return key;
}

}  // namespace sotong::audit
