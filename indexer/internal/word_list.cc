#include "indexer/internal/word_list.h"

namespace dossier::indexer::internal {

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  std::size_t slots = 8;
  while (slots < 2 * words.size()) {
    slots *= 2;
  }
  words_.resize(slots);
  used_.assign(slots, 0);
  mask_ = slots - 1;
  for (const std::string_view word : words) {
    if (contains(word)) {
      continue;  // a list may name a word twice
    }
    longest_ = std::max(longest_, word.size());
    std::size_t slot = Hash(word) & mask_;
    while (used_[slot] != 0) {
      slot = (slot + 1) & mask_;
    }
    words_[slot] = std::string(word);
    used_[slot] = 1;
  }
}

}  // namespace dossier::indexer::internal
