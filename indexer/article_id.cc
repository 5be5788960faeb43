#include "indexer/article_id.h"

namespace dossier::indexer {
namespace {

constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t Fnv1a64Continue(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

}  // namespace

std::uint64_t Fnv1a64(std::string_view bytes) {
  return Fnv1a64Continue(kFnvOffsetBasis, bytes);
}

std::string StableArticleId(const Article& article) {
  if (!article.id.empty()) {
    return article.id;
  }
  if (!article.url.empty()) {
    return article.url;
  }
  // Hashing the parts in sequence equals hashing title + "\n" + text,
  // without building that copy of a possibly large text.
  std::uint64_t hash = Fnv1a64Continue(kFnvOffsetBasis, article.title);
  hash = Fnv1a64Continue(hash, "\n");
  hash = Fnv1a64Continue(hash, article.text);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "fnv-";
  for (int shift = 60; shift >= 0; shift -= 4) {
    id += kHex[(hash >> shift) & 0xf];
  }
  return id;
}

}  // namespace dossier::indexer
