// Model helpers and the binary model format (documented in ner_model.h).
// Loading validates every length against the remaining bytes, so a
// truncated or corrupt file yields kCorruption, never a crash.
#include "indexer/internal/ner_model.h"

#include <cstring>
#include <string>

namespace dossier::indexer::internal {
namespace {

constexpr std::string_view kMagic("DOSNERM\0", 8);
constexpr std::array<std::string_view, kNumLabels> kLabelNames = {
    "O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
    "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
constexpr std::array<std::string_view, kNumTypes> kTypeNames = {"PER", "ORG",
                                                                "LOC", "MISC"};

std::uint64_t Fnv(std::string_view bytes) { return HashBytes(0, bytes); }

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    char buf[sizeof(T)];
    std::memcpy(buf, &value, sizeof(T));
    out_.append(buf, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* value) {
    if (in_.size() - pos_ < sizeof(T)) {
      return false;
    }
    std::memcpy(value, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s) {
    std::uint32_t n = 0;
    if (!Get(&n) || in_.size() - pos_ < n) {
      return false;
    }
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // Checks that `count` records of at least `min_bytes` each can still fit.
  bool Fits(std::uint64_t count, std::size_t min_bytes) const {
    return count <= (in_.size() - pos_) / min_bytes;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string_view LabelName(int label) {
  return label >= 0 && label < kNumLabels ? kLabelNames[label] : "O";
}

int ParseLabel(std::string_view name) {
  for (int l = 0; l < kNumLabels; ++l) {
    if (kLabelNames[l] == name) {
      return l;
    }
  }
  return -1;
}

std::string_view TypeName(int type) {
  return type >= 0 && type < kNumTypes ? kTypeNames[type] : "";
}

void FeatureIndex::Reserve(std::size_t n) {
  std::size_t cap = 16;
  while (cap < n * 2) {
    cap *= 2;
  }
  tags_.assign(cap, 0);
  entries_.assign(cap, Entry{});
  mask_ = cap - 1;
  count_ = 0;
}

void FeatureIndex::Insert(std::uint64_t key, std::int32_t row) {
  const std::uint64_t mixed = Mix(key);
  std::size_t slot = mixed & mask_;
  while (tags_[slot] != 0) {
    slot = (slot + 1) & mask_;
  }
  tags_[slot] = TagOf(mixed);
  entries_[slot] = Entry{key, row};
  ++count_;
}

WordClusters Model::ClustersOf(std::string_view word) const {
  // Cluster map keys are owned strings; one lookup per distinct word per
  // document (the tagger caches), so the temporary is affordable.
  std::string key(word);
  auto it = clusters.find(key);
  if (it != clusters.end()) {
    return it->second;
  }
  // ALL-CAPS headline words fall back to the capitalized, then lower form.
  std::string lower;
  LowerAscii(word, &lower);
  if (!lower.empty() && lower != key) {
    std::string capital = lower;
    if (capital[0] >= 'a' && capital[0] <= 'z') {
      capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    }
    it = clusters.find(capital);
    if (it != clusters.end()) {
      return it->second;
    }
    it = clusters.find(lower);
    if (it != clusters.end()) {
      return it->second;
    }
  }
  return {};
}

std::string SerializeModel(const Model& model) {
  Writer w;
  w.out().append(kMagic);
  w.Put<std::uint32_t>(kModelVersion);
  w.Put<std::uint32_t>(model.flags);
  w.PutString(model.description);
  w.Put<std::uint64_t>(model.index.size());
  // The index is rebuilt on load; write rows in row order with their keys.
  std::vector<std::uint64_t> key_of_row(model.index.size(), 0);
  model.index.ForEach([&](std::uint64_t key, std::int32_t row) {
    key_of_row[static_cast<std::size_t>(row)] = key;
  });
  for (std::size_t r = 0; r < key_of_row.size(); ++r) {
    w.Put<std::uint64_t>(key_of_row[r]);
    for (int l = 0; l < kNumLabels; ++l) {
      w.Put<float>(model.weights[r * kNumLabels + l]);
    }
  }
  w.Put<std::uint64_t>(model.clusters.size());
  for (const auto& [word, c] : model.clusters) {
    w.PutString(word);
    w.Put<std::uint16_t>(c.fine);
    w.Put<std::uint16_t>(c.coarse);
  }
  w.Put<std::uint64_t>(model.gazetteer.size());
  for (const auto& [hash, bits] : model.gazetteer) {
    w.Put<std::uint64_t>(hash);
    w.Put<std::uint8_t>(bits);
  }
  w.Put<std::uint64_t>(Fnv(w.out()));
  return std::move(w.out());
}

Result<Model> DeserializeModel(std::string_view bytes) {
  const auto corrupt = [](std::string_view what) {
    return Status::Corruption("NER model: " + std::string(what));
  };
  if (bytes.size() < kMagic.size() + 16 ||
      bytes.substr(0, kMagic.size()) != kMagic) {
    return corrupt("not a dossier NER model (bad magic)");
  }
  std::uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, bytes.data() + bytes.size() - 8, 8);
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader r(body.substr(kMagic.size()));
  std::uint32_t version = 0;
  std::uint32_t flags = 0;
  if (!r.Get(&version) || !r.Get(&flags)) {
    return corrupt("truncated header");
  }
  if (version != kModelVersion) {
    return Status::NotSupported(
        "NER model version " + std::to_string(version) + ", expected " +
        std::to_string(kModelVersion) + "; rebuild it with train_ner");
  }
  if (Fnv(body) != stored_sum) {
    return corrupt("checksum mismatch");
  }
  Model model;
  model.flags = flags;
  std::uint64_t count = 0;
  constexpr std::size_t kRowBytes = 8 + 4 * kNumLabels;
  if (!r.GetString(&model.description) || !r.Get(&count) ||
      !r.Fits(count, kRowBytes)) {
    return corrupt("truncated features");
  }
  model.index.Reserve(count);
  model.weights.resize(count * kNumLabels);
  for (std::uint64_t row = 0; row < count; ++row) {
    std::uint64_t key = 0;
    static_cast<void>(r.Get(&key));  // Fits() checked the room
    if (key == 0 || model.index.Find(key) >= 0) {
      return corrupt("bad feature key");
    }
    model.index.Insert(key, static_cast<std::int32_t>(row));
    for (int l = 0; l < kNumLabels; ++l) {
      static_cast<void>(r.Get(&model.weights[row * kNumLabels + l]));
    }
  }
  if (!r.Get(&count) || !r.Fits(count, 8)) {
    return corrupt("truncated clusters");
  }
  model.clusters.reserve(count);
  for (std::uint64_t k = 0; k < count; ++k) {
    std::string word;
    WordClusters c;
    if (!r.GetString(&word) || !r.Get(&c.fine) || !r.Get(&c.coarse)) {
      return corrupt("truncated clusters");
    }
    model.clusters.emplace(std::move(word), c);
  }
  if (!r.Get(&count) || !r.Fits(count, 9)) {
    return corrupt("truncated gazetteer");
  }
  model.gazetteer.reserve(count);
  for (std::uint64_t k = 0; k < count; ++k) {
    std::uint64_t hash = 0;
    std::uint8_t bits = 0;
    static_cast<void>(r.Get(&hash));
    static_cast<void>(r.Get(&bits));
    model.gazetteer.emplace(hash, bits);
  }
  return model;
}

}  // namespace dossier::indexer::internal
