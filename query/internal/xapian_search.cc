// Xapian adapter behind query/search.h.
#include <xapian.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "common/utf8.h"
#include "indexer/doc_store.h"
#include "indexer/internal/xapian_errors.h"  // shared Xapian adapter helper
#include "indexer/term_text.h"
#include "indexer/xapian_layout.h"
#include "query/internal/snippet.h"
#include "query/search.h"

namespace dossier::query {
namespace {

using indexer::internal::StatusFromXapian;
namespace layout = indexer;

constexpr std::size_t kMaxFacetValues = 20;

// `field:value` -> the boolean term prefix+normalized(value).
// field:value -> the normalized value under each of the field's prefixes,
// OR-ed (org: is an organization of any kind, company or institution).
class NormalizedTermProcessor : public Xapian::FieldProcessor {
 public:
  explicit NormalizedTermProcessor(std::vector<std::string_view> prefixes)
      : prefixes_(std::move(prefixes)) {}
  Xapian::Query operator()(const std::string& value) override {
    const std::string norm = indexer::NormalizeTermText(value);
    std::vector<Xapian::Query> terms;
    for (std::string_view prefix : prefixes_) {
      terms.emplace_back(std::string(prefix) + norm);
    }
    return terms.size() == 1
               ? terms.front()
               : Xapian::Query(Xapian::Query::OP_OR, terms.begin(),
                               terms.end());
  }

 private:
  std::vector<std::string_view> prefixes_;
};

// month:2024-05 or month:202405 -> M202405.
class MonthProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    std::string digits;
    for (const char c : value) {
      if (c >= '0' && c <= '9') {
        digits.push_back(c);
      }
    }
    return Xapian::Query(std::string(layout::kPrefixMonth) + digits);
  }
};

// Counts the entity facet keys stored in kSlotEntities (layout::FacetKey),
// and remembers one document that has each key, where its name is found.
class EntityFacetSpy : public Xapian::MatchSpy {
 public:
  struct Tally {
    std::uint64_t count = 0;
    Xapian::docid example = 0;
  };

  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(layout::kSlotEntities);
    for (std::size_t pos = 0; pos + layout::kFacetKeyBytes <= value.size();
         pos += layout::kFacetKeyBytes) {
      Tally& tally = tallies_[value.substr(pos, layout::kFacetKeyBytes)];
      if (tally.count++ == 0) {
        tally.example = doc.get_docid();
      }
    }
  }
  std::string name() const override { return "dossier.EntityFacetSpy"; }
  const std::unordered_map<std::string, Tally>& tallies() const {
    return tallies_;
  }

 private:
  std::unordered_map<std::string, Tally> tallies_;
};

// The names behind facet keys, read from the records of the documents the
// spy remembered; each record is read once.
class FacetNames {
 public:
  FacetNames(Xapian::Database& db, const indexer::DocStore& docs)
      : db_(db), docs_(docs) {}

  Result<std::string> Name(const std::string& key, Xapian::docid example) {
    auto names = by_doc_.find(example);
    if (names == by_doc_.end()) {
      std::unordered_map<std::string, std::string> found;
      Result<std::optional<std::string>> record =
          indexer::internal::RecordOf(docs_, db_.get_document(example));
      if (!record.has_value()) {
        return record.error();
      }
      const nlohmann::json data =
          nlohmann::json::parse(record->value_or(""), nullptr, false);
      const auto facets = data.is_object() ? data.find("facets") : data.end();
      if (data.is_object() && facets != data.end() && facets->is_array()) {
        for (const nlohmann::json& entry : *facets) {
          if (entry.is_string()) {
            const std::string text = entry.get<std::string>();
            found.emplace(layout::FacetKey(text), text.substr(2));
          }
        }
      }
      names = by_doc_.emplace(example, std::move(found)).first;
    }
    const auto name = names->second.find(key);
    return name == names->second.end() ? std::string() : name->second;
  }

 private:
  Xapian::Database& db_;
  const indexer::DocStore& docs_;
  std::unordered_map<Xapian::docid,
                     std::unordered_map<std::string, std::string>>
      by_doc_;
};

std::vector<FacetCount> TopFacets(std::vector<FacetCount> all) {
  std::sort(all.begin(), all.end(),
            [](const FacetCount& a, const FacetCount& b) {
              return a.count != b.count ? a.count > b.count : a.value < b.value;
            });
  if (all.size() > kMaxFacetValues) {
    all.resize(kMaxFacetValues);
  }
  return all;
}

