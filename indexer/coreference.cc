#include "indexer/coreference.h"

#include <algorithm>
#include <string>

#include "indexer/internal/coref_names.h"

// ResolveEntities walks the mentions in text order and joins each to an
// existing entity of the same type by the first rule that applies:
//   1. same normalized name (or an alias of it);
//   2. PERSON full name: an entity known so far only by this surname (or
//      first name) is upgraded to the full name; same first and last word
//      ("Hillary Rodham Clinton") joins;
//   3. PERSON single word: surname, else first name, of the most recently
//      mentioned person (so two Clintons stay apart);
//   4. ORG/PLACE: an acronym the text defined ("... Commission (FTC)") or
//      a stock ticker ("Apple Inc. (NASDAQ: AAPL)"), the initials of an
//      entity's name ("U.S."), or a name that extends or shortens an
//      entity's name at a word boundary ("Alibaba Group").
// Otherwise the mention starts a new entity.

namespace dossier::indexer {
namespace {

using internal::NormalizedName;

struct Builder {
  std::string_view text;
  ArticleAnalysis* analysis;
  std::vector<std::uint32_t> last_seen;  // per entity: last mention begin
  std::vector<std::pair<std::string, int>> acronyms;  // defined in text

  std::vector<ArticleEntity>& entities() { return analysis->entities; }

  void AddAlias(int e, const std::string& surface, const std::string& reason) {
    ArticleEntity& ent = entities()[e];
    if (surface == ent.name || std::find(ent.aliases.begin(), ent.aliases.end(),
                                         surface) != ent.aliases.end()) {
      return;
    }
    ent.aliases.push_back(surface);
    ent.reasons.push_back(reason);
  }

  void Rename(int e, const std::string& fuller, const std::string& why_old) {
    ArticleEntity& ent = entities()[e];
    const std::string old = ent.name;
    const auto it = std::find(ent.aliases.begin(), ent.aliases.end(), fuller);
    if (it != ent.aliases.end()) {
      ent.reasons.erase(ent.reasons.begin() + (it - ent.aliases.begin()));
      ent.aliases.erase(it);
    }
    ent.name = fuller;
    AddAlias(e, old, why_old + fuller);
  }

  bool HasName(int e, const std::string& name) const {
    const ArticleEntity& ent = analysis->entities[e];
    return ent.name == name || std::find(ent.aliases.begin(), ent.aliases.end(),
                                         name) != ent.aliases.end();
  }

  // The most recently mentioned entity of `type` accepted by `pred`.
  template <typename Pred>
  int MostRecent(EntityType type, Pred pred) const {
    int best = -1;
    for (std::size_t e = 0; e < analysis->entities.size(); ++e) {
      if (analysis->entities[e].type != type || !pred(static_cast<int>(e))) {
        continue;
      }
      if (best < 0 || last_seen[e] > last_seen[best]) {
        best = static_cast<int>(e);
      }
    }
    return best;
  }

