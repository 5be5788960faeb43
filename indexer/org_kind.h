// OrgKind: whether an organisation is a COMPANY or an INSTITUTION, and
// which capitalized names are events rather than organisations.
// Pure functions over fixed word lists; thread-safe.
//
// THE RULE (applied to the mention's words, then to its sentence):
//   INSTITUTION = public or non-commercial bodies:
//     - education and research: universities, colleges, schools, academies,
//       research institutes and laboratories ("Laude Institute", "CERN"),
//       and the bare names of well-known universities ("Stanford",
//       "Berkeley", "Harvard", "MIT", "Oxford") when used as an ORG;
//     - government: governments, ministries, departments, agencies,
//       commissions, councils, committees, parliaments, congresses,
//       senates, courts and tribunals, police, armed forces, central banks
//       ("Federal Reserve", "Bank of England"), and international bodies
//       (UN, EU, NATO, IMF, WTO, OPEC, World Bank);
//     - civil society: foundations, charities, trusts, associations,
//       unions, federations, forums, leagues and sports governing bodies (FIFA,
//       UEFA, IOC), political parties, churches.
//   COMPANY = every other ORG: businesses of any size, commercial banks,
//     investors and venture firms, media outlets and news agencies
//     ("Reuters", "BBC"), and sports clubs and teams ("Chelsea",
//     "Manchester United"): clubs are run as businesses and their
//     relations (owners, signings) are company-like. When nothing decides,
//     an ORG is a COMPANY.
//   EVENTS are not organisations: a name whose last word is Summit,
//   Conference, Festival, Olympics, Games, Championship(s), Cup, Open,
//   Awards, Expo, Marathon or Grand Prix is MISC ("Cerebral Valley AI
//   Summit", "World Cup"); the recognizer retypes such ORG mentions to
//   MISC. A body that organises events keeps its own kind: "World
//   Economic Forum" is an INSTITUTION ("Forum" is an institution word, not
//   an event word).
#ifndef DOSSIER_INDEXER_ORG_KIND_H_
#define DOSSIER_INDEXER_ORG_KIND_H_

#include <string_view>

#include "common/annotations.h"

namespace dossier::indexer {

// Returns kCompany or kInstitution for an ORG named `name` (as written,
// e.g. "the Laude Institute"); `sentence` is the text of the sentence it
// occurs in (may be empty) and breaks ties: an ORG without an institution
// word is an INSTITUTION only when its sentence calls it one ("agency",
// "university", "ministry" right before or after the name).
OrgKind ClassifyOrg(std::string_view name, std::string_view sentence);

// True when a word of `name` can only head an organisation's name
// ("University", "Institute", "Commission", "Department", "Inc", and "Bank"
// after a name word), or a name of two or more words ends in a word that
// ends company names ("Juniper Networks", "Altria Group"): such a name is an
// ORG whatever the tagger said. Words that also end place names ("Union",
// "States", "West Bank") do not count.
bool HasOrganisationWord(std::string_view name);

// True when `name` names an event (see THE RULE).
bool IsEventName(std::string_view name);

// True for the bare names of well-known universities ("Stanford").
bool IsUniversityShortName(std::string_view name);

// True when `sentence` talks about academia ("university", "students",
// "professor", "Ph.D.", "institutions"), which makes a university short
// name an ORG rather than the town.
bool HasAcademicCue(std::string_view sentence);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_ORG_KIND_H_
