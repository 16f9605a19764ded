// Running an external tool (pg_dump, pg_restore) with an argument vector, never through a shell.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace sotong::platform::backup {

struct ToolRun {
  int exit_code = 0;   // the tool's exit status; 128 + N when killed by signal N
  std::string output;  // its standard output, when captured
};

/// Runs argv[0] (looked up in PATH) with `argv`, adding `env` to the environment; standard error goes to
/// ours. Error (Korean) when the tool cannot be found or started.
Result<ToolRun> run_tool(const std::vector<std::string>& argv,
                         const std::vector<std::pair<std::string, std::string>>& env = {},
                         bool capture_output = false);

}  // namespace sotong::platform::backup
