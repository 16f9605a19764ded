// The attachments section of an owner's page (a record's detail page): the list, the upload form with its
// limits, and — after a refused upload — the reason, shown beside the file field of the page the person was
// on.
#pragma once

#include <cstdint>
#include <string_view>

#include "platform/web/web.hpp"

namespace sotong::platform::attachments {

/// Sets attachments, has_attachments, the upload form's owner and limits and, when the last upload to this
/// owner was refused, attachment_error (the Korean reason) for the partials attachments/_list and
/// attachments/_upload_form. Reads on the caller's connection.
void add_to_page(Web& web, Context& ctx, render::View& view, store::Connection& c,
                 std::string_view owner_type, std::int64_t owner_id);

/// Answers a refused upload from a page: back to the owner's page (at the file field), which then shows why.
http::Response refuse_upload(Web& web, Context& ctx, std::string_view owner_type, std::int64_t owner_id,
                             const std::string& owner_href, const Error& error);

}  // namespace sotong::platform::attachments
