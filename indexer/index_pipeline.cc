// The indexing pipeline, in three stages joined by bounded queues:
//
// 1. The reader thread expands the inputs and reads records in order, each
//    with a sequence number. It never runs more than max_in_flight records
//    ahead of the writer, which bounds memory.
// 2. Analysis threads compute each article's content hash, skip articles
//    whose stored hash is the same (re-runs are cheap), and otherwise run the
//    Analyzer and build the Xapian documents.
// 3. The calling thread writes in sequence order (so the last of two records
//    with one id wins, deterministically), and commits every batch_bytes.
#include "indexer/index_pipeline.h"

#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/progress.h"
#include "graph/graph_store.h"
#include "indexer/article_store.h"
#include "indexer/consistency.h"
#include "indexer/internal/bounded_queue.h"
#include "indexer/internal/thread_priority.h"

namespace dossier::indexer {
namespace {

struct WorkItem {
  std::uint64_t seq = 0;
  ReadItem read;
  std::uint64_t progress_bytes = 0;  // input bytes consumed, all inputs
  std::string hash;
  ArticleAnalysis analysis;
  PreparedArticlePtr prepared;  // null when skipped as unchanged
};

// Keeps the reader at most `limit` records ahead of the writer.
class InFlightWindow {
 public:
  explicit InFlightWindow(std::size_t limit) : limit_(limit) {}

  void WaitForRoom(std::uint64_t seq) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return closed_ || seq < written_ + limit_; });
  }
  void MarkWritten(std::uint64_t written) {
    std::lock_guard<std::mutex> lock(mutex_);
    written_ = written;
    room_.notify_all();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    room_.notify_all();
  }

 private:
  const std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable room_;
  std::uint64_t written_ = 0;
  bool closed_ = false;
};

// How much lower than the writer's the analysis threads' priority is: at
// 5, a writer and an analysis thread that share a core get about 3:1.
constexpr int kAnalysisNiceSteps = 5;

