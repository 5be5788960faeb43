// Training steps (TrainNerModel):
//   1. read the CoNLL training documents; tags become BIO label ids;
//   2. learn word clusters from the unlabelled text plus the training words;
//   3. build the gazetteer from the training entities. Each training
//      document sees the gazetteer *without its own entities*
//      (leave-one-document-out), so the model learns how much a match is
//      worth on unseen text instead of trusting it blindly;
//   4. extract every token's static features (word + context) once;
//   5. two-pass models: split the documents into folds, train a first-pass
//      model on the other folds, tag each fold, and derive the history
//      features from those honest predictions; the final model trains on
//      every document twice, without and with history features, so the
//      same weights serve both passes of the tagger;
//   6. averaged structured perceptron over sentences decoded with the
//      tagger's beam (ner_perceptron.h);
//   7. drop near-zero rows and write the model.
#include "indexer/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "common/utf8.h"
#include "indexer/internal/ner_clusters.h"
#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_lexicon.h"
#include "indexer/internal/ner_model.h"
#include "indexer/internal/ner_name_lists.h"
#include "indexer/internal/ner_perceptron.h"
#include "indexer/internal/ner_tagger.h"
#include "indexer/ner_conll.h"
#include "indexer/tokenizer.h"

namespace dossier::indexer {
namespace {

using internal::DocContext;
using internal::FeatureSpace;
using internal::FeatureTable;
using internal::Gazetteer;
using internal::Instance;
using internal::kNumLabels;
using internal::Model;
using internal::NerDocument;
using internal::Perceptron;
using internal::TrainDoc;

std::string ReadFile(const std::string& path, Status* status) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *status = Status::NotFound("cannot open " + path);
    return {};
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void AddText(std::string_view text, internal::Corpus* corpus) {
  ArticleAnalysis analysis;
  Tokenize(text, &analysis);
  for (const Sentence& s : analysis.sentences) {
    for (std::uint32_t t = 0; t < s.token_count; ++t) {
      const Span span = analysis.tokens[s.first_token + t].span;
      corpus->Add(text.substr(span.begin, span.size()));
    }
    corpus->EndSentence();
  }
}

// Text between each <TAG> and </TAG> of a Reuters SGML file.
void AddSgmlElements(std::string_view sgml, std::string_view tag,
                     internal::Corpus* corpus) {
  // Built with append(): g++ 12 -O3 warns falsely (-Wrestrict) on
  // "<" + std::string(...).
  std::string open(1, '<');
  open.append(tag).push_back('>');
  std::string close("</");
  close.append(tag).push_back('>');
  std::size_t pos = 0;
  while ((pos = sgml.find(open, pos)) != std::string_view::npos) {
    pos += open.size();
    const std::size_t end = sgml.find(close, pos);
    if (end == std::string_view::npos) {
      break;
    }
    std::string text = Latin1ToUtf8(sgml.substr(pos, end - pos));
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"&lt;", "<"},
                                   {"&gt;", ">"}, {"&amp;", "&"}, {"&#3;", ""}}) {
      std::size_t at = 0;
      while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
      }
    }
    AddText(text, corpus);
    pos = end + close.size();
  }
}

Status AddUnlabeled(const std::string& path, internal::Corpus* corpus) {
  Status status;
  const std::string data = ReadFile(path, &status);
  DOSSIER_RETURN_IF_ERROR(status);
  const auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".jsonl")) {
    std::istringstream lines(data);
    std::string line;
    while (std::getline(lines, line)) {
      const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_discarded() || !record.is_object()) {
        continue;  // unlabelled text is best-effort
      }
      for (const char* field : {"title", "text"}) {
        if (record.contains(field) && record[field].is_string()) {
          AddText(record[field].get<std::string>(), corpus);
        }
      }
    }
  } else if (ends_with(".sgm")) {
    AddSgmlElements(data, "TITLE", corpus);
    AddSgmlElements(data, "BODY", corpus);
  } else {
    AddText(RepairUtf8(data), corpus);
  }
  return Status::Ok();
}

// Phrase hash -> count per type, over the training entities.
using GazetteerCounts =
    std::unordered_map<std::uint64_t, std::array<std::uint32_t, internal::kNumTypes>>;

