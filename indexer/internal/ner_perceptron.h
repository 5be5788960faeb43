// The NER trainer's learner (used by ner_trainer.cc only): feature rows,
// the averaged perceptron and its training as a structured perceptron over
// sentences decoded with a beam of kTrainBeamWidth (ner_tagger.h). Not thread-safe:
// a FeatureSpace and its Perceptrons belong to one thread.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_PERCEPTRON_H_
#define DOSSIER_INDEXER_INTERNAL_NER_PERCEPTRON_H_

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_model.h"

namespace dossier::indexer::internal {

// A training document and its gold BIO labels.
struct TrainDoc {
  NerDocument doc;
  std::vector<int> gold;
};

// Static features of every token of a set of documents, as row ids.
struct FeatureTable {
  std::vector<std::int32_t> ids;
  std::vector<std::size_t> begin;  // per token, into ids; plus one end
};

// Feature keys -> dense row ids, shared by every perceptron of a run so
// that feature tables are extracted once.
class FeatureSpace {
 public:
  std::int32_t Row(std::uint64_t key) {
    return rows_.emplace(key, static_cast<std::int32_t>(rows_.size()))
        .first->second;
  }
  std::size_t size() const { return rows_.size(); }
  const std::unordered_map<std::uint64_t, std::int32_t>& rows() const {
    return rows_;
  }

 private:
  std::unordered_map<std::uint64_t, std::int32_t> rows_;
};

// Averaged perceptron with lazy averaging (each weight remembers when it
// last changed).
class Perceptron {
 public:
  explicit Perceptron(const FeatureSpace* space) : space_(space) {}
  const float* Weights(std::int32_t row) {
    Grow(row);
    return &w_[static_cast<std::size_t>(row) * kNumLabels];
  }
  void Update(std::int32_t row, int label, float delta) {
    Grow(row);
    const std::size_t i = static_cast<std::size_t>(row) * kNumLabels +
                          static_cast<std::size_t>(label);
    acc_[i] += static_cast<double>(time_ - stamp_[i]) * w_[i];
    stamp_[i] = time_;
    w_[i] += delta;
  }
  void Tick() { ++time_; }
  // Replaces the weights by their average over all ticks.
  void Average() {
    for (std::size_t i = 0; i < w_.size(); ++i) {
      acc_[i] += static_cast<double>(time_ - stamp_[i]) * w_[i];
      stamp_[i] = time_;
      w_[i] = time_ == 0
                  ? 0.0f
                  : static_cast<float>(acc_[i] / static_cast<double>(time_));
    }
  }
  std::size_t rows() const { return w_.size() / kNumLabels; }

 private:
  void Grow(std::int32_t row) {
    const std::size_t need = static_cast<std::size_t>(row) + 1;
    if (need * kNumLabels <= w_.size()) {
      return;
    }
    const std::size_t n = std::max(need, space_->size()) * kNumLabels;
    w_.resize(n, 0.0f);
    acc_.resize(n, 0.0);
    stamp_.resize(n, time_);
  }

  const FeatureSpace* space_;
  std::vector<float> w_;
  std::vector<double> acc_;
  std::vector<std::int64_t> stamp_;
  std::int64_t time_ = 0;
};

// One training instance: a document's features in one table.
struct Instance {
  const TrainDoc* doc;
  FeatureTable features;
};

// Decodes `inst` sentence by sentence with the tagger's beam into *labels
// (one per word). With `learn`, each sentence ends in a structured
// perceptron update when its gold labels are not the best (early update:
// see ner_perceptron.cc); feature keys new to `space` get rows.
void Decode(const Instance& inst, FeatureSpace* space, Perceptron* perceptron,
            bool learn, std::vector<int>* labels);

// `epochs` passes of Decode(..., learn) over `instances`, shuffled with
// `seed` before each; then averages the weights.
void Train(const std::vector<const Instance*>& instances, int epochs,
           std::uint64_t seed, FeatureSpace* space, Perceptron* perceptron);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_PERCEPTRON_H_