bool Cancelled(const std::atomic<bool>* cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

// Names the calling thread (at most 15 bytes) so that top -H and perf
// show which stage of the pipeline spends the time.
void NameThisThread(const char* name) {
  pthread_setname_np(pthread_self(), name);
}

void ReadAll(const std::vector<InputFile>& inputs, const IndexOptions& options,
             const std::atomic<bool>* cancel, InFlightWindow* window,
             internal::BoundedQueue<WorkItem>* out) {
  NameThisThread("dossier-read");
  std::uint64_t seq = 0;
  std::uint64_t done_bytes = 0;
  const auto push = [&](ReadItem item, std::uint64_t offset) {
    if (Cancelled(cancel)) {
      return;  // finish the file quickly without queueing more work
    }
    WorkItem work;
    work.seq = seq;
    work.read = std::move(item);
    work.progress_bytes = done_bytes + offset;
    window->WaitForRoom(seq);
    ++seq;
    out->Push(std::move(work));
  };
  for (const InputFile& input : inputs) {
    if (Cancelled(cancel)) {
      break;
    }
    const ReadCallback emit = [&](ReadItem item) {
      const std::uint64_t offset = item.offset_bytes;
      push(std::move(item), offset);
    };
    const Status status = ReadInput(input, options.reader, emit);
    if (!status.ok()) {
      ReadItem failed;
      failed.reject = Reject{
          input.path,
          status.location().empty() ? status.WithLocation(input.path) : status,
          ""};
      push(std::move(failed), input.size_bytes);
    }
    done_bytes += input.size_bytes;
  }
  out->Close();
}

void AnalyzeAll(const Analyzer& analyzer, ArticleStore* snapshot,
                internal::BoundedQueue<WorkItem>* in,
                internal::BoundedQueue<WorkItem>* out) {
  NameThisThread("dossier-analyze");
  // Analysis runs ahead of the single writer and must not take its core
  // (see thread_priority.h). BBC x20, with 512 in flight: cores idle 4.6
  // and 4.1 s against 15.0 and 17.7 s at equal priority. On the two-vCPU
  // machine we measured on, the busier cores each did less, so wall time
  // against the build before this change was within noise (four
  // alternating rounds: mean 60.2 s against 61.0 s). A refusal only costs
  // the idle time back.
  internal::LowerThisThreadPriority(kAnalysisNiceSteps);
  DocumentBuilder builder;
  while (std::optional<WorkItem> work = in->Pop()) {
    if (work->read.article) {
      const Article& article = *work->read.article;
      work->hash = ContentHash(article);
      bool unchanged = false;
      if (snapshot != nullptr) {
        Result<std::optional<std::string>> stored =
            snapshot->StoredHash(article.id);
        unchanged =
            stored.has_value() && stored->has_value() && **stored == work->hash;
      }
      if (!unchanged) {
        work->analysis = analyzer.Analyze(article);
        work->prepared = builder.Build(article, work->analysis, work->hash);
      }
    }
    out->Push(std::move(*work));
  }
}

// Applies articles to the graph store on its own thread, so that the graph
// and Xapian writes of one article overlap (each store has one writer).
// Drain() is the barrier before a Xapian commit: Xapian must never record an
// article whose graph facts are not yet written.
class GraphWriter {
 public:
  explicit GraphWriter(graph::GraphStore* graph)
      : graph_(graph), jobs_(64), thread_([this] { Run(); }) {}
  ~GraphWriter() { Stop(); }
  GraphWriter(const GraphWriter&) = delete;
  GraphWriter& operator=(const GraphWriter&) = delete;

  void Put(Article article, ArticleAnalysis analysis, std::string hash) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++queued_;
    }
    jobs_.Push(Job{std::move(article), std::move(analysis), std::move(hash)});
  }

  // Waits until every queued article is applied; the first error, if any.
  Status Drain() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_cv_.wait(lock, [&] { return done_ == queued_; });
    return first_error_;
  }

  // The first error so far, without waiting.
  Status error() {
    std::lock_guard<std::mutex> lock(mutex_);
    return first_error_;
  }

  void Stop() {
    jobs_.Close();
    if (thread_.joinable()) {
      thread_.join();
    }
  }

 private:
  struct Job {
    Article article;
    ArticleAnalysis analysis;
    std::string hash;
  };

  void Run() {
    NameThisThread("dossier-graph");
    while (std::optional<Job> job = jobs_.Pop()) {
      Status status = Status::Ok();
      if (error().ok()) {  // after a failure, only count what is left
        status = graph_->PutArticle(job->article, job->analysis, job->hash)
                     .WithContext("graph store, article " + job->article.id);
      }
      std::lock_guard<std::mutex> lock(mutex_);
      if (!status.ok() && first_error_.ok()) {
        first_error_ = status;
      }
      ++done_;
      done_cv_.notify_all();
    }
  }

  graph::GraphStore* graph_;
  internal::BoundedQueue<Job> jobs_;
  std::mutex mutex_;
  std::condition_variable done_cv_;
  std::uint64_t queued_ = 0;
  std::uint64_t done_ = 0;
  Status first_error_;
  std::thread thread_;  // last: starts once the members above exist
};

// Writes records in sequence order and keeps the counts.
class Writer {
 public:
  Writer(const IndexOptions& options, const Analyzer& analyzer,
         ArticleStore* store, graph::GraphStore* graph)
      : options_(options),
        analyzer_(analyzer),
        store_(store),
        graph_(graph),
        graph_writer_(graph) {}