  int JoinPerson(const NormalizedName& n, std::string* reason);
  int JoinOrgOrPlace(const Mention& m, const NormalizedName& n,
                     std::string* reason);
  void RecordAcronym(const Mention& m, int entity);
  void Add(int mention_idx);
};

std::vector<std::string> Words(const std::string& name) {
  return internal::NormalizeName(name).words;
}

int Builder::JoinPerson(const NormalizedName& n, std::string* reason) {
  if (n.words.size() >= 2) {
    const std::string& first = n.words.front();
    const std::string& last = n.words.back();
    int e = MostRecent(EntityType::kPerson, [&](int c) {
      const std::vector<std::string> w = Words(entities()[c].name);
      return w.size() >= 2 && w.front() == first && w.back() == last;
    });
    if (e >= 0) {
      *reason = "same first and last name as " + entities()[e].name;
      return e;
    }
    e = MostRecent(EntityType::kPerson, [&](int c) {
      const std::vector<std::string> w = Words(entities()[c].name);
      return w.size() == 1 && (w[0] == last || w[0] == first);
    });
    if (e >= 0) {
      const bool surname = Words(entities()[e].name)[0] == last;
      Rename(e, n.name, surname ? "surname of " : "first name of ");
      *reason = "";
      return e;
    }
    return -1;
  }
  const std::string& word = n.words.front();
  int e = MostRecent(EntityType::kPerson, [&](int c) {
    const std::vector<std::string> w = Words(entities()[c].name);
    return w.size() >= 2 && w.back() == word;
  });
  if (e >= 0) {
    *reason = "surname of " + entities()[e].name;
    return e;
  }
  e = MostRecent(EntityType::kPerson, [&](int c) {
    const std::vector<std::string> w = Words(entities()[c].name);
    return w.size() >= 2 && w.front() == word;
  });
  if (e >= 0) {
    *reason = "first name of " + entities()[e].name;
  }
  return e;
}

int Builder::JoinOrgOrPlace(const Mention& m, const NormalizedName& n,
                            std::string* reason) {
  const std::string acronym = internal::AcronymForm(n.name);
  if (!acronym.empty()) {
    for (const auto& [defined, e] : acronyms) {
      if (defined == acronym) {
        *reason = "acronym defined for " + entities()[e].name;
        return e;
      }
    }
    const int e = MostRecent(m.type, [&](int c) {
      return internal::Initials(Words(entities()[c].name)) == acronym;
    });
    if (e >= 0) {
      *reason = "initials of " + entities()[e].name;
      return e;
    }
  }
  const std::string& name = n.name;
  const int e = MostRecent(m.type, [&](int c) {
    // "Laude" (a firm) and "Laude Institute" (its institute) are two
    // organizations: a short form never joins an org of another kind.
    const OrgKind kind = entities()[c].org_kind;
    if (kind != OrgKind::kNone && m.org_kind != OrgKind::kNone &&
        kind != m.org_kind) {
      return false;
    }
    const std::string& other = entities()[c].name;
    const std::string& shorter = other.size() < name.size() ? other : name;
    const std::string& longer = other.size() < name.size() ? name : other;
    return !shorter.empty() && longer.size() > shorter.size() &&
           longer.starts_with(shorter) && longer[shorter.size()] == ' ';
  });
  if (e >= 0) {
    const std::string& other = entities()[e].name;
    *reason = name.size() < other.size() ? "short form of " + other : "";
  }
  return e;
}

void Builder::RecordAcronym(const Mention& m, int entity) {
  // "Federal Trade Commission (FTC)": the parenthesis right after.
  std::size_t p = m.span.end;
  if (p + 1 >= text.size() || text[p] != ' ' || text[p + 1] != '(') {
    return;
  }
  const std::size_t close = text.find(')', p + 2);
  if (close == std::string_view::npos || close - p > 24) {
    return;
  }
  std::string_view inside = text.substr(p + 2, close - p - 2);
  // "Apple Inc. (NASDAQ: AAPL)": the stock ticker after the exchange.
  std::string exchange;
  if (const std::size_t colon = inside.find(':');
      m.type == EntityType::kOrg && colon != std::string_view::npos) {
    exchange = std::string(inside.substr(0, colon));
    inside = inside.substr(colon + 1);
    while (!inside.empty() && inside.front() == ' ') {
      inside.remove_prefix(1);
    }
  } else if (close - p > 12) {
    return;
  }
  const std::string acronym = internal::AcronymForm(inside);
  const auto at = static_cast<std::size_t>(inside.data() - text.data());
  if (!acronym.empty()) {
    acronyms.emplace_back(acronym, entity);
    AddAlias(entity, acronym,
             exchange.empty()
                 ? "acronym defined at byte " + std::to_string(at)
                 : "stock ticker on " + exchange + " at byte " +
                       std::to_string(at));
  }
}

void Builder::Add(int mention_idx) {
  Mention& m = analysis->mentions[mention_idx];
  const std::string surface(
      text.substr(m.span.begin, m.span.end - m.span.begin));
  const NormalizedName n = internal::NormalizeName(surface);
  if (n.words.empty()) {
    return;
  }
  int e = -1;
  std::string reason = "same name";
  e = MostRecent(m.type, [&](int c) { return HasName(c, n.name); });
  if (e >= 0) {
    // Through an alias: "Mr. Konwinski" joins for the reason "Konwinski" did.
    const ArticleEntity& ent = entities()[e];
    const auto it = std::find(ent.aliases.begin(), ent.aliases.end(), n.name);
    if (it != ent.aliases.end()) {
      reason = ent.reasons[it - ent.aliases.begin()];
    }
  }
  if (e < 0 && m.type == EntityType::kPerson) {
    e = JoinPerson(n, &reason);
  } else if (e < 0) {
    e = JoinOrgOrPlace(m, n, &reason);
    if (e >= 0 && reason.empty()) {
      Rename(e, n.name, "short form of ");
    }
  }
  if (e < 0) {
    e = static_cast<int>(entities().size());
    ArticleEntity ent;
    ent.name = n.name;
    ent.type = m.type;
    ent.org_kind = m.org_kind;
    entities().push_back(std::move(ent));
    last_seen.push_back(0);
  } else if (!reason.empty()) {
    AddAlias(e, n.name, reason);
  }
  std::string written(internal::NormalizeName(surface).name);
  if (n.had_title) {
    written = surface;
  }
  AddAlias(e, written, reason.empty() ? "same name" : reason);
  ArticleEntity& ent = entities()[e];
  if (ent.org_kind == OrgKind::kNone) {
    ent.org_kind = m.org_kind;
  }
  ent.mentions.push_back(mention_idx);
  last_seen[e] = m.span.begin;
  m.entity = e;
  if (m.type != EntityType::kPerson) {
    RecordAcronym(m, e);
  }
}

}  // namespace

void ResolveEntities(std::string_view text, ArticleAnalysis* analysis) {
  analysis->entities.clear();
  std::vector<int> order(analysis->mentions.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = static_cast<int>(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return analysis->mentions[a].span.begin < analysis->mentions[b].span.begin;
  });
  Builder builder{text, analysis, {}, {}};
  for (int idx : order) {
    builder.Add(idx);
  }
}

}  // namespace dossier::indexer
