#include "platform/calendar/feed_service.hpp"

#include <algorithm>

#include "platform/accounts/session_store.hpp"
#include "platform/calendar/feed_rules.hpp"
#include "platform/crypto.hpp"
#include "platform/history/history.hpp"

namespace sotong::platform::calendar {
namespace {

Error feed_not_found() {
  return Error::not_found("구독 주소를 찾을 수 없습니다.");
}

/// What the history keeps of an address: what it is for (as the screen names it; the source's code is the
/// module's business) and whether it still answers; never the secret or its hash.
std::string history_json(const FeedRecord& r) {
  return history::to_json(
      {{"label", r.label}, {"subject_id", r.subject_id}, {"revoked", r.revoked_at.has_value()}});
}

/// The offers of one source for this person: its one feed, or one per subject they may subscribe to.
void add_offers(const ServiceContext& svc, const CalendarFeedSource& source, std::vector<FeedOffer>& out) {
  if (!source.subjects) {
    if (source.may_subscribe(svc, std::nullopt))
      out.push_back({source.code, std::nullopt, source.label, source.description});
    return;
  }
  for (const auto& subject : source.subjects(svc)) {
    if (source.may_subscribe(svc, subject.id))
      out.push_back({source.code, subject.id, source.label + " · " + subject.label, source.description});
  }
}

Result<void> signed_in(const ServiceContext& svc) {
  if (svc.actor.account_id == 0) return Error::unauthenticated();
  return success();
}

}  // namespace

Result<FeedsOverview> list_calendar_feeds(const ServiceContext& svc) {
  if (auto ok = signed_in(svc); !ok) return ok.error();
  FeedsOverview out;
  const auto sources = feed_sources();
  for (const auto& source : sources) add_offers(svc, source, out.offers);
  const auto records =
      svc.db.read([&](store::Connection& c) { return feed_store::live_for(c, svc.actor.account_id); });
  for (const auto& r : records) {
    FeedSummary summary{r, r.label, false};
    const auto offer = std::find_if(out.offers.begin(), out.offers.end(), [&](const FeedOffer& o) {
      return o.source == r.source && o.subject == r.subject_id;
    });
    if (offer != out.offers.end()) {
      summary.label = offer->label;
      summary.answering = true;
    }
    out.feeds.push_back(std::move(summary));
  }
  return out;
}

Result<IssuedFeed> create_calendar_feed(const ServiceContext& svc, std::string_view source_code,
                                        std::optional<std::int64_t> subject) {
  if (auto ok = signed_in(svc); !ok) return ok.error();
  const auto source = feed_source(source_code);
  if (!source) return feed_not_found();
  std::string label = source->label;
  if (source->subjects) {
    if (!subject)
      return Error::invalid("구독할 대상을 골라 주십시오.", {{"subject", "구독할 대상을 골라 주십시오."}});
    const auto subjects = source->subjects(svc);
    const auto found = std::find_if(subjects.begin(), subjects.end(),
                                    [&](const CalendarFeedSubject& s) { return s.id == *subject; });
    if (found == subjects.end()) return feed_not_found();
    label += " · " + found->label;
  } else if (subject) {
    return Error::invalid("이 일정에는 고를 대상이 없습니다.",
                          {{"subject", "이 일정에는 고를 대상이 없습니다."}});
  }
  if (!source->may_subscribe(svc, subject)) return feed_not_found();

  return svc.db.write([&](store::Connection& c) -> Result<IssuedFeed> {
    if (feed_store::count_live_for(c, svc.actor.account_id) >= kMaxLiveFeeds)
      return Error::conflict("구독 주소는 한 사람이 " + std::to_string(kMaxLiveFeeds) +
                             "개까지 둘 수 있습니다. 쓰지 않는 주소를 폐기한 뒤 다시 만들어 주십시오.");
    IssuedFeed issued{0, std::string(kFeedSecretPrefix) + random_token(kFeedSecretBytes)};
    issued.id = feed_store::insert(c, svc.actor.account_id, source->code, subject, label,
                                   token_hash(issued.secret), now());
    history::record_change(
        c, svc.actor, {kFeedRecord, issued.id, "create", "", history_json(*feed_store::find(c, issued.id))});
    return issued;
  });
}

Result<FeedSummary> get_calendar_feed(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = signed_in(svc); !ok) return ok.error();
  auto overview = list_calendar_feeds(svc);
  if (!overview) return overview.error();
  for (auto& feed : overview->feeds)
    if (feed.record.id == id) return std::move(feed);
  return feed_not_found();
}

Result<void> revoke_calendar_feed(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = signed_in(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto before = feed_store::find(c, id);
    // Someone else's address answers exactly as one that does not exist.
    if (!before || before->account_id != svc.actor.account_id || !feed_store::revoke(c, id, now()))
      return feed_not_found();
    history::record_change(
        c, svc.actor,
        {kFeedRecord, id, "revoke", history_json(*before), history_json(*feed_store::find(c, id))});
    return success();
  });
}

Result<std::string> fetch_calendar_feed(store::Database& db, const Policy& policy, const FeedFetch& fetch) {
  if (!well_formed_secret(fetch.secret)) return feed_not_found();
  const std::string hash = token_hash(fetch.secret);
  struct Found {
    FeedRecord record;
    Actor owner;
  };
  auto found = db.read([&](store::Connection& c) -> std::optional<Found> {
    auto record = feed_store::find_live_by_hash(c, hash);
    if (!record) return std::nullopt;
    auto owner = sessions::load_actor(c, record->account_id);  // nullopt for a deactivated account
    if (!owner) return std::nullopt;
    return Found{std::move(*record), std::move(*owner)};
  });
  if (!found) return feed_not_found();
  found->owner.remote_address = std::string(fetch.remote_address);
  const ServiceContext svc{db, policy, found->owner};
  const FeedRecord& record = found->record;

  const auto source = feed_source(record.source);
  if (!source || !source->may_subscribe(svc, record.subject_id)) return feed_not_found();
  auto feed = source->feed(svc, record.subject_id);
  if (!feed) return feed_not_found();
  make_urls_absolute(*feed, fetch.origin);
  std::string text = write_icalendar(*feed, fetch.now);

  return db.write([&](store::Connection& c) -> Result<std::string> {
    // Revoked while the feed was being built: it is not handed out.
    if (!feed_store::find_live_by_hash(c, hash)) return feed_not_found();
    feed_store::touch(c, record.id, fetch.now);
    history::record_access(c, found->owner,
                           {kFeedRecord, record.id, "일정 구독: " + record.label, history::AccessAction::view,
                            history::to_json({{"source", record.source},
                                              {"events", static_cast<long long>(feed->events.size())}})});
    return std::move(text);
  });
}

}  // namespace sotong::platform::calendar
