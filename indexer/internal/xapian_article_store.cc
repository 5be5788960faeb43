// Xapian adapter behind indexer/article_store.h.
//
// 1. DocumentBuilder turns an article and its analysis into one document,
//    its quotes in the document data; it runs on worker threads.
// 2. ArticleStore owns the WritableDatabase. Auto-flushing is turned off
//    (the pipeline commits by batch size, which bounds memory).
//
// Quotes were one document each in a second database (schema 1); at about
// eight quotes an article, adding them cost the single writer as much as
// the articles themselves, so they now ride in their article's document
// and `dossier said` picks them out of the matching articles.
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <thread>

#include "common/disk_usage.h"
#include "common/utf8.h"
#include "indexer/analyzer.h"
#include "indexer/article_store.h"
#include "indexer/doc_store.h"
#include "indexer/internal/caching_stemmer.h"
#include "indexer/internal/record_json.h"
#include "indexer/internal/xapian_errors.h"
#include "indexer/term_text.h"
#include "indexer/xapian_layout.h"

namespace dossier::indexer {

struct PreparedArticle {
  std::string id;
  Xapian::Document article;
  std::string record;  // for the DocStore
};

void PreparedArticleDeleter::operator()(PreparedArticle* prepared) const {
  std::default_delete<PreparedArticle>()(prepared);
}

namespace {

using internal::CheckSchemaVersion;
using internal::StatusFromXapian;

std::string Str(std::string_view view) {
  return std::string(view);
}

std::uint64_t Fnv1a64(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Hex64(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

// The letter that tags an entity in the facet value slot.
char FacetLetter(EntityType type, OrgKind kind) {
  switch (type) {
    case EntityType::kPerson:
      return 'P';
    case EntityType::kPlace:
      return 'L';
    case EntityType::kMisc:
      return 'M';
    case EntityType::kOrg:
      return kind == OrgKind::kCompany       ? 'C'
             : kind == OrgKind::kInstitution ? 'I'
                                             : 'O';
  }
  return 'M';
}

// An organization of a known kind has that kind's prefix only; `org:`
// searches all three (schemas/xapian_layout.md).
std::string_view EntityPrefix(EntityType type, OrgKind kind) {
  switch (type) {
    case EntityType::kPerson:
      return kPrefixPerson;
    case EntityType::kOrg:
      return kind == OrgKind::kCompany       ? kPrefixCompany
             : kind == OrgKind::kInstitution ? kPrefixInstitution
                                             : kPrefixOrg;
    case EntityType::kPlace:
      return kPrefixPlace;
    case EntityType::kMisc:
      return kPrefixMisc;
  }
  return kPrefixMisc;
}

// Pronouns and role nouns ("the company") are aliases for resolution but
// not names to search by: a name starts with an upper-case letter or digit
// and is not a pronoun.
bool IsSearchableName(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  const auto first = static_cast<unsigned char>(name.front());
  if (first < 0x80 && !std::isupper(first) && !std::isdigit(first)) {
    return false;
  }
  static const std::set<std::string, std::less<>> kPronouns = {
      "He",    "She", "It",   "They", "His", "Her", "Its",
      "Their", "Him", "Them", "We",   "I",   "You"};
  return kPronouns.count(name) == 0;
}

void AddBooleanTerm(Xapian::Document* doc, std::string_view prefix,
                    std::string_view text) {
  const std::string norm = NormalizeTermText(text);
  if (!norm.empty()) {
    doc->add_boolean_term(Str(prefix) + norm);
  }
}

void AddDateTerms(Xapian::Document* doc, std::string_view date) {
  const std::string compact = CompactDate(date);
  if (compact.empty()) {
    return;
  }
  doc->add_value(kSlotDate, compact);
  doc->add_value(kSlotMonth, Str(date.substr(0, 7)));
  doc->add_boolean_term(Str(kPrefixYear) + compact.substr(0, 4));
  doc->add_boolean_term(Str(kPrefixMonth) + compact.substr(0, 6));
  doc->add_boolean_term(Str(kPrefixDay) + compact);
}

// Adds the entity terms and the facet slot, from the resolved entities when
// the analysis has them, else from the raw mentions. Returns the facet
// entries ("<letter>:<name>") for the article's record.
std::set<std::string> AddEntityTerms(std::string_view text,
                                     const ArticleAnalysis& analysis,
                                     Xapian::Document* doc) {
  std::set<std::string> facet_entries;
  const auto add = [&](EntityType type, OrgKind kind, std::string_view name,
                       bool facet) {
    if (!IsSearchableName(name)) {
      return;
    }
    AddBooleanTerm(doc, EntityPrefix(type, kind), name);
    if (facet) {
      facet_entries.insert(std::string(1, FacetLetter(type, kind)) + ":" +
                           std::string(name));
    }
  };
  if (!analysis.entities.empty()) {
    for (const ArticleEntity& entity : analysis.entities) {
      add(entity.type, entity.org_kind, entity.name, true);
      for (const std::string& alias : entity.aliases) {
        add(entity.type, entity.org_kind, alias, false);
      }
    }
  } else {
    for (const Mention& mention : analysis.mentions) {
      if (mention.span.end > text.size()) {
        continue;
      }
      add(mention.type, mention.org_kind,
          text.substr(mention.span.begin, mention.span.size()), true);
    }
  }
  std::set<std::string> keys;
  for (const std::string& entry : facet_entries) {
    keys.insert(FacetKey(entry));
  }
  std::string facet_value;
  for (const std::string& key : keys) {
    facet_value += key;
  }
  if (!facet_value.empty()) {
    doc->add_value(kSlotEntities, facet_value);
  }
  return facet_entries;
}

// The stored form of a quote (schemas/xapian_layout.md): code point
// offsets into the article text, which the same document keeps, so no
// quote text is stored twice. Its speaker's names become terms of `doc`.
void AppendQuoteJson(const CodepointMap& cps, const Quote& quote,
                     Xapian::Document* doc, std::string* out) {
  if (!quote.speaker_name.empty()) {
    AddBooleanTerm(doc, kPrefixSpeaker, quote.speaker_name);
    std::string_view rest = quote.speaker_name;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      AddBooleanTerm(doc, kPrefixSpeakerWord, rest.substr(0, space));
      rest = space == std::string_view::npos ? "" : rest.substr(space + 1);
    }
  }
  const auto number = [&](std::size_t byte) {
    internal::AppendJsonNumber(cps.ToCodepoint(byte), out);
    out->push_back(',');
  };
  out->push_back('[');
  number(quote.content.begin);
  number(quote.content.end);
  if (quote.speaker_name.empty()) {
    out->append("null");
  } else {
    internal::AppendJsonString(quote.speaker_name, out);
  }
  out->push_back(',');
  number(quote.speaker.begin);
  number(quote.speaker.end);
  number(quote.cue.begin);
  number(quote.cue.end);
  internal::AppendJsonString(QuoteKindName(quote.kind), out);
  out->push_back(',');
  internal::AppendJsonString(quote.rule, out);
  out->push_back(']');
}

std::string NowIso() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

std::string ContentHash(const Article& article) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  // A unit separator between fields keeps ("ab","c") apart from ("a","bc").
  for (const std::string* field :
       {&article.id, &article.url, &article.title, &article.text, &article.date,
        &article.source, &article.author}) {
    hash = Fnv1a64(hash, *field);
    hash = Fnv1a64(hash, "\x1f");
  }
  hash = Fnv1a64(hash, std::to_string(kAnalysisVersion));
  return Hex64(hash);
}

struct DocumentBuilder::Impl {
  Xapian::TermGenerator generator;
  Xapian::Stem stemmer = internal::MakeCachingEnglishStem();
  // What the generator points at between articles (see Build).
  Xapian::Document detached;
};

DocumentBuilder::DocumentBuilder() : impl_(std::make_unique<Impl>()) {
  impl_->generator.set_stemmer(impl_->stemmer);
  // Stems only, with positions: phrases match on stems ("interest rates"
  // finds "interest rate"), and the index is a third smaller than with
  // STEM_SOME's second, unstemmed copy of every word.
  impl_->generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

DocumentBuilder::~DocumentBuilder() = default;

PreparedArticlePtr DocumentBuilder::Build(const Article& article,
                                          const ArticleAnalysis& analysis,
                                          std::string_view content_hash) {
  PreparedArticlePtr prepared(new PreparedArticle);
  prepared->id = article.id;
  Xapian::Document& doc = prepared->article;
  Xapian::TermGenerator& generator = impl_->generator;
  generator.set_document(doc);
  // Title words: unprefixed with extra weight so they rank above body
  // words, and prefixed for title: searches.
  generator.index_text(article.title, kTitleWeight);
  generator.increase_termpos();
  generator.index_text(article.title, 1, Str(kPrefixTitle));
  generator.increase_termpos();
  generator.index_text(article.text);
  // The generator holds a reference to the document it fills, and Xapian
  // counts references without atomics: left in place, the next article's
  // set_document would drop it on this thread while the writer thread
  // adds the document, and the race crashed the writer (about one
  // index run of 6,000 articles in a hundred, under load).
  generator.set_document(impl_->detached);

  doc.add_boolean_term(Str(kPrefixId) + article.id);
  AddBooleanTerm(&doc, kPrefixSource, article.source);
  AddBooleanTerm(&doc, kPrefixAuthor, article.author);
  if (!article.source.empty()) {
    doc.add_value(kSlotSource, article.source);
  }
  AddDateTerms(&doc, article.date);
  doc.add_value(kSlotHash, Str(content_hash));
  const std::set<std::string> facets =
      AddEntityTerms(article.text, analysis, &doc);

  // The record, keys in order (internal/record_json.h).
  std::string& record = prepared->record;
  record.reserve(article.text.size() + article.title.size() + 512);
  const auto field = [&](std::string_view key, std::string_view value) {
    record.append(key);
    internal::AppendJsonString(value, &record);
  };
  field("{\"author\":", article.author);
  field(",\"date\":", article.date);
  if (!facets.empty()) {
    record.append(",\"facets\":[");
    for (const std::string& facet : facets) {
      if (record.back() != '[') {
        record.push_back(',');
      }
      internal::AppendJsonString(facet, &record);
    }
    record.push_back(']');
  }
  field(",\"id\":", article.id);
  if (!analysis.quotes.empty()) {
    const CodepointMap cps(article.text);
    record.append(",\"quotes\":[");
    for (const Quote& quote : analysis.quotes) {
      if (record.back() != '[') {
        record.push_back(',');
      }
      AppendQuoteJson(cps, quote, &doc, &record);
    }
    record.push_back(']');
    doc.add_boolean_term(Str(kTermHasQuotes));
    doc.add_value(kSlotQuoteCount, std::to_string(analysis.quotes.size()));
  }
  field(",\"source\":", article.source);
  field(",\"text\":", article.text);
  field(",\"title\":", article.title);
  field(",\"url\":", article.url);
  record.push_back('}');
  // The record lives in the DocStore; the index keeps the key to it.
  doc.set_data(article.id);
  return prepared;
}

struct ArticleStore::Impl {
  std::filesystem::path db_dir;
  std::string articles_path;
  // Writable when opened kReadWrite; `articles` then aliases it.
  std::optional<Xapian::WritableDatabase> articles_writer;
  Xapian::Database articles;
  // Opened with the writer; on first use when read-only.
  std::unique_ptr<DocStore> docs;

  Result<DocStore*> Docs() {
    if (docs == nullptr) {
      Result<std::unique_ptr<DocStore>> opened =
          DocStore::Open(db_dir, articles_writer.has_value());
      if (!opened.has_value()) {
        return opened.error();
      }
      docs = std::move(*opened);
    }
    return docs.get();
  }
};

namespace {

Result<Xapian::WritableDatabase> OpenWritable(const std::string& path) {
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    if (db.get_metadata(Str(kSchemaVersionKey)).empty() &&
        db.get_doccount() == 0) {
      db.set_metadata(Str(kSchemaVersionKey),
                      std::to_string(kXapianSchemaVersion));
    }
    Status version = CheckSchemaVersion(db, path);
    if (!version.ok()) {
      return version;
    }
    return db;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, path);
  }
}

// Compaction writes <path>.compact, then renames <path> to <path>.old and
// <path>.compact to <path>. Finishes or undoes a swap a crash interrupted.
Status RecoverCompaction(const std::string& path) {
  std::error_code ec;
  const std::string old_path = path + ".old";
  if (!std::filesystem::exists(path) && std::filesystem::exists(old_path)) {
    std::filesystem::rename(old_path, path, ec);
  }
  std::filesystem::remove_all(old_path, ec);
  std::filesystem::remove_all(path + ".compact", ec);
  if (ec) {
    return Status::IOError("cannot recover an interrupted compaction of " +
                           path + ": " + ec.message());
  }
  return Status::Ok();
}

Status CompactOne(const std::string& path) {
  const std::string tmp = path + ".compact";
  const std::string old_path = path + ".old";
  try {
    // FULL packs every block: bulk loads are followed by few updates.
    Xapian::Database(path).compact(tmp, Xapian::Compactor::FULL);
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, path);
  }
  std::error_code ec;
  std::filesystem::rename(path, old_path, ec);
  if (!ec) {
    std::filesystem::rename(tmp, path, ec);
  }
  if (ec) {
    return Status::IOError("cannot swap in the compacted " + path + ": " +
                           ec.message());
  }
  std::filesystem::remove_all(old_path, ec);
  return Status::Ok();
}

}  // namespace

