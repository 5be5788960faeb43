#include "indexer/internal/caching_stemmer.h"

namespace dossier::indexer::internal {

std::string CachingStemmer::operator()(const std::string& word) {
  const auto found = stems_.find(word);
  if (found != stems_.end()) {
    return found->second;
  }
  std::string stem = english_(word);
  if (stems_.size() >= max_words_) {
    stems_.clear();
  }
  stems_.emplace(word, stem);
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
