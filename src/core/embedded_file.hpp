// A file compiled into the program (template, migration, data), named by its path inside its folder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sotong {

struct EmbeddedFile {
  std::string_view path;  // "templates/login.mustache"
  std::string_view text;
};

/// The file name without folders and extension: "templates/_menu.mustache" → "_menu".
std::string embedded_stem(std::string_view path);

}  // namespace sotong
