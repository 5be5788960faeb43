// Parsing in three steps:
//   1. Split the text into tokens: digit runs, letter runs, and single
//      punctuation characters; blanks and commas only separate tokens.
//   2. Match a date (Y-M-D, D-Mon-Y, Mon D Y or D Mon Y) after an optional
//      weekday, then an optional time of day (H:M[:S[.frac]] [AM|PM]), then
//      an optional zone. Any token left over makes the date unparseable.
//   3. Validate the calendar date with std::chrono and shift by the zone.
#include "indexer/date_normalize.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <optional>
#include <vector>

namespace dossier::indexer {
namespace {

enum class TokenKind { kNumber, kWord, kPunct };

struct Token {
  TokenKind kind;
  std::string text;  // words lower-cased
};

std::vector<Token> Tokenize(std::string_view raw) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < raw.size()) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (std::isspace(c) != 0 || c == ',') {
      ++i;
      continue;
    }
    Token token{TokenKind::kPunct, std::string(1, static_cast<char>(c))};
    if (std::isdigit(c) != 0 || std::isalpha(c) != 0) {
      const bool digits = std::isdigit(c) != 0;
      token.kind = digits ? TokenKind::kNumber : TokenKind::kWord;
      token.text.clear();
      while (i < raw.size()) {
        const unsigned char d = static_cast<unsigned char>(raw[i]);
        if (digits ? std::isdigit(d) == 0 : std::isalpha(d) == 0) {
          break;
        }
        token.text += static_cast<char>(std::tolower(d));
        ++i;
      }
    } else {
      ++i;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// 1-12 for an English month name or abbreviation ("sep", "sept"), else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) {
    return 0;
  }
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m].substr(0, word.size()) == word &&
        (word.size() == 3 || word.size() == kMonths[m].size() ||
         word == "sept")) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  for (std::string_view day : kDays) {
    if (word == day || (word.size() == 3 && day.substr(0, 3) == word)) {
      return true;
    }
  }
  return false;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  // Steps 2 and 3; nullopt when the tokens do not form a date.
  std::optional<std::string> Parse() {
    if (Peek(TokenKind::kWord) && IsWeekday(tokens_[pos_].text)) {
      ++pos_;
      SkipPunct(".");
    }
    if (!ParseDate()) {
      return std::nullopt;
    }
    bool has_time = false;
    if (pos_ < tokens_.size()) {
      // RFC 3339's "T" arrives as a word token.
      if (Peek(TokenKind::kWord) && tokens_[pos_].text == "t") {
        ++pos_;
      }
      if (!ParseTime()) {
        return std::nullopt;
      }
      has_time = true;
      if (!ParseZone()) {
        return std::nullopt;
      }
    }
    if (pos_ != tokens_.size()) {
      return std::nullopt;
    }
    return Format(has_time);
  }

 private:
  bool Peek(TokenKind kind) const {
    return pos_ < tokens_.size() && tokens_[pos_].kind == kind;
  }
  bool PeekPunct(std::string_view p) const {
    return Peek(TokenKind::kPunct) && tokens_[pos_].text == p;
  }
  void SkipPunct(std::string_view p) {
    if (PeekPunct(p)) {
      ++pos_;
    }
  }
  std::optional<int> Number(std::size_t min_digits, std::size_t max_digits) {
    if (!Peek(TokenKind::kNumber) || tokens_[pos_].text.size() < min_digits ||
        tokens_[pos_].text.size() > max_digits) {
      return std::nullopt;
    }
    return std::stoi(tokens_[pos_++].text);
  }
  std::optional<int> Month() {
    if (!Peek(TokenKind::kWord)) {
      return std::nullopt;
    }
    const int month = MonthNumber(tokens_[pos_].text);
    if (month == 0) {
      return std::nullopt;
    }
    ++pos_;
    SkipPunct(".");
    return month;
  }
  // Consumes a date separator, "-" or "/", and reports which in *used.
  bool Separator(std::string_view* used) {
    if (PeekPunct("-") || PeekPunct("/")) {
      *used = tokens_[pos_++].text;
      return true;
    }
    return false;
  }

  bool ParseDate() {
    std::string_view sep;
    if (Peek(TokenKind::kNumber) && tokens_[pos_].text.size() == 4) {
      year_ = *Number(4, 4);  // Y-M-D or Y/M/D
      std::string_view sep2;
      std::optional<int> month, day;
      if (!Separator(&sep) || !(month = Number(1, 2)) || !Separator(&sep2) ||
          sep2 != sep || !(day = Number(1, 2))) {
        return false;
      }
      month_ = *month;
      day_ = *day;
      return true;
    }
    if (Peek(TokenKind::kNumber)) {  // D Mon Y or D-Mon-Y
      std::optional<int> day = Number(1, 2);
      if (!day) {
        return false;
      }
      day_ = *day;
      const bool dashed = Separator(&sep);
      std::optional<int> month = Month();
      if (!month || (dashed && !Separator(&sep))) {
        return false;
      }
      month_ = *month;
      std::optional<int> year = Number(4, 4);
      year_ = year.value_or(0);
      return year.has_value();
    }
    std::optional<int> month = Month();  // Mon D Y
    std::optional<int> day = Number(1, 2);
    std::optional<int> year = Number(4, 4);
    if (!month || !day || !year) {
      return false;
    }
    month_ = *month;
    day_ = *day;
    year_ = *year;
    return true;
  }

  bool ParseTime() {
    std::optional<int> hour = Number(1, 2);
    if (!hour || !PeekPunct(":")) {
      return false;
    }
    ++pos_;
    std::optional<int> minute = Number(2, 2);
    if (!minute) {
      return false;
    }
    std::optional<int> second = 0;
    if (PeekPunct(":")) {
      ++pos_;
      second = Number(2, 2);
      if (!second) {
        return false;
      }
      if (PeekPunct(".") && pos_ + 1 < tokens_.size() &&
          tokens_[pos_ + 1].kind == TokenKind::kNumber) {
        pos_ += 2;  // fraction of a second: dropped
      }
    }
    if (Peek(TokenKind::kWord) &&
        (tokens_[pos_].text == "am" || tokens_[pos_].text == "pm")) {
      if (*hour < 1 || *hour > 12) {
        return false;
      }
      *hour = *hour % 12 + (tokens_[pos_].text == "pm" ? 12 : 0);
      ++pos_;
    }
    hour_ = *hour;
    minute_ = *minute;
    second_ = *second;
    return hour_ < 24 && minute_ < 60 && second_ < 61;
  }

  bool ParseZone() {
    if (pos_ == tokens_.size()) {
      return true;
    }
    if (Peek(TokenKind::kWord)) {
      static constexpr std::array<std::pair<std::string_view, int>, 12> kZones =
          {{{"z", 0},
            {"ut", 0},
            {"utc", 0},
            {"gmt", 0},
            {"est", -5 * 60},
            {"edt", -4 * 60},
            {"cst", -6 * 60},
            {"cdt", -5 * 60},
            {"mst", -7 * 60},
            {"mdt", -6 * 60},
            {"pst", -8 * 60},
            {"pdt", -7 * 60}}};
      for (const auto& [name, minutes] : kZones) {
        if (tokens_[pos_].text == name) {
          offset_minutes_ = minutes;
          ++pos_;
          return true;
        }
      }
      return false;
    }
    if (!PeekPunct("+") && !PeekPunct("-")) {
      return false;
    }
    const int sign = tokens_[pos_++].text == "-" ? -1 : 1;
    if (!Peek(TokenKind::kNumber)) {
      return false;
    }
    const std::string digits = tokens_[pos_++].text;
    int hours = 0;
    int minutes = 0;
    if (digits.size() == 4) {  // +hhmm
      hours = std::stoi(digits.substr(0, 2));
      minutes = std::stoi(digits.substr(2, 2));
    } else if (digits.size() <= 2) {  // +hh or +hh:mm
      hours = std::stoi(digits);
      if (PeekPunct(":")) {
        ++pos_;
        std::optional<int> mm = Number(2, 2);
        if (!mm) {
          return false;
        }
        minutes = *mm;
      }
    } else {
      return false;
    }
    if (hours > 14 || minutes > 59) {
      return false;
    }
    offset_minutes_ = sign * (hours * 60 + minutes);
    return true;
  }

  std::optional<std::string> Format(bool has_time) const {
    using std::chrono::days;
    using std::chrono::minutes;
    using std::chrono::seconds;
    const std::chrono::year_month_day ymd{std::chrono::year{year_},
                                          std::chrono::month{unsigned(month_)},
                                          std::chrono::day{unsigned(day_)}};
    if (!ymd.ok() || year_ < 1000) {
      return std::nullopt;
    }
    char out[32];
    if (!has_time) {
      std::snprintf(out, sizeof(out), "%04d-%02d-%02d", year_, month_, day_);
      return std::string(out);
    }
    // Local time minus the zone's offset is UTC.
    const std::chrono::sys_seconds local = std::chrono::sys_days{ymd} +
                                           std::chrono::hours{hour_} +
                                           minutes{minute_} + seconds{second_};
    const std::chrono::sys_seconds utc = local - minutes{offset_minutes_};
    const std::chrono::sys_days day = std::chrono::floor<days>(utc);
    const std::chrono::year_month_day utc_ymd{day};
    const std::chrono::hh_mm_ss<seconds> hms{utc - day};
    std::snprintf(out, sizeof(out), "%04d-%02u-%02uT%02d:%02d:%02dZ",
                  int(utc_ymd.year()), unsigned(utc_ymd.month()),
                  unsigned(utc_ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return std::string(out);
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int year_ = 0;
  int month_ = 0;
  int day_ = 0;
  int hour_ = 0;
  int minute_ = 0;
  int second_ = 0;
  int offset_minutes_ = 0;  // east of UTC
};

}  // namespace

Result<std::string> NormalizeDate(std::string_view raw) {
  std::vector<Token> tokens = Tokenize(raw);
  if (tokens.empty()) {
    return std::string();
  }
  std::optional<std::string> iso = Parser(std::move(tokens)).Parse();
  if (!iso) {
    return Status::InvalidInput("unparseable date \"" + std::string(raw) +
                                "\"");
  }
  return *std::move(iso);
}

}  // namespace dossier::indexer