Status ArticleStore::Compact() {
  if (!impl_->articles_writer) {
    return Status::Internal("ArticleStore::Compact on a read-only store");
  }
  DOSSIER_RETURN_IF_ERROR(Commit());
  try {
    impl_->articles_writer->close();
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
  // The records compact beside the index: two single-threaded jobs.
  Status records_compacted;
  std::thread records([&] { records_compacted = impl_->docs->Compact(); });
  Status index_compacted = CompactOne(impl_->articles_path);
  records.join();
  DOSSIER_RETURN_IF_ERROR(index_compacted);
  DOSSIER_RETURN_IF_ERROR(records_compacted);
  Result<Xapian::WritableDatabase> articles =
      OpenWritable(impl_->articles_path);
  if (!articles.has_value()) {
    return articles.error();
  }
  impl_->articles_writer.emplace(std::move(*articles));
  impl_->articles = *impl_->articles_writer;
  return Status::Ok();
}

Result<std::unique_ptr<ArticleStore>> ArticleStore::Open(
    const std::filesystem::path& db_dir, OpenMode mode) {
  auto impl = std::make_unique<Impl>();
  impl->db_dir = db_dir;
  impl->articles_path = (db_dir / kArticlesSubdir).string();
  if (mode == OpenMode::kReadWrite) {
    std::error_code ec;
    std::filesystem::create_directories(db_dir, ec);
    if (ec) {
      return Status::IOError("cannot create " + db_dir.string() + ": " +
                             ec.message());
    }
    // Xapian reads its auto-commit threshold only from the environment; the
    // pipeline commits by batch size instead, so switch auto-commit off.
    setenv("XAPIAN_FLUSH_THRESHOLD", "100000000", 1);
    DOSSIER_RETURN_IF_ERROR(RecoverCompaction(impl->articles_path));
    Result<Xapian::WritableDatabase> articles =
        OpenWritable(impl->articles_path);
    if (!articles.has_value()) {
      return articles.error();
    }
    impl->articles_writer.emplace(std::move(*articles));
    impl->articles = *impl->articles_writer;
    Result<DocStore*> docs = impl->Docs();
    if (!docs.has_value()) {
      return docs.error();
    }
  } else {
    if (!std::filesystem::exists(impl->articles_path)) {
      return Status::NotFound("no dossier database at " + db_dir.string() +
                              " (run dossier index first)");
    }
    try {
      impl->articles = Xapian::Database(impl->articles_path);
      DOSSIER_RETURN_IF_ERROR(
          CheckSchemaVersion(impl->articles, impl->articles_path));
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, impl->articles_path);
    }
  }
  std::unique_ptr<ArticleStore> store(new ArticleStore(std::move(impl)));
  if (mode == OpenMode::kReadWrite) {
    // A run that crashed between its two record writes left records of
    // versions the index never took, or no longer names: drop them.
    Result<std::uint64_t> swept = store->impl_->docs->KeepIndexedVersions(
        [&store](std::string_view id) { return store->StoredHash(id); });
    if (!swept.has_value()) {
      return swept.error();
    }
  }
  return store;
}