std::vector<FacetCount> ValueFacets(const Xapian::ValueCountMatchSpy& spy) {
  std::vector<FacetCount> all;
  for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end();
       ++it) {
    all.push_back({*it, it.get_termfreq()});
  }
  return TopFacets(std::move(all));
}

std::string_view FacetName(char letter) {
  switch (letter) {
    case 'P':
      return "person";
    case 'C':
      return "company";
    case 'I':
      return "institution";
    case 'O':
      return "org";
    case 'L':
      return "place";
    default:
      return "misc";
  }
}

// The top entities of each type. Names are looked up only for the keys
// that can make the top (count at least the kMaxFacetValues-th), so ties
// still order by name.
Status AddEntityFacets(const EntityFacetSpy& spy, FacetNames* names,
                       std::map<std::string, std::vector<FacetCount>>* facets) {
  using Entry = std::pair<const std::string*, const EntityFacetSpy::Tally*>;
  std::map<char, std::vector<Entry>> by_letter;
  for (const auto& [key, tally] : spy.tallies()) {
    by_letter[key[0]].push_back({&key, &tally});
  }
  for (auto& [letter, entries] : by_letter) {
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) {
                return a.second->count > b.second->count;
              });
    const std::uint64_t least =
        entries[std::min(entries.size(), kMaxFacetValues) - 1].second->count;
    std::vector<FacetCount> values;
    for (const Entry& entry : entries) {
      if (entry.second->count < least) {
        break;
      }
      Result<std::string> name = names->Name(*entry.first,
                                             entry.second->example);
      if (!name.has_value()) {
        return name.error();
      }
      if (!name->empty()) {
        values.push_back({std::move(*name), entry.second->count});
      }
    }
    (*facets)[std::string(FacetName(letter))] = TopFacets(std::move(values));
  }
  return Status::Ok();
}

void ConfigureParser(Xapian::QueryParser* parser, Xapian::Database& db) {
  parser->set_database(db);
  parser->set_stemmer(Xapian::Stem("english"));
  // The index holds stems only (see schemas/xapian_layout.md), so every
  // query word and phrase is stemmed too.
  parser->set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  // Newsroom users expect every word to count, as in web search engines.
  parser->set_default_op(Xapian::Query::OP_AND);
  parser->add_prefix("title", std::string(layout::kPrefixTitle));
  const std::pair<const char*, std::vector<std::string_view>>
      boolean_fields[] = {
          {"source", {layout::kPrefixSource}},
          {"author", {layout::kPrefixAuthor}},
          {"person", {layout::kPrefixPerson}},
          // An organization's term has the prefix of its kind only.
          {"org",
           {layout::kPrefixOrg, layout::kPrefixCompany,
            layout::kPrefixInstitution}},
          {"company", {layout::kPrefixCompany}},
          {"institution", {layout::kPrefixInstitution}},
          {"place", {layout::kPrefixPlace}},
          {"misc", {layout::kPrefixMisc}},
          {"year", {layout::kPrefixYear}},
      };
  // Xapian's intrusive reference counting takes ownership of objects
  // handed over with release(); that is the only way to pass them.
  for (const auto& [field, prefixes] : boolean_fields) {
    parser->add_boolean_prefix(
        field, (new NormalizedTermProcessor(prefixes))->release());
  }
  parser->add_boolean_prefix("month", (new MonthProcessor)->release());
  parser->add_rangeprocessor(
      (new Xapian::DateRangeProcessor(layout::kSlotDate, "date:"))->release());
}

// The query's words as the index has them: stems, with the title prefix
// dropped (title matches highlight in the body too). Boolean filter terms
// (upper-case prefixes) have nothing to highlight.
internal::SnippetTerms TermsForSnippet(const Xapian::Query& query) {
  internal::SnippetTerms terms;
  for (Xapian::TermIterator it = query.get_unique_terms_begin();
       it != query.get_unique_terms_end(); ++it) {
    std::string term = *it;
    const std::string title_prefix(layout::kPrefixTitle);
    if (term.size() > title_prefix.size() &&
        term.compare(0, title_prefix.size(), title_prefix) == 0 &&
        !(term[1] >= 'A' && term[1] <= 'Z')) {
      term.erase(0, title_prefix.size());
    }
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) {
      continue;
    }
    terms.stems.push_back(term);
  }
  return terms;
}

