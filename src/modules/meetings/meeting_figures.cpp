#include "modules/meetings/meeting_figures.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace sotong::meetings {
namespace {

bool was_held(MeetingState s) {
  return s == MeetingState::held || s == MeetingState::minutes_confirmed;
}

}  // namespace

MeetingFigures count_figures(const FigureInput& input) {
  MeetingFigures out;
  out.year = input.year;
  std::map<std::int64_t, std::size_t> body_index;
  std::map<std::int64_t, std::size_t> org_index;
  std::map<std::int64_t, std::set<std::int64_t>> members;  // body → organisations
  for (const auto& b : input.bodies) {
    body_index[b.id] = out.bodies.size();
    out.bodies.push_back({b.id, b.name});
    for (const auto& m : b.members) {
      if (!members[b.id].insert(m.organization_id).second) continue;
      auto [it, added] = org_index.try_emplace(m.organization_id, out.organizations.size());
      if (added) out.organizations.push_back({m.organization_id, m.organization_name});
      ++out.organizations[it->second].bodies;
    }
  }
  std::set<std::int64_t> held;
  std::set<std::int64_t> not_cancelled;
  for (const auto& m : input.meetings) {
    const auto b = body_index.find(m.body_id);
    if (b == body_index.end() || m.date.year != input.year) continue;
    auto& f = out.bodies[b->second];
    if (m.state == MeetingState::cancelled) {
      ++f.cancelled;
      continue;
    }
    ++f.planned;
    not_cancelled.insert(m.id);
    if (!was_held(m.state)) continue;
    held.insert(m.id);
    ++f.held;
    ++out.held;
    if (m.state == MeetingState::minutes_confirmed) ++f.confirmed;
    for (std::int64_t org : members[m.body_id]) ++out.organizations[org_index[org]].held;
  }
  std::map<std::int64_t, std::int64_t> body_of;
  for (const auto& m : input.meetings) body_of[m.id] = m.body_id;
  for (const auto& e : input.entries) {
    if (!held.contains(e.meeting_id) || e.status != EntryStatus::accepted) continue;
    ++out.bodies[body_index[body_of[e.meeting_id]]].entries;
    std::set<std::int64_t> by{e.proposer_id};
    if (e.presenter_id) by.insert(*e.presenter_id);
    for (std::int64_t org : by)
      if (const auto o = org_index.find(org); o != org_index.end()) ++out.organizations[o->second].entries;
    if (e.source == EntrySource::review && e.source_code == "suggestions") {
      ++out.reviewed;
      if (!e.decision.empty()) ++out.decided;
    }
  }
  for (const auto& i : input.invitations) {
    // Recorded attendance means the meeting took place, minutes written or not yet.
    if (!not_cancelled.contains(i.meeting_id) || !i.attended) continue;
    const auto o = org_index.find(i.organization_id);
    if (o == org_index.end()) continue;  // no longer on the body: counted nowhere rather than misnamed
    ++out.organizations[o->second].recorded;
    if (*i.attended) ++out.organizations[o->second].attended;
  }
  for (const auto& a : input.actions) {
    if (a.status == ActionStatus::done && a.done_at) {
      const auto done = seoul_date(*a.done_at);
      (days_from_civil(done) <= days_from_civil(a.due) ? out.actions.on_time : out.actions.late)++;
    } else {
      ++out.actions.open;
      if (days_from_civil(a.due) < days_from_civil(input.today)) ++out.actions.overdue;
    }
  }
  return out;
}

std::string percent(int part, int whole) {
  if (whole <= 0) return "-";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * part / whole);
  return buffer;
}

}  // namespace sotong::meetings
