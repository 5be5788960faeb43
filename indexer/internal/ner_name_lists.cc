#include "indexer/internal/ner_name_lists.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string_view>

namespace dossier::indexer::internal {
namespace {

constexpr int kPer = 0;
constexpr int kOrg = 1;
constexpr int kLoc = 2;
constexpr int kMisc = 3;

// WordNet lexicographer files (lexnames(5WN)).
constexpr int kLexGroup = 14;
constexpr int kLexLocation = 15;
constexpr int kLexPerson = 18;

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// "Abraham_Lincoln" / "Korea North" -> "Abraham Lincoln": words separated
// by single spaces, a comma its own token.
std::string Phrase(std::string_view raw) {
  std::string out;
  for (const char c : raw) {
    if (c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') {
        out.push_back(' ');
      }
    } else if (c == ',') {
      if (!out.empty() && out.back() != ' ') {
        out.push_back(' ');
      }
      out += ", ";
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

// One synset line of data.noun: "offset lex_filenum n w_cnt word lex_id ...
// p_cnt ptr... | gloss". Adds its names.
void AddSynset(std::string_view line, NameList* out) {
  std::istringstream in{std::string(line.substr(0, line.find('|')))};
  std::string offset, pos, count_hex;
  int lex = 0;
  in >> offset >> lex >> pos >> count_hex;
  if (!in || (lex != kLexGroup && lex != kLexLocation && lex != kLexPerson)) {
    return;
  }
  const int words = std::stoi(count_hex, nullptr, 16);
  std::vector<std::string> names;
  for (int i = 0; i < words; ++i) {
    std::string word, lex_id;
    in >> word >> lex_id;
    names.push_back(word);
  }
  int pointers = 0;
  in >> pointers;
  bool instance = false;
  for (int i = 0; i < pointers && in; ++i) {
    std::string symbol, target, target_pos, source_target;
    in >> symbol >> target >> target_pos >> source_target;
    instance = instance || symbol == "@i";
  }
  int type = -1;
  if (instance) {
    type = lex == kLexPerson ? kPer : lex == kLexLocation ? kLoc : kOrg;
  } else if (lex == kLexPerson) {
    type = kMisc;  // "Frenchman", "Republican": a kind of person, named
  }
  if (type < 0) {
    return;
  }
  for (const std::string& name : names) {
    if (!name.empty() && IsUpperAscii(name[0])) {
      out->emplace_back(Phrase(name), type);
    }
  }
}

Result<NameList> ReadWordNet(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::IOError("cannot read " + path);
  }
  NameList out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != ' ') {  // header lines start with spaces
      AddSynset(line, &out);
    }
  }
  if (out.empty()) {
    return Status::InvalidInput(path + ": no WordNet noun synsets found");
  }
  return out;
}

// "Korea, Republic of" -> "Korea"; names without the inversion unchanged.
std::string Uninverted(const std::string& name) {
  return Phrase(name.substr(0, name.find(", ")));
}

Result<NameList> ReadIsoCodes(const std::string& path, const char* list_key) {
  std::ifstream in(path);
  if (!in) {
    return Status::IOError("cannot read " + path);
  }
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains(list_key) ||
      !json[list_key].is_array()) {
    return Status::InvalidInput(path + ": expected an object with an array \"" +
                                list_key + "\"");
  }
  NameList out;
  std::set<std::string> seen;
  for (const nlohmann::json& entry : json[list_key]) {
    for (const char* field : {"name", "official_name", "common_name"}) {
      if (entry.contains(field) && entry[field].is_string()) {
        std::string name = Uninverted(entry[field].get<std::string>());
        if (!name.empty() && seen.insert(name).second) {
          out.emplace_back(std::move(name), kLoc);
        }
      }
    }
  }
  return out;
}

}  // namespace

Result<NameList> ReadNameList(const std::string& path) {
  const std::string file = std::filesystem::path(path).filename().string();
  if (!std::filesystem::exists(path)) {
    return Status::NotFound("no name list at " + path);
  }
  if (file == "data.noun") {
    return ReadWordNet(path);
  }
  if (file == "iso_3166-1.json") {
    return ReadIsoCodes(path, "3166-1");
  }
  if (file == "iso_3166-2.json") {
    return ReadIsoCodes(path, "3166-2");
  }
  return Status::InvalidInput(
      path + ": not a name list this tool reads (WordNet data.noun, "
             "iso-codes iso_3166-1.json or iso_3166-2.json)");
}

}  // namespace dossier::indexer::internal
