// The NER model bytes linked into the binary (models/ner.model, embedded
// with .incbin when the indexer library is built). Empty when the build had
// no model file.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_EMBEDDED_MODEL_H_
#define DOSSIER_INDEXER_INTERNAL_NER_EMBEDDED_MODEL_H_

#include <string_view>

namespace dossier::indexer::internal {

std::string_view EmbeddedNerModel();

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_EMBEDDED_MODEL_H_
