// One request as a handler sees it: the request, the actor, the CSRF token and the parsed form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "http/form.hpp"
#include "http/multipart.hpp"
#include "http/request.hpp"

namespace sotong::platform {

struct Context {
  http::Request& request;
  Actor actor;          // account_id == 0 when nobody is signed in
  std::string csrf;     // the session's CSRF token, for forms
  http::Form form;      // the urlencoded body of a POST
  http::Form query;     // the query string
  bool api = false;     // JSON route
  bool bearer = false;  // authenticated by an API token (no CSRF: not a browser)
  bool must_change_password = false;
  std::string session_hash;
  std::vector<std::string> set_cookies;  // extra Set-Cookie values for the response

  /// The multipart/form-data body of a POST: its fields (with `_csrf`) and uploaded files.
  http::Multipart multipart;
  /// Why the body could not be read (malformed form, refused upload); refused after the CSRF check.
  std::optional<Error> body_error;

  bool signed_in() const { return actor.account_id != 0; }
  /// The client's address (from X-Forwarded-For when the proxy is trusted).
  std::string remote_address;
};

struct Crumb {
  std::string label;
  std::string href;
};

struct Flash {
  std::string kind;  // success, danger, info
  std::string message;
};

/// What a destructive or irreversible action asks before it runs (Web::ask_first).
struct Confirmation {
  std::string title;        // "기관을 비활성화할까요?"
  std::string message;      // what happens, in one or two sentences
  std::string button;       // "비활성화": the verb of the action
  std::string cancel_href;  // where 취소 leads (the record's page)
};

/// What the layout needs besides the page's own data.
struct PageMeta {
  std::string title;
  std::vector<Crumb> breadcrumb;  // without "홈"; the last crumb is the current page
  Flash flash;
};

}  // namespace sotong::platform
