#include "platform/organizations/organization_import.hpp"

#include "core/csv.hpp"
#include "core/embedded_file.hpp"
#include "platform/organizations/organization_name_store.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> organizations();
}

namespace sotong::platform::organizations {

std::string_view jeonbuk_csv() {
  for (const auto& f : embedded::organizations())
    if (f.path == "data/jeonbuk.csv") return f.text;
  return {};
}

std::string_view demo_contacts_csv() {
  for (const auto& f : embedded::organizations())
    if (f.path == "data/demo_contacts.csv") return f.text;
  return {};
}

Result<int> import_csv(store::Database& db, std::string_view csv) {
  auto rows = parse_csv(csv);
  if (rows.empty() || rows[0].size() < 5 || rows[0][0] != "code") {
    return Error::invalid("첫 줄에 code,name,kind,parent_code,sort_order 머리글이 있어야 합니다.");
  }
  return db.write([&](store::Connection& c) -> Result<int> {
    int added = 0;
    const Timestamp t = now();
    for (std::size_t i = 1; i < rows.size(); ++i) {
      auto row = rows[i];
      if (row.size() == 1 && row[0].empty()) continue;
      row.resize(8);
      const std::string line = std::to_string(i + 1) + "번째 줄: ";
      if (organization_store::find_by_code(c, row[0])) continue;
      std::string parent_id;
      std::string parent_path;
      if (!row[3].empty()) {
        auto parent = organization_store::find_by_code(c, row[3]);
        if (!parent) return Error::invalid(line + "상위 기관코드 " + row[3] + "를 찾을 수 없습니다.");
        parent_id = std::to_string(parent->id);
        parent_path = parent->path;
      }
      auto valid = validate_organization({row[0], row[1], row[2], parent_id, row[4], ""});
      if (!valid) {
        const auto& e = valid.error();
        return Error::invalid(line + (e.fields.empty() ? e.message : e.fields.front().message));
      }
      const auto id = organization_store::insert(c, *valid, parent_path, t);
      if (!row[5].empty()) {
        auto date = parse_date(row[6]);
        if (!date) return Error::invalid(line + "명칭 변경일은 YYYY-MM-DD 형식이어야 합니다.");
        // The name stopped being used at midnight, Korean time, of the day of the change.
        const Timestamp until = seoul_day_start(*date);
        organization_name_store::insert_former_name(c, id, row[5], until, std::nullopt, row[7]);
      }
      index_for_search(c, id);
      ++added;
    }
    return added;
  });
}

}  // namespace sotong::platform::organizations
