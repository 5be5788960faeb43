# Warnings for our own targets only; third-party headers come in as SYSTEM.
add_library(dossier_warnings INTERFACE)
target_compile_options(dossier_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wsign-compare -Wimplicit-fallthrough)
