// Pure rules of 회의 (meetings): what makes an input valid. No I/O, so unit tests call them directly.
#pragma once

#include <cstddef>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"

namespace sotong::meetings {

/// The longest title, counted in characters rather than bytes (200 Hangul syllables are 600 bytes of UTF-8).
inline constexpr std::size_t kTitleMaxChars = 200;

/// The input checked field by field: the title is trimmed and composed to NFC, then must be present and at
/// most kTitleMaxChars characters. Every problem comes back as a Korean field error
/// (ErrorCode::invalid_input).
Result<ValidMeeting> validate_meeting(const MeetingInput& input);

}  // namespace sotong::meetings
