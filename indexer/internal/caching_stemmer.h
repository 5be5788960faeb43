// CachingStemmer: Xapian's English stemmer behind a small cache of the
// words it stemmed last, for the TermGenerator of each analysis thread.
// News repeats its vocabulary, so most words of an article were stemmed
// moments before. The cache is direct-mapped with the words and stems
// inline, small enough to stay in a core's L2 cache while the analysis
// runs: an unordered_map of every word seen cost more per lookup, in its
// cache misses, than stemming the word again. The stems are Xapian's own,
// so the query parser's plain stemmer finds what was indexed.
#ifndef DOSSIER_INDEXER_INTERNAL_CACHING_STEMMER_H_
#define DOSSIER_INDEXER_INTERNAL_CACHING_STEMMER_H_

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier::indexer::internal {

// Not thread-safe: one per TermGenerator.
class CachingStemmer : public Xapian::StemImplementation {
 public:
  // `slots` is rounded up to a power of two. 16384 slots of 46 bytes
  // (736 KiB) fit the 1-2 MiB L2 of current server cores; at 4096, one word
  // in five of 400 BBC articles missed and cost about 2,500 instructions to
  // stem again, at 16384 one in seven.
  explicit CachingStemmer(std::size_t slots = 16384);

  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

  // Words answered from the cache, and words stemmed.
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }

 private:
  // Longer words are stemmed every time: rare, and their stems are long.
  static constexpr std::size_t kMaxWord = 22;
  struct Slot {
    std::uint8_t word_size = 0xff;  // 0xff: empty
    std::uint8_t stem_size = 0;
    std::array<char, kMaxWord> word{};
    std::array<char, kMaxWord> stem{};
  };

  std::vector<Slot> slots_;
  std::size_t mask_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
  Xapian::Stem english_{"english"};
};

// A Xapian::Stem that owns a new CachingStemmer (Xapian reference-counts
// and deletes it).
Xapian::Stem MakeCachingEnglishStem();

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_CACHING_STEMMER_H_
