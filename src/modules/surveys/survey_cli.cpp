#include "modules/surveys/survey_cli.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "modules/surveys/survey_import.hpp"
#include "platform/web/params.hpp"

namespace sotong::surveys {
namespace {

constexpr const char* kUsage = "import --campaign ID FILE";

int usage() {
  std::cerr << "사용법: sotong surveys " << kUsage << "\n"
            << "  FILE은 머리글이 bureau_id,q1,q2,…인 CSV(UTF-8) 또는 엑셀(.xlsx) 파일입니다.\n";
  return 2;
}

int run(store::Database& db, const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "import") return usage();
  std::optional<std::int64_t> campaign;
  std::string file;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--campaign" && i + 1 < args.size()) {
      campaign = platform::parse_id(args[++i]);
      if (!campaign) return usage();
    } else if (args[i].rfind("--campaign=", 0) == 0) {
      campaign = platform::parse_id(std::string_view(args[i]).substr(11));
      if (!campaign) return usage();
    } else if (file.empty() && args[i].rfind("--", 0) != 0) {
      file = args[i];
    } else {
      return usage();
    }
  }
  if (!campaign || file.empty()) return usage();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "오류: 파일을 열 수 없습니다: " << file << "\n";
    return 2;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto imported = import_answers(db, *campaign, bytes.str(), file, now());
  if (!imported) {
    std::cerr << "오류: " << imported.error().message << "\n";
    for (const auto& f : imported.error().fields) std::cerr << "  " << f.message << "\n";
    return 2;
  }
  std::cout << "응답 " << *imported << "건을 가져왔습니다. 파일의 순서와 번호는 저장하지 않았습니다.\n";
  return 0;
}

}  // namespace

platform::CliCommand surveys_command() {
  return {"surveys", "설문 응답을 가져옵니다", kUsage, run};
}

}  // namespace sotong::surveys
