// Xapian adapter helpers shared by the indexer and the query module:
// exceptions into Status, the schema check every reader makes, and the
// article record a document stands for.
#ifndef DOSSIER_INDEXER_INTERNAL_XAPIAN_ERRORS_H_
#define DOSSIER_INDEXER_INTERNAL_XAPIAN_ERRORS_H_

#include <xapian.h>

#include <cstdlib>
#include <string>

#include "common/result.h"
#include "common/status.h"
#include "indexer/doc_store.h"
#include "indexer/xapian_layout.h"

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

// Ok when `db` has this build's schema (or none yet); kNotSupported for a
// newer one, kInvalidInput with a rebuild hint for an older one.
inline Status CheckSchemaVersion(const Xapian::Database& db,
                                 const std::string& path) {
  const std::string stored =
      db.get_metadata(std::string(kSchemaVersionKey));
  if (stored.empty()) {
    return Status::Ok();
  }
  const int version = std::atoi(stored.c_str());
  if (version > kXapianSchemaVersion) {
    return Status::NotSupported(
        path + " was written by a newer dossier (schema " + stored +
        ", this build reads " + std::to_string(kXapianSchemaVersion) + ")");
  }
  if (version < kXapianSchemaVersion) {
    return Status::InvalidInput(
        path + " has the older schema " + stored +
        "; rebuild it: remove the database directory and run dossier index "
        "again");
  }
  return Status::Ok();
}

// The record of the article version `doc` indexes: its data is the article
// id, value slot 3 the version (indexer/doc_store.h).
inline Result<std::optional<std::string>> RecordOf(const DocStore& docs,
                                                   const Xapian::Document& doc) {
  return docs.Get(doc.get_data(), doc.get_value(kSlotHash));
}

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_XAPIAN_ERRORS_H_
