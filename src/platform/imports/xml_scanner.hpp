// A small forward-only XML scanner for the parts of an .xlsx file: elements, attributes and text, with the
// predefined and numeric entities decoded. It builds no tree, so a sheet of millions of cells is read in one
// pass without a copy of the document; a DOCTYPE is refused (the OOXML parts never have one, and refusing it
// keeps entity expansion out).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sotong::platform::imports {

enum class XmlTokenKind { start, end, text, done, error };

struct XmlToken {
  XmlTokenKind kind = XmlTokenKind::done;
  std::string_view name;        // start and end: the name without its prefix ("c" for "x:c")
  std::string_view attributes;  // start: the raw text between the name and ">" or "/>"
  std::string_view raw_text;    // text: undecoded; CDATA content comes as text with `cdata` set
  bool self_closing = false;    // start: "<c/>" (no end token follows)
  bool cdata = false;
};

class XmlScanner {
 public:
  explicit XmlScanner(std::string_view document) : doc_(document) {}

  /// The next token; `error` (with error() saying why) on malformed input — a tag that does not end, an end
  /// tag with nothing open, elements left open at the end — then `done` forever after. Names of end tags are
  /// not matched against their start tags: the readers only need to know where elements begin and end.
  XmlToken next();
  const std::string& error() const { return error_; }

 private:
  XmlToken fail(std::string why);
  std::string_view doc_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;  // elements open: a document must close them all
  std::string error_;
};

/// Appends the text with &amp; &lt; &gt; &quot; &apos; &#NNN; &#xHH; decoded; false on an unknown or
/// malformed entity or a character reference XML does not allow.
bool append_decoded(std::string_view raw, std::string& out);
/// Appends a text token's content (decoded unless CDATA).
bool append_text(const XmlToken& token, std::string& out);

/// The decoded value of the attribute whose name, without its prefix, is `local_name` ("id" finds "r:id");
/// nullopt when absent or malformed. `prefixed` asks for a prefixed name only (r:id, not Id).
std::optional<std::string> attribute(std::string_view attributes, std::string_view local_name,
                                     bool prefixed = false);

}  // namespace sotong::platform::imports
