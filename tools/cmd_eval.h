// `dossier eval <what> ...`: scores a stage of the analysis against gold
// data. Each evaluation is a sub-subcommand registered like a top-level
// command (see command_registry.h), from its own file, with
// RegisterEvalCommand; `eval ner` lives in cmd_eval.cc. To add
// `eval quotes`, write tools/eval_quotes.cc:
//
//   const bool kRegistered = RegisterEvalCommand(
//       {"quotes", "Score quote extraction on PolNeAR JSONL",
//        [](CLI::App& sub) -> CommandRunner { ...; return runner; }});
//
// The table follows the rules of the command table: written before main(),
// read after; not thread-safe.
#ifndef DOSSIER_TOOLS_CMD_EVAL_H_
#define DOSSIER_TOOLS_CMD_EVAL_H_

#include <vector>

#include "tools/command_registry.h"

namespace dossier::tools {

// Adds an evaluation; returns true so it can initialize a static.
bool RegisterEvalCommand(Command command);

// Every registered evaluation, sorted by name.
std::vector<Command> RegisteredEvalCommands();

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_CMD_EVAL_H_
