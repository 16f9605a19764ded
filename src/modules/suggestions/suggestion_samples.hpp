// Plausible suggestions with their whole history, for the demo data and the benchmark generator: a topic, the
// state to end in and a few choices become a record whose timeline reaches that state by a path the life
// cycle allows, with timestamps that increase, due dates counted on the working calendar and milestones
// (*_at) that agree with the timeline. Pure: organisations, people, calendar and clock come in as values and
// every choice comes from a seeded SampleRandom, so the same inputs make the same records on every machine.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_sample_texts.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::suggestions {

/// splitmix64: a small generator whose sequence depends on its seed alone (std:: distributions differ
/// between standard libraries, which would make "deterministic" data differ between machines).
class SampleRandom {
 public:
  explicit SampleRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// A whole number from `low` to `high`, both included (`low` when high < low).
  int between(int low, int high);
  /// True about `percent` times in a hundred.
  bool chance(int percent);
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

/// Someone who writes on a timeline.
struct SampleOfficer {
  std::int64_t account = 0;
  std::int64_t organization = 0;  // where the officer works: the organisation their entries are made for
  std::string login;              // how a note mentions them (@login)
};

/// The organisations and people samples are made of, read from the platform once by the caller.
struct SampleCast {
  std::map<std::string, OrganizationRef, std::less<>> organizations;  // by organisation code
  std::map<std::int64_t, std::vector<SampleOfficer>> filers;  // a 시·군's id → officers who file for it
  std::map<std::int64_t, SampleOfficer> bureau_officers;      // a bureau's id → one of its officers
  std::vector<OrganizationRef> bureaus;                       // every bureau, for cooperation and changes
  std::vector<OrganizationRef> agencies;                      // partner agencies: transfer targets
  SampleOfficer coordinator;
};

/// What a sample is to become; the planner chooses the rest (dates within the path, texts, ratings).
struct SamplePlan {
  const SampleTopic* topic = nullptr;
  std::string title_suffix;           // generated data: " (재건의)"
  State state = State::received;      // where it ends
  CivilDate filed{};                  // the working day it was written (a draft) or submitted
  Channel channel = Channel::direct;  // not direct: raised at a meeting, recorded by the coordinator
  bool overdue = false;               // ends adopted or in progress past its due date
  bool appeal = false;    // ends answered or closed: answered, appealed, reviewed again and answered again
  bool reopen = false;    // ends answered or closed: closed, reopened by the coordinator and answered again
  bool transfer = false;  // carried by a lead: transferred once to a partner agency
  bool reassign = false;  // carried by a lead: the lead bureau changed once
  std::string_view reassign_to;  // the bureau's code it changes to; empty: any other bureau
  int extensions = 0;            // up to kMaxExtensions, while the due date runs
  bool rated = true;             // the submitter rated the last answer
  int notes = 0;                 // internal notes along the way
};

/// A record and its timeline, in order, not yet stored: ids are 0 and the events' suggestion_id too.
struct Sample {
  Suggestion record;
  std::vector<Event> events;
};

/// The sample `plan` describes; every event lies after the day `plan.filed` began and before the working day
/// that holds `now` (Korean time). Throws std::invalid_argument when the plan names a topic organisation the
/// cast lacks or asks for an impossible path (an appeal that does not end answered or closed).
Sample make_sample(const SamplePlan& plan, const SampleCast& cast,
                   const platform::calendar::WorkingCalendar& calendar, Timestamp now, SampleRandom& random);

}  // namespace sotong::suggestions