// Calls f(begin, end, type) for each gold entity of `d` short enough for
// the gazetteer (words [begin, end)).
template <typename F>
void ForEachGazetteerEntity(const TrainDoc& d, F f) {
  const std::size_t n = d.gold.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!internal::IsBegin(d.gold[i])) {
      continue;
    }
    const int type = internal::LabelType(d.gold[i]);
    std::size_t end = i + 1;
    while (end < n && d.gold[end] == internal::InsideLabel(type)) {
      ++end;
    }
    if (end - i <= internal::kMaxGazetteerWords) {
      f(i, end, type);
    }
  }
}

void CountEntities(const TrainDoc& d, GazetteerCounts* counts) {
  ForEachGazetteerEntity(d, [&](std::size_t begin, std::size_t end, int type) {
    ++(*counts)[internal::PhraseHash(d.doc.words, begin, end)][static_cast<std::size_t>(type)];
  });
}

// Turns counts into a gazetteer: a type is listed when it accounts for at
// least a fifth of the phrase's uses. Prefix entries let matching stop
// early. `prefixes` maps each phrase to the hashes of its proper prefixes.
Gazetteer MakeGazetteer(const GazetteerCounts& counts, const GazetteerCounts* minus,
                        const std::unordered_map<std::uint64_t, std::vector<std::uint64_t>>& prefixes) {
  Gazetteer gazetteer;
  gazetteer.reserve(counts.size() * 2);
  for (const auto& [hash, c] : counts) {
    std::array<std::uint32_t, internal::kNumTypes> left = c;
    if (minus != nullptr) {
      const auto it = minus->find(hash);
      if (it != minus->end()) {
        for (int t = 0; t < internal::kNumTypes; ++t) {
          left[static_cast<std::size_t>(t)] -= it->second[static_cast<std::size_t>(t)];
        }
      }
    }
    const std::uint32_t total = std::accumulate(left.begin(), left.end(), 0u);
    std::uint8_t bits = 0;
    for (int t = 0; t < internal::kNumTypes; ++t) {
      if (left[static_cast<std::size_t>(t)] > 0 &&
          left[static_cast<std::size_t>(t)] * 5 >= total) {
        bits |= static_cast<std::uint8_t>(1u << t);
      }
    }
    if (bits == 0) {
      continue;
    }
    gazetteer[hash] |= bits;
    const auto p = prefixes.find(hash);
    if (p != prefixes.end()) {
      for (const std::uint64_t prefix : p->second) {
        gazetteer[prefix] |= internal::kGazPrefixBit;
      }
    }
  }
  return gazetteer;
}

void RecordPrefixes(const TrainDoc& d,
                    std::unordered_map<std::uint64_t, std::vector<std::uint64_t>>* prefixes) {
  ForEachGazetteerEntity(d, [&](std::size_t begin, std::size_t end, int) {
    std::vector<std::uint64_t>& list =
        (*prefixes)[internal::PhraseHash(d.doc.words, begin, end)];
    if (!list.empty()) {
      return;
    }
    for (std::size_t k = begin + 1; k < end; ++k) {
      list.push_back(internal::PhraseHash(d.doc.words, begin, k));
    }
  });
}

void Featurize(const TrainDoc& d, const DocContext& context, const Model& model,
               FeatureSpace* space, FeatureTable* table) {
  std::vector<std::uint64_t> keys;
  const std::size_t n = d.doc.words.size();
  for (std::size_t s = 0; s < d.doc.sentence_begin.size(); ++s) {
    const std::size_t begin = d.doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < d.doc.sentence_begin.size() ? d.doc.sentence_begin[s + 1] : n;
    for (std::size_t i = begin; i < end; ++i) {
      keys.clear();
      for (int k = -internal::kMaxOffset; k <= internal::kMaxOffset; ++k) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        if (j < static_cast<std::ptrdiff_t>(begin) ||
            j >= static_cast<std::ptrdiff_t>(end)) {
          keys.push_back(internal::PadFeature(k));
        } else {
          internal::AppendWordFeatures(d.doc.words[static_cast<std::size_t>(j)], k,
                                       model, &keys);
        }
      }
      internal::AppendContextFeatures(d.doc, context, i, &keys);
      table->begin.push_back(table->ids.size());
      for (const std::uint64_t key : keys) {
        table->ids.push_back(space->Row(key));
      }
    }
  }
  table->begin.push_back(table->ids.size());
}

