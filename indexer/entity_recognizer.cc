// Recognize():
//   1. take the analysis' tokens as tagger words, mapping typographic
//      quotes and dashes to the ASCII forms of the training data;
//   2. tag the whole article as one document (two passes for two-pass
//      models: how a word is tagged elsewhere informs each occurrence);
//   3. turn BIO runs into mentions and apply the document-level rules of
//      internal/ner_postprocess.cc (role words, cues, Title Case
//      headlines, ORG kinds).
#include "indexer/entity_recognizer.h"

#include <deque>
#include <fstream>
#include <sstream>

#include "indexer/internal/ner_embedded_model.h"
#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_model.h"
#include "indexer/internal/ner_postprocess.h"
#include "indexer/internal/ner_tagger.h"

namespace dossier::indexer {

struct EntityRecognizer::Impl {
  explicit Impl(internal::Model m) : model(std::move(m)), tagger(model) {}
  internal::Model model;
  internal::Tagger tagger;  // refers to `model`
};

namespace {

// ASCII stand-ins for typographic marks, or empty when `token` has none.
std::string AsciiForm(std::string_view token) {
  if (token.find('\xE2') == std::string_view::npos) {
    return {};
  }
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (i + 2 < token.size() && token[i] == '\xE2' && token[i + 1] == '\x80') {
      const auto c = static_cast<unsigned char>(token[i + 2]);
      if (c == 0x98 || c == 0x99) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (c == 0x9C || c == 0x9D) {
        out.push_back('"');
        i += 2;
        continue;
      }
      if (c == 0x93 || c == 0x94) {
        out.append("--");
        i += 2;
        continue;
      }
    }
    out.push_back(token[i]);
  }
  return out;
}





}  // namespace

EntityRecognizer::EntityRecognizer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
EntityRecognizer::~EntityRecognizer() = default;

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::FromBytes(
    std::string_view bytes) {
  Result<internal::Model> model = internal::DeserializeModel(bytes);
  if (!model.has_value()) {
    return model.error();
  }
  return std::unique_ptr<EntityRecognizer>(new EntityRecognizer(
      std::make_unique<Impl>(std::move(model).value())));
}

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::LoadEmbedded() {
  const std::string_view bytes = internal::EmbeddedNerModel();
  if (bytes.empty()) {
    return Status::NotFound(
        "this binary was built without models/ner.model; rebuild after "
        "training it (see models/README.md)");
  }
  Result<std::unique_ptr<EntityRecognizer>> r = FromBytes(bytes);
  if (!r.has_value()) {
    return r.error().WithContext("embedded NER model");
  }
  return r;
}

Result<std::unique_ptr<EntityRecognizer>>
EntityRecognizer::LoadFileOrEmbedded(const std::string& path) {
  return path.empty() ? LoadEmbedded() : Load(path);
}

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Load(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot open NER model " + path);
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return Status::IOError("cannot read NER model " + path);
  }
  Result<std::unique_ptr<EntityRecognizer>> r = FromBytes(buffer.str());
  if (!r.has_value()) {
    return r.error().WithContext(path);
  }
  return r;
}

const std::string& EntityRecognizer::description() const {
  return impl_->model.description;
}

std::vector<std::string> EntityRecognizer::TagWords(
    const std::vector<std::string_view>& words,
    const std::vector<std::uint32_t>& sentence_begin) const {
  internal::NerDocument doc;
  doc.words = words;
  doc.sentence_begin = sentence_begin;
  std::vector<int> labels;
  impl_->tagger.Tag(doc, &labels);
  std::vector<std::string> tags;
  tags.reserve(labels.size());
  for (const int label : labels) {
    tags.emplace_back(internal::LabelName(label));
  }
  return tags;
}

void EntityRecognizer::Recognize(std::string_view text,
                                 ArticleAnalysis* analysis) const {
  const std::vector<Token>& tokens = analysis->tokens;
  if (tokens.empty()) {
    return;
  }
  // 1. Words; replacements live in a deque so views stay valid.
  std::deque<std::string> replaced;
  internal::NerDocument doc;
  doc.words.reserve(tokens.size());
  for (const Token& token : tokens) {
    const std::string_view word = text.substr(token.span.begin, token.span.size());
    std::string ascii = AsciiForm(word);
    if (ascii.empty()) {
      doc.words.push_back(word);
    } else {
      replaced.push_back(std::move(ascii));
      doc.words.push_back(replaced.back());
    }
  }
  for (const Sentence& s : analysis->sentences) {
    doc.sentence_begin.push_back(s.first_token);
  }
  // 2. Tag.
  std::vector<int> labels;
  impl_->tagger.Tag(doc, &labels);
  // 3. Mentions and the document-level rules.
  internal::AppendMentions(text, doc.words, labels, analysis);
}

std::string NormalizeMentionName(std::string_view surface, EntityType type) {
  // Collapse white space.
  std::string name;
  bool space = false;
  for (const char c : surface) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !name.empty();
      continue;
    }
    if (space) {
      name.push_back(' ');
      space = false;
    }
    name.push_back(c);
  }
  const auto strip_prefix = [&](std::string_view p) {
    if (name.size() > p.size() && name.compare(0, p.size(), p) == 0) {
      name.erase(0, p.size());
      return true;
    }
    return false;
  };
  const auto strip_suffix = [&](std::string_view p) {
    if (name.size() > p.size() &&
        name.compare(name.size() - p.size(), p.size(), p) == 0) {
      name.erase(name.size() - p.size());
      return true;
    }
    return false;
  };
  for (bool changed = true; changed;) {
    changed = strip_prefix("\"") || strip_prefix("'") ||
              strip_prefix("\xE2\x80\x9C") || strip_prefix("\xE2\x80\x98") ||
              strip_prefix("the ") || strip_prefix("The ") ||
              strip_suffix("\"") || strip_suffix("\xE2\x80\x9D") ||
              strip_suffix(" 's") || strip_suffix("'s") ||
              strip_suffix(" \xE2\x80\x99s") || strip_suffix("\xE2\x80\x99s") ||
              strip_suffix(",") || strip_suffix(" '") || strip_suffix("'");
    if (type == EntityType::kPerson) {
      for (std::string_view title : {"Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Prof. ",
                                     "Mr ", "Mrs ", "Ms ", "Dr ", "Sir "}) {
        changed = strip_prefix(title) || changed;
      }
    }
  }
  return name;
}

}  // namespace dossier::indexer
