// Structured perceptron training with beam search (Collins 2002; early
// update, Collins & Roark 2004). Each sentence is decoded as the tagger
// decodes it (same beam, same allowed transitions, same state merging):
//   1. per word, extend every kept sequence by every allowed label, scoring
//      the word's static rows plus the history rows of the sequence's last
//      two labels;
//   2. keep the kTrainBeamWidth best sequences with distinct last two labels;
//   3. when learning and the gold sequence is no longer kept, stop: the
//      gold prefix is rewarded and the best prefix penalized, word by word
//      (weights that both use cancel); a sentence decoded right all the way
//      through is not updated.
// The perceptron ticks once per word, so averaging weighs every word alike.
#include "indexer/internal/ner_perceptron.h"

#include <random>

#include "indexer/internal/ner_tagger.h"

namespace dossier::indexer::internal {
namespace {

// A label sequence in the beam, by its last label (as the tagger's).
struct BeamItem {
  double score = 0;
  int label = 0;
  int prev = 0;      // the label before (0 at the first word)
  int back = -1;     // its prefix's index one word earlier; -1 at the first
  bool gold = true;  // the sequence is the gold one so far
};

// Decodes one sentence, words [begin, end) of `inst`, with the tagger's beam
// (kTrainBeamWidth; scores as Tagger::DecodeSentence) into (*labels)[begin, end).
// With `learn`, stops at the first word where the gold sequence leaves the
// beam and updates the weights on the prefixes up to it (early update).
class SentenceDecoder {
 public:
  SentenceDecoder(const Instance& inst, FeatureSpace* space,
                  Perceptron* perceptron)
      : inst_(inst), space_(space), perceptron_(perceptron) {}
  void Decode(std::size_t begin, std::size_t end, bool learn,
              std::vector<int>* labels);

 private:
  // Rows of the history features of word i after (prev2, prev1).
  void HistoryRows(std::size_t i, int prev2, int prev1,
                   std::vector<std::int32_t>* rows);
  // Rewards `gold` and penalizes `best` on words [begin, begin + size).
  void Update(std::size_t begin, const std::vector<int>& best);

