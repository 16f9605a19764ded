#include "platform/accounts/api_token_service.hpp"

#include "platform/accounts/account_store.hpp"
#include "platform/accounts/api_token_store.hpp"
#include "platform/history/history.hpp"

namespace sotong::platform::accounts {
namespace {
/// What the history keeps of a token: whose it is, its name and end; never the token or its hash.
history::Fields token_fields(const api_tokens::TokenInfo& t) {
  return {
      {"login_id", t.login_id},
      {"name", t.name},
      {"expires_at", t.expires_at ? std::optional<std::string>(format_iso_utc(*t.expires_at)) : std::nullopt},
      {"revoked", t.revoked_at.has_value()}};
}
}  // namespace

Result<IssuedToken> issue_api_token(store::Database& db, const Actor& actor, std::string_view login_id,
                                    std::string_view name, std::optional<Timestamp> expires_at) {
  return db.write([&](store::Connection& c) -> Result<IssuedToken> {
    const auto account = account_store::find_by_login(c, login_id);
    if (!account || !account->active)
      return Error::not_found("사용 중인 계정을 찾을 수 없습니다: " + std::string(login_id));
    auto created = api_tokens::create(c, account->id, name, expires_at, now());
    history::record_change(c, actor,
                           {kTokenRecord, created.id, "create", "",
                            history::to_json(token_fields(*api_tokens::find(c, created.id)))});
    return IssuedToken{created.id, std::move(created.token)};
  });
}

Result<void> revoke_api_token(store::Database& db, const Actor& actor, std::int64_t id) {
  return db.write([&](store::Connection& c) -> Result<void> {
    const auto before = api_tokens::find(c, id);
    if (!before || !api_tokens::revoke(c, id, now()))
      return Error::not_found("사용 중인 토큰을 찾을 수 없습니다.");
    history::record_change(c, actor,
                           {kTokenRecord, id, "revoke", history::to_json(token_fields(*before)),
                            history::to_json(token_fields(*api_tokens::find(c, id)))});
    return success();
  });
}

}  // namespace sotong::platform::accounts
