#include "tools/command_registry.h"

#include <algorithm>

namespace dossier::tools {
namespace {

// A function-local static so registration from other translation units'
// static initializers never sees it unconstructed.
std::vector<Command>& Table() {
  static std::vector<Command> table;
  return table;
}

}  // namespace

bool RegisterCommand(Command command) {
  Table().push_back(std::move(command));
  return true;
}

std::vector<Command> RegisteredCommands() {
  std::vector<Command> sorted = Table();
  std::sort(sorted.begin(), sorted.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  return sorted;
}

void AddDbOption(CLI::App& sub, std::string* db) {
  *db = "dossier-db";
  sub.add_option("--db", *db,
                 "Directory holding the stores (default ./dossier-db)");
}

void AddNerModelOption(CLI::App& sub, std::string* path) {
  sub.add_option("--model", *path,
                 "NER model file (default: the model built into dossier)")
      ->check(CLI::ExistingFile);
}

}  // namespace dossier::tools
