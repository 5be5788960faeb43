#include "indexer/entity_recognizer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "indexer/internal/ner_embedded_model.h"
#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_model.h"
#include "indexer/internal/ner_postprocess.h"
#include "indexer/internal/ner_tagger.h"
#include "indexer/tokenizer.h"

namespace dossier::indexer {
namespace {

const EntityRecognizer& Recognizer() {
  static const std::unique_ptr<EntityRecognizer> recognizer = [] {
    Result<std::unique_ptr<EntityRecognizer>> r =
        EntityRecognizer::LoadEmbedded();
    REQUIRE_MESSAGE(r.has_value(), r.error().ToString());
    return std::move(r).value();
  }();
  return *recognizer;
}

// "name:TYPE[/KIND]" for every mention, space-separated, in text order.
std::string Render(std::string_view text) {
  ArticleAnalysis analysis;
  Tokenize(text, &analysis);
  Recognizer().Recognize(text, &analysis);
  std::string out;
  for (const Mention& m : analysis.mentions) {
    out += " ";
    out += text.substr(m.span.begin, m.span.size());
    out += ":";
    out += EntityTypeName(m.type);
    if (m.org_kind != OrgKind::kNone) {
      out += "/";
      out += OrgKindName(m.org_kind);
    }
  }
  return out + " ";
}

constexpr int kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3;

struct Tag {
  std::size_t first;  // token index
  int type;
  std::size_t length;
};

// Runs the post-processing alone on `text` with the given tagger labels;
// "name:TYPE " per mention.
std::string Postprocessed(const std::string& text,
                          const std::vector<Tag>& tags) {
  ArticleAnalysis analysis;
  Tokenize(text, &analysis);
  std::vector<std::string_view> words;
  for (const Token& t : analysis.tokens) {
    words.push_back(
        std::string_view(text).substr(t.span.begin, t.span.size()));
  }
  std::vector<int> labels(words.size(), 0);
  for (const Tag& tag : tags) {
    REQUIRE(tag.first + tag.length <= words.size());
    labels[tag.first] = internal::BeginLabel(tag.type);
    for (std::size_t k = 1; k < tag.length; ++k) {
      labels[tag.first + k] = internal::InsideLabel(tag.type);
    }
  }
  internal::AppendMentions(text, words, labels, &analysis);
  std::string out;
  for (const Mention& m : analysis.mentions) {
    out += std::string(text.substr(m.span.begin, m.span.size())) + ":" +
           std::string(EntityTypeName(m.type)) + " ";
  }
  return out;
}

}  // namespace

TEST_SUITE("indexer/EntityRecognizer") {
  TEST_CASE("The embedded model loads") {
    CHECK_FALSE(Recognizer().description().empty());
  }

  TEST_CASE("Recognize finds people, companies, institutions and places") {
    const std::string text =
        "Maria Gonzalez, co-founder of Fabrikam and the investment firm "
        "Northwind, spoke in Paris on Tuesday.\n\n"
        "Gonzalez said Microsoft and the European Commission disagreed. "
        "She holds a Ph.D. from Harvard University.";
    const std::string got = Render(text);
    CAPTURE(got);
    for (const char* expected :
         {" Maria Gonzalez:PERSON ", " Fabrikam:ORG/COMPANY ",
          " Northwind:ORG/COMPANY ", " Paris:PLACE ", " Gonzalez:PERSON ",
          " Microsoft:ORG/COMPANY ", " European Commission:ORG/INSTITUTION ",
          " Harvard University:ORG/INSTITUTION "}) {
      CHECK(got.find(expected) != std::string::npos);
    }
    CHECK(got.find("Ph.D.") == std::string::npos);
    CHECK(got.find("co-founder") == std::string::npos);
  }

  TEST_CASE("Recognize does not take a named technique for a person or ORG") {
    const std::string got =
        Render("He cited the Transformer architecture as an example.");
    CAPTURE(got);
    CHECK(got.find("Transformer:PERSON") == std::string::npos);
    CHECK(got.find("Transformer:ORG") == std::string::npos);
  }

  TEST_CASE("Recognize does not take a named chair for its holder") {
    const std::string got = Render(
        "Jane Okafor spoke at the lab. She is the Herman Feshbach Professor "
        "of Physics at the Massachusetts Institute of Technology.");
    CAPTURE(got);
    CHECK(got.find(" Jane Okafor:PERSON ") != std::string::npos);
    CHECK(got.find("Herman Feshbach:PERSON") == std::string::npos);
  }

  TEST_CASE("Recognize does not take a capitalized job title for a name") {
    // The tagger takes "Officer" here for a person (a one-word name after
    // capitalized words).
    const std::string got = Render(
        "Simon joined ip.access as Chief Executive Officer in 2008. Jane "
        "Okafor is the Group President and Chief Executive Officer of the "
        "Toronto-Dominion Bank.");
    CAPTURE(got);
    CHECK(got.find("Officer:") == std::string::npos);
    CHECK(got.find("President:") == std::string::npos);
    CHECK(got.find(" Toronto-Dominion Bank:ORG") != std::string::npos);
  }

  TEST_CASE("A stock ticker is the company's; the exchange is no entity") {
    const std::string got = Render(
        "Cathay Bank is a subsidiary of Cathay General Bancorp (NASDAQ: "
        "CATY). Shares of Apple Inc. (NYSE: AAPL) rose 3 percent.");
    CAPTURE(got);
    CHECK(got.find("NASDAQ:") == std::string::npos);
    CHECK(got.find("NYSE:") == std::string::npos);
    CHECK(got.find(" CATY:ORG/COMPANY ") != std::string::npos);
    CHECK(got.find(" AAPL:ORG/COMPANY ") != std::string::npos);
  }

  TEST_CASE("What one holds stakes in, and what a company noun describes, "
            "is a company") {
    const std::string got = Render(
        "Harbor Lane Capital was among the most active investors, with "
        "stakes in Stratus Lens in Munich and Lumen Scan in Dublin. The "
        "fund also bought a stake in China's biggest bank. The lab has spun "
        "out Lumen Scan, a startup that reads scans.");
    CAPTURE(got);
    CHECK(got.find(" Stratus Lens:ORG") != std::string::npos);
    CHECK(got.find(" Lumen Scan:ORG") != std::string::npos);
    CHECK(got.find("Lumen Scan:PERSON") == std::string::npos);
    CHECK(got.find(" Munich:PLACE ") != std::string::npos);
    CHECK(got.find(" China:PLACE ") != std::string::npos);
  }

  TEST_CASE("A legal form after a comma ends the company's name") {
    // Tokens: Kelp(0) Wisp(1) ,(2) LLC(3) is(4) small(5) .(6) Lamp(7) ,(8)
    // PC(9) makers(10) grew(11) .(12) Dune(13) ,(14) PC(15) .(16)
    const std::string text =
        "Kelp Wisp, LLC is small. Lamp, PC makers grew. Dune, PC.";
    // The tagger took the name for a person and the form for a name.
    CHECK(Postprocessed(text, {{0, kPer, 2}, {3, kOrg, 1}, {7, kOrg, 1},
                               {13, kOrg, 1}}) ==
          "Kelp Wisp, LLC:ORG Lamp:ORG Dune, PC:ORG ");
    // A legal form alone is no name.
    CHECK(Postprocessed(text, {{3, kOrg, 1}}) == "");
  }

  TEST_CASE("Honours after a name are no organisations") {
    const std::string text = "Arthur Goodhart, KBE, KC, met Lamp Wisp MP.";
    CHECK(Postprocessed(text, {{0, kPer, 2}, {3, kOrg, 1}, {5, kOrg, 1},
                               {8, kPer, 2}, {10, kOrg, 1}}) ==
          "Arthur Goodhart:PERSON Lamp Wisp:PERSON ");
  }

  TEST_CASE("A lone surname of a person named in full is that person") {
    // Labels as a tagger might give them: "Ortiz" MISC, "Reed" ORG; "Tarn"
    // stays a place, and "Lopez" also ends a company's name.
    const std::string text =
        "Sam Ortiz met Tom Reed of Lopez. Jo Lopez said that Ortiz and Reed "
        "left Tarn. Tarn Sam Lopez";
    CHECK(Postprocessed(text, {{0, kPer, 2},
                               {3, kPer, 2},
                               {6, kOrg, 1},
                               {8, kPer, 2},
                               {12, kMisc, 1},
                               {14, kOrg, 1},
                               {16, kLoc, 1},
                               {18, kOrg, 3}}) ==
          "Sam Ortiz:PERSON Tom Reed:PERSON Lopez:ORG Jo Lopez:PERSON "
          "Ortiz:PERSON Reed:PERSON Tarn:PLACE Tarn Sam Lopez:ORG ");
    // "that" after "said" opens a clause: no determiner making Ortiz MISC.
    CHECK(Postprocessed(text, {{0, kPer, 2}, {12, kPer, 1}}) ==
          "Sam Ortiz:PERSON Ortiz:PERSON ");
  }

  TEST_CASE("No mention opens with an English joiner or is punctuation") {
    for (const char* text :
         {"Gautam Adani is the founder & chairman of Adani Group.",
          "He was the founder & CEO of SoftPlus, a software firm."}) {
      const std::string got = Render(text);
      CAPTURE(got);
      CHECK(got.find(" &:") == std::string::npos);
      CHECK(got.find(" of ") == std::string::npos);
      CHECK(got.find(" and ") == std::string::npos);
    }
  }

  TEST_CASE("Names listed after 'companies including' are organisations") {
    const std::string got = Render(
        "Several AI laboratories, including Zentrix, Meta, and Quorvane, "
        "keep their models closed, while labs such as Vellumtek and Orbisal "
        "publish theirs.");
    CAPTURE(got);
    for (const char* expected :
         {" Zentrix:ORG/COMPANY ", " Meta:ORG/COMPANY ",
          " Quorvane:ORG/COMPANY ", " Vellumtek:ORG/COMPANY ",
          " Orbisal:ORG/COMPANY "}) {
      CHECK(got.find(expected) != std::string::npos);
    }
    // The listed unit of a listed organisation is one too.
    const std::string unit =
        Render("It backs labs such as Vellumtek and Zentrix's Quorbit.");
    CAPTURE(unit);
    CHECK(unit.find(" Quorbit:ORG") != std::string::npos);
    // People listed after a noun for people stay people.
    const std::string people =
        Render("Leaders such as Angela Merkel spoke in Berlin.");
    CAPTURE(people);
    CHECK(people.find(" Angela Merkel:PERSON ") != std::string::npos);
  }

  TEST_CASE("Event names keep their event word; common acronyms are trimmed") {
    const std::string got = Render(
        "Maria Gonzalez told the recent Cerebral Valley AI Summit that U.S. "
        "AI labs should publish more.");
    CAPTURE(got);
    CHECK(got.find(" Cerebral Valley AI Summit:MISC ") != std::string::npos);
    CHECK(got.find(" U.S.:PLACE ") != std::string::npos);
    CHECK(got.find("U.S. AI") == std::string::npos);
  }

  TEST_CASE("Recognize reads university short names in academic sentences") {
    const std::string got = Render(
        "Researchers at institutions such as Stanford and Yale published "
        "the study.");
    CAPTURE(got);
    CHECK(got.find(" Stanford:ORG/INSTITUTION ") != std::string::npos);
  }

  TEST_CASE(
      "Recognize keeps only body-confirmed names in Title Case headlines") {
    const std::string text =
        "Fabrikam Founder Warns Over Chip Supply Shift\n\n"
        "Maria Gonzalez, co-founder of Fabrikam, warned of a shortage.";
    const std::string got = Render(text);
    CAPTURE(got);
    CHECK(got.rfind(" Fabrikam:ORG/COMPANY Maria Gonzalez:PERSON", 0) == 0);
    CHECK(got.find("Founder") == std::string::npos);
    CHECK(got.find("Chip") == std::string::npos);
  }

  TEST_CASE("Recognize gives ordered, non-overlapping token-aligned spans") {
    const std::string text =
        "\xE2\x80\x9CWe will grow,\xE2\x80\x9D said Ren\xC3\xA9 Dubois of "
        "Contoso Ltd. in Z\xC3\xBCrich.";
    ArticleAnalysis analysis;
    Tokenize(text, &analysis);
    Recognizer().Recognize(text, &analysis);
    REQUIRE_FALSE(analysis.mentions.empty());
    std::uint32_t last_end = 0;
    for (const Mention& m : analysis.mentions) {
      CHECK(m.span.begin >= last_end);
      CHECK(m.span.end > m.span.begin);
      bool begins_token = false;
      bool ends_token = false;
      for (const Token& t : analysis.tokens) {
        begins_token = begins_token || t.span.begin == m.span.begin;
        ends_token = ends_token || t.span.end == m.span.end;
      }
      CHECK(begins_token);
      CHECK(ends_token);
      CHECK((m.type == EntityType::kOrg) == (m.org_kind != OrgKind::kNone));
      last_end = m.span.end;
    }
    CHECK(Render(text).find(" Ren\xC3\xA9 Dubois:PERSON ") !=
          std::string::npos);
  }

  TEST_CASE("Recognize gives the same mentions on several threads at once") {
    // Each thread reuses its own scratch buffers, alternating a long and a
    // short article so that buffers shrink and grow between calls.
    const std::string short_text =
        "Andy Konwinski, co-founder of Databricks, spoke in Berlin.";
    std::string long_text;
    for (int k = 0; k < 30; ++k) {
      long_text +=
          "Microsoft and Alibaba met officials of the European Commission in "
          "Brussels on Monday. Satya Nadella said the talks went well. ";
    }
    const std::string expected_short = Render(short_text);
    const std::string expected_long = Render(long_text);
    REQUIRE(expected_short.find(":PERSON") != std::string::npos);
    REQUIRE(expected_long.find(":PLACE") != std::string::npos);
    constexpr int kThreads = 4;
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < 10; ++round) {
          const bool long_first = (round + t) % 2 == 0;
          const std::string& first = long_first ? long_text : short_text;
          const std::string& second = long_first ? short_text : long_text;
          mismatches[t] +=
              Render(first) != (long_first ? expected_long : expected_short);
          mismatches[t] +=
              Render(second) != (long_first ? expected_short : expected_long);
        }
      });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    for (int t = 0; t < kThreads; ++t) {
      CAPTURE(t);
      CHECK(mismatches[t] == 0);
    }
  }

  TEST_CASE(
      "Recognize still works after a document too large to keep buffers for") {
    const std::string small =
        "Andy Konwinski, co-founder of Databricks, spoke in Berlin.";
    const std::string before = Render(small);
    std::string huge;
    for (int k = 0; k < 7000; ++k) {  // 10 words each: past the 65,536 kept
      huge += "Satya Nadella of Microsoft flew to Berlin on Monday. ";
    }
    ArticleAnalysis analysis;
    Tokenize(huge, &analysis);
    REQUIRE(analysis.tokens.size() > 65536);
    Recognizer().Recognize(huge, &analysis);
    CHECK(analysis.mentions.size() >= 7000 * 3);
    CHECK(Render(small) == before);
  }

  TEST_CASE("Tagging with one model leaves nothing behind for the next") {
    // A model without features tags every word O; a row remembered from the
    // embedded model would make it find names.
    internal::Model blank_model;
    blank_model.index.Reserve(0);
    Result<std::unique_ptr<EntityRecognizer>> blank =
        EntityRecognizer::FromBytes(internal::SerializeModel(blank_model));
    REQUIRE(blank.has_value());
    const std::string text =
        "Andy Konwinski, co-founder of Databricks, spoke in Berlin.";
    const std::string before = Render(text);
    REQUIRE(before.find(":PERSON") != std::string::npos);
    ArticleAnalysis analysis;
    Tokenize(text, &analysis);
    (*blank)->Recognize(text, &analysis);
    CHECK(analysis.mentions.empty());
    CHECK(Render(text) == before);
  }

  TEST_CASE("Recognize adds nothing for an empty analysis") {
    ArticleAnalysis analysis;
    Recognizer().Recognize("", &analysis);
    CHECK(analysis.mentions.empty());
  }

  TEST_CASE("TagWords gives one valid BIO tag per word") {
    const std::vector<std::string_view> words = {
        "U.N.",    "official", "Ekeus", "heads",    "for",
        "Baghdad", ".",        "Peter", "Blackburn"};
    const std::vector<std::string> tags = Recognizer().TagWords(words, {0, 7});
    REQUIRE(tags.size() == words.size());
    CHECK(tags[5] == "B-LOC");
    CHECK(tags[7] == "B-PER");
    CHECK(tags[8] == "I-PER");
    CHECK(tags[1] == "O");
    for (std::size_t i = 0; i < tags.size(); ++i) {
      if (tags[i][0] == 'I') {
        REQUIRE(i > 0);
        CHECK(tags[i - 1].substr(2) == tags[i].substr(2));
      }
    }
  }

  TEST_CASE("Loading refuses missing, corrupt and wrong-version models") {
    const Result<std::unique_ptr<EntityRecognizer>> missing =
        EntityRecognizer::Load("/nonexistent/ner.model");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code() == StatusCode::kNotFound);

    const Result<std::unique_ptr<EntityRecognizer>> garbage =
        EntityRecognizer::FromBytes("not a model at all, clearly");
    REQUIRE_FALSE(garbage.has_value());
    CHECK(garbage.error().code() == StatusCode::kCorruption);
    CHECK(garbage.error().message() ==
          "NER model: not a dossier NER model (bad magic)");

    const std::string bytes(internal::EmbeddedNerModel());
    REQUIRE(bytes.size() > 100);
    const Result<std::unique_ptr<EntityRecognizer>> truncated =
        EntityRecognizer::FromBytes(
            std::string_view(bytes).substr(0, bytes.size() / 2));
    REQUIRE_FALSE(truncated.has_value());
    CHECK(truncated.error().code() == StatusCode::kCorruption);

    std::string flipped = bytes;
    flipped[bytes.size() / 2] =
        static_cast<char>(flipped[bytes.size() / 2] ^ 1);
    const Result<std::unique_ptr<EntityRecognizer>> bad_sum =
        EntityRecognizer::FromBytes(flipped);
    REQUIRE_FALSE(bad_sum.has_value());
    CHECK(bad_sum.error().message() == "NER model: checksum mismatch");

    std::string newer = bytes;
    newer[8] = static_cast<char>(newer[8] + 1);  // version field
    const Result<std::unique_ptr<EntityRecognizer>> version =
        EntityRecognizer::FromBytes(newer);
    REQUIRE_FALSE(version.has_value());
    CHECK(version.error().code() == StatusCode::kNotSupported);
  }

  TEST_CASE(
      "NormalizeMentionName strips quotes, articles, titles, possessives") {
    struct Case {
      const char* surface;
      EntityType type;
      const char* expected;
    };
    const Case cases[] = {
        {"the Laude  Institute's", EntityType::kOrg, "Laude Institute"},
        {"Mr. Konwinski", EntityType::kPerson, "Konwinski"},
        {"Mr. Konwinski", EntityType::kOrg, "Mr. Konwinski"},
        {"\xE2\x80\x9C"
         "Fabrikam\xE2\x80\x9D",
         EntityType::kOrg, "Fabrikam"},
        {"Alibaba\xE2\x80\x99s", EntityType::kOrg, "Alibaba"},
        {"The Hague", EntityType::kPlace, "Hague"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.surface);
      CHECK(NormalizeMentionName(c.surface, c.type) == c.expected);
    }
  }
}

