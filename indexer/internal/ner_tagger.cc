// Tagging one document:
//   1. look up (or compute into a local cache) the word block of every word;
//   2. build the document context (gazetteer, capitalization evidence);
//   3. sum, once per token, the word blocks at offsets -2..2 and the
//      static context rows; decode each sentence with a beam, adding to
//      each kept sequence's score the label-history rows of its last two
//      labels (see ner_tagger.h);
//   4. for two-pass models, derive the history features from pass 1 and
//      decode again.
#include "indexer/internal/ner_tagger.h"

#include <algorithm>
#include <atomic>

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

// A direct-mapped memo of model rows: the context features of a document
// repeat a few hundred keys (flags, gazetteer bits), and the memo turns
// their scattered lookups into cache hits. It lasts across the Tag() calls
// of one Tagger on a thread: clearing its 64 KiB for every article cost
// more than the lookups it saved.
class RowMemo {
 public:
  // Forgets every row unless the memo already serves `tagger` (rows belong
  // to its model; a thread may tag with several taggers in turn). Tagger
  // serials are never reused, so an address a freed model leaves behind
  // cannot revive stale rows.
  void UseFor(std::uint64_t tagger, const Model& model) {
    if (tagger_ == tagger) {
      return;
    }
    tagger_ = tagger;
    model_ = &model;
    keys_.assign(kSlots, 0);  // 0 is never a model key: Row(0) is nullptr
    rows_.assign(kSlots, nullptr);
  }
  // Prefetches the index entry of a key the memo does not hold.
  void Prefetch(std::uint64_t key) const {
    if (keys_[SlotOf(key)] != key) {
      model_->index.Prefetch(key);
    }
  }
  // Adds the rows of keys [begin, end) to scores.
  void Add(const std::uint64_t* begin, const std::uint64_t* end, float* scores) {
    for (const std::uint64_t* k = begin; k != end; ++k) {
      const std::uint64_t key = *k;
      const std::size_t slot = SlotOf(key);
      if (keys_[slot] != key) {
        keys_[slot] = key;
        rows_[slot] = model_->Row(key);
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
  static std::size_t SlotOf(std::uint64_t key) {
    return (key ^ (key >> 29)) & (kSlots - 1);
  }
  std::uint64_t tagger_ = 0;  // serials start at 1
  const Model* model_ = nullptr;
  std::vector<std::uint64_t> keys_;
  std::vector<const float*> rows_;
};

std::size_t SlotOf(std::uint64_t hash, std::size_t mask) {
  return static_cast<std::size_t>(hash ^ (hash >> 31)) & mask;
}

}  // namespace

namespace {

// Bit l of kAllowedAfter[prev] is set when label l may follow prev
// (IsAllowedAfter), so a continuation loop visits only those labels.
static_assert(kNumLabels <= 16, "label masks are 16 bits");
const std::array<std::uint16_t, kNumLabels> kAllowedAfter = [] {
  std::array<std::uint16_t, kNumLabels> masks{};
  for (int prev = 0; prev < kNumLabels; ++prev) {
    for (int l = 0; l < kNumLabels; ++l) {
      if (IsAllowedAfter(prev, l)) {
        masks[static_cast<std::size_t>(prev)] |=
            static_cast<std::uint16_t>(1u << l);
      }
    }
  }
  return masks;
}();

// A label sequence in the beam, by its last label; `back` is its prefix's
// index in the beam one word earlier (-1 at the first word).
struct BeamItem {
  float score;
  std::int8_t label;
  std::int8_t prev;  // the label before (0 at the first word)
  std::int16_t back;
};

}  // namespace

// Working buffers of Tag(), one set per thread (see ner_tagger.h).
struct Tagger::Scratch {
  // kBeamWidth items per word of the sentence being decoded, and how many
  // are set.
  std::vector<BeamItem> beam;
  std::vector<std::uint8_t> beam_size;
  WordBlockTable unknown;       // words outside the vocabulary -> local block
  std::vector<float> local;     // kBlockFloats per unknown word
  std::vector<std::int64_t> block_of;  // >= 0 known block, < 0 local (-1 - i)
  std::vector<const float*> blocks;    // per word: its block
  DocContext context;
  std::vector<float> static_scores;    // kNumLabels per word
  std::vector<std::uint64_t> keys;
  // The static context keys of word i: context_keys[context_begin[i] ..
  // context_begin[i + 1]).
  std::vector<std::uint64_t> context_keys;
  std::vector<std::size_t> context_begin;
  WordAnalysis analysis;
  RowMemo memo;
};

void WordBlockTable::Reset(std::size_t n) {
  std::size_t capacity = 16;
  while (capacity < 2 * n) {
    capacity *= 2;
  }
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
}

std::int64_t WordBlockTable::Find(std::string_view word,
                                  std::uint64_t hash) const {
  for (std::size_t slot = SlotOf(hash, mask_);; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.data == nullptr) {
      return -1;
    }
    if (s.hash == hash && s.size == word.size() &&
        std::string_view(s.data, s.size) == word) {
      return s.block;
    }
  }
}

void WordBlockTable::Insert(std::string_view word, std::uint64_t hash,
                            std::uint32_t block) {
  std::size_t slot = SlotOf(hash, mask_);
  while (slots_[slot].data != nullptr) {
    slot = (slot + 1) & mask_;
  }
  // A view of an empty word still needs a non-null pointer to mark the slot.
  slots_[slot] = Slot{hash, word.data() != nullptr ? word.data() : "",
                      static_cast<std::uint32_t>(word.size()), block};
}

namespace {
std::atomic<std::uint64_t> next_tagger_serial{1};
}  // namespace

Tagger::Tagger(const Model& model)
    : model_(model),
      serial_(next_tagger_serial.fetch_add(1)),
      gazetteer_(IndexGazetteer(model.gazetteer)) {
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
  // The first-pass feature of a one-word context with each (capitalized,
  // history) pair: the same code that features a real document.
  DocContext one;
  for (int c = 0; c < 2; ++c) {
    for (int h = 0; h <= kNumTypes; ++h) {
      one.flags.assign(1, c == 1 ? kCapitalized : 0);
      one.history.assign(1, static_cast<std::int8_t>(h));
      keys.clear();
      AppendFirstPassFeature(one, 0, &keys);
      first_pass_rows_[static_cast<std::size_t>(c * (kNumTypes + 1) + h)] =
          keys.size() == 1 ? model_.Row(keys[0]) : nullptr;
    }
  }
  // Word blocks of the vocabulary; the table's views point into
  // known_words_, which is complete before the first insertion.
  std::size_t bytes = 0;
  for (const auto& entry : model_.clusters) {
    bytes += entry.first.size();
  }
  known_words_.reserve(bytes);
  for (const auto& entry : model_.clusters) {
    known_words_.append(entry.first);
  }
  known_.Reset(model_.clusters.size());
  blocks_.assign(model_.clusters.size() * kBlockFloats, 0.0f);
  WordAnalysis analysis;
  std::size_t offset = 0;
  std::uint32_t next = 0;
  for (const auto& entry : model_.clusters) {
    const std::string_view word(known_words_.data() + offset, entry.first.size());
    offset += word.size();
    FillBlock(word, &analysis, &keys,
              &blocks_[static_cast<std::size_t>(next) * kBlockFloats]);
    known_.Insert(word, HashBytes(0, word), next);
    ++next;
  }
}

void Tagger::FillBlock(std::string_view word, WordAnalysis* analysis,
                       std::vector<std::uint64_t>* keys, float* block) const {
  AnalyzeWord(word, model_, analysis);
  for (int k = -kMaxOffset; k <= kMaxOffset; ++k) {
    keys->clear();
    AppendWordFeatures(*analysis, k, keys);
    float* row = block + (k + kMaxOffset) * kNumLabels;
    std::fill(row, row + kNumLabels, 0.0f);
    AddRows(model_, *keys, row);
  }
  for (int p1 = 0; p1 < kNumLabels; ++p1) {
    keys->clear();
    AppendWordHistoryFeatures(p1, *analysis, keys);
    float* row = block + kHistoryBase + p1 * kNumLabels;
    std::fill(row, row + kNumLabels, 0.0f);
    AddRows(model_, *keys, row);
  }
}

void Tagger::Tag(const NerDocument& doc, std::vector<int>* labels) const {
  const std::size_t n = doc.words.size();
  labels->assign(n, 0);
  if (n == 0) {
    return;
  }
  thread_local Scratch scratch;
  Scratch& s = scratch;
  // 1. Word blocks. The local blocks only grow within this call, so
  //    pointers into them are taken after they are complete.
  s.unknown.Reset(n);
  s.local.clear();
  s.block_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view word = doc.words[i];
    const std::uint64_t hash = HashBytes(0, word);
    const std::int64_t known = known_.Find(word, hash);
    if (known >= 0) {
      s.block_of[i] = known;
      continue;
    }
    std::int64_t local = s.unknown.Find(word, hash);
    if (local < 0) {
      local = static_cast<std::int64_t>(s.local.size() / kBlockFloats);
      s.unknown.Insert(word, hash, static_cast<std::uint32_t>(local));
      s.local.resize(s.local.size() + kBlockFloats);
      FillBlock(word, &s.analysis, &s.keys, &s.local[s.local.size() - kBlockFloats]);
    }
    s.block_of[i] = -1 - local;
  }
  s.blocks.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    s.blocks[i] =
        s.block_of[i] >= 0
            ? &blocks_[static_cast<std::size_t>(s.block_of[i]) * kBlockFloats]
            : &s.local[static_cast<std::size_t>(-1 - s.block_of[i]) * kBlockFloats];
  }
  // 2. Context and the per-token static scores. The context keys of all
  //    words come first, so that the loop can prefetch a few words ahead:
  //    the index entries of their keys and their word blocks (each a cache
  //    miss otherwise).
  BuildDocContext(doc, gazetteer_, &s.context);
  s.context_keys.clear();
  s.context_begin.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    s.context_begin[i] = s.context_keys.size();
    AppendStaticContextFeatures(doc, s.context, i, &s.context_keys);
  }
  s.context_begin[n] = s.context_keys.size();
  s.static_scores.assign(n * kNumLabels, 0.0f);
  s.memo.UseFor(serial_, model_);
  constexpr std::size_t kAhead = 4;  // words
  const auto prefetch = [&](std::size_t i) {
    for (std::size_t k = s.context_begin[i]; k < s.context_begin[i + 1]; ++k) {
      s.memo.Prefetch(s.context_keys[k]);
    }
    // The rows at offsets -2..2 span the block's first 180 bytes.
    const char* block = reinterpret_cast<const char*>(s.blocks[i]);
    for (std::size_t byte = 0; byte < kHistoryBase * sizeof(float); byte += 64) {
      __builtin_prefetch(block + byte);
    }
    __builtin_prefetch(block + kHistoryBase * sizeof(float) - 1);
  };
  for (std::size_t i = 0; i < kAhead && i < n; ++i) {
    prefetch(i);
  }
  for (std::size_t sentence = 0; sentence < doc.sentence_begin.size(); ++sentence) {
    const std::size_t begin = doc.sentence_begin[sentence];
    const std::size_t end = sentence + 1 < doc.sentence_begin.size()
                                ? doc.sentence_begin[sentence + 1]
                                : n;
    for (std::size_t i = begin; i < end; ++i) {
      if (i + kAhead < n) {
        prefetch(i + kAhead);
      }
      float* scores = &s.static_scores[i * kNumLabels];
      for (int k = -kMaxOffset; k <= kMaxOffset; ++k) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        const float* row =
            (j < static_cast<std::ptrdiff_t>(begin) ||
             j >= static_cast<std::ptrdiff_t>(end))
                ? &pads_[(k + kMaxOffset) * kNumLabels]
                : s.blocks[static_cast<std::size_t>(j)] + (k + kMaxOffset) * kNumLabels;
        for (int l = 0; l < kNumLabels; ++l) {
          scores[l] += row[l];
        }
      }
      s.memo.Add(s.context_keys.data() + s.context_begin[i],
                 s.context_keys.data() + s.context_begin[i + 1], scores);
    }
  }
  // 3. Decode; 4. second pass.
  Pass(doc, true, &s, labels);
  if ((model_.flags & kTwoPass) != 0) {
    ComputeHistory(doc, *labels, &s.context);
    Pass(doc, false, &s, labels);
  }
  // A thread keeps its buffers for ordinary articles only: one huge
  // document (up to 4 MiB of text) must not pin ~100 bytes per word of it
  // for the thread's life.
  constexpr std::size_t kMaxKeptWords = 1 << 16;
  if (n > kMaxKeptWords) {
    s = Scratch();
  }
}

