#include "modules/audit/audit_module.hpp"

#include "modules/audit/audit_case_service.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_demo.hpp"
#include "modules/audit/consultation_module.hpp"
#include "modules/audit/consultation_reminder_job.hpp"
#include "modules/audit/consultation_service.hpp"
#include "modules/audit/disclosure_manifest.hpp"
#include "modules/audit/field_audit_demo.hpp"
#include "modules/audit/field_audit_extensions.hpp"
#include "modules/audit/finding_reminder_job.hpp"
#include "modules/audit/linkage_cli.hpp"
#include "modules/audit/linkage_demo.hpp"
#include "modules/audit/linkage_history.hpp"
#include "modules/audit/linkage_key.hpp"
#include "modules/audit/linkage_retention_job.hpp"
#include "modules/audit/linkage_run_service.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> audit();
}

namespace sotong::audit {
namespace {

template <typename T>
void append(std::vector<T>& to, std::vector<T> part) {
  to.insert(to.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "audit";
  m.title = "컨설팅 감사";
  // The embedded migrations, templates ("audit/field_list" …) and the OpenAPI fragments (openapi/*.json).
  platform::add_embedded(m, embedded::audit());
  m.permissions = permissions();
  // The description is what the home page lists under "여기서 할 수 있는 일": say what a person does here.
  m.menu = {{"컨설팅 감사", "/audit", kOverview, 600,
             "감사 컨설팅을 요청하고, 감사협의·현장감사·감사사례·자진신고·전산감사를 다룹니다."}};
  for (auto&& part : {overview_routes(), consultation_routes(), audit_case_routes(), field_audit_routes(),
                      finding_routes(), linkage_dataset_routes(), linkage_run_routes(), disclosure_routes()})
    m.routes.insert(m.routes.end(), part.begin(), part.end());
  // Each part's history labels, search sources, attachment owners, home tasks, cards and indicators.
  append(m.history, consultation_history());
  append(m.history, field_history_vocabularies());
  append(m.history, linkage_history());
  // Self-disclosures: their history is read by the audit office alone (and holds only the state).
  append(m.history, disclosure_history());
  m.attachment_owners.push_back(disclosure_attachment_owner());
  m.tasks.push_back(disclosure_task());
  append(m.search_sources,
         std::vector<platform::search::Source>{{kConsultationSource, "감사 컨설팅", reindex_consultations},
                                               {kCaseSource, "감사사례", reindex_cases}});
  append(m.search_sources, field_search_sources());
  m.attachment_owners.push_back(consultation_attachment_owner());
  append(m.tasks, consultation_tasks());
  append(m.attachment_owners, field_attachment_owners());
  append(m.tasks, field_tasks());
  append(m.cards, field_cards());
  append(m.indicators, field_indicators());
  append(m.job_kinds, consultation_job_kinds());
  append(m.job_kinds, finding_job_kinds());
  append(m.job_kinds, retention_job_kinds());
  m.commands = {audit_command()};
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      ensure_consultation_reminders_scheduled(c, now());
      ensure_finding_reminders_scheduled(c, now());
      seed_shipped_scenarios(c);
      ensure_retention_scheduled(c, now());
      return true;
    });
  };
  m.settings = {{kPageSize, platform::SettingType::integer, "25", "목록 한 쪽에 보이는 항목 수", 10, 100},
                {kLinkageKeyFile, platform::SettingType::text, kDefaultLinkageKeyFile,
                 "전산감사에서 주민등록번호를 암호화하는 키 파일 (데이터베이스 밖에 두고, 여러 서버는 같은 "
                 "파일을 씁니다)"}};
  // Each part's demo data in turn, written through its services by the demo accounts.
  m.demo_data = [](store::Database& db, const platform::Policy& policy) {
    load_demo_consultations(db, policy);
    load_demo_field_audits(db, policy);
    load_demo_linkage(db, policy);
    load_demo_disclosures(db, policy);
  };
  return m;
}

}  // namespace sotong::audit