  const Instance& inst_;
  FeatureSpace* space_;
  Perceptron* perceptron_;
  std::vector<std::vector<BeamItem>> beam_;  // per word of the sentence
  std::vector<BeamItem> candidates_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::int32_t> rows_;
  std::vector<std::int32_t> gold_rows_;
};

void SentenceDecoder::HistoryRows(std::size_t i, int prev2, int prev1,
                                  std::vector<std::int32_t>* rows) {
  keys_.clear();
  AppendHistoryFeatures(prev2, prev1, inst_.doc->doc.words[i], &keys_);
  rows->clear();
  for (const std::uint64_t key : keys_) {
    rows->push_back(space_->Row(key));
  }
}

void SentenceDecoder::Decode(std::size_t begin, std::size_t end, bool learn,
                             std::vector<int>* labels) {
  const std::vector<int>& gold = inst_.doc->gold;
  const FeatureTable& features = inst_.features;
  const std::size_t n = end - begin;
  beam_.resize(std::max(beam_.size(), n));
  std::size_t last = n - 1;  // the last word decoded
  for (std::size_t j = 0; j < n; ++j) {
    const std::size_t i = begin + j;
    float base[kNumLabels] = {};
    for (std::size_t f = features.begin[i]; f < features.begin[i + 1]; ++f) {
      const float* w = perceptron_->Weights(features.ids[f]);
      for (int l = 0; l < kNumLabels; ++l) {
        base[l] += w[l];
      }
    }
    candidates_.clear();
    const std::size_t from_count = j == 0 ? 1 : beam_[j - 1].size();
    for (std::size_t k = 0; k < from_count; ++k) {
      const BeamItem from = j == 0 ? BeamItem{} : beam_[j - 1][k];
      HistoryRows(i, from.prev, from.label, &rows_);
      float scores[kNumLabels];
      std::copy_n(base, kNumLabels, scores);
      for (const std::int32_t row : rows_) {
        const float* w = perceptron_->Weights(row);
        for (int l = 0; l < kNumLabels; ++l) {
          scores[l] += w[l];
        }
      }
      for (int l = 0; l < kNumLabels; ++l) {
        if (IsAllowedAfter(from.label, l)) {
          candidates_.push_back(BeamItem{from.score + scores[l], l, from.label,
                                         j == 0 ? -1 : static_cast<int>(k),
                                         from.gold && l == gold[i]});
        }
      }
    }
    std::stable_sort(
        candidates_.begin(), candidates_.end(),
        [](const BeamItem& a, const BeamItem& b) { return a.score > b.score; });
    std::vector<BeamItem>& kept = beam_[j];
    kept.clear();
    bool gold_kept = false;
    for (const BeamItem& c : candidates_) {
      if (kept.size() == static_cast<std::size_t>(kTrainBeamWidth)) {
        break;
      }
      const bool same_state =
          std::any_of(kept.begin(), kept.end(), [&](const BeamItem& k) {
            return k.label == c.label && k.prev == c.prev;
          });
      if (!same_state) {
        kept.push_back(c);
        gold_kept = gold_kept || c.gold;
      }
    }
    if (learn && !gold_kept) {
      last = j;
      break;
    }
  }
  std::vector<int> best(last + 1);
  int item = 0;
  for (std::size_t j = last + 1; j-- > 0;) {
    const BeamItem& it = beam_[j][static_cast<std::size_t>(item)];
    best[j] = it.label;
    item = it.back;
  }
  if (!learn) {
    std::copy(best.begin(), best.end(),
              labels->begin() + static_cast<std::ptrdiff_t>(begin));
    return;
  }
  if (!beam_[last][0].gold) {
    Update(begin, best);
  }
  for (std::size_t j = 0; j < n; ++j) {
    perceptron_->Tick();
  }
}

void SentenceDecoder::Update(std::size_t begin, const std::vector<int>& best) {
  const std::vector<int>& gold = inst_.doc->gold;
  const FeatureTable& features = inst_.features;
  const auto label_at = [&](const std::vector<int>& labels, std::size_t j,
                            std::size_t back) {
    return j >= back ? labels[j - back] : 0;
  };
  const std::vector<int> gold_prefix(
      gold.begin() + static_cast<std::ptrdiff_t>(begin),
      gold.begin() + static_cast<std::ptrdiff_t>(begin + best.size()));
  for (std::size_t j = 0; j < best.size(); ++j) {
    const std::size_t i = begin + j;
    const int g = gold_prefix[j];
    const int p = best[j];
    const int g1 = label_at(gold_prefix, j, 1);
    const int g2 = label_at(gold_prefix, j, 2);
    const int p1 = label_at(best, j, 1);
    const int p2 = label_at(best, j, 2);
    if (g == p && g1 == p1 && g2 == p2) {
      continue;  // the same features and label: the updates cancel
    }
    if (g != p) {
      for (std::size_t f = features.begin[i]; f < features.begin[i + 1]; ++f) {
        perceptron_->Update(features.ids[f], g, 1.0f);
        perceptron_->Update(features.ids[f], p, -1.0f);
      }
    }
    HistoryRows(i, g2, g1, &gold_rows_);
    HistoryRows(i, p2, p1, &rows_);
    for (const std::int32_t row : gold_rows_) {
      perceptron_->Update(row, g, 1.0f);
    }
    for (const std::int32_t row : rows_) {
      perceptron_->Update(row, p, -1.0f);
    }
  }
}

}  // namespace

void Decode(const Instance& inst, FeatureSpace* space, Perceptron* perceptron,
            bool learn, std::vector<int>* labels) {
  const NerDocument& doc = inst.doc->doc;
  const std::size_t n = doc.words.size();
  labels->assign(n, 0);
  SentenceDecoder decoder(inst, space, perceptron);
  for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
    const std::size_t begin = doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < doc.sentence_begin.size() ? doc.sentence_begin[s + 1] : n;
    if (begin < end) {
      decoder.Decode(begin, end, learn, labels);
    }
  }
}

void Train(const std::vector<const Instance*>& instances, int epochs,
           std::uint64_t seed, FeatureSpace* space, Perceptron* perceptron) {
  std::vector<const Instance*> order = instances;
  std::mt19937_64 rng(seed);
  std::vector<int> labels;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const Instance* inst : order) {
      Decode(*inst, space, perceptron, true, &labels);
    }
  }
  perceptron->Average();
}

}  // namespace dossier::indexer::internal
