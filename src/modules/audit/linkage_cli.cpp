#include "modules/audit/linkage_cli.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/dataset_service.hpp"
#include "modules/audit/linkage_key.hpp"
#include "platform/accounts/session_store.hpp"

namespace sotong::audit {
namespace {

constexpr const char* kUsage =
    "import --login ID --kind KIND --title 이름 --purpose 목적 --legal-basis 근거 --retention YYYY-MM-DD "
    "[--key-file PATH] FILE";

int usage() {
  std::cerr << "사용법: sotong audit " << kUsage << "\n  KIND:";
  for (const auto& k : dataset_kinds()) std::cerr << " " << k.role << "(" << k.label << ")";
  std::cerr << "\n  FILE의 첫 줄은 열 이름이며, 열 이름은 화면에서 올릴 때의 예시와 같아야 합니다:\n";
  for (const auto& k : dataset_kinds()) {
    std::cerr << "    " << k.role << ":";
    for (const auto& c : k.columns) std::cerr << " " << c.sample_header;
    std::cerr << "\n";
  }
  return 2;
}

int run(store::Database& db, const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "import") return usage();
  std::map<std::string, std::string> options{{"--key-file", kDefaultLinkageKeyFile}};
  std::string file;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) == 0 && i + 1 < args.size()) {
      options[args[i]] = args[i + 1];
      ++i;
    } else if (file.empty() && args[i].rfind("--", 0) != 0) {
      file = args[i];
    } else {
      return usage();
    }
  }
  for (const char* required : {"--login", "--kind", "--title", "--purpose", "--legal-basis", "--retention"})
    if (options[required].empty()) return usage();
  if (file.empty()) return usage();
  const auto actor = platform::sessions::load_actor_by_login(db, options["--login"]);
  if (!actor) {
    std::cerr << "오류: 로그인 아이디 " << options["--login"] << "의 계정이 없습니다.\n";
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "오류: 파일을 열 수 없습니다: " << file << "\n";
    return 2;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto key = load_linkage_key(options["--key-file"]);
  if (!key) {
    std::cerr << "오류: " << key.error().message << "\n";
    return 2;
  }
  // The command answers to the module's own policy rows: only an account of the audit office may import.
  platform::Policy policy;
  for (auto& row : permissions()) policy.add(row);
  const platform::ServiceContext svc{db, policy, *actor};
  const auto* kind = find_dataset_kind(options["--kind"]);
  DataSetInput input{
      options["--title"], options["--purpose"], options["--legal-basis"], options["--retention"], {}};
  if (kind != nullptr)
    for (const auto& c : kind->columns) input.mapping.emplace_back(c.name, c.sample_header);
  auto imported = import_file(svc, options["--kind"], file, bytes.str(), input, *key);
  if (!imported) {
    std::cerr << "오류: " << imported.error().message << "\n";
    for (const auto& f : imported.error().fields) std::cerr << "  " << f.message << "\n";
    return 2;
  }
  std::cout << "데이터셋 " << *imported
            << "번으로 들여왔습니다. 주민등록번호는 암호화된 값으로만 남았습니다.\n";
  return 0;
}

}  // namespace

platform::CliCommand audit_command() {
  return {"audit", "전산감사 자료(데이터셋)를 들여옵니다", kUsage, run};
}

}  // namespace sotong::audit
