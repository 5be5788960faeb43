#include "indexer/internal/html_reader.h"

namespace dossier::indexer::internal {

Status ReadHtml(InputStream& in, const ReaderOptions& /*options*/,
                const ReadCallback& /*emit*/) {
  return Status::NotSupported("reading HTML is not implemented yet: " +
                              in.name());
}

}  // namespace dossier::indexer::internal
