// A small hand-written list of well-known organisations that the 1996
// CoNLL training data cannot know (e.g. companies founded since), merged
// into the gazetteer at training time so the model learns how much to trust
// it exactly as it does for gazetteer entries from the training data.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_LEXICON_H_
#define DOSSIER_INDEXER_INTERNAL_NER_LEXICON_H_

#include <string_view>
#include <utility>
#include <vector>

namespace dossier::indexer::internal {

// (phrase as space-separated tokens, type index 0..3 = PER ORG LOC MISC).
const std::vector<std::pair<std::string_view, int>>& HandWrittenGazetteer();

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_LEXICON_H_
