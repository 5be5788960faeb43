#include "indexer/quote_extractor.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "indexer/coreference.h"

namespace dossier::indexer {
namespace {

std::string_view Cut(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

// Adds a mention for the n-th (0-based) occurrence of `surface`.
void AddMention(std::string_view text, std::string_view surface,
                EntityType type, ArticleAnalysis* analysis, int nth = 0) {
  std::size_t pos = text.find(surface);
  for (int i = 0; i < nth && pos != std::string_view::npos; ++i) {
    pos = text.find(surface, pos + 1);
  }
  REQUIRE(pos != std::string_view::npos);
  Mention m;
  m.span = {static_cast<std::uint32_t>(pos),
            static_cast<std::uint32_t>(pos + surface.size())};
  m.type = type;
  analysis->mentions.push_back(m);
}

// "content|speaker|cue|kind" per quote, joined by " // ".
std::string Render(std::string_view text, const ArticleAnalysis& a) {
  std::string out;
  for (const Quote& q : a.quotes) {
    if (!out.empty()) {
      out += " // ";
    }
    out += std::string(Cut(text, q.content)) + "|" +
           std::string(Cut(text, q.speaker)) + "|" +
           std::string(Cut(text, q.cue)) + "|" +
           std::string(QuoteKindName(q.kind));
  }
  return out;
}

std::string Extract(std::string_view text) {
  ArticleAnalysis a;
  ExtractQuotes(text, &a);
  return Render(text, a);
}

}  // namespace

TEST_SUITE("indexer/QuoteExtractor") {
  TEST_CASE("Direct quotes attach to the cue after or before them") {
    CHECK(Extract("\"We will win,\" Smith said.") ==
          "We will win,|Smith|said|direct");
    CHECK(Extract("Smith said: \"We will win.\"") ==
          "We will win.|Smith|said|direct");
    CHECK(Extract("\xe2\x80\x9cWe will win,\xe2\x80\x9d said Jane Doe, the "
                  "chief executive of Acme.") ==
          "We will win,|Jane Doe|said|direct");
    CHECK(Extract("''We will win,'' the spokesman added.") ==
          "We will win,|the spokesman|added|direct");
    CHECK(Extract("\"We will win,\" Smith, a senior adviser to the mayor, "
                  "told reporters.") == "We will win,|Smith|told|direct");
    CHECK(Extract("''Do we have to discuss it?'' he asked me.") ==
          "Do we have to discuss it?|he|asked|direct");
  }

  TEST_CASE("Words describing the speaker may stand between quote and name") {
    CHECK(Extract("\"It is the same attack,\" Clinton press secretary Brian "
                  "Fallon said, in the segment on Monday.") ==
          "It is the same attack,|Brian Fallon|said|direct");
    CHECK(Extract("\"We should lay off him,\" Senate minority leader Harry "
                  "Reid told reporters in Washington.") ==
          "We should lay off him,|Harry Reid|told|direct");
  }

  TEST_CASE("A quotation continues the speaker of a report in its paragraph") {
    const std::string text =
        "\"That is the question,\" Clark said, noting he would support any "
        "of the others. \"We have a deep bench here.\"\n\nAnalysts said the "
        "race was close. \"Nobody knows.\"";
    ArticleAnalysis a;
    ExtractQuotes(text, &a);
    std::string bench_speaker = "?";
    std::string nobody_speaker = "?";
    for (const Quote& q : a.quotes) {
      if (Cut(text, q.content) == "We have a deep bench here.") {
        bench_speaker = std::string(Cut(text, q.speaker));
      }
      if (Cut(text, q.content) == "Nobody knows.") {
        nobody_speaker = std::string(Cut(text, q.speaker));
      }
    }
    CHECK(bench_speaker == "Clark");
    CHECK(nobody_speaker == "Analysts");
  }

  TEST_CASE("A quotation continues into a paragraph that reopens it") {
    const std::string text =
        "Smith said: \"The first part ends here.\n\n\"The second part "
        "closes,\" he added later.";
    ArticleAnalysis a;
    ExtractQuotes(text, &a);
    REQUIRE(a.quotes.size() == 1);
    CHECK(Cut(text, a.quotes[0].content) ==
          "The first part ends here.\n\n\"The second part closes,");
    CHECK(Cut(text, a.quotes[0].speaker) == "Smith");
  }

  TEST_CASE("An unbalanced quotation mark stops at the paragraph end") {
    const std::string text =
        "Smith said \"this never closes.\n\nThe council met on Monday and "
        "voted on the budget for the coming year.";
    ArticleAnalysis a;
    ExtractQuotes(text, &a);
    REQUIRE(a.quotes.size() == 1);
    CHECK(Cut(text, a.quotes[0].content) == "this never closes.");
  }

  TEST_CASE("Indirect speech after and before the cue") {
    CHECK(Extract("The minister said that taxes would rise next year.") ==
          "taxes would rise next year|The minister|said|indirect");
    CHECK(Extract("Taxes will rise next year, the minister warned.") ==
          "Taxes will rise next year|the minister|warned|indirect");
    CHECK(Extract("Jones told reporters the plan was dead.") ==
          "the plan was dead|Jones|told|indirect");
    CHECK(Extract("Smith on Tuesday argued the deal was a mistake.") ==
          "the deal was a mistake|Smith|argued|indirect");
  }

  TEST_CASE("A cue set off by commas reports the clause before it") {
    // Inverted, with the speaker's description after it.
    CHECK(Extract("Nor are tariffs likely to bring these jobs back, said "
                  "David Autor, a professor of economics at M.I.T.") ==
          "Nor are tariffs likely to bring these jobs back|David Autor|said|"
          "indirect");
    CHECK(Extract("He had a voice in decisions about investments, said a "
                  "former spokesman for the ministry.") ==
          "He had a voice in decisions about investments|a former "
          "spokesman|said|indirect");
    // An afterthought after the cue.
    CHECK(Extract("Victims of violence would be considered a distinct group, "
                  "Sanders said, a policy that could make it easier.") ==
          "Victims of violence would be considered a distinct group|Sanders|"
          "said|indirect");
    // A time, and lower-case words describing the speaker.
    CHECK(Extract("The couple were among the passengers, ministry spokesman "
                  "Benali Abdelaziz said Thursday.") ==
          "The couple were among the passengers|ministry spokesman Benali "
          "Abdelaziz|said|indirect");
    CHECK(Extract("A strong showing could show the extent of his appeal, "
                  "veteran Republicans said.") ==
          "A strong showing could show the extent of his appeal|veteran "
          "Republicans|said|indirect");
    // The listener of "told", then a time.
    CHECK(Extract("The union will likely sit out the election, director Phil "
                  "Smith told POLITICO earlier this week.") ==
          "The union will likely sit out the election|director Phil Smith|"
          "told|indirect");
    // Not a clause before the speaker: a short opening phrase, or a time
    // followed by the reported clause; nor a listener with its object.
    CHECK(Extract("During the debate on Saturday, moderator David Muir asked "
                  "Republicans a simple question about the game.") ==
          "a simple question about the game|David Muir|asked|indirect");
    CHECK(Extract("In the early 1990s, Ms. Ripert said, a boss invited her "
                  "to lunch.") ==
          "a boss invited her to lunch|Ms. Ripert|said|indirect");
    CHECK(Extract("On top of all of that, Trump said Sunday that judges "
                  "might be biased.") ==
          "judges might be biased|Trump|said|indirect");
  }

  TEST_CASE("A clause between commas is no appositive of the speaker") {
    CHECK(Extract("The program is informal, but it has a loyal following, "
                  "said Ms. Gil.") ==
          "The program is informal, but it has a loyal following|Ms. Gil|"
          "said|indirect");
    CHECK(Extract("Mr. Sperling, then 38, said he was advised to find a "
                  "deputy.") ==
          "he was advised to find a deputy|Mr. Sperling|said|indirect");
  }

  TEST_CASE("A cue that interrupts its clause reports the whole sentence") {
    CHECK(Extract("The problem with the plan, she said, is that ''nobody "
                  "pays for it.''") ==
          "The problem with the plan, she said, is that ''nobody pays for "
          "it.|she|said|mixed");
  }

  TEST_CASE("A participle's speaker is the subject after a long opening") {
    CHECK(Extract("In a victory speech in Westchester County on Tuesday "
                  "night, Mr. Trump struck a measured tone, saying he "
                  "understood the responsibility.") ==
          "he understood the responsibility|Mr. Trump|saying|indirect");
    CHECK(Extract("Already, Senator Smith met them in private, saying the "
                  "deal was done.") ==
          "the deal was done|Senator Smith|saying|indirect");
  }

  TEST_CASE("An expletive subject names no speaker of a partial quote") {
    ArticleAnalysis a;
    const std::string text =
        "It has not helped that her campaign cycled through slogans such "
        "as ''stronger together'' and others.";
    ExtractQuotes(text, &a);
    for (const Quote& q : a.quotes) {
      CHECK(Cut(text, q.speaker) != "It");
    }
  }

  TEST_CASE("A dashed aside between the speaker and the cue") {
    CHECK(Extract("Murphy -- after a knock-on-wood gesture -- told me he has "
                  "had a tragedy-free life.") ==
          "he has had a tragedy-free life|Murphy|told|indirect");
    CHECK(Extract("Joyce \xe2\x80\x94 who is an attorney in Illinois \xe2\x80\x94 "
                  "told The Huffington Post he is not planning an appeal.") ==
          "he is not planning an appeal|Joyce|told|indirect");
  }

  TEST_CASE("Reported speech after a quotation is not the quotation's cue") {
    // "O.K." ends the quotation without a sentence end; the clause after
    // the verb shows that a new report begins.
    CHECK(Extract("''It is O.K.'' Knittel, an expert on energy, said a "
                  "carbon price could replace the rules.") ==
          "It is O.K.|||direct // a carbon price could replace the rules|"
          "Knittel|said|indirect");
    CHECK(Extract("\"We will win,\" Ryan told the delegates before the vote.") ==
          "We will win,|Ryan|told|direct");
  }

  TEST_CASE("A coordinated cue takes the subject of the clause") {
    CHECK(Extract("Trump had welcomed the election of Khan and said he would "
                  "make an exception.") ==
          "he would make an exception|Trump|said|indirect");
    CHECK(Extract("Rubel notes that margins expanded.") ==
          "margins expanded|Rubel|notes|indirect");
  }

  TEST_CASE("Words that are mostly something else report only with that") {
    CHECK(Extract("The plan continues to frustrate many of the voters.")
              .empty());
    CHECK(Extract("The senator leads by four percentage points in the "
                  "state.")
              .empty());
    CHECK(Extract("Smith continues that the plan has already failed.") ==
          "the plan has already failed|Smith|continues|indirect");
  }

  TEST_CASE("According to X, before or after the clause") {
    CHECK(Extract("According to the report, sales fell by a third.") ==
          "sales fell by a third|the report|According to|indirect");
    CHECK(Extract("Sales fell by a third, according to the report.") ==
          "Sales fell by a third|the report|according to|indirect");
    // After the source comes its description, not the report.
    CHECK(Extract("Fox made $1.6 billion in profit last year, according to "
                  "Brian Wieser, an analyst at Pivotal Research.") ==
          "Fox made $1.6 billion in profit last year|Brian Wieser|"
          "according to|indirect");
    // In the middle of its clause, or after an opening phrase.
    CHECK(Extract("Sales, according to the report, fell by a third.") ==
          "fell by a third|the report|according to|indirect");
    CHECK(Extract("In the first quarter, according to the report, sales fell "
                  "by a third.") ==
          "sales fell by a third|the report|according to|indirect");
  }

  TEST_CASE("A partial quotation inside reported speech makes a mixed quote") {
    CHECK(Extract("Konwinski characterized the shift as an \"existential\" "
                  "threat to democracy.") ==
          "the shift as an \"existential\" threat to democracy|Konwinski|"
          "characterized|mixed");
  }

  TEST_CASE("Passives, cue words inside quotes and plain text give nothing") {
    CHECK(Extract("He was asked about the plan on Monday.").empty());
    CHECK(Extract("The council met and voted on the budget.").empty());
    CHECK(Extract("").empty());
    // The only cue is inside the quotation, and the quotation has one.
    CHECK(Extract("\"They said it was over,\" Smith recalled.") ==
          "They said it was over,|Smith|recalled|direct");
  }

  TEST_CASE("A quotation without its own cue continues the last speaker") {
    const std::string text =
        "\"We are ready,\" Smith said.\n\n\"Nothing will stop us.\"";
    ArticleAnalysis a;
    ExtractQuotes(text, &a);
    REQUIRE(a.quotes.size() == 2);
    CHECK(Cut(text, a.quotes[1].content) == "Nothing will stop us.");
    CHECK(Cut(text, a.quotes[1].speaker) == "Smith");
    CHECK(a.quotes[1].rule == "direct-continuation");
  }

  TEST_CASE("Speakers resolve through coreference to the full name") {
    const std::string text =
        "Andy Konwinski founded Acme Labs. \"The big labs will lose,\" "
        "Konwinski said. He argued that openness always wins in the end. \"It "
        "is over,\" "
        "he said.";
    ArticleAnalysis a;
    AddMention(text, "Andy Konwinski", EntityType::kPerson, &a);
    AddMention(text, "Acme Labs", EntityType::kOrg, &a);
    AddMention(text, "Konwinski", EntityType::kPerson, &a, 1);
    ResolveEntities(text, &a);
    ExtractQuotes(text, &a);
    REQUIRE(a.quotes.size() == 3);
    for (const Quote& q : a.quotes) {
      CHECK(q.speaker_name == "Andy Konwinski");
      CHECK(q.speaker_entity == a.mentions[0].entity);
    }
    CHECK(Cut(text, a.quotes[1].speaker) == "He");
  }

  TEST_CASE("Without entities a named speaker takes the fullest form") {
    const std::string text =
        "Andy Konwinski spoke on Monday. \"Labs will lose,\" Konwinski "
        "said. \"They always do,\" he added.";
    ArticleAnalysis a;
    ExtractQuotes(text, &a);
    REQUIRE(a.quotes.size() == 2);
    CHECK(a.quotes[0].speaker_name == "Andy Konwinski");
    CHECK(a.quotes[1].speaker_name == "Andy Konwinski");
  }

  TEST_CASE("Spans stay inside the text on ragged input") {
    for (std::string_view text :
         {std::string_view("\""), std::string_view("said"),
          std::string_view("\" said \""), std::string_view(", said ,"),
          std::string_view("according to"), std::string_view("''"),
          std::string_view("\xe2\x80\x9c\xe2\x80\x9d said he"),
          std::string_view("x\n\n\"\n\n\"\n")}) {
      ArticleAnalysis a;
      ExtractQuotes(text, &a);
      for (const Quote& q : a.quotes) {
        CHECK(q.content.end <= text.size());
        CHECK(q.content.begin <= q.content.end);
        CHECK(q.speaker.end <= text.size());
      }
    }
  }
}

}  // namespace dossier::indexer
