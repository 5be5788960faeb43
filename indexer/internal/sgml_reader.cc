#include "indexer/internal/sgml_reader.h"

namespace dossier::indexer::internal {

Status ReadSgml(InputStream& in, const ReaderOptions& /*options*/,
                const ReadCallback& /*emit*/) {
  return Status::NotSupported("reading SGML is not implemented yet: " +
                              in.name());
}

}  // namespace dossier::indexer::internal