// A hit from the article's record (indexer/doc_store.h); only the id and
// score when the record cannot be read.
SearchHit HitFromRecord(const std::string& id, const std::string& record,
                        double score, const internal::SnippetTerms& terms,
                        std::size_t snippet_chars,
                        const Xapian::Stem& stemmer) {
  SearchHit hit;
  hit.id = id;
  hit.score = score;
  const nlohmann::json data = nlohmann::json::parse(record, nullptr,
                                                    /*allow_exceptions=*/false);
  if (!data.is_object()) {
    return hit;
  }
  const auto field = [&](const char* name) {
    const auto it = data.find(name);
    return it != data.end() && it->is_string() ? it->get<std::string>()
                                               : std::string();
  };
  hit.title = field("title");
  hit.source = field("source");
  hit.date = field("date");
  hit.url = field("url");
  hit.author = field("author");
  hit.snippet = internal::MakeSnippet(
      field("text"), terms, snippet_chars,
      [&stemmer](const std::string& word) { return stemmer(word); });
  return hit;
}

}  // namespace

Result<SearchResults> Search(const std::filesystem::path& db_dir,
                             const SearchOptions& options) {
  const std::string path = (db_dir / layout::kArticlesSubdir).string();
  if (!std::filesystem::exists(path)) {
    return Status::NotFound("no dossier database at " + db_dir.string() +
                            " (run dossier index first)");
  }
  try {
    Xapian::Database db(path);
    DOSSIER_RETURN_IF_ERROR(indexer::internal::CheckSchemaVersion(db, path));
    Xapian::QueryParser parser;
    ConfigureParser(&parser, db);
    const unsigned flags =
        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE |
        Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
        Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
    const Xapian::Query query = parser.parse_query(options.query, flags);

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (options.sort == SortOrder::kDate) {
      enquire.set_sort_by_value_then_relevance(layout::kSlotDate, true);
    }
    Xapian::ValueCountMatchSpy source_spy(layout::kSlotSource);
    Xapian::ValueCountMatchSpy month_spy(layout::kSlotMonth);
    EntityFacetSpy entity_spy;
    Xapian::doccount check_at_least = static_cast<Xapian::doccount>(
        std::max<std::uint64_t>(kExactTotalUpTo, options.offset + options.limit));
    if (options.facets) {
      enquire.add_matchspy(&source_spy);
      enquire.add_matchspy(&month_spy);
      enquire.add_matchspy(&entity_spy);
      check_at_least = db.get_doccount();
    }
    const Xapian::MSet mset = enquire.get_mset(
        static_cast<Xapian::doccount>(options.offset),
        static_cast<Xapian::doccount>(options.limit), check_at_least);

    SearchResults results;
    results.total = mset.get_matches_estimated();
    results.total_exact =
        mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    const internal::SnippetTerms terms = TermsForSnippet(query);
    const Xapian::Stem stemmer("english");
    std::unique_ptr<indexer::DocStore> docs;
    if (!mset.empty() || !entity_spy.tallies().empty()) {
      Result<std::unique_ptr<indexer::DocStore>> opened =
          indexer::DocStore::Open(db_dir, /*writable=*/false);
      if (!opened.has_value()) {
        return opened.error();
      }
      docs = std::move(*opened);
    }
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      Result<std::optional<std::string>> record =
          indexer::internal::RecordOf(*docs, doc);
      if (!record.has_value()) {
        return record.error();
      }
      results.hits.push_back(HitFromRecord(
          doc.get_data(), record->value_or(""),
          options.sort == SortOrder::kDate ? 0 : it.get_weight(), terms,
          options.snippet_chars, stemmer));
    }
    if (options.facets) {
      results.facets["source"] = ValueFacets(source_spy);
      results.facets["month"] = ValueFacets(month_spy);
      if (docs != nullptr) {  // else no match had an entity
        FacetNames names(db, *docs);
        DOSSIER_RETURN_IF_ERROR(
            AddEntityFacets(entity_spy, &names, &results.facets));
      }
    }
    return results;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, path);
  }
}

std::string RenderSnippet(const Snippet& snippet, const std::string& open,
                          const std::string& close) {
  const CodepointMap cps(snippet.text);
  std::string out;
  std::size_t pos = 0;
  for (const auto& [begin, end] : snippet.highlights) {
    const std::size_t b = cps.ToByte(begin);
    const std::size_t e = cps.ToByte(end);
    if (b < pos || e < b) {
      continue;
    }
    out.append(snippet.text, pos, b - pos);
    out += open;
    out.append(snippet.text, b, e - b);
    out += close;
    pos = e;
  }
  out.append(snippet.text, pos, std::string::npos);
  return out;
}

}  // namespace dossier::query
