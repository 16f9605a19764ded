#include "modules/audit/consultation_store.hpp"

#include "store/conditions.hpp"

namespace sotong::audit::consultation_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, organization_id, kind, title, question, law, state, due_date, asked_by, asked_at, "
    "legal_basis, "
    "answer, share_opinions, answered_by, answered_at, case_id, updated_at FROM audit_consultations ";

Consultation from_row(const store::Row& row) {
  Consultation r;
  r.id = row.int64(0);
  r.organization_id = row.int64(1);
  r.kind =
      from_code<ConsultationKind>(kConsultationKinds, row.text(2)).value_or(ConsultationKind::interpretation);
  r.title = row.text(3);
  r.question = row.text(4);
  r.law = row.text(5);
  r.state =
      from_code<ConsultationState>(kConsultationStates, row.text(6)).value_or(ConsultationState::requested);
  r.due_date = parse_date(row.text(7)).value_or(CivilDate{1970, 1, 1});
  r.asked_by = row.int64(8);
  r.asked_at = row.int64(9);
  r.legal_basis = row.text(10);
  r.answer = row.text(11);
  r.share_opinions = row.boolean(12);
  r.answered_by = row.optional_int64(13);
  r.answered_at = row.optional_int64(14);
  r.case_id = row.optional_int64(15);
  r.updated_at = row.int64(16);
  return r;
}

/// The WHERE conditions of a list query (without paging).
store::Conditions filters(const ListQuery& q) {
  store::Conditions where;
  if (q.organizations) where.in("organization_id", *q.organizations);
  if (q.ids) where.in("id", *q.ids);
  if (q.state)
    where.add("state = ?", {std::string(code_of<ConsultationState>(kConsultationStates, *q.state))});
  if (q.kind) where.add("kind = ?", {std::string(code_of<ConsultationKind>(kConsultationKinds, *q.kind))});
  if (q.open_only || q.overdue_on) where.add("state <> 'notified'");
  if (q.overdue_on) where.add("due_date < ?", {*q.overdue_on});
  if (!q.text.empty()) {
    const std::string like = "%" + q.text + "%";
    where.add("(title LIKE ? OR question LIKE ?)", {like, like});
  }
  return where;
}

}  // namespace

std::vector<Consultation> list(store::Connection& c, const ListQuery& query) {
  auto where = filters(query);
  where.before(query.before_id);
  std::vector<Consultation> out;
  for (const auto& row :
       c.query(kSelect + where.where() + " ORDER BY id DESC LIMIT ?", where.params_with({query.limit})))
    out.push_back(from_row(row));
  return out;
}

std::int64_t count(store::Connection& c, const ListQuery& query) {
  const auto where = filters(query);
  return c.scalar("SELECT COUNT(*) FROM audit_consultations" + where.where(), where.params());
}

std::optional<Consultation> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::int64_t insert(store::Connection& c, const ValidConsultation& v, std::int64_t organization_id,
                    const std::string& due_date, std::int64_t asked_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO audit_consultations (organization_id, kind, title, question, law, state, due_date, "
          "asked_by, asked_at, updated_at) VALUES (?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?) RETURNING id",
          {organization_id, std::string(code_of<ConsultationKind>(kConsultationKinds, v.kind)), v.title,
           v.question, v.law, due_date, asked_by, at, at})
      .front()
      .int64(0);
}

void set_state(store::Connection& c, std::int64_t id, ConsultationState state, Timestamp at) {
  c.execute("UPDATE audit_consultations SET state = ?, updated_at = ? WHERE id = ?",
            {std::string(code_of<ConsultationState>(kConsultationStates, state)), at, id});
}

void set_answer(store::Connection& c, std::int64_t id, const ValidAnswer& answer, std::int64_t answered_by,
                Timestamp at) {
  c.execute(
      "UPDATE audit_consultations SET state = 'notified', legal_basis = ?, answer = ?, share_opinions = ?, "
      "answered_by = ?, answered_at = ?, updated_at = ? WHERE id = ?",
      {answer.legal_basis, answer.answer, answer.share_opinions, answered_by, at, at, id});
}

void set_case(store::Connection& c, std::int64_t id, std::int64_t case_id, Timestamp at) {
  c.execute("UPDATE audit_consultations SET case_id = ?, updated_at = ? WHERE id = ?", {case_id, at, id});
}

void insert_step(store::Connection& c, std::int64_t consultation_id, std::optional<ConsultationState> from,
                 ConsultationState to, const std::string& note, std::int64_t moved_by, Timestamp at) {
  const std::string from_code =
      from ? std::string(code_of<ConsultationState>(kConsultationStates, *from)) : std::string();
  c.execute(
      "INSERT INTO audit_consultation_steps (consultation_id, from_state, to_state, note, moved_by, "
      "moved_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {consultation_id, from_code, std::string(code_of<ConsultationState>(kConsultationStates, to)), note,
       moved_by, at});
}

