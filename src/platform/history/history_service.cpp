#include "platform/history/history_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "platform/history/history.hpp"
#include "platform/history/history_labels.hpp"
#include "platform/history/history_rules.hpp"
#include "platform/history/history_store.hpp"

namespace sotong::platform::history {
namespace {
constexpr int kWalkBatch = 1000;

/// Does a prune entry vouch for `prev_hash` as the hash of an entry before `first_id`?
bool checkpoint_matches(const std::string& after_json, const std::string& prev_hash, std::int64_t first_id) {
  boost::system::error_code ec;
  auto v = boost::json::parse(after_json, ec);
  if (ec || !v.is_object()) return false;
  const auto& o = v.get_object();
  const auto* hash = o.if_contains("pruned_through_hash");
  const auto* id = o.if_contains("pruned_through_id");
  return hash && id && hash->is_string() && id->is_int64() && hash->get_string() == prev_hash &&
         id->get_int64() < first_id;
}
/// Asks each record type's owner (through its vocabulary) for the records entries name, each record once: the
/// history names other parts' records without reading their tables.
class RecordNamer {
 public:
  void add(store::Connection& c, const std::vector<Entry>& entries) {
    std::map<std::string, std::vector<std::int64_t>> wanted;
    for (const auto& e : entries)
      for (auto& key : references(e))
        if (asked_.insert(key).second) wanted[key.first].push_back(key.second);
    for (auto& [type, ids] : wanted) {
      const auto v = vocabulary(type);
      if (!v || !v->records) continue;
      for (auto& [id, record] : v->records(c, ids)) names_[{type, id}] = std::move(record);
    }
  }
  const RecordNames& names() const { return names_; }
  RecordNames take() { return std::move(names_); }

 private:
  std::set<RecordKey> asked_;
  RecordNames names_;
};
/// The record type a reading of the log is itself recorded under: a record type kept from some readers
/// (read_action) when the reading asked for it, so that the reading — its filter names the record — is kept
/// from them too; else the log's own type.
std::string reading_type(std::string_view asked) {
  const auto v = vocabulary(asked);
  return v && !v->read_action.empty() ? std::string(asked) : std::string(kHistoryRecord);
}
}  // namespace

Result<Page> search_history(const ServiceContext& svc, const Filter& filter) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  Page page;
  Filter f = filter;
  f.hidden_record_types = hidden_record_types(svc.policy, svc.actor);
  svc.db.read([&](store::Connection& c) {
    page.entries = history_store::search(c, f, kPageSize + 1);
    if (page.entries.size() > static_cast<std::size_t>(kPageSize)) {
      page.entries.pop_back();
      page.next_before = page.entries.back().id;
    }
    RecordNamer namer;
    namer.add(c, page.entries);
    page.names = namer.take();
    return 0;
  });
  // The log names people, their addresses and what they looked at: reading it is itself an access, recorded
  // here so that the page and the API cannot forget it.
  const auto count = static_cast<std::int64_t>(page.entries.size());
  log_access(svc.db, svc.actor,
             {reading_type(filter.record_type), 0, "변경·접속 기록 " + std::to_string(count) + "건",
              AccessAction::view, to_json({{"filter", filter_query(filter)}, {"count", count}})});
  return page;
}

Result<ShownEntry> get_entry(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  auto found = svc.db.read([&](store::Connection& c) -> std::optional<ShownEntry> {
    auto entry = history_store::find(c, id);
    // An entry of a record type the reader may not read is answered as one that does not exist.
    if (!entry || !may_read_record_type(svc.policy, svc.actor, entry->record_type)) return std::nullopt;
    RecordNamer namer;
    namer.add(c, {*entry});
    return ShownEntry{std::move(*entry), namer.take()};
  });
  if (!found) return Error::not_found("기록을 찾을 수 없습니다.");
  // Under a kept-apart record type the entry is named by the subject alone: its id is not that type's id.
  const std::string type = reading_type(found->entry.record_type);
  log_access(
      svc.db, svc.actor,
      {type, type == kHistoryRecord ? id : 0, "변경·접속 기록 #" + std::to_string(id), AccessAction::view});
  return *found;
}

