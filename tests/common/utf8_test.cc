#include "common/utf8.h"

#include <doctest/doctest.h>

namespace dossier {

TEST_SUITE("common/utf8") {
  TEST_CASE("FindInvalidUtf8 accepts well-formed text and finds bad bytes") {
    CHECK(FindInvalidUtf8("plain ascii") == std::string_view::npos);
    CHECK(FindInvalidUtf8("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d") ==
          std::string_view::npos);
    CHECK(FindInvalidUtf8("ab\xff") == 2);
    CHECK(FindInvalidUtf8("\xc0\xaf") == 0);      // overlong '/'
    CHECK(FindInvalidUtf8("\xed\xa0\x80") == 0);  // surrogate
    CHECK(FindInvalidUtf8("x\xe2\x80") == 1);     // truncated
  }

  TEST_CASE("RepairUtf8 replaces each invalid byte with U+FFFD") {
    std::size_t replaced = 0;
    CHECK(RepairUtf8("a\xffz", &replaced) == "a\xef\xbf\xbdz");
    CHECK(replaced == 1);
    CHECK(RepairUtf8("fine", &replaced) == "fine");
    CHECK(replaced == 0);
  }

  TEST_CASE("Latin1ToUtf8 maps high bytes to two-byte sequences") {
    CHECK(Latin1ToUtf8("caf\xe9") == "caf\xc3\xa9");
    CHECK(Latin1ToUtf8("plain") == "plain");
  }

  TEST_CASE("CodepointMap converts byte offsets to code points and back") {
    const std::string text = "\xc3\xa9t\xc3\xa9 \xe2\x80\x9cok";  // été "ok
    const CodepointMap map(text);
    CHECK(map.ToCodepoint(0) == 0);
    CHECK(map.ToCodepoint(2) == 1);
    CHECK(map.ToCodepoint(3) == 2);
    CHECK(map.ToCodepoint(6) == 4);
    CHECK(map.ToCodepoint(9) == 5);
    CHECK(map.ToCodepoint(text.size()) == 7);
    CHECK(map.ToByte(4) == 6);
    CHECK(map.ToByte(7) == text.size());
  }

  TEST_CASE("CodepointMap maps an ASCII text and an ASCII run before UTF-8") {
    const std::string ascii = "plain ASCII text, longer than a word";
    const CodepointMap plain(ascii);
    CHECK(plain.ToCodepoint(0) == 0);
    CHECK(plain.ToCodepoint(17) == 17);
    CHECK(plain.ToCodepoint(ascii.size()) == ascii.size());
    CHECK(plain.ToCodepoint(ascii.size() + 5) == ascii.size());
    CHECK(plain.ToByte(17) == 17);
    CHECK(plain.ToByte(static_cast<std::uint32_t>(ascii.size()) + 5) ==
          ascii.size());

    // Twelve ASCII bytes, "é" (2 bytes), "x", U+201C (3 bytes), "y".
    const std::string mixed = "abcdefghijkl\xc3\xa9x\xe2\x80\x9cy";
    const CodepointMap map(mixed);
    CHECK(map.ToCodepoint(11) == 11);
    CHECK(map.ToCodepoint(12) == 12);
    CHECK(map.ToCodepoint(13) == 12);  // inside "é"
    CHECK(map.ToCodepoint(14) == 13);
    CHECK(map.ToCodepoint(15) == 14);
    CHECK(map.ToCodepoint(18) == 15);
    CHECK(map.ToCodepoint(mixed.size()) == 16);
    CHECK(map.ToByte(11) == 11);
    CHECK(map.ToByte(13) == 14);
    CHECK(map.ToByte(15) == 18);
    CHECK(map.ToByte(16) == mixed.size());
    CHECK(map.ToByte(99) == mixed.size());

    const CodepointMap empty("");
    CHECK(empty.ToCodepoint(0) == 0);
    CHECK(empty.ToByte(0) == 0);
  }
}

}  // namespace dossier
