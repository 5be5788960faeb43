#include "indexer/internal/word_list.h"

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace dossier::indexer::internal {

TEST_SUITE("indexer/WordList") {
  TEST_CASE("WordSet holds exactly its words") {
    const WordSet set{"of", "de", "van", "von", "der", "&", "co-founder",
                      "\xE2\x80\x94"};
    for (const char* word :
         {"of", "de", "van", "von", "der", "&", "co-founder", "\xE2\x80\x94"}) {
      CHECK_MESSAGE(set.contains(word), word);
    }
    // Prefixes, extensions, other cases and the empty word are not members.
    for (const char* word :
         {"o", "off", "Of", "OF", "va", "vans", "co", "founder", "", "\xE2\x80",
          "a-much-longer-word-than-any-member"}) {
      CHECK_MESSAGE(!set.contains(word), word);
    }
  }

  TEST_CASE("WordSet agrees with IsOneOf on a large list and many probes") {
    std::vector<std::string> members;
    for (int i = 0; i < 300; ++i) {
      members.push_back("w" + std::to_string(i * 7));
    }
    const WordSet set{members[0], members[1], members[2], members[3],
                      members[4], members[5], members[6], members[7]};
    // A small list that fills its smallest table to half: every probe must
    // still stop at an empty slot.
    for (int i = 0; i < 2100; ++i) {
      const std::string probe = "w" + std::to_string(i);
      CHECK(set.contains(probe) ==
            IsOneOf(probe, {members[0], members[1], members[2], members[3],
                            members[4], members[5], members[6], members[7]}));
    }
  }

  TEST_CASE("WordSet::find gives a word's position in its list") {
    const std::vector<std::string_view> words{"said", "told", "said", "added"};
    const WordSet set(words);
    CHECK(set.find("said") == 0);  // the first of the two
    CHECK(set.find("told") == 1);
    CHECK(set.find("added") == 3);
    CHECK(set.find("say") == -1);
    CHECK(set.find("") == -1);
  }

  TEST_CASE("WordSet keeps a word named twice once, and may hold the empty "
            "word") {
    const WordSet set{"since", "since", "", "until"};
    CHECK(set.contains("since"));
    CHECK(set.contains(""));
    CHECK(set.contains("until"));
    CHECK(!set.contains("sinc"));
  }
}

}  // namespace dossier::indexer::internal
