// Clustering steps:
//   1. count words; keep the `max_words` most frequent with >= min_count;
//      the `context_words` most frequent words are the context vocabulary;
//   2. count (word, side, neighbour) pairs by sorting packed keys;
//   3. weight each pair by positive PMI and add weight * r(side, neighbour)
//      to the word's vector, r a pseudo-random +-1 vector (a random
//      projection of the sparse PPMI matrix); normalize;
//   4. spherical k-means into `fine` clusters, seeded with frequent words;
//   5. k-means over the fine centroids into `coarse` clusters.
#include "indexer/internal/ner_clusters.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace dossier::indexer::internal {
namespace {

using Matrix = std::vector<float>;  // row-major, `dims` columns

void Normalize(float* v, int dims) {
  double norm = 0;
  for (int d = 0; d < dims; ++d) {
    norm += static_cast<double>(v[d]) * v[d];
  }
  if (norm <= 0) {
    return;
  }
  const auto inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (int d = 0; d < dims; ++d) {
    v[d] *= inv;
  }
}

// Spherical k-means; returns the cluster of each row and leaves the
// centroids in *centroids.
std::vector<int> KMeans(const Matrix& points, std::size_t n, int dims, int k,
                        int iterations, std::mt19937_64* rng,
                        Matrix* centroids) {
  k = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(k), n));
  centroids->assign(static_cast<std::size_t>(k) * dims, 0.0f);
  // Seed with a spread of rows drawn from the first (most frequent) ones.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.begin() + std::min<std::size_t>(n, 4 * k),
               *rng);
  for (int c = 0; c < k; ++c) {
    std::copy_n(&points[order[static_cast<std::size_t>(c)] * dims], dims,
                &(*centroids)[static_cast<std::size_t>(c) * dims]);
  }
  std::vector<int> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    for (std::size_t p = 0; p < n; ++p) {
      const float* v = &points[p * dims];
      float best = -2.0f;
      for (int c = 0; c < k; ++c) {
        const float* m = &(*centroids)[static_cast<std::size_t>(c) * dims];
        float dot = 0;
        for (int d = 0; d < dims; ++d) {
          dot += v[d] * m[d];
        }
        if (dot > best) {
          best = dot;
          assign[p] = c;
        }
      }
    }
    std::fill(centroids->begin(), centroids->end(), 0.0f);
    std::vector<int> sizes(static_cast<std::size_t>(k), 0);
    for (std::size_t p = 0; p < n; ++p) {
      float* m = &(*centroids)[static_cast<std::size_t>(assign[p]) * dims];
      ++sizes[static_cast<std::size_t>(assign[p])];
      for (int d = 0; d < dims; ++d) {
        m[d] += points[p * dims + d];
      }
    }
    for (int c = 0; c < k; ++c) {
      float* m = &(*centroids)[static_cast<std::size_t>(c) * dims];
      if (sizes[static_cast<std::size_t>(c)] == 0) {
        const std::size_t p = (*rng)() % n;  // revive an empty cluster
        std::copy_n(&points[p * dims], dims, m);
      }
      Normalize(m, dims);
    }
  }
  return assign;
}

}  // namespace

void Corpus::Add(std::string_view word) {
  const auto [it, inserted] =
      ids_.emplace(std::string(word), static_cast<std::uint32_t>(words_.size()));
  if (inserted) {
    words_.emplace_back(word);
  }
  tokens_.push_back(it->second);
}

