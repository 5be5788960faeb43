// Stable article ids: the same article gets the same id on every run and
// platform, so re-indexing replaces documents instead of duplicating them.
// Pure and thread-safe.
#ifndef DOSSIER_INDEXER_ARTICLE_ID_H_
#define DOSSIER_INDEXER_ARTICLE_ID_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/article.h"

namespace dossier::indexer {

// 64-bit FNV-1a of `bytes` (offset basis 0xcbf29ce484222325, prime
// 0x100000001b3); defined on bytes, so independent of platform and locale.
std::uint64_t Fnv1a64(std::string_view bytes);

// The id `article` should be stored under: its own `id` when non-empty, else
// its `url`, else "fnv-" + 16 lower-case hex digits of
// Fnv1a64(title + "\n" + text). Other fields (date, source, origin) do not
// take part, so the same story read from two places gets one id.
std::string StableArticleId(const Article& article);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_ARTICLE_ID_H_
