// dossier: one binary, one subcommand per tools/cmd_<name>.cc.
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "common/exit_code.h"
#include "tools/command_registry.h"
#include "tools/version.h"

int main(int argc, char** argv) {
  using dossier::ExitCode;
  try {
    CLI::App app{
        "dossier: index a news archive for full-text search and build a "
        "knowledge graph of its people, companies and institutions"};
    // A callback: only `--version` pays for asking which malloc runs.
    app.set_version_flag("--version", std::function<std::string()>(
                                          dossier::tools::VersionLine));
    app.require_subcommand(1);
    std::map<CLI::App*, dossier::tools::CommandRunner> runners;
    for (const dossier::tools::Command& command :
         dossier::tools::RegisteredCommands()) {
      CLI::App* sub = app.add_subcommand(command.name, command.description);
      runners[sub] = command.setup(*sub);
    }
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int printed = app.exit(e);
      return printed == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
    }
    for (auto& [sub, runner] : runners) {
      if (sub->parsed()) {
        return static_cast<int>(runner());
      }
    }
    return static_cast<int>(ExitCode::kUsage);
  } catch (const std::exception& e) {
    std::cerr << "dossier: internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kFailure);
  }
}
