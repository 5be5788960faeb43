// Name normalization shared by coreference and the quote extractor's
// speaker naming: titles ("Mr.", "Sen."), possessives ("Alibaba's") and
// leading articles are dropped, initials are computed for acronyms.
// Pure functions; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_COREF_NAMES_H_
#define DOSSIER_INDEXER_INTERNAL_COREF_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier::indexer::internal {

enum class TitleGender { kNone, kMale, kFemale };

struct NormalizedName {
  std::string name;  // "Konwinski" for "Mr. Konwinski's"
  std::vector<std::string> words;
  TitleGender gender = TitleGender::kNone;  // from a gendered title
  bool had_title = false;
};

// Drops a possessive suffix, a leading "the" and leading titles (at most
// two: "Former Sen."), and collapses whitespace.
NormalizedName NormalizeName(std::string_view surface);

// True for a personal title ("mr", "mrs", "sen", "president"), lower-case,
// without its period.
bool IsTitle(std::string_view lower_word);

// Gender implied by a title word, or kNone.
TitleGender TitleGenderOf(std::string_view lower_word);

// "FTC" for "Federal Trade Commission", "US" for "United States": the
// initials of the capitalized words, skipping "of", "the", "and", "for".
std::string Initials(const std::vector<std::string>& words);

// `surface` with periods removed when it looks like an acronym ("U.S." ->
// "US"); empty when it is not all capitals of 2 to 8 letters.
std::string AcronymForm(std::string_view surface);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_COREF_NAMES_H_
