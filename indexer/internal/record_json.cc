#include "indexer/internal/record_json.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace dossier::indexer::internal {

void AppendJsonString(std::string_view text, std::string* out) {
  if (FindInvalidUtf8(text) != std::string_view::npos) {
    // Readers repair text before it gets here; should anything slip
    // through, nlohmann's own replacement keeps the bytes as they were.
    out->append(
        nlohmann::json(std::string(text))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    out->append(text, run, i - run);
    run = i + 1;
    // \b \t \n \f \r for bytes 8-13 but 11 (vertical tab), whose
    // only escape is \u000b as for the other control characters.
    static constexpr char kShort[] = {'b', 't', 'n', 0, 'f', 'r'};
    const char short_form = c == '"' || c == '\\'    ? static_cast<char>(c)
                            : c >= '\b' && c <= '\r' ? kShort[c - '\b']
                                                     : 0;
    out->push_back('\\');
    if (short_form != 0) {
      out->push_back(short_form);
    } else {
      out->append("u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
  }
  out->append(text, run, text.size() - run);
  out->push_back('"');
}

void AppendJsonNumber(std::uint64_t value, std::string* out) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out->append(digits, end);
}

}  // namespace dossier::indexer::internal
