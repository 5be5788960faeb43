#include "indexer/tokenizer.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace dossier::indexer {
namespace {

// Renders tokens separated by " " and sentences by " | ", e.g.
// "He said . | It rained ."
std::string Render(std::string_view text) {
  ArticleAnalysis analysis;
  Tokenize(text, &analysis);
  std::string out;
  for (const Sentence& sentence : analysis.sentences) {
    if (!out.empty()) {
      out += " | ";
    }
    for (std::uint32_t t = 0; t < sentence.token_count; ++t) {
      const Span span = analysis.tokens[sentence.first_token + t].span;
      if (t > 0) {
        out += ' ';
      }
      out += text.substr(span.begin, span.size());
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* expected;
};

}  // namespace

TEST_SUITE("indexer/Tokenize") {
  TEST_CASE("Tokenize splits words and punctuation, keeping abbreviations") {
    const Case cases[] = {
        {"The U.S. economy grew.", "The U.S. economy grew ."},
        {"She has a Ph.D. in physics.", "She has a Ph.D. in physics ."},
        {"Dr. Smith met Mr. Jones.", "Dr. Smith met Mr. Jones ."},
        {"Acme Inc. and Foo Corp. merged in Jan. 2020.",
         "Acme Inc. and Foo Corp. merged in Jan. 2020 ."},
        {"J. K. Rowling wrote it.", "J. K. Rowling wrote it ."},
        {"It rose at 9 a.m. today.", "It rose at 9 a.m. today ."},
        {"BRUSSELS 1996-08-22", "BRUSSELS 1996-08-22"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("IsTitleAbbreviation knows the titles, not other abbreviations") {
    CHECK(IsTitleAbbreviation("Mr"));
    CHECK(IsTitleAbbreviation("Messrs"));
    CHECK(IsTitleAbbreviation("Sen"));
    CHECK_FALSE(IsTitleAbbreviation("Inc"));
    CHECK_FALSE(IsTitleAbbreviation("Jan"));
    CHECK_FALSE(IsTitleAbbreviation("Smith"));
  }

  TEST_CASE("Tokenize keeps numbers whole and splits currency signs") {
    const Case cases[] = {
        {"It cost $3.5 billion.", "It cost $ 3.5 billion ."},
        {"About 1,000 people, or 12%.", "About 1,000 people , or 12 % ."},
        {"Profit hit \xC2\xA3"
         "600m (1,234,567 units).",
         "Profit hit \xC2\xA3 600m ( 1,234,567 units ) ."},
        {"Scores were 3,4 and 5.", "Scores were 3 , 4 and 5 ."},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("Tokenize keeps URLs and e-mail addresses whole") {
    const Case cases[] = {
        {"See https://example.com/a?b=1.", "See https://example.com/a?b=1 ."},
        {"Visit www.bbc.co.uk, then", "Visit www.bbc.co.uk , then"},
        // Schemes in any case; "when" and "hat" only look like one.
        {"HTTP://BBC.CO.UK/News or WWW.BBC.CO.UK when",
         "HTTP://BBC.CO.UK/News or WWW.BBC.CO.UK when"},
        {"hat www", "hat www"},
        {"Mail jane.doe@example.org.", "Mail jane.doe@example.org ."},
        {"Use @handle here", "Use @ handle here"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("Tokenize splits quotes and possessives but not contractions") {
    const Case cases[] = {
        {"\"I don't know,\" he said.", "\" I don't know , \" he said ."},
        {"Alibaba's model", "Alibaba 's model"},
        {"Alibaba\xE2\x80\x99s Qwen", "Alibaba \xE2\x80\x99s Qwen"},
        {"\xE2\x80\x9CHi\xE2\x80\x9D", "\xE2\x80\x9C Hi \xE2\x80\x9D"},
        {"the firms' profits", "the firms ' profits"},
        {"O'Brien's dog", "O'Brien 's dog"},
        {"the 'Transformer' idea", "the ' Transformer ' idea"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("Tokenize keeps hyphenated and accented names whole") {
    const Case cases[] = {
        {"Jean-Pierre Rapha\xC3\xABl is co-founder.",
         "Jean-Pierre Rapha\xC3\xABl is co-founder ."},
        {"Ren\xC3\xA9\xE2\x80\x94"
         "and then -- more",
         "Ren\xC3\xA9 \xE2\x80\x94 and then -- more"},
        {"AT&T and S&P rose", "AT&T and S&P rose"},
        {"Wait... what", "Wait ... what"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("Tokenize ends sentences at terminators and closing quotes") {
    const Case cases[] = {
        {"It rained. Then it stopped!", "It rained . | Then it stopped !"},
        {"\"We will win,\" he said. Next.",
         "\" We will win , \" he said . | Next ."},
        {"He said: \"It is over.\" Then he left.",
         "He said : \" It is over . \" | Then he left ."},
        {"\"Really?\" she asked.", "\" Really ? \" she asked ."},
        {"Why?! Because.", "Why ? ! | Because ."},
        {"It is in the U.S. The firm said so.",
         "It is in the U.S. | The firm said so ."},
        {"Acme Inc. Chief Jane Doe", "Acme Inc. Chief Jane Doe"},
        {"Mr. Smith left.", "Mr. Smith left ."},
        // An unlisted abbreviation's period before a comma ends nothing.
        {"Based in Tampa, Fla., the firm grew.",
         "Based in Tampa , Fla . , the firm grew ."},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("Tokenize ends sentences at paragraph breaks and headlines") {
    const Case cases[] = {
        {"Skip to content\n\nBig Headline Here\nPublished:\n\nBody text.",
         "Skip to content | Big Headline Here | Published : | Body text ."},
        {"no terminator\n\nnext paragraph", "no terminator | next paragraph"},
        {"LONDON (Reuters) - Shares fell.",
         "LONDON ( Reuters ) - Shares fell ."},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Render(c.text) == c.expected);
    }
  }

  TEST_CASE("Tokenize joins lines of hard-wrapped text") {
    const std::string text =
        "BAHIA COCOA REVIEW\n"
        "Showers continued throughout the week in\n"
        "the Bahia cocoa zone, alleviating the drought since early\n"
        "January and improving prospects for the coming crop,\n"
        "although humidity levels have not been restored.\n"
        "    The dry period means the crop will be late.";
    ArticleAnalysis analysis;
    Tokenize(text, &analysis);
    REQUIRE(analysis.sentences.size() == 3);
    CHECK(text.substr(analysis.sentences[0].span.begin,
                      analysis.sentences[0].span.size()) ==
          "BAHIA COCOA REVIEW");
    CHECK(text.substr(analysis.sentences[2].span.begin, 3) == "The");
  }

  TEST_CASE("Tokenize gives byte offsets and covers every token once") {
    const std::string text = "\xC3\x89mile Zola, \xE2\x80\x9Cyes.\xE2\x80\x9D";
    ArticleAnalysis analysis;
    Tokenize(text, &analysis);
    REQUIRE(analysis.tokens.size() == 7);  // Émile Zola , “ yes . ”
    CHECK(analysis.tokens[0].span == Span{0, 6});    // Émile
    CHECK(analysis.tokens[3].span == Span{13, 16});  // opening quote
    std::uint32_t covered = 0;
    for (const Sentence& s : analysis.sentences) {
      CHECK(s.first_token == covered);
      covered += s.token_count;
    }
    CHECK(covered == analysis.tokens.size());
  }

  TEST_CASE("Tokenize handles empty, blank and invalid input") {
    CHECK(Render("").empty());
    CHECK(Render(" \n\n \t").empty());
    CHECK(Render("a\xFF"
                 "b") == "a \xFF b");
    ArticleAnalysis analysis;
    analysis.tokens.push_back(Token{{0, 1}});
    Tokenize("x", &analysis);
    CHECK(analysis.tokens.size() == 1);
  }
}

}  // namespace dossier::indexer