TEST_SUITE("indexer/internal/ner") {
  TEST_CASE("FeatureIndex finds every inserted key and no other") {
    internal::FeatureIndex index;
    CHECK(index.Find(7) == -1);  // nothing reserved yet
    constexpr int kKeys = 5000;
    index.Reserve(kKeys);
    const auto key_of = [](int k) {
      return internal::HashCombine(0x5eed, static_cast<std::uint64_t>(k));
    };
    for (int k = 0; k < kKeys; ++k) {
      index.Insert(key_of(k), k);
    }
    CHECK(index.size() == static_cast<std::size_t>(kKeys));
    int wrong = 0;
    int found_absent = 0;
    for (int k = 0; k < kKeys; ++k) {
      wrong += index.Find(key_of(k)) != k;
      found_absent += index.Find(key_of(k + kKeys)) != -1;
    }
    CHECK(wrong == 0);
    CHECK(found_absent == 0);
    CHECK(index.Find(0) == -1);
    // 0 is a key like any other, found and visited.
    internal::FeatureIndex with_zero;
    with_zero.Reserve(2);
    with_zero.Insert(0, 5);
    with_zero.Insert(9, 6);
    CHECK(with_zero.Find(0) == 5);
    CHECK(with_zero.Find(9) == 6);
    std::vector<std::pair<std::uint64_t, std::int32_t>> visited;
    with_zero.ForEach([&](std::uint64_t key, std::int32_t row) {
      visited.emplace_back(key, row);
    });
    std::sort(visited.begin(), visited.end());
    CHECK(visited ==
          std::vector<std::pair<std::uint64_t, std::int32_t>>{{0, 5}, {9, 6}});
  }

  TEST_CASE(
      "WordBlockTable tells words apart even when their hashes are equal") {
    internal::WordBlockTable table;
    table.Reset(4);
    table.Insert("Apple", 42, 0);
    table.Insert("apple", 42, 1);
    table.Insert("", 7, 2);
    CHECK(table.Find("Apple", 42) == 0);
    CHECK(table.Find("apple", 42) == 1);
    CHECK(table.Find("", 7) == 2);
    CHECK(table.Find("APPLE", 42) == -1);
    CHECK(table.Find("Apple", 43) == -1);
    table.Reset(4);
    CHECK(table.Find("Apple", 42) == -1);
  }

  TEST_CASE("IsTitleCase counts words of four letters and more") {
    const auto title_case = [](std::vector<std::string_view> words) {
      return internal::IsTitleCase(words, 0, words.size());
    };
    // Short words, capitalized or not, do not count either way.
    CHECK(title_case(
        {"Bank", "of", "the", "Year", "Wins", "Over", "a", "Rival"}));
    CHECK(title_case({"Team", "Wins", "Cup", "Again", "at", "Home"}));
    // Three in four long words capitalized, at least four long words.
    CHECK(title_case({"Bank", "Year", "Wins", "over"}));
    CHECK_FALSE(title_case({"Bank", "Year", "wins", "over"}));
    CHECK_FALSE(title_case({"Bank", "Year", "Wins", "A", "B", "C", "D"}));
    // All capitals is a shout, not Title Case; digits are no letters.
    CHECK_FALSE(title_case({"BANK", "YEAR", "WINS", "OVER"}));
    CHECK_FALSE(title_case({"Bank", "Year", "Wins", "2024"}));
  }

  TEST_CASE("IndexGazetteer finds every listed hash and nothing else") {
    internal::Gazetteer listed;
    // Hashes alike in their low bits; 0 is a hash like any other.
    for (std::uint64_t k = 0; k < 40; ++k) {
      listed[k << 40] = static_cast<std::uint8_t>(k % 16 + 1);
    }
    listed[0] = internal::kGazPrefixBit;
    const internal::FeatureIndex index = internal::IndexGazetteer(listed);
    for (const auto& [hash, bits] : listed) {
      CAPTURE(hash);
      CHECK(index.Find(hash) == bits);
    }
    CHECK(index.Find(1) == -1);
    CHECK(index.Find(std::uint64_t{41} << 40) == -1);
    CHECK(internal::IndexGazetteer(internal::Gazetteer{}).Find(0) == -1);
  }

  TEST_CASE("BuildDocContext marks the phrases of the gazetteer") {
    internal::NerDocument doc;
    doc.words = {"The", "Bank", "of", "England", "met", "Bank", "."};
    doc.sentence_begin = {0};
    internal::Gazetteer gazetteer;
    // "bank of england" an organization; its prefixes keep the match going.
    gazetteer[internal::PhraseHash(doc.words, 1, 2)] = internal::kGazPrefixBit;
    gazetteer[internal::PhraseHash(doc.words, 1, 3)] = internal::kGazPrefixBit;
    gazetteer[internal::PhraseHash(doc.words, 1, 4)] = 1 << 1;  // ORG
    internal::DocContext context;
    BuildDocContext(doc, internal::IndexGazetteer(gazetteer), &context);
    CHECK(context.gazetteer ==
          std::vector<std::uint8_t>{0, 1 << 1, 1 << 5, 1 << 5, 0, 0, 0});
  }

  TEST_CASE("BuildDocContext derives each word's hashes and lower-case id") {
    internal::NerDocument doc;
    doc.words = {"Apple", "said", "APPLE", "apple", "Pear", ".", "said"};
    doc.sentence_begin = {0};
    internal::DocContext context;
    BuildDocContext(doc, internal::Gazetteer{}, &context);
    CHECK(context.lower_forms == 4);  // apple said pear .
    CHECK(context.lower_id[0] == context.lower_id[2]);
    CHECK(context.lower_id[0] == context.lower_id[3]);
    CHECK(context.lower_id[1] == context.lower_id[6]);
    CHECK(context.lower_id[0] != context.lower_id[1]);
    CHECK(context.lower_id[4] != context.lower_id[0]);
    CHECK(context.lower_hash[2] == internal::HashBytes(0, "apple"));
    CHECK(context.lower_hash[5] == internal::HashBytes(0, "."));
    CHECK(context.shape_hash[0] == internal::HashBytes(0, "Xx"));
    CHECK(context.shape_hash[2] == internal::HashBytes(0, "X"));
    CHECK(context.shape_hash[5] == internal::HashBytes(0, "."));
    CHECK((context.flags[0] & internal::kHasLetters) != 0);
    CHECK((context.flags[5] & internal::kHasLetters) == 0);
  }

  TEST_CASE("BuildDocContext links each word to the next of its form") {
    internal::NerDocument doc;
    doc.words = {"Rotor", "are", "top", ".", "ROTOR", "won", ";", "rotor", "."};
    doc.sentence_begin = {0, 4};
    internal::DocContext context;
    BuildDocContext(doc, internal::Gazetteer{}, &context);
    CHECK(context.next_same_form[0] == 4);
    CHECK(context.next_same_form[4] == 7);
    CHECK(context.next_same_form[7] == 0);  // the ring closes
    CHECK(context.next_same_form[3] == 8);
    CHECK(context.next_same_form[8] == 3);
    CHECK(context.next_same_form[1] == 1);  // alone in its form
  }

  TEST_CASE("A capitalized word sees the neighbours of its other occurrences") {
    // The same first sentence in two documents whose second mention of
    // "Rotor" stands in different company: only the capitalized first
    // mention's features change.
    const auto features_of = [](std::vector<std::string_view> words,
                                std::size_t i) {
      internal::NerDocument doc;
      doc.words = std::move(words);
      doc.sentence_begin = {0, 4};
      internal::DocContext context;
      BuildDocContext(doc, internal::Gazetteer{}, &context);
      std::vector<std::uint64_t> keys;
      internal::AppendStaticContextFeatures(doc, context, i, &keys);
      std::sort(keys.begin(), keys.end());
      return keys;
    };
    const std::vector<std::string_view> team = {"Rotor", "lost", "today", ".",
                                                "Rotor", "are", "third", "."};
    const std::vector<std::string_view> other = {"Rotor", "lost", "today", ".",
                                                 "Rotor", "is", "third", "."};
    const std::vector<std::uint64_t> a = features_of(team, 0);
    const std::vector<std::uint64_t> b = features_of(other, 0);
    CHECK(a.size() == b.size());
    CHECK(a != b);
    // A lower-case word gets no aggregated context.
    const std::vector<std::string_view> lower_team = {
        "rotor", "lost", "today", ".", "rotor", "are", "third", "."};
    const std::vector<std::string_view> lower_other = {
        "rotor", "lost", "today", ".", "rotor", "is", "third", "."};
    CHECK(features_of(lower_team, 0) == features_of(lower_other, 0));
    // Nor does a word that occurs once.
    CHECK(features_of(team, 1) == features_of(other, 1));
  }

  TEST_CASE("The first word of a quotation counts as sentence-initial") {
    internal::NerDocument doc;
    // He said " The plan " , Smith wrote ‘ Lamp level ’ and “ Ferro ” .
    doc.words = {"He",     "said",  "\"",    "The",   "plan",
                 "\"",     ",",     "Smith", "wrote", "\u2018",
                 "Lamp",   "level", "\u2019", "and",   "\u201c",
                 "Ferro",  "\u201d", "."};
    doc.sentence_begin = {0};
    internal::DocContext context;
    BuildDocContext(doc, internal::Gazetteer{}, &context);
    const auto initial = [&](std::size_t i) {
      return (context.flags[i] & internal::kSentenceInitial) != 0;
    };
    CHECK(initial(0));
    CHECK_FALSE(initial(1));
    CHECK(initial(3));         // after an opening straight quote
    CHECK_FALSE(initial(4));
    CHECK_FALSE(initial(7));   // after the closing one
    CHECK(initial(10));        // after an opening single curly quote
    CHECK_FALSE(initial(11));
    CHECK_FALSE(initial(13));  // after a closing one
    CHECK(initial(15));        // after an opening double curly quote
  }

  TEST_CASE("ComputeHistory votes over the other occurrences of a word") {
    internal::NerDocument doc;
    doc.words = {"Apple", "rose", ".", "APPLE", "fell", ";", "apple", "."};
    doc.sentence_begin = {0, 3};
    internal::DocContext context;
    BuildDocContext(doc, internal::Gazetteer{}, &context);
    const int org = internal::BeginLabel(1);
    const std::vector<int> labels = {org, 0, 0, org, 0, 0, 0, 0};
    ComputeHistory(doc, labels, &context);
    CHECK(context.history[6] == 1);   // the two others are ORG
    CHECK(context.history[0] == 1);   // one ORG beats one outside
    CHECK(context.history[1] == -1);  // "rose" occurs once
    CHECK(context.history[2] == -1);  // no letters
  }
}

}  // namespace dossier::indexer