// Rewrites the ALL-CAPS headline sentences of `d` in Title Case ("EU
// REJECTS GERMAN CALL" -> "EU Rejects German Call"), as mixed-case news
// writes headlines; short words keep their capitals (acronyms) unless they
// are function words. New strings live in *store.
void TitleCaseHeadlines(TrainDoc* d, std::deque<std::string>* store) {
  const std::size_t n = d->doc.words.size();
  for (std::size_t s = 0; s < d->doc.sentence_begin.size(); ++s) {
    const std::size_t begin = d->doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < d->doc.sentence_begin.size() ? d->doc.sentence_begin[s + 1] : n;
    bool letters = false;
    bool lower = false;
    for (std::size_t i = begin; i < end; ++i) {
      for (const char c : d->doc.words[i]) {
        letters = letters || (c >= 'A' && c <= 'Z');
        lower = lower || (c >= 'a' && c <= 'z');
      }
    }
    if (!letters || lower || end - begin < 4) {
      continue;
    }
    for (std::size_t i = begin; i < end; ++i) {
      std::string lower_word;
      internal::LowerAscii(d->doc.words[i], &lower_word);
      static const std::vector<std::string_view> kFunctionWords = {
          "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "as"};
      const bool function_word =
          std::find(kFunctionWords.begin(), kFunctionWords.end(), lower_word) !=
          kFunctionWords.end();
      if (function_word) {
        store->push_back(lower_word);
      } else if (d->doc.words[i].size() <= 3) {
        continue;  // keep acronyms ("EU", "UK")
      } else {
        store->push_back(lower_word);
        store->back()[0] = d->doc.words[i][0];
      }
      d->doc.words[i] = store->back();
    }
  }
}

// Converts a document's tags to BIO label ids (IOB1 "I-X" after another
// type becomes "B-X").
Status GoldLabels(const ConllDocument& conll, std::vector<int>* gold) {
  gold->clear();
  int prev = 0;
  std::size_t sentence = 0;
  for (std::size_t i = 0; i < conll.words.size(); ++i) {
    if (sentence < conll.sentence_begin.size() && conll.sentence_begin[sentence] == i) {
      prev = 0;
      ++sentence;
    }
    int label = internal::ParseLabel(conll.gold[i]);
    if (label < 0) {
      return Status::InvalidInput("expected a BIO tag such as B-PER, got \"" +
                                  conll.gold[i] + "\" for \"" + conll.words[i] + "\"");
    }
    if (label != 0 && !internal::IsBegin(label) &&
        internal::LabelType(prev) != internal::LabelType(label)) {
      label = internal::BeginLabel(internal::LabelType(label));
    }
    gold->push_back(label);
    prev = label;
  }
  return Status::Ok();
}

void Log(const NerTrainOptions& options, const std::string& line) {
  if (options.log) {
    options.log(line);
  }
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Scores `model` on a CoNLL file; returns a one-line summary.
std::string Evaluate(const Model& model, const std::string& path) {
  const Result<std::vector<ConllDocument>> docs = ReadConllFile(path);
  if (!docs.has_value()) {
    return "dev: " + docs.error().ToString();
  }
  const internal::Tagger tagger(model);
  NerScore score;
  std::vector<int> labels;
  for (const ConllDocument& conll : *docs) {
    NerDocument doc;
    doc.words.assign(conll.words.begin(), conll.words.end());
    doc.sentence_begin = conll.sentence_begin;
    tagger.Tag(doc, &labels);
    for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
      const std::size_t begin = doc.sentence_begin[s];
      const std::size_t end = s + 1 < doc.sentence_begin.size()
                                  ? doc.sentence_begin[s + 1]
                                  : doc.words.size();
      std::vector<std::string_view> gold(conll.gold.begin() + static_cast<std::ptrdiff_t>(begin),
                                         conll.gold.begin() + static_cast<std::ptrdiff_t>(end));
      std::vector<std::string_view> predicted;
      for (std::size_t i = begin; i < end; ++i) {
        predicted.push_back(internal::LabelName(labels[i]));
      }
      ScoreSentence(gold, predicted, &score);
    }
  }
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(2);
  out << "dev: F1 " << score.overall.f1() << " (P " << score.overall.precision()
      << " R " << score.overall.recall() << ")";
  for (std::size_t t = 0; t < score.types.size(); ++t) {
    out << " " << score.types[t] << " " << score.per_type[t].f1();
  }
  return out.str();
}

}  // namespace

