// NormalizeDate: the dates of news archives, in whatever form they come, as
// ISO-8601. Pure and thread-safe.
//
// Accepted forms (case-insensitive; a leading weekday is ignored):
//   2024-05-01            2024/05/01             2024-05-01T10:00:00Z
//   2024-05-01T10:00:00.5+02:00 (RFC 3339)       2024-05-01 10:00
//   Tue, 01 May 2024 10:00:00 GMT (RFC 2822; zones Z, UT, UTC, GMT, +hhmm,
//   +hh:mm, EST/EDT/CST/CDT/MST/MDT/PST/PDT)
//   May 1, 2024   Sept. 1 2024   1 May 2024   1 May 2024 3:05 PM
//   26-FEB-1987 15:01:01.79 (Reuters-21578)
// A time of day without a zone is taken as UTC; fractions of a second are
// dropped.
#ifndef DOSSIER_INDEXER_DATE_NORMALIZE_H_
#define DOSSIER_INDEXER_DATE_NORMALIZE_H_

#include <string>
#include <string_view>

#include "common/result.h"

namespace dossier::indexer {

// Returns "2024-05-01" when `raw` has no time of day, else the instant in
// UTC as "2024-05-01T08:00:00Z"; "" for an empty or all-blank `raw`.
// Fails with kInvalidInput, message `unparseable date "<raw>"`, for anything
// else, including impossible dates such as 2023-02-29.
Result<std::string> NormalizeDate(std::string_view raw);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_DATE_NORMALIZE_H_
