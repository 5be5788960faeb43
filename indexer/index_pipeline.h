// IndexArchives: the `dossier index` pipeline. One reader thread turns the
// inputs into articles, analysis threads (one per core by default) analyse
// them and build their Xapian documents, and the calling thread is the single
// writer: graph store first, then Xapian, committing every batch.
//
// Guarantees: a malformed record is reported (message and <db>/rejects.jsonl)
// and skipped; re-indexing an unchanged article changes nothing; articles
// are written in input order (the last of two with one id wins); after an
// interruption, what was committed stays, and a rerun completes the rest.
#ifndef DOSSIER_INDEXER_INDEX_PIPELINE_H_
#define DOSSIER_INDEXER_INDEX_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indexer/analyzer.h"
#include "indexer/archive_reader.h"

namespace dossier::indexer {

struct IndexOptions {
  // Directory of the stores. Default: ./dossier-db.
  std::filesystem::path db_dir = "dossier-db";
  // Article text written between two commits. Together with
  // max_in_flight it bounds the memory of a run, whatever the archive's
  // size. Small batches are also faster: Xapian's in-memory postings cost
  // more per document the more there are (BBC x20, writer thread CPU:
  // 1 MiB 64 s, 3 MiB 68 s, 8 MiB 77 s, 32 MiB 101 s, 256 MiB 122 s;
  // whole runs, interleaved: 2 MiB took 104/77 s where 4 MiB took
  // 118/84 s, and 1 MiB 88/76 s where 2 MiB took 88/80 s). Default: 2 MiB.
  std::uint64_t batch_bytes = std::uint64_t{2} << 20;
  // Articles read ahead of the writer. While the writer commits, analysis
  // goes on until the window is full; 512 covers a 2 MiB commit (BBC x20,
  // cores idle: 256 8.0 and 8.2 s, 512 4.2 and 4.2 s, 1024 3.6 and 3.6 s;
  // peak RSS 317-323, 329-343, 352-353 MiB). Default: 512.
  std::size_t max_in_flight = 512;
  // Analysis threads; 0 means one per core. Default: 0.
  unsigned threads = 0;
  // Compact the databases at the end of a run that wrote at least this
  // share of all articles (a bulk load); 0 always, above 1 never.
  // Default: 0.3.
  double compact_share = 0.3;
  // Show a progress line on stderr. Default: false.
  bool progress = false;
  AnalyzerOptions analysis;
  ReaderOptions reader;
  // Called with each reject and warning line, for stderr. Default: none.
  std::function<void(const std::string&)> on_message;
};

struct IndexSummary {
  std::uint64_t read = 0;  // = added + replaced + unchanged + rejected
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t rejected = 0;
  std::uint64_t warnings = 0;
  std::uint64_t text_bytes = 0;  // article text analysed and written
  double seconds = 0;
  bool interrupted = false;
};

// Indexes `paths` (files, directories, "-"). Fails only when the run cannot
// start (database cannot be opened, no input exists) or a store fails while
// writing; per-record problems are counted in the summary. `cancel`, when
// set by another thread (SIGINT), stops reading: what was read is written
// and committed, and the summary says `interrupted`.
Result<IndexSummary> IndexArchives(const std::vector<std::string>& paths,
                                   const IndexOptions& options,
                                   const std::atomic<bool>* cancel);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_INDEX_PIPELINE_H_