  Status Write(WorkItem& work, IndexSummary* summary) {
    ++summary->read;
    for (const std::string& warning : work.read.warnings) {
      ++summary->warnings;
      Say("warning: " + warning);
    }
    if (work.read.reject) {
      ++summary->rejected;
      RecordReject(*work.read.reject);
      return Status::Ok();
    }
    const Article& article = *work.read.article;
    Result<std::optional<std::string>> stored = store_->StoredHash(article.id);
    if (!stored.has_value()) {
      return stored.error();
    }
    if (stored->has_value() && **stored == work.hash) {
      Result<std::optional<std::string>> in_graph =
          graph_->ArticleHash(article.id);
      if (!in_graph.has_value()) {
        return in_graph.error();
      }
      if (in_graph->has_value() && **in_graph == work.hash) {
        ++summary->unchanged;
        return Status::Ok();
      }
      // Xapian has it but the graph does not (the graph was removed or a
      // crash lost it): write both again below.
    }
    if (work.prepared == nullptr) {
      // Skipped as unchanged by the analysis thread, but an earlier record
      // of this run or a graph repair needs it: analyse it here after all.
      work.analysis = analyzer_.Analyze(article);
      work.prepared = builder_.Build(article, work.analysis, work.hash);
    }
    DOSSIER_RETURN_IF_ERROR(graph_writer_.error());
    const std::size_t text_bytes = article.text.size();
    // The graph write runs beside the Xapian one; Commit() waits for it, so
    // an article committed to Xapian is complete.
    graph_writer_.Put(std::move(*work.read.article), std::move(work.analysis),
                      work.hash);
    Result<PutOutcome> outcome = store_->Put(std::move(work.prepared));
    if (!outcome.has_value()) {
      return outcome.error();
    }
    ++(*outcome == PutOutcome::kAdded ? summary->added : summary->replaced);
    summary->text_bytes += text_bytes;
    pending_bytes_ += text_bytes;
    if (pending_bytes_ >= options_.batch_bytes) {
      return Commit();
    }
    return Status::Ok();
  }

  Status Commit() {
    pending_bytes_ = 0;
    DOSSIER_RETURN_IF_ERROR(graph_writer_.Drain());
    return store_->Commit();
  }

  // Commits and stops the graph thread; call before closing the graph.
  Status Finish() {
    const Status committed = Commit();
    graph_writer_.Stop();
    return committed;
  }

 private:
  void Say(const std::string& line) const {
    if (options_.on_message) {
      options_.on_message(line);
    }
  }

  void RecordReject(const Reject& reject) {
    Say("rejected: " + reject.status.ToString());
    if (!rejects_.is_open()) {
      rejects_.open(options_.db_dir / "rejects.jsonl", std::ios::app);
    }
    const nlohmann::json line = {{"origin", reject.origin},
                                 {"code", StatusCodeName(reject.status.code())},
                                 {"message", reject.status.ToString()},
                                 {"excerpt", reject.raw_excerpt}};
    rejects_ << line.dump(-1, ' ', false,
                          nlohmann::json::error_handler_t::replace)
             << "\n";
  }

  const IndexOptions& options_;
  const Analyzer& analyzer_;
  ArticleStore* store_;
  graph::GraphStore* graph_;
  GraphWriter graph_writer_;
  DocumentBuilder builder_;
  std::ofstream rejects_;
  std::uint64_t pending_bytes_ = 0;
};

}  // namespace

