#include "indexer/internal/word_list.h"

namespace dossier::indexer::internal {

WordSet::WordSet(const std::vector<std::string_view>& words) {
  std::size_t slots = 8;
  while (slots < 2 * words.size()) {
    slots *= 2;
  }
  words_.resize(slots);
  positions_.assign(slots, -1);
  mask_ = slots - 1;
  for (std::size_t position = 0; position < words.size(); ++position) {
    const std::string_view word = words[position];
    if (contains(word)) {
      continue;  // a list may name a word twice
    }
    longest_ = std::max(longest_, word.size());
    std::size_t slot = Hash(word) & mask_;
    while (positions_[slot] >= 0) {
      slot = (slot + 1) & mask_;
    }
    words_[slot] = std::string(word);
    positions_[slot] = static_cast<int>(position);
  }
}

}  // namespace dossier::indexer::internal
