// UTF-8 helpers: validation, repair, Latin-1 conversion and the mapping
// from byte offsets to Unicode code point offsets that every output uses.
// All functions are pure and thread-safe.
#ifndef DOSSIER_COMMON_UTF8_H_
#define DOSSIER_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Returns the byte offset of the first invalid sequence, or npos when `text`
// is well-formed UTF-8 (overlongs, surrogates and > U+10FFFF are invalid).
std::size_t FindInvalidUtf8(std::string_view text);

// Returns `text` with each invalid sequence replaced by U+FFFD, and sets
// *replaced (when given) to the number of replacements.
std::string RepairUtf8(std::string_view text, std::size_t* replaced = nullptr);

// Converts ISO-8859-1 bytes to UTF-8.
std::string Latin1ToUtf8(std::string_view text);

// Decodes the code point starting at text[*pos] and advances *pos past it.
// Invalid bytes decode as U+FFFD and advance by one.
// REQUIRES: *pos < text.size()
char32_t DecodeUtf8(std::string_view text, std::size_t* pos);

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Maps byte offsets of one text to code point offsets. Built once per text
// (O(n)); each lookup is O(1). The text must outlive nothing: the map keeps
// only offsets. The leading ASCII run needs no table (where bytes and code
// points coincide): most English articles are ASCII throughout.
class CodepointMap {
 public:
  explicit CodepointMap(std::string_view text);
  // Code point offset of byte offset `byte` (a byte inside a multi-byte
  // sequence maps to that sequence's code point). `byte` may equal size.
  std::uint32_t ToCodepoint(std::size_t byte) const;
  // Byte offset of code point offset `cp` (clamped to the text's end).
  std::size_t ToByte(std::uint32_t cp) const;

 private:
  std::size_t ascii_prefix_ = 0;  // bytes before the first non-ASCII one
  // From the prefix's end: code point of byte ascii_prefix_ + i, and byte of
  // code point ascii_prefix_ + i; each ends with the text's end.
  std::vector<std::uint32_t> cp_of_byte_;
  std::vector<std::uint32_t> byte_of_cp_;
};

}  // namespace dossier

#endif  // DOSSIER_COMMON_UTF8_H_
