// Tagging one document:
//   1. look up (or compute into a local cache) the word block of every word;
//   2. build the document context (gazetteer, capitalization evidence);
//   3. decode each sentence greedily: scores = word blocks at offsets -2..2
//      + context rows + history rows; pick the best allowed label;
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
  pads_.assign(kBlockFloats, 0.0f);
  std::vector<std::uint64_t> keys;
  for (int k = -kMaxOffset; k <= kMaxOffset; ++k) {
    keys.assign(1, PadFeature(k));
    AddRows(model_, keys, &pads_[(k + kMaxOffset) * kNumLabels]);
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
  // 2. Context; 3. decode; 4. second pass.
  DocContext context;
  BuildDocContext(doc, model_.gazetteer, &context);
  Pass(doc, context, blocks, labels);
  if ((model_.flags & kTwoPass) != 0) {
    ComputeHistory(doc, *labels, &context);
    Pass(doc, context, blocks, labels);
  }
}

void Tagger::Pass(const NerDocument& doc, const DocContext& context,
                  const std::vector<const float*>& blocks,
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
      float scores[kNumLabels] = {};
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
      AppendContextFeatures(doc, context, i, &keys);
      AppendHistoryFeatures(prev2, prev1, doc.words[i], &keys);
      AddRows(model_, keys, scores);
      const int label = BestAllowedLabel(scores, prev1);
      (*labels)[i] = label;
      prev2 = prev1;
      prev1 = label;
    }
  }
}

}  // namespace dossier::indexer::internal
