#include "common/utf8.h"

#include <cstring>

namespace dossier {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Length of the valid sequence at text[pos], or 0 when it is invalid.
std::size_t ValidSequenceLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + len > text.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    const unsigned char cont = byte(pos + i);
    if ((cont & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (cont & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

// The length of text's leading run of ASCII bytes.
std::size_t AsciiPrefix(std::string_view text) {
  std::size_t pos = 0;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  for (; pos + 8 <= text.size(); pos += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    if ((word & kHighBits) != 0) {
      break;
    }
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    ++pos;
  }
  return pos;
}

}  // namespace

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t len = ValidSequenceLength(text, pos);
    if (len == 0) {
      return pos;
    }
    pos += len;
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t len = ValidSequenceLength(text, pos);
    if (len == 0) {
      AppendUtf8(kReplacement, &out);
      ++count;
      ++pos;
      continue;
    }
    out.append(text.substr(pos, len));
    pos += len;
  }
  if (replaced != nullptr) {
    *replaced = count;
  }
  return out;
}

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    AppendUtf8(static_cast<unsigned char>(c), &out);
  }
  return out;
}

char32_t DecodeUtf8(std::string_view text, std::size_t* pos) {
  const std::size_t len = ValidSequenceLength(text, *pos);
  if (len == 0) {
    ++*pos;
    return kReplacement;
  }
  const auto lead = static_cast<unsigned char>(text[*pos]);
  char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
  for (std::size_t i = 1; i < len; ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[*pos + i]) & 0x3F);
  }
  *pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

CodepointMap::CodepointMap(std::string_view text)
    : ascii_prefix_(AsciiPrefix(text)) {
  const std::size_t rest = text.size() - ascii_prefix_;
  cp_of_byte_.resize(rest + 1);
  byte_of_cp_.reserve(rest + 1);
  std::size_t pos = ascii_prefix_;
  auto cp = static_cast<std::uint32_t>(ascii_prefix_);
  while (pos < text.size()) {
    const std::size_t start = pos;
    DecodeUtf8(text, &pos);
    byte_of_cp_.push_back(static_cast<std::uint32_t>(start));
    for (std::size_t b = start; b < pos; ++b) {
      cp_of_byte_[b - ascii_prefix_] = cp;
    }
    ++cp;
  }
  cp_of_byte_[rest] = cp;
  byte_of_cp_.push_back(static_cast<std::uint32_t>(text.size()));
}

std::uint32_t CodepointMap::ToCodepoint(std::size_t byte) const {
  if (byte < ascii_prefix_) {
    return static_cast<std::uint32_t>(byte);
  }
  const std::size_t i = byte - ascii_prefix_;
  return i < cp_of_byte_.size() ? cp_of_byte_[i] : cp_of_byte_.back();
}

std::size_t CodepointMap::ToByte(std::uint32_t cp) const {
  if (cp < ascii_prefix_) {
    return cp;
  }
  const std::size_t i = cp - ascii_prefix_;
  return i < byte_of_cp_.size() ? byte_of_cp_[i] : byte_of_cp_.back();
}

}  // namespace dossier
