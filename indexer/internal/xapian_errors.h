// Translates Xapian exceptions into Status (adapter-only header).
#ifndef DOSSIER_INDEXER_INTERNAL_XAPIAN_ERRORS_H_
#define DOSSIER_INDEXER_INTERNAL_XAPIAN_ERRORS_H_

#include <xapian.h>

#include <string>

#include "common/status.h"

namespace dossier::indexer::internal {

// `what` names the database or operation, e.g. "dossier-db/xapian".
// Xapian::Error is not polymorphic, so the class is told by get_type().
inline Status StatusFromXapian(const Xapian::Error& e, const std::string& what) {
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    return Status::IOError("index locked by another process: " + what);
  }
  if (type == "DatabaseCorruptError") {
    return Status::Corruption(what + ": " + e.get_description());
  }
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
    return Status::NotFound("cannot open " + what + ": " + e.get_description());
  }
  if (type == "QueryParserError") {
    return Status::InvalidInput("cannot parse query: " + e.get_msg());
  }
  return Status::Internal(what + ": " + e.get_description());
}

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_XAPIAN_ERRORS_H_