void Tagger::Pass(const NerDocument& doc, bool first_pass, Scratch* scratch,
                  std::vector<int>* labels) const {
  const std::size_t n = doc.words.size();
  for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
    const std::size_t begin = doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < doc.sentence_begin.size() ? doc.sentence_begin[s + 1] : n;
    if (begin < end) {
      DecodeSentence(begin, end, first_pass, scratch, labels);
    }
  }
}

void Tagger::DecodeSentence(std::size_t begin, std::size_t end, bool first_pass,
                            Scratch* scratch, std::vector<int>* labels) const {
  const DocContext& context = scratch->context;
  constexpr std::size_t kWidth = kBeamWidth;
  const std::size_t n = end - begin;
  scratch->beam.resize(n * kWidth);
  scratch->beam_size.assign(n, 0);
  for (std::size_t j = 0; j < n; ++j) {
    const std::size_t i = begin + j;
    if (i + 4 < context.history.size()) {
      // The word-history rows of a word a little ahead.
      __builtin_prefetch(scratch->blocks[i + 4] + kHistoryBase);
    }
    float base[kNumLabels];
    std::copy_n(&scratch->static_scores[i * kNumLabels], kNumLabels, base);
    // As AppendFirstPassFeature: history >= 0 has a feature.
    const std::int8_t history = context.history[i];
    if (!first_pass && history >= 0) {
      const int c = (context.flags[i] & kCapitalized) != 0 ? 1 : 0;
      const float* row = first_pass_rows_[static_cast<std::size_t>(
          c * (kNumTypes + 1) + history)];
      if (row != nullptr) {
        for (int l = 0; l < kNumLabels; ++l) {
          base[l] += row[l];
        }
      }
    }
    // Extends every kept sequence by every allowed label into `kept`,
    // sorted by score, best first.
    BeamItem* kept = &scratch->beam[j * kWidth];
    std::size_t kept_count = 0;
    // Bit l of present[p]: a kept sequence ends in (p, l). Most
    // continuations end in a state not kept yet, and the bit spares them
    // the search for one (a loop whose exit mispredicted: with the bit,
    // DecodeSentence mispredicts half as many branches).
    std::uint16_t present[kNumLabels] = {};
    const std::size_t from_count = j == 0 ? 1 : scratch->beam_size[j - 1];
    for (std::size_t k = 0; k < from_count; ++k) {
      const BeamItem from = j == 0 ? BeamItem{0.0f, 0, 0, -1}
                                   : scratch->beam[(j - 1) * kWidth + k];
      const int prev1 = from.label;
      const int prev2 = from.prev;
      const float* p1 = &prev1_rows_[prev1 * kNumLabels];
      const float* p12 = &prev12_rows_[(prev2 * kNumLabels + prev1) * kNumLabels];
      const float* word =
          scratch->blocks[i] + kHistoryBase + prev1 * kNumLabels;
      // Every continuation's score at once (the compiler vectorizes this;
      // the sum keeps its order, so the scores are exactly the scalar ones).
      float candidate[kNumLabels];
      for (int l = 0; l < kNumLabels; ++l) {
        candidate[l] = from.score + base[l] + p1[l] + p12[l] + word[l];
      }
      unsigned labels_left = kAllowedAfter[static_cast<std::size_t>(prev1)];
      if (kept_count == kWidth) {
        // The worst kept score only rises while the beam is full, so a
        // continuation at or below it now is rejected below anyway: most
        // continuations of all but the best sequences end here.
        const float worst = kept[kWidth - 1].score;
        unsigned above = 0;
        for (int l = 0; l < kNumLabels; ++l) {
          above |= static_cast<unsigned>(candidate[l] > worst) << l;
        }
        labels_left &= above;
      }
      for (; labels_left != 0; labels_left &= labels_left - 1) {
        const int l = __builtin_ctz(labels_left);
        const float score = candidate[l];
        if (kept_count == kWidth && score <= kept[kWidth - 1].score) {
          continue;
        }
        // A kept sequence ending in the same two labels scores every
        // continuation alike: only the better of the two stays.
        const std::uint16_t bit = static_cast<std::uint16_t>(1u << l);
        std::size_t pos = kept_count;
        if ((present[prev1] & bit) != 0) {
          pos = 0;
          while (kept[pos].label != l || kept[pos].prev != prev1) {
            ++pos;
          }
          if (kept[pos].score >= score) {
            continue;
          }
        } else if (kept_count < kWidth) {
          ++kept_count;
          present[prev1] |= bit;
        } else {
          pos = kWidth - 1;  // drops the worst
          const BeamItem& dropped = kept[pos];
          present[dropped.prev] &=
              static_cast<std::uint16_t>(~(1u << dropped.label));
          present[prev1] |= bit;
        }
        while (pos > 0 && kept[pos - 1].score < score) {
          kept[pos] = kept[pos - 1];
          --pos;
        }
        kept[pos] = BeamItem{
            score, static_cast<std::int8_t>(l), static_cast<std::int8_t>(prev1),
            static_cast<std::int16_t>(j == 0 ? -1 : static_cast<int>(k))};
      }
    }
    scratch->beam_size[j] = static_cast<std::uint8_t>(kept_count);
  }
  // The best sequence, back from its last word.
  int item = 0;
  for (std::size_t j = n; j-- > 0;) {
    const BeamItem& it =
        scratch->beam[j * kWidth + static_cast<std::size_t>(item)];
    (*labels)[begin + j] = it.label;
    item = it.back;
  }
}

}  // namespace dossier::indexer::internal