std::vector<ConsultationStep> steps(store::Connection& c, std::int64_t consultation_id) {
  std::vector<ConsultationStep> out;
  for (const auto& row :
       c.query("SELECT id, from_state, to_state, note, moved_by, moved_at FROM audit_consultation_steps "
               "WHERE consultation_id = ? ORDER BY id",
               {consultation_id})) {
    ConsultationStep s;
    s.id = row.int64(0);
    s.from = from_code<ConsultationState>(kConsultationStates, row.text(1));
    s.to =
        from_code<ConsultationState>(kConsultationStates, row.text(2)).value_or(ConsultationState::requested);
    s.note = row.text(3);
    s.moved_by = row.int64(4);
    s.moved_at = row.int64(5);
    out.push_back(std::move(s));
  }
  return out;
}

bool invite_expert(store::Connection& c, std::int64_t consultation_id, std::int64_t account_id,
                   std::int64_t invited_by, Timestamp at) {
  return c.execute(
             "INSERT INTO audit_consultation_experts (consultation_id, account_id, invited_by, invited_at) "
             "VALUES (?, ?, ?, ?) ON CONFLICT (consultation_id, account_id) DO NOTHING",
             {consultation_id, account_id, invited_by, at}) > 0;
}

std::vector<ConsultationExpert> experts(store::Connection& c, std::int64_t consultation_id) {
  std::vector<ConsultationExpert> out;
  for (const auto& row : c.query("SELECT account_id, invited_at FROM audit_consultation_experts WHERE "
                                 "consultation_id = ? ORDER BY invited_at, account_id",
                                 {consultation_id}))
    out.push_back({row.int64(0), "", row.int64(1)});
  return out;
}

bool is_invited(store::Connection& c, std::int64_t consultation_id, std::int64_t account_id) {
  return c.scalar(
             "SELECT COUNT(*) FROM audit_consultation_experts WHERE consultation_id = ? AND account_id = ?",
             {consultation_id, account_id}) > 0;
}

std::vector<std::int64_t> invitations_of(store::Connection& c, std::int64_t account_id) {
  std::vector<std::int64_t> out;
  for (const auto& row :
       c.query("SELECT consultation_id FROM audit_consultation_experts WHERE account_id = ? "
               "ORDER BY consultation_id",
               {account_id}))
    out.push_back(row.int64(0));
  return out;
}

void insert_opinion(store::Connection& c, std::int64_t consultation_id, std::int64_t account_id,
                    const std::string& body, Timestamp at) {
  c.execute(
      "INSERT INTO audit_consultation_opinions (consultation_id, account_id, body, created_at) VALUES (?, ?, "
      "?, ?)",
      {consultation_id, account_id, body, at});
}

std::vector<ConsultationOpinion> opinions(store::Connection& c, std::int64_t consultation_id) {
  std::vector<ConsultationOpinion> out;
  for (const auto& row : c.query("SELECT id, account_id, body, created_at FROM audit_consultation_opinions "
                                 "WHERE consultation_id = ? ORDER BY id",
                                 {consultation_id}))
    out.push_back({row.int64(0), row.int64(1), "", row.text(2), row.int64(3)});
  return out;
}

void backdate(store::Connection& c, std::int64_t id, Timestamp seconds, const std::string& due_date) {
  c.execute(
      "UPDATE audit_consultations SET asked_at = asked_at - ?, updated_at = updated_at - ?, due_date = ?, "
      "answered_at = answered_at - ? WHERE id = ?",
      {seconds, seconds, due_date, seconds, id});
  c.execute("UPDATE audit_consultation_steps SET moved_at = moved_at - ? WHERE consultation_id = ?",
            {seconds, id});
  c.execute("UPDATE audit_consultation_opinions SET created_at = created_at - ? WHERE consultation_id = ?",
            {seconds, id});
}

std::vector<Consultation> open_due_by(store::Connection& c, const std::string& horizon) {
  std::vector<Consultation> out;
  for (const auto& row :
       c.query(std::string(kSelect) + "WHERE state <> 'notified' AND due_date <= ? ORDER BY id", {horizon}))
    out.push_back(from_row(row));
  return out;
}

bool mark_reminder_sent(store::Connection& c, std::int64_t consultation_id, std::string_view kind,
                        const std::string& due_date, Timestamp at) {
  return c.execute(
             "INSERT INTO audit_consultation_reminders (consultation_id, kind, due_date, sent_at) VALUES (?, "
             "?, ?, "
             "?) ON CONFLICT (consultation_id, kind, due_date) DO NOTHING",
             {consultation_id, std::string(kind), due_date, at}) > 0;
}

}  // namespace sotong::audit::consultation_store