Status TrainNerModel(const NerTrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  // 1. Training documents.
  Result<std::vector<ConllDocument>> read = ReadConllFile(options.train_path);
  if (!read.has_value()) {
    return read.error();
  }
  const std::vector<ConllDocument> conll = std::move(read).value();
  std::vector<TrainDoc> docs;
  for (const ConllDocument& c : conll) {
    if (c.words.empty()) {
      continue;
    }
    TrainDoc d;
    d.doc.words.assign(c.words.begin(), c.words.end());
    d.doc.sentence_begin = c.sentence_begin;
    DOSSIER_RETURN_IF_ERROR(
        GoldLabels(c, &d.gold).WithContext("reading " + options.train_path));
    docs.push_back(std::move(d));
  }
  // Every other document gets its headlines in Title Case, so the model
  // sees both the Reuters ALL-CAPS style and mixed-case news headlines.
  std::deque<std::string> title_case_words;
  for (std::size_t k = 1; k < docs.size(); k += 2) {
    TitleCaseHeadlines(&docs[k], &title_case_words);
  }
  Log(options, "train: " + std::to_string(docs.size()) + " documents");

  // 2. Clusters.
  Model model;
  {
    internal::Corpus corpus;
    for (const std::string& path : options.unlabeled_paths) {
      DOSSIER_RETURN_IF_ERROR(AddUnlabeled(path, &corpus));
    }
    for (const TrainDoc& d : docs) {
      for (std::size_t i = 0; i < d.doc.words.size(); ++i) {
        if (i > 0 && std::find(d.doc.sentence_begin.begin(), d.doc.sentence_begin.end(), i) !=
                         d.doc.sentence_begin.end()) {
          corpus.EndSentence();
        }
        corpus.Add(d.doc.words[i]);
      }
      corpus.EndSentence();
    }
    internal::ClusterOptions cluster_options;
    cluster_options.fine = options.fine_clusters;
    cluster_options.coarse = options.coarse_clusters;
    cluster_options.seed = options.seed;
    model.clusters = internal::LearnClusters(corpus, cluster_options);
    Log(options, "clusters: " + std::to_string(corpus.tokens().size()) + " tokens, " +
                     std::to_string(model.clusters.size()) + " words clustered (" +
                     std::to_string(Seconds(start)) + " s)");
  }

  // 3. Gazetteer, full and per document without its own entities.
  GazetteerCounts counts;
  std::vector<GazetteerCounts> own(docs.size());
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> prefixes;
  for (std::size_t k = 0; k < docs.size(); ++k) {
    CountEntities(docs[k], &counts);
    CountEntities(docs[k], &own[k]);
    RecordPrefixes(docs[k], &prefixes);
  }
  // The hand-written organisations and the --names lists count as one extra
  // use of each phrase, seen by every document.
  const auto add_listed = [&](std::string_view phrase, int type) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos <= phrase.size()) {
      const std::size_t space = std::min(phrase.find(' ', pos), phrase.size());
      words.push_back(phrase.substr(pos, space - pos));
      pos = space + 1;
    }
    if (words.size() > internal::kMaxGazetteerWords) {
      return;
    }
    const std::uint64_t hash = internal::PhraseHash(words, 0, words.size());
    ++counts[hash][static_cast<std::size_t>(type)];
    std::vector<std::uint64_t>& list = prefixes[hash];
    list.clear();
    for (std::size_t k = 1; k < words.size(); ++k) {
      list.push_back(internal::PhraseHash(words, 0, k));
    }
  };
  for (const auto& [phrase, type] : internal::HandWrittenGazetteer()) {
    add_listed(phrase, type);
  }
  std::size_t listed = 0;
  for (const std::string& path : options.name_list_paths) {
    Result<internal::NameList> names = internal::ReadNameList(path);
    if (!names.has_value()) {
      return names.error();
    }
    for (const auto& [phrase, type] : *names) {
      add_listed(phrase, type);
    }
    listed += names->size();
  }
  if (!options.name_list_paths.empty()) {
    Log(options, "name lists: " + std::to_string(listed) + " names");
  }
  model.gazetteer = MakeGazetteer(counts, nullptr, prefixes);

  // 4. Static features.
  FeatureSpace space;
  std::vector<DocContext> contexts(docs.size());
  std::vector<Instance> first(docs.size());
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const Gazetteer gazetteer = MakeGazetteer(counts, &own[k], prefixes);
    internal::BuildDocContext(docs[k].doc, gazetteer, &contexts[k]);
    first[k].doc = &docs[k];
    Featurize(docs[k], contexts[k], model, &space, &first[k].features);
  }
  Log(options, "features: " + std::to_string(space.size()) + " (" +
                   std::to_string(Seconds(start)) + " s)");

  // 5. History features from cross-validated first passes.
  std::vector<const Instance*> all;
  for (const Instance& inst : first) {
    all.push_back(&inst);
  }
  std::vector<Instance> second;
  if (options.two_pass) {
    second.resize(docs.size());
    const int folds = std::max(2, options.folds);
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<const Instance*> train;
      for (std::size_t k = 0; k < docs.size(); ++k) {
        if (static_cast<int>(k % static_cast<std::size_t>(folds)) != fold) {
          train.push_back(&first[k]);
        }
      }
      Perceptron p(&space);
      Train(train, std::max(3, options.epochs / 2), options.seed + static_cast<std::uint64_t>(fold),
            &space, &p);
      std::vector<int> labels;
      for (std::size_t k = static_cast<std::size_t>(fold); k < docs.size();
           k += static_cast<std::size_t>(folds)) {
        Decode(first[k], &space, &p, false, &labels);
        internal::ComputeHistory(docs[k].doc, labels, &contexts[k]);
        second[k].doc = &docs[k];
        Featurize(docs[k], contexts[k], model, &space, &second[k].features);
      }
      Log(options, "fold " + std::to_string(fold + 1) + "/" + std::to_string(folds) + " (" +
                       std::to_string(Seconds(start)) + " s)");
    }
    for (const Instance& inst : second) {
      all.push_back(&inst);
    }
    model.flags |= internal::kTwoPass;
  }

  // 6. The final model: the mean of `average_runs` perceptrons.
  const int runs = std::max(1, options.average_runs);
  std::vector<float> mean;  // kNumLabels floats per row
  for (int run = 0; run < runs; ++run) {
    Perceptron perceptron(&space);
    Train(all, options.epochs, options.seed + static_cast<std::uint64_t>(run), &space,
          &perceptron);
    mean.resize(std::max(mean.size(), perceptron.rows() * kNumLabels), 0.0f);
    for (std::size_t r = 0; r < perceptron.rows(); ++r) {
      const float* w = perceptron.Weights(static_cast<std::int32_t>(r));
      for (int l = 0; l < kNumLabels; ++l) {
        mean[r * kNumLabels + static_cast<std::size_t>(l)] += w[l] / static_cast<float>(runs);
      }
    }
    Log(options, "trained " + std::to_string(options.epochs) + " epochs, run " +
                     std::to_string(run + 1) + "/" + std::to_string(runs) + " (" +
                     std::to_string(Seconds(start)) + " s)");
  }

  // 7. Keep rows that matter; write.
  constexpr float kMinWeight = 1e-3f;
  const std::size_t trained_rows = mean.size() / kNumLabels;
  std::vector<std::pair<std::uint64_t, std::int32_t>> kept;
  for (const auto& [key, row] : space.rows()) {
    if (static_cast<std::size_t>(row) >= trained_rows) {
      continue;
    }
    const float* w = &mean[static_cast<std::size_t>(row) * kNumLabels];
    float max_abs = 0;
    for (int l = 0; l < kNumLabels; ++l) {
      max_abs = std::max(max_abs, std::fabs(w[l]));
    }
    if (max_abs >= kMinWeight) {
      kept.emplace_back(key, row);
    }
  }
  std::sort(kept.begin(), kept.end());
  model.index.Reserve(kept.size());
  model.weights.reserve(kept.size() * kNumLabels);
  for (std::size_t r = 0; r < kept.size(); ++r) {
    model.index.Insert(kept[r].first, static_cast<std::int32_t>(r));
    const float* w = &mean[static_cast<std::size_t>(kept[r].second) * kNumLabels];
    model.weights.insert(model.weights.end(), w, w + kNumLabels);
  }
  std::ostringstream description;
  description << "averaged structured perceptron, BIO, beam "
              << internal::kTrainBeamWidth << ", "
              << (options.two_pass ? "two-pass" : "one-pass") << ", "
              << options.epochs << " epochs, seed " << options.seed
              << (runs > 1 ? ", mean of " + std::to_string(runs) + " runs" : "")
              << "; trained on " << options.train_path << "; clusters from "
              << options.unlabeled_paths.size() << " unlabelled files";
  model.description = description.str();
  const std::string bytes = internal::SerializeModel(model);
  std::ofstream out(options.output_path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    return Status::IOError("cannot write " + options.output_path);
  }
  Log(options, "model: " + std::to_string(kept.size()) + " features, " +
                   std::to_string(bytes.size()) + " bytes -> " + options.output_path + " (" +
                   std::to_string(Seconds(start)) + " s)");
  if (!options.dev_path.empty()) {
    Log(options, Evaluate(model, options.dev_path));
  }
  return Status::Ok();
}

}  // namespace dossier::indexer
