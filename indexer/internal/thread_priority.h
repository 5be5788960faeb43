// Scheduling priority of pipeline threads. On two cores the indexing
// pipeline runs more threads than cores, and only the writer is serial:
// when it waits for a core, the analysis threads fill the in-flight window
// and then every thread waits for the writer. Analysis runs ahead at a
// lower priority instead, so the writer gets a core whenever it can run.
#ifndef DOSSIER_INDEXER_INTERNAL_THREAD_PRIORITY_H_
#define DOSSIER_INDEXER_INTERNAL_THREAD_PRIORITY_H_

namespace dossier::indexer::internal {

// Raises the calling thread's nice value by `steps` (at most to 19), and
// only this thread's: on Linux each thread has its own. False when the
// system refuses; the caller then runs at its old priority, which costs
// speed and nothing else.
bool LowerThisThreadPriority(int steps);

// The calling thread's nice value.
int ThisThreadNice();

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_THREAD_PRIORITY_H_