std::unordered_map<std::string, WordClusters> LearnClusters(
    const Corpus& corpus, const ClusterOptions& options) {
  const std::vector<std::uint32_t>& tokens = corpus.tokens();
  const std::size_t vocab_size = corpus.words().size();
  // 1. Frequencies and vocabularies.
  std::vector<std::uint64_t> freq(vocab_size, 0);
  for (const std::uint32_t t : tokens) {
    if (t != Corpus::kSentenceEnd) {
      ++freq[t];
    }
  }
  std::vector<std::uint32_t> by_freq(vocab_size);
  std::iota(by_freq.begin(), by_freq.end(), 0);
  // Ties by id keep the order deterministic.
  std::sort(by_freq.begin(), by_freq.end(), [&](std::uint32_t a, std::uint32_t b) {
    return freq[a] != freq[b] ? freq[a] > freq[b] : a < b;
  });
  // Filled with assign(): g++ 12 -O3 warns falsely (free-nonheap-object)
  // on the fill constructor here.
  std::vector<std::int32_t> row_of;
  std::vector<std::int32_t> ctx_of;
  row_of.assign(vocab_size, -1);
  ctx_of.assign(vocab_size, -1);
  std::size_t rows = 0;
  for (std::size_t r = 0; r < by_freq.size(); ++r) {
    const std::uint32_t w = by_freq[r];
    if (static_cast<int>(r) < options.context_words) {
      ctx_of[w] = static_cast<std::int32_t>(r);
    }
    if (static_cast<int>(rows) < options.max_words &&
        freq[w] >= static_cast<std::uint64_t>(options.min_count)) {
      row_of[w] = static_cast<std::int32_t>(rows++);
    }
  }
  // 2. Pair counts: key = row << 32 | side << 31 | context.
  std::vector<std::uint64_t> pairs;
  pairs.reserve(tokens.size() * 2);
  std::vector<std::uint64_t> ctx_freq(static_cast<std::size_t>(options.context_words) * 2, 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::uint32_t t = tokens[i];
    if (t == Corpus::kSentenceEnd || row_of[t] < 0) {
      continue;
    }
    const auto row = static_cast<std::uint64_t>(row_of[t]);
    const std::int32_t left =
        i > 0 && tokens[i - 1] != Corpus::kSentenceEnd ? ctx_of[tokens[i - 1]] : -1;
    const std::int32_t right = i + 1 < tokens.size() &&
                                       tokens[i + 1] != Corpus::kSentenceEnd
                                   ? ctx_of[tokens[i + 1]]
                                   : -1;
    if (left >= 0) {
      pairs.push_back(row << 32 | static_cast<std::uint64_t>(left));
      ++ctx_freq[static_cast<std::size_t>(left)];
    }
    if (right >= 0) {
      pairs.push_back(row << 32 | 1ULL << 31 | static_cast<std::uint64_t>(right));
      ++ctx_freq[static_cast<std::size_t>(options.context_words + right)];
    }
  }
  std::sort(pairs.begin(), pairs.end());
  // 3. PPMI-weighted random projection.
  const int dims = options.dims;
  Matrix points(rows * static_cast<std::size_t>(dims), 0.0f);
  std::vector<std::uint64_t> row_freq(rows, 0);
  for (std::size_t w = 0; w < vocab_size; ++w) {
    if (row_of[w] >= 0) {
      row_freq[static_cast<std::size_t>(row_of[w])] = freq[w];
    }
  }
  const auto total = static_cast<double>(pairs.size());
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) {
      ++j;
    }
    const std::uint64_t key = pairs[i];
    const std::size_t row = key >> 32;
    const std::size_t side = (key >> 31) & 1;
    const std::size_t ctx = key & 0x7FFFFFFFu;
    const double pmi = std::log(static_cast<double>(j - i) * total /
                                (2.0 * static_cast<double>(row_freq[row]) *
                                 static_cast<double>(ctx_freq[side * options.context_words + ctx])));
    if (pmi > 0) {
      float* v = &points[row * dims];
      std::uint64_t h = HashCombine(side + 1, ctx);
      for (int d = 0; d < dims; ++d) {
        h = HashCombine(h, static_cast<std::uint64_t>(d));
        v[d] += static_cast<float>((h & 1) != 0 ? pmi : -pmi);
      }
    }
    i = j;
  }
  for (std::size_t r = 0; r < rows; ++r) {
    Normalize(&points[r * dims], dims);
  }
  // 4-5. Fine, then coarse clusters.
  std::mt19937_64 rng(options.seed);
  Matrix fine_centroids;
  const std::vector<int> fine = KMeans(points, rows, dims, options.fine,
                                       options.iterations, &rng, &fine_centroids);
  Matrix coarse_centroids;
  const std::size_t fine_count = fine_centroids.size() / static_cast<std::size_t>(dims);
  const std::vector<int> coarse =
      KMeans(fine_centroids, fine_count, dims, options.coarse,
             options.iterations * 2, &rng, &coarse_centroids);
  std::unordered_map<std::string, WordClusters> clusters;
  clusters.reserve(rows);
  for (std::size_t w = 0; w < vocab_size; ++w) {
    if (row_of[w] < 0) {
      continue;
    }
    const int f = fine[static_cast<std::size_t>(row_of[w])];
    clusters.emplace(corpus.words()[w],
                     WordClusters{static_cast<std::uint16_t>(f + 1),
                                  static_cast<std::uint16_t>(coarse[static_cast<std::size_t>(f)] + 1)});
  }
  return clusters;
}

}  // namespace dossier::indexer::internal
