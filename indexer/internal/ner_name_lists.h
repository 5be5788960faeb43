// Typed name lists from openly licensed data that Debian packages ship, for
// the NER gazetteer at training time (tools/dev/train_ner --names). Nothing
// here runs in dossier itself: the lists end up inside the trained model.
//
//  - WordNet 3.0 (package wordnet-base, /usr/share/wordnet/data.noun; the
//    WordNet 3.0 license, BSD-like): capitalized nouns of the person and
//    location lexicographer files, and named instances of the group file
//    (organisations: "United Nations", "Red Cross").
//  - ISO 3166-1 and 3166-2 (package iso-codes, /usr/share/iso-codes/json;
//    LGPL-2.1+): country names in their short, official and common forms,
//    and the names of countries' subdivisions ("Bavaria", "Ontario").
#ifndef DOSSIER_INDEXER_INTERNAL_NER_NAME_LISTS_H_
#define DOSSIER_INDEXER_INTERNAL_NER_NAME_LISTS_H_

#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace dossier::indexer::internal {

// (phrase as space-separated tokens, type index 0..3 = PER ORG LOC MISC).
using NameList = std::vector<std::pair<std::string, int>>;

// Reads `path`: a WordNet data.noun file, or an iso-codes iso_3166-1.json /
// iso_3166-2.json file (recognized by name). Phrases are tokenized the way
// CoNLL-2003 writes them ("Saint-Denis" stays one token, "Côte d'Ivoire"
// becomes "Côte d'Ivoire"). kNotFound / kIOError for an unreadable file,
// kInvalidInput for a file of neither kind or malformed content.
Result<NameList> ReadNameList(const std::string& path);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_NAME_LISTS_H_
