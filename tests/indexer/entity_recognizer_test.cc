#include "indexer/entity_recognizer.h"

#include <memory>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "indexer/internal/ner_embedded_model.h"
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

  TEST_CASE("Recognize reads university short names in academic sentences") {
    const std::string got = Render(
        "Researchers at institutions such as Stanford and Yale published "
        "the study.");
    CAPTURE(got);
    CHECK(got.find(" Stanford:ORG/INSTITUTION ") != std::string::npos);
  }

  TEST_CASE("Recognize keeps only body-confirmed names in Title Case headlines") {
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
    CHECK(Render(text).find(" Ren\xC3\xA9 Dubois:PERSON ") != std::string::npos);
  }

  TEST_CASE("Recognize adds nothing for an empty analysis") {
    ArticleAnalysis analysis;
    Recognizer().Recognize("", &analysis);
    CHECK(analysis.mentions.empty());
  }

  TEST_CASE("TagWords gives one valid BIO tag per word") {
    const std::vector<std::string_view> words = {
        "U.N.", "official", "Ekeus", "heads", "for", "Baghdad", ".",
        "Peter", "Blackburn"};
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
        EntityRecognizer::FromBytes(std::string_view(bytes).substr(0, bytes.size() / 2));
    REQUIRE_FALSE(truncated.has_value());
    CHECK(truncated.error().code() == StatusCode::kCorruption);

    std::string flipped = bytes;
    flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 1);
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

  TEST_CASE("NormalizeMentionName strips quotes, articles, titles, possessives") {
    struct Case {
      const char* surface;
      EntityType type;
      const char* expected;
    };
    const Case cases[] = {
        {"the Laude  Institute's", EntityType::kOrg, "Laude Institute"},
        {"Mr. Konwinski", EntityType::kPerson, "Konwinski"},
        {"Mr. Konwinski", EntityType::kOrg, "Mr. Konwinski"},
        {"\xE2\x80\x9C" "Fabrikam\xE2\x80\x9D", EntityType::kOrg, "Fabrikam"},
        {"Alibaba\xE2\x80\x99s", EntityType::kOrg, "Alibaba"},
        {"The Hague", EntityType::kPlace, "Hague"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.surface);
      CHECK(NormalizeMentionName(c.surface, c.type) == c.expected);
    }
  }
}

}  // namespace dossier::indexer
