// The reporting-verb lexicon of the quote extractor: which word forms cue
// an attribution ("said", "argues", "according to") and how they behave.
// Immutable tables; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_QUOTE_CUES_H_
#define DOSSIER_INDEXER_INTERNAL_QUOTE_CUES_H_

#include <optional>
#include <string_view>

namespace dossier::indexer::internal {

enum class CueForm {
  kFinite,      // "said", "argues": the speaker is its subject
  kBase,        // "say", "tell": needs a subject or an auxiliary before it
  kParticiple,  // "saying", "adding": the speaker is the clause's subject
};

struct CueInfo {
  CueForm form = CueForm::kFinite;
  // Takes a listener object before its content ("told reporters that").
  bool takes_object = false;
  // Reports speech after it only through "that": without it the word is
  // mostly something else ("continues to frustrate", "percentage points").
  bool report_needs_that = false;
};

// The cue behaviour of a lower-cased word, or nullopt when it is no cue.
std::optional<CueInfo> LookupCue(std::string_view lower_word);

// Words that may sit between a speaker and its verb ("has", "also",
// "repeatedly", "would") and are skipped when looking for the speaker.
bool IsSpeakerVerbFiller(std::string_view lower_word);

// Closed-class words that can never head a speaker noun phrase ("that",
// "and", "of").
bool IsFunctionWord(std::string_view lower_word);

// Determiners that open a noun phrase ("the", "a", "another", "his").
bool IsDeterminer(std::string_view lower_word);

// Personal and relative pronouns that can stand for a speaker.
bool IsSpeakerPronoun(std::string_view lower_word);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_QUOTE_CUES_H_
