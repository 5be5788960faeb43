#include "indexer/term_text.h"

#include <cctype>

#include "common/utf8.h"

namespace dossier::indexer {
namespace {

// Xapian 1.4 refuses terms over 245 bytes.
constexpr std::size_t kMaxTermTextBytes = 236;

char32_t LowerCodepoint(char32_t cp) {
  if (cp < 0x80) {
    return static_cast<char32_t>(std::tolower(static_cast<int>(cp)));
  }
  // Latin-1 upper-case letters (except the multiplication sign).
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
    return cp + 0x20;
  }
  return cp;
}

}  // namespace

std::string NormalizeTermText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = DecodeUtf8(text, &pos);
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                       cp == 0xA0;
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    AppendUtf8(LowerCodepoint(cp), &out);
  }
  if (out.size() > kMaxTermTextBytes) {
    std::size_t cut = kMaxTermTextBytes;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.resize(cut);
  }
  return out;
}

std::string CompactDate(std::string_view iso_date) {
  if (iso_date.size() < 10 || iso_date[4] != '-' || iso_date[7] != '-') {
    return "";
  }
  std::string out;
  out.append(iso_date.substr(0, 4));
  out.append(iso_date.substr(5, 2));
  out.append(iso_date.substr(8, 2));
  for (const char c : out) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return "";
    }
  }
  return out;
}

}  // namespace dossier::indexer
