#include "modules/meetings/meeting_workshop_store.hpp"

#include <string>

namespace sotong::meetings::workshop_store {
namespace {

constexpr const char* kSessionSelect =
    "SELECT id, meeting_id, position, title, starts_at, ends_at, moderator, created_at "
    "FROM meeting_workshop_sessions ";

WorkshopSession session_from(const store::Row& row) {
  WorkshopSession s;
  s.id = row.int64(0);
  s.meeting_id = row.int64(1);
  s.position = row.int64(2);
  s.title = row.text(3);
  s.starts_at = row.text(4);
  s.ends_at = row.text(5);
  s.moderator = row.text(6);
  s.created_at = row.int64(7);
  return s;
}

constexpr const char* kPresentationSelect =
    "SELECT id, meeting_id, position, title, organization_id, presenter, summary, status, proposer_id, "
    "created_at FROM meeting_workshop_presentations ";

Presentation presentation_from(const store::Row& row) {
  Presentation p;
  p.id = row.int64(0);
  p.meeting_id = row.int64(1);
  p.position = row.int64(2);
  p.title = row.text(3);
  p.organization_id = row.int64(4);
  p.presenter = row.text(5);
  p.summary = row.text(6);
  p.status = from_code<PresentationStatus>(kPresentationStatuses, row.text(7))
                 .value_or(PresentationStatus::proposed);
  p.proposer_id = row.int64(8);
  p.created_at = row.int64(9);
  return p;
}

constexpr const char* kOpinionSelect =
    "SELECT id, meeting_id, title, content, domain, source, recorded_by_org, suggestion_id, suggestion_href, "
    "turned_at, created_at FROM meeting_workshop_opinions ";

Opinion opinion_from(const store::Row& row) {
  Opinion o;
  o.id = row.int64(0);
  o.meeting_id = row.int64(1);
  o.title = row.text(2);
  o.content = row.text(3);
  o.domain = from_code<PolicyDomain>(kPolicyDomains, row.text(4)).value_or(PolicyDomain::project);
  o.source = from_code<OpinionSource>(kOpinionSources, row.text(5)).value_or(OpinionSource::recorded);
  o.recorded_by_org = row.int64(6);
  o.suggestion_id = row.optional_int64(7);
  o.suggestion_href = row.text(8);
  o.turned_at = row.optional_int64(9);
  o.created_at = row.int64(10);
  return o;
}

void fill_organizations(store::Connection& c, Opinion& o) {
  for (const auto& row :
       c.query("SELECT organization_id FROM meeting_workshop_opinion_organizations WHERE opinion_id = ? "
               "ORDER BY position",
               {o.id}))
    o.organizations.push_back(row.int64(0));
}

}  // namespace

std::vector<WorkshopSession> sessions_of(store::Connection& c, std::int64_t meeting_id) {
  std::vector<WorkshopSession> out;
  for (const auto& row :
       c.query(std::string(kSessionSelect) + "WHERE meeting_id = ? ORDER BY position, id", {meeting_id}))
    out.push_back(session_from(row));
  return out;
}

std::optional<WorkshopSession> find_session(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSessionSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return session_from(rows.front());
}

std::int64_t insert_session(store::Connection& c, const WorkshopSession& s, Timestamp at) {
  const auto position =
      c.scalar("SELECT COALESCE(MAX(position), 0) FROM meeting_workshop_sessions WHERE meeting_id = ?",
               {s.meeting_id}) +
      1;
  return c
      .query(
          "INSERT INTO meeting_workshop_sessions (meeting_id, position, title, starts_at, ends_at, "
          "moderator, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {s.meeting_id, position, s.title, s.starts_at, s.ends_at, s.moderator, at})
      .front()
      .int64(0);
}

void update_session(store::Connection& c, const WorkshopSession& s) {
  c.execute(
      "UPDATE meeting_workshop_sessions SET title = ?, starts_at = ?, ends_at = ?, moderator = ? WHERE id = "
      "?",
      {s.title, s.starts_at, s.ends_at, s.moderator, s.id});
}

void delete_session(store::Connection& c, std::int64_t id) {
  c.execute("DELETE FROM meeting_workshop_sessions WHERE id = ?", {id});
}

std::vector<Presentation> presentations_of(store::Connection& c, std::int64_t meeting_id) {
  std::vector<Presentation> out;
  for (const auto& row :
       c.query(std::string(kPresentationSelect) + "WHERE meeting_id = ? ORDER BY position, id", {meeting_id}))
    out.push_back(presentation_from(row));
  return out;
}

std::optional<Presentation> find_presentation(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kPresentationSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return presentation_from(rows.front());
}

std::int64_t insert_presentation(store::Connection& c, const Presentation& p, Timestamp at) {
  const auto position =
      c.scalar("SELECT COALESCE(MAX(position), 0) FROM meeting_workshop_presentations WHERE meeting_id = ?",
               {p.meeting_id}) +
      1;
  return c
      .query(
          "INSERT INTO meeting_workshop_presentations (meeting_id, position, title, organization_id, "
          "presenter, "
          "summary, status, proposer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {p.meeting_id, position, p.title, p.organization_id, p.presenter, p.summary,
           code_of<PresentationStatus>(kPresentationStatuses, p.status), p.proposer_id, at})
      .front()
      .int64(0);
}

void update_presentation(store::Connection& c, const Presentation& p) {
  c.execute(
      "UPDATE meeting_workshop_presentations SET title = ?, organization_id = ?, presenter = ?, summary = ? "
      "WHERE id = ?",
      {p.title, p.organization_id, p.presenter, p.summary, p.id});
}

void update_presentation_status(store::Connection& c, std::int64_t id, PresentationStatus status) {
  c.execute("UPDATE meeting_workshop_presentations SET status = ? WHERE id = ?",
            {code_of<PresentationStatus>(kPresentationStatuses, status), id});
}

void delete_presentation(store::Connection& c, std::int64_t id) {
  c.execute("DELETE FROM meeting_workshop_presentations WHERE id = ?", {id});
}

std::vector<Opinion> opinions_of(store::Connection& c, std::int64_t meeting_id) {
  std::vector<Opinion> out;
  for (const auto& row :
       c.query(std::string(kOpinionSelect) + "WHERE meeting_id = ? ORDER BY id", {meeting_id}))
    out.push_back(opinion_from(row));
  for (auto& o : out) fill_organizations(c, o);
  return out;
}

std::optional<Opinion> find_opinion(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kOpinionSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto o = opinion_from(rows.front());
  fill_organizations(c, o);
  return o;
}

std::int64_t insert_opinion(store::Connection& c, const Opinion& o, std::optional<std::int64_t> created_by,
                            Timestamp at) {
  const auto id = c.query(
                       "INSERT INTO meeting_workshop_opinions (meeting_id, title, content, domain, source, "
                       "recorded_by_org, "
                       "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {o.meeting_id, o.title, o.content, code_of<PolicyDomain>(kPolicyDomains, o.domain),
                        code_of<OpinionSource>(kOpinionSources, o.source), o.recorded_by_org, created_by, at})
                      .front()
                      .int64(0);
  std::int64_t position = 0;
  for (const auto org : o.organizations)
    c.execute(
        "INSERT INTO meeting_workshop_opinion_organizations (opinion_id, organization_id, position) "
        "VALUES (?, ?, ?)",
        {id, org, ++position});
  return id;
}

bool link_suggestion(store::Connection& c, std::int64_t opinion_id, std::int64_t suggestion_id,
                     const std::string& href, std::int64_t by, Timestamp at) {
  // Only an opinion not linked yet: two people turning it at once link it once.
  return c.execute(
             "UPDATE meeting_workshop_opinions SET suggestion_id = ?, suggestion_href = ?, turned_by = ?, "
             "turned_at = ? WHERE id = ? AND suggestion_id IS NULL",
             {suggestion_id, href, by, at, opinion_id}) == 1;
}

}  // namespace sotong::meetings::workshop_store
