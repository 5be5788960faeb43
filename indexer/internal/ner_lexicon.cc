// Organisations only: people and places are well covered by the training
// data and the clusters. Household names of business and public life; the
// model learns the weight of "in the gazetteer" from the entries that occur
// in CoNLL-2003 and applies it to every entry at run time. The AI-industry
// names once listed here (OpenAI, DeepSeek, ...) were removed because they
// matched the example article: names listed there ("labs such as
// DeepSeek") are now found by the list rule of ner_postprocess.cc.
#include "indexer/internal/ner_lexicon.h"

namespace dossier::indexer::internal {

const std::vector<std::pair<std::string_view, int>>& HandWrittenGazetteer() {
  static const std::vector<std::pair<std::string_view, int>> kEntries = [] {
    constexpr int kOrg = 1;
    std::vector<std::pair<std::string_view, int>> entries;
    for (std::string_view org : {
             // Technology and AI.
             "Google",
             "Alphabet",
             "Apple",
             "Microsoft",
             "Amazon",
             "Meta",
             "Facebook",
             "Instagram",
             "WhatsApp",
             "Netflix",
             "Nvidia",
             "Intel",
             "AMD",
             "Qualcomm",
             "IBM",
             "Oracle",
             "Salesforce",
             "Adobe",
             "Cisco",
             "Samsung",
             "Sony",
             "Huawei",
             "Xiaomi",
             "Tencent",
             "Alibaba",
             "Baidu",
             "ByteDance",
             "TikTok",
             "Uber",
             "Lyft",
             "Airbnb",
             "Tesla",
             "SpaceX",
             "Twitter",
             "LinkedIn",
             "Palantir",
             "Stripe",
             "PayPal",
             "Spotify",
             "Dropbox",
             "Zoom",
             "Slack",
             "Yahoo",
             "eBay",
             "Dell",
             "HP",
             "Lenovo",
             "TSMC",
             "ASML",
             "Arm",
             "SoftBank",
             // Finance, industry, media.
             "Goldman Sachs",
             "JPMorgan",
             "JPMorgan Chase",
             "Morgan Stanley",
             "Citigroup",
             "BlackRock",
             "HSBC",
             "Barclays",
             "UBS",
             "Deutsche Bank",
             "Visa",
             "Mastercard",
             "Berkshire Hathaway",
             "Toyota",
             "Volkswagen",
             "BMW",
             "Ford",
             "General Motors",
             "Boeing",
             "Airbus",
             "Shell",
             "BP",
             "ExxonMobil",
             "Chevron",
             "Pfizer",
             "Moderna",
             "Walmart",
             "Disney",
             "Reuters",
             "Bloomberg",
             "CNN",
             "BBC",
             "The New York Times",
             // Public bodies and institutions.
             "United Nations",
             "European Union",
             "NATO",
             "World Health Organization",
             "International Monetary Fund",
             "World Bank",
             "Federal Reserve",
             "European Central Bank",
             "Securities and Exchange Commission",
             "Federal Trade Commission",
             "Department of Justice",
             "Pentagon",
             "NASA",
             "FBI",
             "CIA",
             "Stanford University",
             "Harvard University",
             "MIT",
             "University of California",
             "UC Berkeley",
             "Carnegie Mellon",
             "Oxford University",
             "Cambridge University",
             "Tsinghua University",
         }) {
      entries.emplace_back(org, kOrg);
    }
    return entries;
  }();
  return kEntries;
}

}  // namespace dossier::indexer::internal
