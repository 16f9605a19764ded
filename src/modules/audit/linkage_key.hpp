// The secret key under which resident registration numbers are hashed at import. It is kept in a file outside
// the database ([audit] linkage_key_file), so that a copy of the database — a backup, a dump handed to a
// developer — holds hashes nobody can turn back into numbers or link to another register.
#pragma once

#include <array>
#include <string>

#include "core/result.hpp"

namespace sotong::audit {

/// The default place of the key, beside the SQLite default database (data/sotong.db) of `make run`.
inline constexpr const char* kDefaultLinkageKeyFile = "data/audit-linkage.key";

using LinkageKey = std::array<unsigned char, 16>;

/// The key in `path`; on first use a new random key is written there, readable by the server's user alone
/// (0600), its folder made if missing. Every node of a cluster needs the same file: a data set imported on
/// one node must link with another imported elsewhere. Errors (internal, Korean) when the file cannot be
/// read or written, or does not hold exactly 16 bytes.
Result<LinkageKey> load_linkage_key(const std::string& path);

}  // namespace sotong::audit
