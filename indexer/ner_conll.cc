#include "indexer/ner_conll.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace dossier::indexer {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

struct Chunk {
  std::size_t begin;
  std::size_t end;
  std::string_view type;
  bool operator<(const Chunk& o) const {
    return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type);
  }
};

// Splits "B-PER" into ('B', "PER"); "O" into ('O', ""); "PER" into ('I',
// "PER") as conlleval does for raw types.
std::pair<char, std::string_view> SplitTag(std::string_view tag) {
  if (tag.empty() || tag == "O") {
    return {'O', {}};
  }
  if (tag.size() > 2 && tag[1] == '-') {
    return {tag[0], tag.substr(2)};
  }
  return {'I', tag};
}

std::vector<Chunk> Chunks(const std::vector<std::string_view>& tags) {
  std::vector<Chunk> chunks;
  std::size_t start = 0;
  std::string_view type;
  bool open = false;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    const auto [prefix, t] =
        i < tags.size() ? SplitTag(tags[i]) : std::pair<char, std::string_view>{'O', {}};
    const bool starts = prefix == 'B' || prefix == 'S' ||
                        (prefix != 'O' && (!open || t != type));
    const bool continues = open && !starts && prefix != 'O' && t == type;
    if (open && !continues) {
      chunks.push_back({start, i, type});
      open = false;
    }
    if (starts) {
      open = true;
      start = i;
      type = t;
    }
  }
  return chunks;
}

ChunkCounts& CountsFor(std::string_view type, NerScore* score) {
  for (std::size_t k = 0; k < score->types.size(); ++k) {
    if (score->types[k] == type) {
      return score->per_type[k];
    }
  }
  score->types.emplace_back(type);
  score->per_type.emplace_back();
  return score->per_type.back();
}

}  // namespace

double ChunkCounts::precision() const {
  return predicted == 0 ? 0.0 : 100.0 * static_cast<double>(correct) /
                                    static_cast<double>(predicted);
}
double ChunkCounts::recall() const {
  return gold == 0 ? 0.0 : 100.0 * static_cast<double>(correct) /
                               static_cast<double>(gold);
}
double ChunkCounts::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

Result<std::vector<ConllDocument>> ReadConllFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot open " + path);
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return Status::IOError("cannot read " + path);
  }
  return ParseConll(buffer.str(), path);
}

Result<std::vector<ConllDocument>> ParseConll(std::string_view text,
                                              std::string_view name) {
  std::vector<ConllDocument> docs;
  bool sentence_open = false;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    const bool docstart = line.substr(0, 10) == "-DOCSTART-";
    if (docs.empty() || (docstart && !docs.back().words.empty())) {
      docs.emplace_back();
      sentence_open = false;
    }
    ConllDocument& doc = docs.back();
    doc.lines.emplace_back(line);
    if (docstart) {
      continue;
    }
    if (IsBlank(line)) {
      sentence_open = false;
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      return Status::InvalidInput(std::string(name) + ":" +
                                  std::to_string(line_no) +
                                  ": expected a token in the first column, "
                                  "got white space");
    }
    const std::size_t first_end = line.find_first_of(" \t");
    const std::size_t last_begin = line.find_last_of(" \t");
    if (!sentence_open) {
      doc.sentence_begin.push_back(static_cast<std::uint32_t>(doc.words.size()));
      sentence_open = true;
    }
    doc.token_lines.push_back(static_cast<std::uint32_t>(doc.lines.size() - 1));
    doc.words.emplace_back(line.substr(0, first_end));
    doc.gold.emplace_back(first_end == std::string_view::npos
                              ? std::string_view()
                              : line.substr(last_begin + 1));
  }
  return docs;
}

void AppendConllWithTags(const ConllDocument& doc,
                         const std::vector<std::string>& tags,
                         std::string* out) {
  std::size_t next_token = 0;
  for (std::size_t l = 0; l < doc.lines.size(); ++l) {
    out->append(doc.lines[l]);
    if (next_token < doc.token_lines.size() &&
        doc.token_lines[next_token] == l) {
      out->push_back(' ');
      out->append(tags[next_token]);
      ++next_token;
    }
    out->push_back('\n');
  }
}

void ScoreSentence(const std::vector<std::string_view>& gold,
                   const std::vector<std::string_view>& predicted,
                   NerScore* score) {
  for (std::size_t i = 0; i < gold.size(); ++i) {
    score->tokens += 1;
    score->correct_tags += gold[i] == predicted[i] ? 1 : 0;
  }
  const std::vector<Chunk> g = Chunks(gold);
  const std::vector<Chunk> p = Chunks(predicted);
  const std::set<Chunk> gold_set(g.begin(), g.end());
  for (const Chunk& c : g) {
    ++CountsFor(c.type, score).gold;
    ++score->overall.gold;
  }
  for (const Chunk& c : p) {
    ++CountsFor(c.type, score).predicted;
    ++score->overall.predicted;
    if (gold_set.count(c) != 0) {
      ++CountsFor(c.type, score).correct;
      ++score->overall.correct;
    }
  }
}

}  // namespace dossier::indexer
