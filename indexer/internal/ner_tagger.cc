// Tagging one document:
//   1. look up (or compute into a local cache) the word block of every word;
//   2. build the document context (gazetteer, capitalization evidence);
//   3. sum, once per token, the word blocks at offsets -2..2 and the
//      static context rows; decode each sentence greedily adding the
//      label-history rows; pick the best allowed label;
//   4. for two-pass models, derive the history features from pass 1 and
//      decode again.
#include "indexer/internal/ner_tagger.h"

#include <algorithm>

namespace dossier::indexer::internal {

void AddRows(const Model& model, const std::vector<std::uint64_t>& keys,
             float* scores) {
  for (const std::uint64_t key : keys) {
    const float* row = model.Row(key);
    if (row == nullptr) {
      continue;
    }
    for (int l = 0; l < kNumLabels; ++l) {
      scores[l] += row[l];
    }
  }
}

namespace {

// A direct-mapped memo of model rows for one Tag() call: the context
// features of a document repeat a few hundred keys (flags, gazetteer bits),
// and the memo turns their scattered lookups into cache hits.
class RowMemo {
 public:
  explicit RowMemo(const Model& model)
      : model_(model), keys_(kSlots, 0), rows_(kSlots, nullptr) {}
  void Add(const std::vector<std::uint64_t>& keys, float* scores) {
    for (const std::uint64_t key : keys) {
      const std::size_t slot = (key ^ (key >> 29)) & (kSlots - 1);
      if (keys_[slot] != key) {
        keys_[slot] = key;
        rows_[slot] = model_.Row(key);
      }
      const float* row = rows_[slot];
      if (row == nullptr) {
        continue;
      }
      for (int l = 0; l < kNumLabels; ++l) {
        scores[l] += row[l];
      }
    }
  }

