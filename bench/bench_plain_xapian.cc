// The baseline for bench/index.sh: the minimal plain-Xapian indexer a user
// would write. Reads JSONL (id, title, text), indexes title and text with
// TermGenerator (English stemmer, default strategy, positions), the id as a
// unique term, with Xapian's default settings and one commit at the end.
//
//   bench_plain_xapian JSONL DBDIR
// Prints one JSON line: {"articles", "text_bytes", "seconds"}.
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_plain_xapian JSONL DBDIR\n";
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  try {
    Xapian::WritableDatabase db(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    std::string line;
    std::uint64_t articles = 0;
    std::uint64_t text_bytes = 0;
    while (std::getline(in, line)) {
      const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (!record.is_object() || !record.contains("text")) {
        continue;
      }
      const std::string title = record.value("title", "");
      const std::string text = record.value("text", "");
      const std::string id = record.value("id", std::to_string(articles));
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(title, 1, "S");
      generator.increase_termpos();
      generator.index_text(title);
      generator.increase_termpos();
      generator.index_text(text);
      doc.set_data(text);
      doc.add_boolean_term("Q" + id);
      db.replace_document("Q" + id, doc);
      ++articles;
      text_bytes += text.size();
    }
    db.commit();
    const double seconds = std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - started)
                               .count();
    std::cout << nlohmann::json{{"articles", articles},
                                {"text_bytes", text_bytes},
                                {"seconds", seconds}}
                     .dump()
              << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