Result<exports::Table> export_history(const ServiceContext& svc, const Filter& filter,
                                      exports::Format format) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  exports::Table table{"변경·접속 기록", export_columns(), {}};
  Filter f = filter;
  f.hidden_record_types = hidden_record_types(svc.policy, svc.actor);
  svc.db.read([&](store::Connection& c) {
    RecordNamer namer;
    while (table.rows.size() < static_cast<std::size_t>(kExportLimit)) {
      const int want = std::min(kWalkBatch, kExportLimit - static_cast<int>(table.rows.size()));
      auto batch = history_store::search(c, f, want);
      namer.add(c, batch);
      for (const auto& e : batch) table.rows.push_back(export_row(e, namer.names()));
      if (batch.size() < static_cast<std::size_t>(want)) break;
      f.before_id = batch.back().id;
    }
    return 0;
  });
  const auto count = static_cast<std::int64_t>(table.rows.size());
  log_access(svc.db, svc.actor,
             {reading_type(filter.record_type), 0, "변경·접속 기록 " + std::to_string(count) + "건",
              AccessAction::download,
              to_json({{"format", std::string(exports::format_code(format))},
                       {"filter", filter_query(filter)},
                       {"count", count}})});
  return table;
}

Verification verify(store::Database& db) {
  Verification v;
  auto lease = db.acquire();
  lease->begin(false);  // one snapshot on SQLite, so a concurrent append cannot confuse the walk
  std::string expected = kGenesis;
  std::int64_t position = 0;
  bool first = true;
  while (!v.broken) {
    auto batch = history_store::walk(*lease, position, kWalkBatch);
    if (batch.empty()) break;
    for (auto& e : batch) {
      if (first && e.prev_hash != kGenesis) {
        for (const auto& checkpoint : history_store::prune_checkpoints(*lease)) {
          if (checkpoint_matches(checkpoint, e.prev_hash, e.id)) expected = e.prev_hash;
        }
      }
      const bool first_entry = first;
      first = false;
      if (e.prev_hash != expected) {
        v.problem = first_entry ? "첫 항목 앞의 기록이 보존기간 삭제 기록 없이 지워졌습니다."
                                : "바로 앞 항목과 연결이 끊겼습니다 (앞 항목이 지워졌거나 바뀌었습니다).";
        v.broken = std::move(e);
        break;
      }
      if (entry_hash(e, e.prev_hash) != e.hash) {
        v.problem = "항목의 내용이 기록된 뒤에 바뀌었습니다 (해시가 맞지 않습니다).";
        v.broken = std::move(e);
        break;
      }
      expected = e.hash;
      position = e.id;
      ++v.count;
    }
  }
  lease->rollback();
  v.last_hash = expected;
  return v;
}

std::optional<std::string> retention_problem(int days) {
  if (days < kMinimumRetentionDays)
    return "접속기록은 1년 이상 보관해야 합니다. 보존 기간을 " + std::to_string(kMinimumRetentionDays) +
           "일 이상으로 정해 주십시오.";
  return std::nullopt;
}

Result<Pruned> prune(store::Database& db, const Actor& actor, int retention_days, Timestamp at) {
  if (auto problem = retention_problem(retention_days))
    return Error::invalid(*problem, {{"retention_days", *problem}});
  return db.write([&](store::Connection& c) -> Result<Pruned> {
    c.lock_named(history_store::kChainLock);
    Pruned p;
    p.cutoff = at - static_cast<Timestamp>(retention_days) * 86400;
    const auto first_kept = history_store::first_id_since(c, p.cutoff);
    const auto last_pruned = history_store::last_before(c, first_kept);
    Fields fields{{"cutoff", format_iso_utc(p.cutoff)}, {"retention_days", retention_days}};
    if (last_pruned) {
      p.through_id = last_pruned->id;
      p.count = history_store::count_through(c, last_pruned->id);
      fields.emplace_back("pruned_count", p.count);
      fields.emplace_back("pruned_through_id", last_pruned->id);
      fields.emplace_back("pruned_through_hash", last_pruned->hash);
    } else {
      fields.emplace_back("pruned_count", 0);
    }
    // The prune entry goes first, linked to the current head, and outlives what it deletes.
    record_change(c, actor, {std::string(kHistoryRecord), 0, std::string(kPrune), "", to_json(fields)});
    if (last_pruned) history_store::delete_through(c, last_pruned->id);
    return p;
  });
}

}  // namespace sotong::platform::history
