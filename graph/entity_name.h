// Cross-article entity identity: how a name is normalized into the key that
// decides which stored entity an article's entity joins, and the stable id
// derived from that key. Pure functions; thread-safe.
//
// The rule (graph resolution, issue 5): two article entities are the same
// real entity when they have the same type class and the same normalized
// name. Normalizing folds case, strips diacritics and punctuation, and for
// organizations drops a leading "the" and trailing legal suffixes (Inc.,
// Corp., Ltd., GmbH, LLC, PLC ...). People are never joined on a surname
// alone: "Konwinski" and "Andy Konwinski" stay apart unless a user merges
// them; the surname is kept only as a lookup key.
#ifndef DOSSIER_GRAPH_ENTITY_NAME_H_
#define DOSSIER_GRAPH_ENTITY_NAME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/annotations.h"

namespace dossier::graph {

// Stable 64-bit id of a stored entity. 0 is never a valid id.
using EntityId = std::uint64_t;

// Lower-case ASCII-folded words separated by single spaces, e.g.
// "The Coca-Cola Company, Inc." (ORG) -> "coca cola company";
// "José Álvarez" (PERSON) -> "jose alvarez". Empty when nothing is left.
std::string NormalizeName(std::string_view name, EntityType type);

// Case, diacritics and punctuation folding only: the lookup form of a query
// string, which may name any type.
std::string FoldName(std::string_view name);

// One letter per type class: 'P' person, 'O' organization, 'L' place,
// 'M' other. Companies and institutions share 'O'.
char TypeClass(EntityType type);

// The id an entity of `type` with normalized name `norm` gets.
EntityId EntityIdFor(EntityType type, std::string_view norm);

// True for pronouns and other forms that must never become lookup keys
// ("he", "she", "it", "they", ...). Compares folded forms.
bool IsPronounForm(std::string_view folded);

// The last word of a folded multi-word person name ("konwinski"), or empty
// for a single word.
std::string SurnameOf(std::string_view folded_person_name);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_ENTITY_NAME_H_
