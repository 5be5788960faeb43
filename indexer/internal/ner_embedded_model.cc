// Embeds models/ner.model into the library with the assembler's .incbin.
// indexer/CMakeLists.txt defines DOSSIER_NER_MODEL_PATH (absolute) and makes
// this object depend on the model file, so retraining relinks the binary.
#include "indexer/internal/ner_embedded_model.h"

#ifdef DOSSIER_NER_MODEL_PATH

__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    ".global dossier_ner_model_begin\n"
    ".hidden dossier_ner_model_begin\n"
    "dossier_ner_model_begin:\n"
    ".incbin \"" DOSSIER_NER_MODEL_PATH "\"\n"
    ".global dossier_ner_model_end\n"
    ".hidden dossier_ner_model_end\n"
    "dossier_ner_model_end:\n"
    ".previous\n");

extern "C" const char dossier_ner_model_begin[];
extern "C" const char dossier_ner_model_end[];

namespace dossier::indexer::internal {

std::string_view EmbeddedNerModel() {
  return std::string_view(
      dossier_ner_model_begin,
      static_cast<std::size_t>(dossier_ner_model_end - dossier_ner_model_begin));
}

}  // namespace dossier::indexer::internal

#else

namespace dossier::indexer::internal {

std::string_view EmbeddedNerModel() { return {}; }

}  // namespace dossier::indexer::internal

#endif