Result<IndexSummary> IndexArchives(const std::vector<std::string>& paths,
                                   const IndexOptions& options,
                                   const std::atomic<bool>* cancel) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> notes;
  Result<std::vector<InputFile>> inputs = ExpandInputs(paths, &notes);
  if (!inputs.has_value()) {
    return inputs.error();
  }
  if (options.on_message) {
    for (const std::string& note : notes) {
      options.on_message("note: " + note);
    }
  }
  Result<std::unique_ptr<Analyzer>> analyzer =
      Analyzer::Create(options.analysis);
  if (!analyzer.has_value()) {
    return analyzer.error();
  }
  Result<std::unique_ptr<ArticleStore>> store =
      ArticleStore::Open(options.db_dir, OpenMode::kReadWrite);
  if (!store.has_value()) {
    return store.error();
  }
  graph::GraphOptions graph_options;
  graph_options.write_mostly = true;  // the pipeline only stores articles
  // After a crash, RepairStores below redoes what the graph lost.
  graph_options.unlogged = true;
  Result<std::unique_ptr<graph::GraphStore>> graph =
      graph::GraphStore::Open(options.db_dir / "graph", graph_options);
  if (!graph.has_value()) {
    return graph.error();
  }
  // A run that did not finish leaves its marker; repair what it may have
  // left half-written before indexing anything new.
  const std::filesystem::path marker = options.db_dir / kRunMarkerName;
  if (std::filesystem::exists(marker)) {
    Result<ConsistencyReport> repaired =
        RepairStores(store->get(), graph->get(), **analyzer);
    if (!repaired.has_value()) {
      return repaired.error();
    }
    if (options.on_message && !repaired->Consistent()) {
      options.on_message("note: repaired an interrupted run: " +
                         repaired->Summary());
    }
  }
  { std::ofstream(marker) << "dossier index is running\n"; }
  std::uint64_t total_bytes = 0;
  for (const InputFile& input : *inputs) {
    total_bytes += input.size_bytes;
  }

  unsigned threads = options.threads;
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  // Each analysis thread checks stored hashes against its own read-only
  // snapshot, so unchanged articles skip analysis entirely.
  std::vector<std::unique_ptr<ArticleStore>> snapshots;
  for (unsigned i = 0; i < threads; ++i) {
    Result<std::unique_ptr<ArticleStore>> snapshot =
        ArticleStore::Open(options.db_dir, OpenMode::kReadOnly);
    snapshots.push_back(snapshot.has_value() ? std::move(*snapshot) : nullptr);
  }

  internal::BoundedQueue<WorkItem> to_analyze(options.max_in_flight);
  internal::BoundedQueue<WorkItem> to_write(options.max_in_flight);
  InFlightWindow window(options.max_in_flight);
  std::thread reader(ReadAll, std::cref(*inputs), std::cref(options), cancel,
                     &window, &to_analyze);
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.emplace_back(AnalyzeAll, std::cref(**analyzer), snapshots[i].get(),
                         &to_analyze, &to_write);
  }
  std::thread closer([&] {
    for (std::thread& worker : workers) {
      worker.join();
    }
    to_write.Close();
  });

  IndexSummary summary;
  Writer writer(options, **analyzer, store->get(), graph->get());
  ProgressReporter progress(options.progress, total_bytes);
  std::map<std::uint64_t, WorkItem> waiting;
  std::uint64_t next_seq = 0;
  Status failure;
  while (std::optional<WorkItem> work = to_write.Pop()) {
    waiting.emplace(work->seq, std::move(*work));
    for (auto it = waiting.find(next_seq); it != waiting.end();
         it = waiting.find(next_seq)) {
      if (failure.ok()) {
        failure = writer.Write(it->second, &summary);
      }
      progress.Update(summary.read, it->second.progress_bytes);
      waiting.erase(it);
      window.MarkWritten(++next_seq);
    }
    if (!failure.ok()) {
      // Stop reading; drain the queues so every thread can finish.
      window.Close();
      to_analyze.Close();
    }
  }
  reader.join();
  closer.join();
  progress.Finish();
  if (!failure.ok()) {
    // Keep what was written before the failure.
    writer.Finish().IgnoreError();  // the first failure is what we report
    return failure;
  }
  DOSSIER_RETURN_IF_ERROR(writer.Finish());
  // Closing the graph (flushing its memtables) and compacting the index
  // are independent and each single-threaded: side by side they take the
  // longer one's time, not the sum (2.9 s and 2.4 s at BBC x20).
  Status graph_closed;
  std::thread graph_closer([&] { graph_closed = (*graph)->Close(); });
  Status compacted;
  const std::uint64_t written = summary.added + summary.replaced;
  Result<StoreStats> stats = (*store)->Stats();
  if (stats.has_value() && written > 0 &&
      static_cast<double>(written) >=
          options.compact_share * static_cast<double>(stats->articles)) {
    compacted = (*store)->Compact();
  }
  graph_closer.join();
  DOSSIER_RETURN_IF_ERROR(compacted);
  DOSSIER_RETURN_IF_ERROR(graph_closed);
  std::error_code ignored;
  std::filesystem::remove(marker, ignored);
  summary.interrupted = Cancelled(cancel);
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  return summary;
}

}  // namespace dossier::indexer
