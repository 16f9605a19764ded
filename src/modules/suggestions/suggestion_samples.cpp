#include "modules/suggestions/suggestion_samples.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "modules/suggestions/suggestion_deadlines.hpp"
#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {

std::uint64_t SampleRandom::next() {
  state_ += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int SampleRandom::between(int low, int high) {
  if (high <= low) return low;
  const auto span = static_cast<std::uint64_t>(high - low) + 1;
  return low + static_cast<int>(next() % span);
}

bool SampleRandom::chance(int percent) {
  return between(0, 99) < percent;
}

namespace {

using platform::calendar::format_date;
using platform::calendar::WorkingCalendar;

constexpr Timestamp kMinute = 60;
constexpr Timestamp kOfficeOpens = 9 * 3600;  // 09:00 Korean time

/// What one entry of the path does; a transition carries its action.
enum class Kind { submit, transition, progress, extend, transfer, reassign, rate, note };

/// One entry of the path, before and after it gets its moment.
struct Move {
  Kind kind = Kind::transition;
  Action action = Action::submit;
  int gap = 0;      // working days after the entry before it
  int percent = 0;  // progress reports
  CivilDate day{};
  Timestamp at = 0;
};

bool in_hand(State s) {
  return s == State::adopted || s == State::in_progress;
}

std::vector<std::string_view> split_codes(std::string_view codes) {
  std::vector<std::string_view> out;
  while (!codes.empty()) {
    const auto space = codes.find(' ');
    if (space != 0) out.push_back(codes.substr(0, space));
    if (space == std::string_view::npos) break;
    codes.remove_prefix(space + 1);
  }
  return out;
}

std::string joined_names(const std::vector<OrganizationRef>& organizations) {
  std::string out;
  for (const auto& o : organizations) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

/// Builds one sample: first the path (route), then its moments (lay_out), then the due dates it needs
/// (plan_deadline), then it replays the path on the record (play), as the services would have.
class Builder {
 public:
  Builder(const SamplePlan& plan, const SampleCast& cast, const WorkingCalendar& calendar, Timestamp now,
          SampleRandom& random)
      : plan_(plan), cast_(cast), calendar_(calendar), now_(now), today_(seoul_date(now)), random_(random) {}

  Sample build() {
    if (!plan_.topic) throw std::invalid_argument("a sample needs a topic");
    if ((plan_.appeal || plan_.reopen) && plan_.state != State::answered && plan_.state != State::closed)
      throw std::invalid_argument("an appeal or a reopening ends answered or closed");
    start_record();
    route();
    lay_out();
    plan_deadline();
    play();
    return std::move(sample_);
  }

 private:
  // ---- the record as filed ----

  const OrganizationRef& organization(std::string_view code) const {
    auto it = cast_.organizations.find(code);
    if (it == cast_.organizations.end())
      throw std::invalid_argument("sample organisation missing: " + std::string(code));
    return it->second;
  }

  void start_record() {
    const auto& topic = *plan_.topic;
    auto& r = sample_.record;
    r.organization = organization(topic.municipality);
    const auto filers = cast_.filers.find(r.organization.id);
    if (filers == cast_.filers.end() || filers->second.empty())
      throw std::invalid_argument("no officer files for " + r.organization.name);
    filer_ = random_.pick(std::span<const SampleOfficer>(filers->second));
    r.title = std::string(topic.title) + plan_.title_suffix;
    r.content = std::string(topic.content);
    r.domain = topic.domain;
    r.channel = plan_.channel;
    for (auto code : split_codes(topic.concerned)) r.concerned.push_back(organization(code));
    lead_code_ = topic.lead;
    if (random_.chance(50)) r.addressed_bureau = organization(topic.lead);
    if (random_.chance(40))
      r.desired_date = platform::calendar::add_days(plan_.filed, random_.between(20, 60));
    r.state = State::draft;
    r.created_by = plan_.channel == Channel::direct ? filer_.account : cast_.coordinator.account;
  }

  // ---- the path ----

  void push(Kind kind, int gap_low, int gap_high, Action action = Action::submit) {
    Move m;
    m.kind = kind;
    m.action = action;
    m.gap = random_.between(gap_low, gap_high);
    moves_.push_back(m);
  }
  void transition(Action action, int gap_low, int gap_high) {
    push(Kind::transition, gap_low, gap_high, action);
  }

  /// Adopted and carried by the lead: the one-off steps (a transfer or a change of lead, the extensions)
  /// happen in the first stretch a lead carries it; `start` adds 추진 시작 and `reports` progress reports.
  void carry(bool start, int reports) {
    transition(Action::adopt, 2, 8);
    if (!steps_taken_) {
      if (plan_.transfer) push(Kind::transfer, 2, 8);
      if (plan_.reassign) push(Kind::reassign, 2, 8);
    }
    if (start) transition(Action::start_progress, 1, 5);
    const int extensions = steps_taken_ ? 0 : std::clamp(plan_.extensions, 0, kMaxExtensions);
    steps_taken_ = true;
    // Reports spread over what is left to do, each further than the one before, a second round (after an
    // appeal or a reopening) going on from where the first stopped.
    const int from = reported_;
    const int step = (99 - from) / (reports + 1);
    if (step < 1) reports = 0;
    for (int i = 0; i < std::max(reports, extensions); ++i) {
      if (i < extensions) push(Kind::extend, 5, 15);
      if (start && i < reports) {
        push(Kind::progress, 8, 25);
        reported_ = from + (i + 1) * step + random_.between(0, (step - 1) / 2);
        moves_.back().percent = reported_;
      }
    }
  }

  /// From submission to an outcome; `early` allows settling it at triage, before any lead carried it.
  void to_outcome(Action outcome, bool early) {
    if (early && outcome == Action::reject && random_.chance(35)) {
      transition(Action::reject, 1, 4);
      return;
    }
    transition(Action::start_review, 1, 3);
    if (early && (outcome == Action::reject || outcome == Action::defer) && random_.chance(50)) {
      transition(outcome, 3, 10);
      return;
    }
    carry(true, random_.between(1, 3));
    transition(outcome, 5, 20);
  }

  Action random_outcome() {
    const int roll = random_.between(0, 99);
    if (roll < 45) return Action::resolve;
    if (roll < 70) return Action::resolve_partly;
    if (roll < 85) return Action::defer;
    return Action::reject;
  }

  void route() {
    switch (plan_.state) {
      case State::draft:
        return;
      case State::received:
        push(Kind::submit, 0, 0);
        return;
      case State::reviewing:
        push(Kind::submit, 0, 0);
        transition(Action::start_review, 1, 3);
        return;
      case State::adopted:
        push(Kind::submit, 0, 0);
        transition(Action::start_review, 1, 3);
        carry(false, 0);
        return;
      case State::in_progress:
        push(Kind::submit, 0, 0);
        transition(Action::start_review, 1, 3);
        carry(true, random_.between(0, 3));
        return;
      case State::resolved:
      case State::partly_resolved:
        push(Kind::submit, 0, 0);
        to_outcome(plan_.state == State::resolved ? Action::resolve : Action::resolve_partly, false);
        return;
      case State::long_term:
      case State::rejected:
        push(Kind::submit, 0, 0);
        to_outcome(plan_.state == State::long_term ? Action::defer : Action::reject, true);
        return;
      case State::answered:
      case State::closed:
        route_answered();
        return;
    }
  }

  void route_answered() {
    push(Kind::submit, 0, 0);
    if (plan_.appeal) {
      // Refused or half met at first; the 시·군 appeals; the matter is taken up again and carried.
      to_outcome(random_.chance(50) ? Action::reject : Action::resolve_partly, true);
      transition(Action::answer, 1, 5);
      if (random_.chance(60)) push(Kind::rate, 1, 5);
      transition(Action::appeal, 1, 6);
      carry(true, random_.between(1, 2));
      transition(random_.chance(60) ? Action::resolve_partly : Action::resolve, 5, 15);
    } else if (plan_.reopen) {
      to_outcome(Action::resolve, false);
      transition(Action::answer, 1, 5);
      push(Kind::rate, 1, 5);
      transition(Action::close, 2, 8);
      transition(Action::reopen, 10, 30);
      carry(true, 1);
      transition(Action::resolve, 5, 15);
    } else {
      to_outcome(random_outcome(), true);
    }
    transition(Action::answer, 1, 5);
    if (plan_.rated) push(Kind::rate, 1, 8);
    if (plan_.state == State::closed) transition(Action::close, 2, 8);
  }

  /// Internal notes fall anywhere after the submission.
  void add_notes() {
    if (moves_.empty()) return;
    for (int i = 0; i < plan_.notes; ++i) {
      Move note;
      note.kind = Kind::note;
      note.gap = random_.between(0, 3);
      const auto at = static_cast<std::ptrdiff_t>(random_.between(1, static_cast<int>(moves_.size())));
      moves_.insert(moves_.begin() + at, note);
    }
  }

  // ---- the moments ----

  void lay_out() {
    add_notes();
    // Everything happens on working days from the filing day up to the working day before today.
    const CivilDate last = calendar_.add_working_days(today_, -1);
    CivilDate day = days_from_civil(plan_.filed) > days_from_civil(last) ? last : plan_.filed;
    long total = 0;
    for (const auto& m : moves_) total += m.gap;
    const long room = std::max(0, calendar_.working_days_between(day, last));
    Timestamp at = seoul_day_start(day) + kOfficeOpens + random_.between(0, 420) * kMinute;
    sample_.record.created_at = at;
    if (plan_.state != State::draft && plan_.channel == Channel::direct && random_.chance(30)) {
      // Kept as a draft for a while before it was submitted.
      at += random_.between(30, 300) * kMinute;
    }
    for (auto& m : moves_) {
      const int gap = total > room ? static_cast<int>(m.gap * room / total) : m.gap;
      if (gap > 0) {
        day = calendar_.add_working_days(day, gap);
        at = std::max(at + kMinute, seoul_day_start(day) + kOfficeOpens + random_.between(0, 480) * kMinute);
      } else {
        at += random_.between(10, 90) * kMinute;
      }
      m.day = day;
      m.at = at;
    }
    squeeze_before_now();
  }

  /// A long path on a recent filing may run past now on its last day; pull its moments back proportionally.
  void squeeze_before_now() {
    if (moves_.empty() || moves_.back().at < now_ - 3600) return;
    const Timestamp first = sample_.record.created_at;
    const Timestamp span = moves_.back().at - first;
    const Timestamp room = std::max<Timestamp>(now_ - 3600 - first, static_cast<Timestamp>(moves_.size()));
    Timestamp previous = first;
    for (auto& m : moves_) {
      m.at = std::max(previous + 1, first + (m.at - first) * room / std::max<Timestamp>(span, 1));
      m.day = seoul_date(m.at);
      previous = m.at;
    }
  }

  // ---- the due dates ----

  void plan_deadline() {
    // The last adoption sets the clock that is still running; a transfer after it restarts it.
    std::optional<CivilDate> base;
    for (const auto& m : moves_) {
      if (m.kind == Kind::transition && m.action == Action::adopt) base = m.day;
      if (m.kind == Kind::transfer && base) base = m.day;
      if (m.kind == Kind::extend) extension_gaps_.push_back(random_.between(10, 25));
    }
    working_days_ = random_.between(15, 60);
    if (!base || !in_hand(plan_.state)) return;
    int extended = 0;
    for (int g : extension_gaps_) extended += g;
    const CivilDate target = plan_.overdue ? calendar_.add_working_days(today_, -random_.between(1, 12))
                                           : calendar_.add_working_days(today_, random_.between(3, 30));
    working_days_ = std::clamp(calendar_.working_days_between(*base, target) - extended, 5, kMaxWorkingDays);
  }

  // ---- replaying the path ----

  const SampleOfficer& lead_officer() const {
    if (sample_.record.lead_bureau) {
      auto it = cast_.bureau_officers.find(sample_.record.lead_bureau->id);
      if (it != cast_.bureau_officers.end()) return it->second;
    }
    return cast_.coordinator;
  }

  const SampleOfficer& submitter() const { return filer_; }

  Event& add(Kind kind, const Move& m, const SampleOfficer& who) {
    Event e;
    switch (kind) {
      case Kind::submit:
        e.kind = std::string(action_code(Action::submit));
        break;
      case Kind::transition:
        e.kind = std::string(action_code(m.action));
        break;
      case Kind::progress:
        e.kind = "progress";
        break;
      case Kind::extend:
        e.kind = "extend";
        break;
      case Kind::transfer:
        e.kind = "transfer";
        break;
      case Kind::reassign:
        e.kind = "reassign";
        break;
      case Kind::rate:
        e.kind = "rate";
        break;
      case Kind::note:
        e.kind = "note";
        e.internal = true;
        break;
    }
    e.actor_id = who.account;
    e.actor_organization_id = who.organization;
    e.created_at = m.at;
    sample_.events.push_back(std::move(e));
    return sample_.events.back();
  }

  std::string phrase(Phrase occasion) { return std::string(random_.pick(phrases(occasion))); }

  void move_state(Event& e, State to) {
    e.from_state = sample_.record.state;
    e.to_state = to;
    sample_.record.state = to;
  }

  void adopt(const Move& m, Event& e) {
    auto& r = sample_.record;
    if (!r.lead_bureau) {
      r.lead_bureau = organization(lead_code_);
      for (auto code : split_codes(plan_.topic->cooperating)) r.cooperating.push_back(organization(code));
      if (r.cooperating.empty() && !cast_.bureaus.empty() && random_.chance(30)) {
        const auto& other = random_.pick(std::span<const OrganizationRef>(cast_.bureaus));
        if (other.id != r.lead_bureau->id) r.cooperating.push_back(other);
      }
    }
    r.working_days = working_days_;
    r.due_date = calendar_.add_working_days(m.day, working_days_);
    if (random_.chance(60)) {
      r.review_level = random_.pick(std::span<const Term<ReviewLevel>>(kReviewLevels)).value;
      // The next regular review: in the coming weeks while the item is carried, else one after adoption.
      r.next_review = in_hand(plan_.state) ? platform::calendar::add_days(today_, random_.between(3, 40))
                                           : platform::calendar::add_days(m.day, random_.between(20, 60));
    }
    if (!r.adopted_at) r.adopted_at = m.at;
    e.detail = "주관 " + r.lead_bureau->name;
    if (!r.cooperating.empty()) e.detail += " · 협조 " + joined_names(r.cooperating);
    e.detail += " · 처리 기한 " + format_date(*r.due_date);
  }

  /// The organisation a transfer hands the matter to: the agency that runs such things, if the cast has it.
  std::optional<OrganizationRef> transfer_target() const {
    const auto lead = lead_code_;
    const char* code = lead == "52000-B07" || lead == "52000-B10"   ? "A-KRC"
                       : lead == "52000-B03" || lead == "52000-B08" ? "A-POLICE"
                                                                    : "A-JIRI";
    if (auto it = cast_.organizations.find(code); it != cast_.organizations.end()) return it->second;
    if (!cast_.agencies.empty()) return cast_.agencies.front();
    return std::nullopt;
  }

  void play_transition(const Move& m) {
    auto& r = sample_.record;
    const Action action = m.action;
    const bool settled_at_triage = !r.lead_bureau;
    const SampleOfficer& who = action == Action::appeal ? submitter()
                               : action == Action::start_review || action == Action::adopt ||
                                       action == Action::close || action == Action::reopen
                                   ? cast_.coordinator
                               : settled_at_triage ? cast_.coordinator
                                                   : lead_officer();
    const State from = r.state;
    Event& e = add(Kind::transition, m, who);
    switch (action) {
      case Action::start_review:
        move_state(e, State::reviewing);
        break;
      case Action::adopt:
        move_state(e, State::adopted);
        adopt(m, e);
        break;
      case Action::start_progress:
        move_state(e, State::in_progress);
        break;
      case Action::resolve:
        move_state(e, State::resolved);
        r.outcome_at = m.at;
        break;
      case Action::resolve_partly:
        move_state(e, State::partly_resolved);
        e.body = phrase(Phrase::resolve_partly);
        r.outcome_at = m.at;
        break;
      case Action::defer:
        move_state(e, State::long_term);
        e.body = phrase(Phrase::defer);
        r.outcome_at = m.at;
        break;
      case Action::reject:
        move_state(e, State::rejected);
        e.body = phrase(Phrase::reject);
        r.outcome_at = m.at;
        break;
      case Action::answer: {
        const Phrase occasion = from == State::resolved          ? Phrase::answer_resolved
                                : from == State::partly_resolved ? Phrase::answer_partly
                                : from == State::long_term       ? Phrase::answer_long_term
                                                                 : Phrase::answer_rejected;
        move_state(e, State::answered);
        const std::string by = r.lead_bureau ? r.lead_bureau->name : "시·군정책협력담당";
        r.answer = by + "에서 검토한 결과를 알려 드립니다. " + phrase(occasion);
        e.body = r.answer;
        if (!r.answered_at) r.answered_at = m.at;
        break;
      }
      case Action::close:
        move_state(e, State::closed);
        r.closed_at = m.at;
        break;
      case Action::appeal:
        move_state(e, State::reviewing);
        e.body = phrase(Phrase::appeal);
        r.appealed = true;
        reset_after_answer();
        break;
      case Action::reopen:
        move_state(e, State::reviewing);
        e.body = phrase(Phrase::reopen);
        reset_after_answer();
        break;
      case Action::submit:
        break;
    }
  }

  void reset_after_answer() {
    auto& r = sample_.record;
    r.closed_at.reset();
    r.satisfaction.reset();
    r.satisfaction_comment.clear();
  }

  void play_note(const Move& m) {
    const auto& r = sample_.record;
    const bool lead_writes =
        r.lead_bureau && lead_officer().account != cast_.coordinator.account && random_.chance(50);
    const SampleOfficer& who = lead_writes ? lead_officer() : cast_.coordinator;
    Event& e = add(Kind::note, m, who);
    // A mention reaches someone who may read the note: the lead's officer or the coordinator.
    const SampleOfficer& other = lead_writes ? cast_.coordinator : lead_officer();
    if (other.account != who.account && random_.chance(75))
      e.body = "@" + other.login + " " + phrase(Phrase::note_to);
    else
      e.body = phrase(Phrase::note);
  }

  void play_rate(const Move& m) {
    auto& r = sample_.record;
    // Most replies please; the one appealed against did not.
    const bool before_appeal = plan_.appeal && !r.appealed;
    const int roll = random_.between(0, 99);
    const int score = before_appeal ? random_.between(1, 2)
                      : roll < 40   ? 5
                      : roll < 75   ? 4
                      : roll < 90   ? 3
                      : roll < 96   ? 2
                                    : 1;
    r.satisfaction = score;
    r.satisfaction_comment = phrase(score >= 4   ? Phrase::rating_high
                                    : score == 3 ? Phrase::rating_middle
                                                 : Phrase::rating_low);
    Event& e = add(Kind::rate, m, submitter());
    e.detail = std::to_string(score) + "점";
    e.body = r.satisfaction_comment;
  }

  void play() {
    auto& r = sample_.record;
    std::size_t extension = 0;
    for (const auto& m : moves_) {
      switch (m.kind) {
        case Kind::submit: {
          const SampleOfficer& who = plan_.channel == Channel::direct ? submitter() : cast_.coordinator;
          Event& e = add(Kind::submit, m, who);
          move_state(e, State::received);
          if (plan_.channel != Channel::direct) e.detail = std::string(channel_label(plan_.channel));
          r.submitted_at = m.at;
          if (plan_.channel != Channel::direct) r.created_at = m.at;  // recorded at once, never a draft
          break;
        }
        case Kind::transition:
          play_transition(m);
          break;
        case Kind::progress: {
          Event& e = add(Kind::progress, m, lead_officer());
          e.percent = m.percent;
          e.body = phrase(m.percent < 30   ? Phrase::progress_early
                          : m.percent < 70 ? Phrase::progress_middle
                                           : Phrase::progress_late);
          r.progress = m.percent;
          break;
        }
        case Kind::extend: {
          Event& e = add(Kind::extend, m, lead_officer());
          const CivilDate before = *r.due_date;
          r.due_date = calendar_.add_working_days(before, extension_gaps_.at(extension++));
          r.extensions += 1;
          e.body = phrase(Phrase::extend);
          e.detail = format_date(before) + " → " + format_date(*r.due_date);
          break;
        }
        case Kind::transfer: {
          const auto target = transfer_target();
          if (!target) break;
          Event& e = add(Kind::transfer, m, cast_.coordinator);
          const std::string from = r.lead_bureau ? r.lead_bureau->name : "없음";
          r.lead_bureau = *target;
          std::erase_if(r.cooperating, [&](const OrganizationRef& o) { return o.id == target->id; });
          r.due_date = calendar_.add_working_days(m.day, std::max(r.working_days, 1));
          e.body = phrase(Phrase::transfer);
          e.detail = from + " → " + target->name + " · 새 처리 기한 " + format_date(*r.due_date);
          break;
        }
        case Kind::reassign: {
          std::vector<OrganizationRef> others;
          for (const auto& b : cast_.bureaus)
            if (!r.lead_bureau || b.id != r.lead_bureau->id) others.push_back(b);
          if (others.empty()) break;
          Event& e = add(Kind::reassign, m, cast_.coordinator);
          const std::string from = r.lead_bureau ? r.lead_bureau->name : "없음";
          r.lead_bureau = plan_.reassign_to.empty() ? random_.pick(std::span<const OrganizationRef>(others))
                                                    : organization(plan_.reassign_to);
          std::erase_if(r.cooperating, [&](const OrganizationRef& o) { return o.id == r.lead_bureau->id; });
          e.body = phrase(Phrase::reassign);
          e.detail = from + " → " + r.lead_bureau->name;
          break;
        }
        case Kind::rate:
          play_rate(m);
          break;
        case Kind::note:
          play_note(m);
          break;
      }
    }
    r.updated_at = sample_.events.empty() ? r.created_at : sample_.events.back().created_at;
    if (r.created_at > r.updated_at) r.created_at = r.updated_at;
  }

  const SamplePlan& plan_;
  const SampleCast& cast_;
  const WorkingCalendar& calendar_;
  Timestamp now_;
  CivilDate today_;
  SampleRandom& random_;
  Sample sample_;
  SampleOfficer filer_;
  std::string_view lead_code_;
  std::vector<Move> moves_;
  bool steps_taken_ = false;
  int reported_ = 0;  // the last progress planned, in percent
  std::vector<int> extension_gaps_;
  int working_days_ = 0;
};

}  // namespace

Sample make_sample(const SamplePlan& plan, const SampleCast& cast, const WorkingCalendar& calendar,
                   Timestamp now, SampleRandom& random) {
  return Builder(plan, cast, calendar, now, random).build();
}

}  // namespace sotong::suggestions