ArticleStore::ArticleStore(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

ArticleStore::~ArticleStore() = default;

Result<std::optional<std::string>> ArticleStore::StoredHash(
    std::string_view id) {
  try {
    const std::string term = Str(kPrefixId) + Str(id);
    Xapian::PostingIterator it = impl_->articles.postlist_begin(term);
    if (it == impl_->articles.postlist_end(term)) {
      return std::optional<std::string>();
    }
    return std::optional<std::string>(
        impl_->articles.get_document(*it).get_value(kSlotHash));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
}

Result<std::optional<Article>> ArticleStore::LoadArticle(std::string_view id) {
  try {
    const std::string term = Str(kPrefixId) + Str(id);
    Xapian::PostingIterator it = impl_->articles.postlist_begin(term);
    if (it == impl_->articles.postlist_end(term)) {
      return std::optional<Article>();
    }
    Result<DocStore*> docs = impl_->Docs();
    if (!docs.has_value()) {
      return docs.error();
    }
    Result<std::optional<std::string>> record =
        internal::RecordOf(**docs, impl_->articles.get_document(*it));
    if (!record.has_value()) {
      return record.error();
    }
    if (!record->has_value()) {
      return Status::Corruption("article " + Str(id) + " is indexed but has "
                                "no record in " +
                                (impl_->db_dir / kDocsSubdir).string());
    }
    const nlohmann::json data = nlohmann::json::parse(**record, nullptr, false);
    if (!data.is_object()) {
      return Status::Corruption("stored data of article " + Str(id) +
                                " is not a JSON object");
    }
    const auto field = [&](const char* name) {
      const auto f = data.find(name);
      return f != data.end() && f->is_string() ? f->get<std::string>()
                                               : std::string();
    };
    Article article;
    article.id = field("id");
    article.url = field("url");
    article.title = field("title");
    article.text = field("text");
    article.date = field("date");
    article.source = field("source");
    article.author = field("author");
    article.origin = impl_->articles_path;
    return std::optional<Article>(std::move(article));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
}

Result<PutOutcome> ArticleStore::Put(PreparedArticlePtr prepared) {
  if (!impl_->articles_writer) {
    return Status::Internal("ArticleStore::Put on a read-only store");
  }
  try {
    const std::string id_term = Str(kPrefixId) + prepared->id;
    // Replacing by document id, not by unique term: Xapian's
    // replace_document(term) goes through a generic path that dominated
    // indexing time in profiles, and a new article needs no lookup at all.
    Xapian::PostingIterator existing =
        impl_->articles_writer->postlist_begin(id_term);
    const bool existed =
        existing != impl_->articles_writer->postlist_end(id_term);
    const std::string version = prepared->article.get_value(kSlotHash);
    impl_->docs->StagePut(prepared->id, version, std::move(prepared->record));
    if (existed) {
      // The old version's record goes once the index no longer names it.
      const std::string old_version =
          impl_->articles_writer->get_document(*existing).get_value(kSlotHash);
      if (old_version != version) {
        impl_->docs->StageDelete(prepared->id, old_version);
      }
      impl_->articles_writer->replace_document(*existing, prepared->article);
      return PutOutcome::kReplaced;
    }
    impl_->articles_writer->add_document(prepared->article);
    return PutOutcome::kAdded;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
}

Result<bool> ArticleStore::Delete(std::string_view id) {
  if (!impl_->articles_writer) {
    return Status::Internal("ArticleStore::Delete on a read-only store");
  }
  try {
    const std::string id_term = Str(kPrefixId) + Str(id);
    Xapian::PostingIterator existing =
        impl_->articles_writer->postlist_begin(id_term);
    if (existing == impl_->articles_writer->postlist_end(id_term)) {
      return false;
    }
    const std::string version =
        impl_->articles_writer->get_document(*existing).get_value(kSlotHash);
    impl_->articles_writer->delete_document(id_term);
    impl_->docs->StageDelete(id, version);
    return true;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
}

Status ArticleStore::Commit() {
  if (!impl_->articles_writer) {
    return Status::Ok();
  }
  // Records before the index, removals after it (see doc_store.h).
  DOSSIER_RETURN_IF_ERROR(impl_->docs->WriteStagedPuts());
  try {
    impl_->articles_writer->set_metadata(Str(kLastUpdateKey), NowIso());
    impl_->articles_writer->commit();
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
  return impl_->docs->WriteStagedDeletes();
}

Result<StoreStats> ArticleStore::Stats() {
  try {
    StoreStats stats;
    stats.articles = impl_->articles.get_doccount();
    for (Xapian::ValueIterator it =
             impl_->articles.valuestream_begin(kSlotQuoteCount);
         it != impl_->articles.valuestream_end(kSlotQuoteCount); ++it) {
      stats.quotes += std::strtoull((*it).c_str(), nullptr, 10);
    }
    stats.index_bytes = DiskUsage(impl_->articles_path);
    Result<DocStore*> docs = impl_->Docs();
    if (!docs.has_value()) {
      return docs.error();
    }
    stats.records_bytes = (*docs)->SizeBytes();
    stats.size_bytes = stats.index_bytes + stats.records_bytes;
    stats.last_update = impl_->articles.get_metadata(Str(kLastUpdateKey));
    return stats;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
}

Status ArticleStore::ForEachArticle(
    const std::function<void(std::string_view, std::string_view)>& fn) {
  try {
    const std::string prefix = Str(kPrefixId);
    for (Xapian::TermIterator term = impl_->articles.allterms_begin(prefix);
         term != impl_->articles.allterms_end(prefix); ++term) {
      const std::string id_term = *term;
      Xapian::PostingIterator post = impl_->articles.postlist_begin(id_term);
      if (post == impl_->articles.postlist_end(id_term)) {
        continue;
      }
      const std::string hash =
          impl_->articles.get_document(*post).get_value(kSlotHash);
      fn(std::string_view(id_term).substr(prefix.size()), hash);
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, impl_->articles_path);
  }
}

}  // namespace dossier::indexer
