#include "indexer/internal/caching_stemmer.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace dossier::indexer::internal {

TEST_SUITE("indexer/CachingStemmer") {
  TEST_CASE("gives Xapian's English stems, first time and cached") {
    const std::vector<std::string> words = {
        "rates",     "rate",      "running",  "ran",      "companies",
        "company's", "generously", "agreed",  "agreement", "news",
        "",          "x",         "élections", "naïvety", "bbc",
        "rates",     "running",   "companies", "élections", ""};
    Xapian::Stem english("english");
    CachingStemmer cached;
    for (int round = 0; round < 2; ++round) {
      for (const std::string& word : words) {
        CHECK_MESSAGE(cached(word) == english(word), word);
      }
    }
    // Each distinct word stemmed at most once here (a big cache, few
    // words: no slot is shared), every repeat answered from the cache.
    CHECK(cached.misses() <= 15);
    CHECK(cached.hits() + cached.misses() == 2 * words.size());
    CHECK(cached.hits() >= 2 * words.size() - 15);
  }

  TEST_CASE("words sharing a slot, and words too long to cache, stay "
            "correct") {
    Xapian::Stem english("english");
    CachingStemmer cached(/*slots=*/2);
    const std::string long_word = "internationalisations-of-everything-said";
    for (int i = 0; i < 60; ++i) {
      const std::string word = "walking" + std::string(i % 7, 's');
      CHECK(cached(word) == english(word));
      CHECK(cached(word) == english(word));  // a hit: nothing came between
      CHECK(cached(long_word) == english(long_word));
    }
    CHECK(cached.hits() >= 60);
    CHECK(cached.misses() >= 60);  // the long word each time
  }

  TEST_CASE("as a Xapian::Stem, a TermGenerator indexes the same terms") {
    const std::string text =
        "Interest rates rose as the banks' lending rates kept rising; "
        "rising rates, said the Bank's governors, were governing lending.";
    const auto terms = [&](const Xapian::Stem& stem) {
      Xapian::TermGenerator generator;
      generator.set_stemmer(stem);
      generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      generator.index_text(text);  // the second pass hits the cache
      std::vector<std::string> out;
      for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        out.push_back(*it + "/" + std::to_string(it.get_wdf()));
      }
      return out;
    };
    CHECK(terms(MakeCachingEnglishStem()) == terms(Xapian::Stem("english")));
  }
}

}  // namespace dossier::indexer::internal
