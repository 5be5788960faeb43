# DOSSIER_ALLOCATOR picks the malloc the dossier binary links: "tcmalloc"
# (Debian's libgoogle-perftools-dev, the default) or "system" (glibc).
#
# Why: indexing moves every article's analysis from the threads that build
# it to the threads that store it, and glibc's per-thread arenas spend much
# of their time consolidating and freeing across arenas (about a fifth of
# the analysis threads' CPU in profiles). tcmalloc's per-thread caches do
# not; bench/index.sh measures the difference.
#
# Sanitizer builds keep the system allocator: AddressSanitizer replaces
# malloc itself. Only the dossier binary links it; libraries and tests are
# allocator-neutral.
set(DOSSIER_ALLOCATOR "tcmalloc" CACHE STRING "malloc for the dossier binary: tcmalloc or system")
set_property(CACHE DOSSIER_ALLOCATOR PROPERTY STRINGS tcmalloc system)
add_library(dossier_allocator INTERFACE)
set(DOSSIER_ALLOCATOR_LINKED "system")
if(DOSSIER_ALLOCATOR STREQUAL "tcmalloc" AND NOT DOSSIER_SANITIZE)
  pkg_check_modules(TCMALLOC REQUIRED libtcmalloc_minimal)
  # Nothing calls tcmalloc by name, so an --as-needed link would drop it.
  target_link_options(dossier_allocator INTERFACE
    -Wl,--push-state,--no-as-needed ${TCMALLOC_LDFLAGS} -Wl,--pop-state)
  set(DOSSIER_ALLOCATOR_LINKED "tcmalloc")
elseif(NOT DOSSIER_ALLOCATOR STREQUAL "system" AND NOT DOSSIER_SANITIZE)
  message(FATAL_ERROR "DOSSIER_ALLOCATOR must be tcmalloc or system, not ${DOSSIER_ALLOCATOR}")
endif()
