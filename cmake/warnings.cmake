# Warnings for our own targets only; third-party headers come in as SYSTEM.
add_library(dossier_warnings INTERFACE)
target_compile_options(dossier_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wsign-compare -Wimplicit-fallthrough
  # g++ 12 at -O3 reports impossible sizes inside std::string and
  # std::vector (GCC bugs 105329, 105651, 106199); they are not in our code.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict -Wno-free-nonheap-object
    -Wno-stringop-overflow -Wno-array-bounds>)
