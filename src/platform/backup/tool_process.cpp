#include "platform/backup/tool_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "core/korean_text.hpp"

extern char** environ;

namespace sotong::platform::backup {
namespace {

/// A pipe whose ends close when this goes out of scope.
struct Pipe {
  int fds[2] = {-1, -1};
  ~Pipe() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  void close_end(int i) {
    if (fds[i] >= 0) ::close(fds[i]);
    fds[i] = -1;
  }
};
}  // namespace

Result<ToolRun> run_tool(const std::vector<std::string>& argv,
                         const std::vector<std::pair<std::string, std::string>>& env, bool capture_output) {
  if (argv.empty()) throw std::logic_error("run_tool: empty argv");
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  std::vector<std::string> env_text;
  for (char** e = environ; e && *e; ++e) {
    const std::string entry(*e);
    bool replaced = false;
    for (const auto& [name, value] : env) replaced = replaced || entry.rfind(name + "=", 0) == 0;
    if (!replaced) env_text.push_back(entry);
  }
  for (const auto& [name, value] : env) env_text.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  Pipe out;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (capture_output) {
    if (::pipe2(out.fds, O_CLOEXEC) != 0) {
      posix_spawn_file_actions_destroy(&actions);
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_adddup2(&actions, out.fds[1], STDOUT_FILENO);
  }
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    if (rc == ENOENT) {
      return Error::not_found(
          argv[0] +
          " 프로그램을 찾을 수 없습니다. PostgreSQL 클라이언트(Debian: postgresql-client)를 "
          "설치하고 PATH에 있는지 확인하십시오.");
    }
    return Error{ErrorCode::internal,
                 with_particle(argv[0], "을/를") + " 실행할 수 없습니다: " + std::strerror(rc),
                 {}};
  }

  ToolRun run;
  if (capture_output) {
    out.close_end(1);
    char buffer[8192];
    for (;;) {
      const ssize_t n = ::read(out.fds[0], buffer, sizeof buffer);
      if (n > 0) {
        run.output.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        break;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace sotong::platform::backup