 private:
  static constexpr std::size_t kSlots = 4096;
  const Model& model_;
  std::vector<std::uint64_t> keys_;
  std::vector<const float*> rows_;
};

}  // namespace

int BestAllowedLabel(const float* scores, int prev) {
  int best = 0;
  for (int l = 1; l < kNumLabels; ++l) {
    if (!IsBegin(l) && LabelType(l) != LabelType(prev)) {
      continue;
    }
    if (scores[l] > scores[best]) {
      best = l;
    }
  }
  return best;
}

Tagger::Tagger(const Model& model) : model_(model) {
  pads_.assign(kOffsets * kNumLabels, 0.0f);
  std::vector<std::uint64_t> keys;
  for (int k = -kMaxOffset; k <= kMaxOffset; ++k) {
    keys.assign(1, PadFeature(k));
    AddRows(model_, keys, &pads_[(k + kMaxOffset) * kNumLabels]);
  }
  prev1_rows_.assign(kNumLabels * kNumLabels, 0.0f);
  prev12_rows_.assign(kNumLabels * kNumLabels * kNumLabels, 0.0f);
  for (int p2 = 0; p2 < kNumLabels; ++p2) {
    for (int p1 = 0; p1 < kNumLabels; ++p1) {
      keys.clear();
      AppendLabelHistoryFeatures(p2, p1, &keys);
      // keys[0] is the prev1 feature, keys[1] the (prev2, prev1) one.
      AddRows(model_, {keys[1]}, &prev12_rows_[(p2 * kNumLabels + p1) * kNumLabels]);
      if (p2 == 0) {
        AddRows(model_, {keys[0]}, &prev1_rows_[p1 * kNumLabels]);
      }
    }
  }
  known_.reserve(model_.clusters.size());
  blocks_.assign(model_.clusters.size() * kBlockFloats, 0.0f);
  std::uint32_t next = 0;
  for (const auto& entry : model_.clusters) {
    FillBlock(entry.first, &blocks_[static_cast<std::size_t>(next) * kBlockFloats]);
    known_.emplace(entry.first, next);
    ++next;
  }
}

void Tagger::FillBlock(std::string_view word, float* block) const {
  std::vector<std::uint64_t> keys;
  for (int k = -kMaxOffset; k <= kMaxOffset; ++k) {
    keys.clear();
    AppendWordFeatures(word, k, model_, &keys);
    float* row = block + (k + kMaxOffset) * kNumLabels;
    std::fill(row, row + kNumLabels, 0.0f);
    AddRows(model_, keys, row);
  }
  for (int p1 = 0; p1 < kNumLabels; ++p1) {
    keys.clear();
    AppendWordHistoryFeatures(p1, word, &keys);
    float* row = block + kHistoryBase + p1 * kNumLabels;
    std::fill(row, row + kNumLabels, 0.0f);
    AddRows(model_, keys, row);
  }
}

void Tagger::Tag(const NerDocument& doc, std::vector<int>* labels) const {
  const std::size_t n = doc.words.size();
  labels->assign(n, 0);
  if (n == 0) {
    return;
  }
  // 1. Word blocks. The local cache only ever grows within this call, so
  //    pointers into it are taken after it is complete.
  std::vector<float> local;
  std::unordered_map<std::string_view, std::uint32_t> local_index;
  std::vector<std::int64_t> block_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto it = known_.find(doc.words[i]);
    if (it != known_.end()) {
      block_of[i] = it->second;
      continue;
    }
    const auto [slot, inserted] = local_index.emplace(
        doc.words[i], static_cast<std::uint32_t>(local.size() / kBlockFloats));
    if (inserted) {
      local.resize(local.size() + kBlockFloats);
      FillBlock(doc.words[i], &local[local.size() - kBlockFloats]);
    }
    block_of[i] = -1 - static_cast<std::int64_t>(slot->second);
  }
  std::vector<const float*> blocks(n);
  for (std::size_t i = 0; i < n; ++i) {
    blocks[i] = block_of[i] >= 0
                    ? &blocks_[static_cast<std::size_t>(block_of[i]) * kBlockFloats]
                    : &local[static_cast<std::size_t>(-1 - block_of[i]) * kBlockFloats];
  }
  // 2. Context and the per-token static scores.
  DocContext context;
  BuildDocContext(doc, model_.gazetteer, &context);
  std::vector<float> static_scores(n * kNumLabels, 0.0f);
  std::vector<std::uint64_t> keys;
  RowMemo memo(model_);
  for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
    const std::size_t begin = doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < doc.sentence_begin.size() ? doc.sentence_begin[s + 1] : n;
    for (std::size_t i = begin; i < end; ++i) {
      float* scores = &static_scores[i * kNumLabels];
      for (int k = -kMaxOffset; k <= kMaxOffset; ++k) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        const float* row =
            (j < static_cast<std::ptrdiff_t>(begin) ||
             j >= static_cast<std::ptrdiff_t>(end))
                ? &pads_[(k + kMaxOffset) * kNumLabels]
                : blocks[static_cast<std::size_t>(j)] + (k + kMaxOffset) * kNumLabels;
        for (int l = 0; l < kNumLabels; ++l) {
          scores[l] += row[l];
        }
      }
      keys.clear();
      AppendStaticContextFeatures(doc, context, i, &keys);
      memo.Add(keys, scores);
    }
  }
  // 3. Decode; 4. second pass.
  Pass(doc, static_scores, blocks, nullptr, labels);
  if ((model_.flags & kTwoPass) != 0) {
    ComputeHistory(doc, *labels, &context);
    Pass(doc, static_scores, blocks, &context, labels);
  }
}

void Tagger::Pass(const NerDocument& doc, const std::vector<float>& static_scores,
                  const std::vector<const float*>& blocks, const DocContext* history,
                  std::vector<int>* labels) const {
  const std::size_t n = doc.words.size();
  std::vector<std::uint64_t> keys;
  for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
    const std::size_t begin = doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < doc.sentence_begin.size() ? doc.sentence_begin[s + 1] : n;
    int prev1 = 0;
    int prev2 = 0;
    for (std::size_t i = begin; i < end; ++i) {
      float scores[kNumLabels];
      const float* base = &static_scores[i * kNumLabels];
      const float* p1 = &prev1_rows_[prev1 * kNumLabels];
      const float* p12 = &prev12_rows_[(prev2 * kNumLabels + prev1) * kNumLabels];
      const float* word = blocks[i] + kHistoryBase + prev1 * kNumLabels;
      for (int l = 0; l < kNumLabels; ++l) {
        scores[l] = base[l] + p1[l] + p12[l] + word[l];
      }
      if (history != nullptr) {
        keys.clear();
        AppendFirstPassFeature(*history, i, &keys);
        AddRows(model_, keys, scores);
      }
      const int label = BestAllowedLabel(scores, prev1);
      (*labels)[i] = label;
      prev2 = prev1;
      prev1 = label;
    }
  }
}

}  // namespace dossier::indexer::internal
