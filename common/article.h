// Article: one news story as read from an archive, after normalization.
// Every string is valid UTF-8 (readers repair or reject); `date` is ISO-8601
// ("2024-05-01" or "2024-05-01T10:00:00Z") or empty when unknown.
#ifndef DOSSIER_COMMON_ARTICLE_H_
#define DOSSIER_COMMON_ARTICLE_H_

#include <string>

namespace dossier {

struct Article {
  std::string id;  // stable: own id, else URL, else a hash of the content
  std::string url;
  std::string title;
  std::string text;  // the body; all offsets in annotations point into it
  std::string date;
  std::string source;  // publication, e.g. "BBC News"
  std::string author;
  std::string origin;  // where it was read: "path:line" or "path"
};

}  // namespace dossier

#endif  // DOSSIER_COMMON_ARTICLE_H_
