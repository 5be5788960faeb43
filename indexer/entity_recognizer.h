// EntityRecognizer: finds PERSON / ORG / PLACE / MISC mentions in tokenized
// text with the trained NER model (an averaged-perceptron tagger decoded
// with a small beam, with word clusters, gazetteer and document-level
// features; see
// indexer/internal/ner_model.h), then types every ORG as COMPANY or
// INSTITUTION (indexer/org_kind.h).
// A loaded recognizer is immutable: Recognize() and TagWords() are const and
// safe to call from many threads at once.
#ifndef DOSSIER_INDEXER_ENTITY_RECOGNIZER_H_
#define DOSSIER_INDEXER_ENTITY_RECOGNIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"
#include "common/result.h"

namespace dossier::indexer {

class EntityRecognizer {
 public:
  // The model compiled into the binary (models/ner.model at build time).
  // kNotFound when the binary was built without a model; kCorruption /
  // kNotSupported when the embedded bytes do not load.
  static Result<std::unique_ptr<EntityRecognizer>> LoadEmbedded();
  // A model file written by train_ner. kNotFound / kIOError when it cannot
  // be read; kCorruption / kNotSupported as for LoadEmbedded.
  static Result<std::unique_ptr<EntityRecognizer>> Load(
      const std::string& path);
  // Load(path), or LoadEmbedded() when `path` is empty: what a --model
  // option that defaults to the built-in model loads.
  static Result<std::unique_ptr<EntityRecognizer>> LoadFileOrEmbedded(
      const std::string& path);
  // A model held in memory (tests, embedding).
  static Result<std::unique_ptr<EntityRecognizer>> FromBytes(
      std::string_view bytes);

  ~EntityRecognizer();
  EntityRecognizer(const EntityRecognizer&) = delete;
  EntityRecognizer& operator=(const EntityRecognizer&) = delete;

  // Appends to analysis->mentions the entity mentions of `text`, using the
  // tokens and sentences already in `analysis` (from Tokenize(text, ...)).
  // Mentions are in text order, never overlap, have byte spans into
  // `text`, and every ORG has org_kind kCompany or kInstitution.
  // Role words ("co-founder", "CEO") and degrees ("Ph.D.") are never
  // mentions; ORG names of events become MISC.
  void Recognize(std::string_view text, ArticleAnalysis* analysis) const;

  // Tags pre-tokenized words (e.g. a CoNLL document): returns one BIO tag
  // per word ("B-PER", "I-ORG", "O", types PER/ORG/LOC/MISC), using the
  // whole document as context. `sentence_begin` holds the index of each
  // sentence's first word, ascending.
  std::vector<std::string> TagWords(
      const std::vector<std::string_view>& words,
      const std::vector<std::uint32_t>& sentence_begin) const;

  // How the model was trained (one line).
  const std::string& description() const;

 private:
  struct Impl;
  explicit EntityRecognizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The canonical name of a mention: surrounding quotes and punctuation,
// a leading "the" and a trailing possessive "'s" removed, white space
// collapsed, and for people a leading title ("Mr.", "Dr.") dropped.
// "the Laude Institute's" -> "Laude Institute"; "Mr. Konwinski" ->
// "Konwinski".
std::string NormalizeMentionName(std::string_view surface, EntityType type);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_ENTITY_RECOGNIZER_H_
