// Transparent huge pages for tcmalloc's heap. Indexing walks Xapian's and
// RocksDB's in-memory maps and the NER model: pointer chasing over a few
// hundred MiB, where 4 KiB pages cost a TLB miss at almost every step. The
// kernel here grants huge pages only to memory that asks (madvise mode),
// and tcmalloc does not ask, so the dossier binary wraps tcmalloc's system
// allocator: each region it takes from the kernel is 2 MiB-aligned and
// advised MADV_HUGEPAGE. BBC x5, five interleaved runs each: median 18.3 s
// against 20.1 s, best 16.5 s against 17.9 s.
//
// Installed before main() in builds that link tcmalloc (cmake/allocator.cmake);
// DOSSIER_HUGE_PAGES=0 in the environment leaves tcmalloc as it is.
#ifndef DOSSIER_TOOLS_HUGE_PAGES_H_
#define DOSSIER_TOOLS_HUGE_PAGES_H_

#include <string>

namespace dossier::tools {

// What `dossier --version` reports: "" when the hook is not installed (no
// tcmalloc, or DOSSIER_HUGE_PAGES=0); else "transparent huge pages" when a
// fresh 8 MiB block of the heap is backed by huge pages, as the process's
// smaps says, or a sentence saying why it is not.
std::string HugePagesState();

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_HUGE_PAGES_H_
