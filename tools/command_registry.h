// The table of subcommands. Each tools/cmd_<name>.cc registers itself at
// static-initialization time with DOSSIER_REGISTER_COMMAND, so adding a
// command touches no shared file. The table is written only before main()
// and read only after; it is not thread-safe and need not be.
#ifndef DOSSIER_TOOLS_COMMAND_REGISTRY_H_
#define DOSSIER_TOOLS_COMMAND_REGISTRY_H_

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/exit_code.h"

namespace dossier::tools {

// Runs a parsed subcommand. Work happens here, never in CLI11 callbacks.
using CommandRunner = std::function<ExitCode()>;

struct Command {
  std::string name;         // "index"
  std::string description;  // one line for --help
  // Adds the subcommand's options to `sub` (options bound to state the
  // returned runner owns) and returns the runner.
  std::function<CommandRunner(CLI::App& sub)> setup;
};

// Adds `command` to the table; returns true so it can initialize a static.
bool RegisterCommand(Command command);

// Every registered command, sorted by name.
std::vector<Command> RegisteredCommands();

// Adds --db DIR (default ./dossier-db) bound to *db.
void AddDbOption(CLI::App& sub, std::string* db);

// Adds --model FILE, an existing NER model file, bound to *path (empty, the
// default, means the model built into dossier; see
// EntityRecognizer::LoadFileOrEmbedded).
void AddNerModelOption(CLI::App& sub, std::string* path);

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_COMMAND_REGISTRY_H_
