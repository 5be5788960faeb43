#include "indexer/internal/caching_stemmer.h"

#include <cstring>

#include "indexer/article_id.h"

namespace dossier::indexer::internal {

namespace {

// FNV-1a, its high bits folded into the low ones the mask keeps.
std::uint64_t HashWord(const std::string& word) {
  const std::uint64_t hash = Fnv1a64(word);
  return hash ^ (hash >> 32);
}

}  // namespace

CachingStemmer::CachingStemmer(std::size_t slots) {
  std::size_t size = 1;
  while (size < slots) {
    size *= 2;
  }
  slots_.resize(size);
  mask_ = size - 1;
}

std::string CachingStemmer::operator()(const std::string& word) {
  if (word.size() > kMaxWord) {
    ++misses_;
    return english_(word);
  }
  Slot& slot = slots_[HashWord(word) & mask_];
  if (slot.word_size == word.size() &&
      std::memcmp(slot.word.data(), word.data(), word.size()) == 0) {
    ++hits_;
    return std::string(slot.stem.data(), slot.stem_size);
  }
  ++misses_;
  std::string stem = english_(word);
  if (stem.size() <= kMaxWord) {
    slot.word_size = static_cast<std::uint8_t>(word.size());
    std::memcpy(slot.word.data(), word.data(), word.size());
    slot.stem_size = static_cast<std::uint8_t>(stem.size());
    std::memcpy(slot.stem.data(), stem.data(), stem.size());
  }
  return stem;
}

std::string CachingStemmer::get_description() const {
  return "Xapian::Stem(english), cached";
}

Xapian::Stem MakeCachingEnglishStem() {
  // Xapian::Stem takes the implementation over (an intrusive reference
  // count); this is the API's documented way to pass one.
  return Xapian::Stem(new CachingStemmer());
}

}  // namespace dossier::indexer::internal
