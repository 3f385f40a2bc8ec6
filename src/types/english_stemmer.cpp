// The Snowball English (Porter2) stemmer, written from the algorithm's published description, and the stop words.
#include "types/english_stemmer.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

namespace duckgres::types {

namespace {

bool IsVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool IsDouble(std::string_view w) {
    if (w.size() < 2 || w[w.size() - 1] != w[w.size() - 2]) {
        return false;
    }
    const char c = w.back();
    return c == 'b' || c == 'd' || c == 'f' || c == 'g' || c == 'm' || c == 'n' || c == 'p' || c == 'r' || c == 't';
}

bool IsLiEnding(char c) {
    return c == 'c' || c == 'd' || c == 'e' || c == 'g' || c == 'h' || c == 'k' || c == 'm' || c == 'n' || c == 'r' ||
           c == 't';
}

bool EndsWith(std::string_view w, std::string_view suffix) {
    return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

class Stemmer {
public:
    explicit Stemmer(std::string word) : w_(std::move(word)) {}

    std::string Run() {
        if (w_.size() <= 2) {
            return w_;
        }
        if (auto special = Exception1()) {
            return special;
        }
        if (w_[0] == '\'') {
            w_.erase(0, 1);
        }
        MarkYs();
        FindRegions();
        Step0();
        Step1a();
        if (!Exception2()) {
            Step1b();
            Step1c();
            Step2();
            Step3();
            Step4();
            Step5();
        }
        std::replace(w_.begin(), w_.end(), 'Y', 'y');
        return w_;
    }

private:
    const char *Exception1() const {
        static constexpr std::pair<std::string_view, const char *> kForms[] = {
            {"skis", "ski"},      {"skies", "sky"},    {"dying", "die"},   {"lying", "lie"},   {"tying", "tie"},
            {"idly", "idl"},      {"gently", "gentl"}, {"ugly", "ugli"},   {"early", "earli"}, {"only", "onli"},
            {"singly", "singl"},  {"sky", "sky"},      {"news", "news"},   {"howe", "howe"},   {"atlas", "atlas"},
            {"cosmos", "cosmos"}, {"bias", "bias"},    {"andes", "andes"},
        };
        for (const auto &[form, stem] : kForms) {
            if (w_ == form) {
                return stem;
            }
        }
        return nullptr;
    }

    bool Exception2() const {
        for (std::string_view word :
             {"inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"}) {
            if (w_ == word) {
                return true;
            }
        }
        return false;
    }

    bool Vowel(size_t i) const { return IsVowel(w_[i]); }

    void MarkYs() {
        for (size_t i = 0; i < w_.size(); i++) {
            if (w_[i] == 'y' && (i == 0 || IsVowel(w_[i - 1]))) {
                w_[i] = 'Y';
            }
        }
    }

    //! The start of the region after the first non-vowel following a vowel, searching from `from`.
    size_t RegionAfter(size_t from) const {
        for (size_t i = from + 1; i < w_.size(); i++) {
            if (!Vowel(i) && Vowel(i - 1)) {
                return i + 1;
            }
        }
        return w_.size();
    }

    void FindRegions() {
        r1_ = w_.size();
        for (std::string_view prefix : {"gener", "commun", "arsen"}) {
            if (w_.starts_with(prefix)) {
                r1_ = prefix.size();
                break;
            }
        }
        if (r1_ == w_.size()) {
            r1_ = RegionAfter(0);
        }
        r2_ = r1_ >= w_.size() ? w_.size() : RegionAfter(r1_);
        if (r2_ < r1_) {
            r2_ = r1_;
        }
    }

    bool InR1(size_t suffix) const { return w_.size() - suffix >= r1_; }
    bool InR2(size_t suffix) const { return w_.size() - suffix >= r2_; }

    void Chop(size_t n) { w_.resize(w_.size() - n); }
    void Replace(size_t n, std::string_view with) {
        Chop(n);
        w_ += with;
    }

    //! The longest of `suffixes` the word ends with, or "".
    std::string_view Longest(std::initializer_list<std::string_view> suffixes) const {
        std::string_view best;
        for (auto suffix : suffixes) {
            if (suffix.size() > best.size() && EndsWith(w_, suffix)) {
                best = suffix;
            }
        }
        return best;
    }

    //! Whether w_[0, end) ends in a short syllable.
    bool EndsInShortSyllable(size_t end) const {
        if (end >= 3) {
            const char c = w_[end - 1];
            return !IsVowel(w_[end - 3]) && IsVowel(w_[end - 2]) && !IsVowel(c) && c != 'w' && c != 'x' && c != 'Y';
        }
        return end == 2 && IsVowel(w_[0]) && !IsVowel(w_[1]);
    }

    bool IsShort() const { return r1_ >= w_.size() && EndsInShortSyllable(w_.size()); }

    bool HasVowelBefore(size_t end) const {
        for (size_t i = 0; i < end; i++) {
            if (Vowel(i)) {
                return true;
            }
        }
        return false;
    }

    void Step0() {
        auto suffix = Longest({"'", "'s", "'s'"});
        Chop(suffix.size());
    }

    void Step1a() {
        auto suffix = Longest({"sses", "ied", "ies", "s", "us", "ss"});
        if (suffix == "sses") {
            Replace(4, "ss");
        } else if (suffix == "ied" || suffix == "ies") {
            Replace(3, w_.size() > 4 ? "i" : "ie");
        } else if (suffix == "s") {
            // Deleted when a vowel comes before the letter preceding the s.
            if (w_.size() >= 3 && HasVowelBefore(w_.size() - 2)) {
                Chop(1);
            }
        }
    }

    void Step1b() {
        auto suffix = Longest({"eed", "eedly", "ed", "edly", "ing", "ingly"});
        if (suffix.empty()) {
            return;
        }
        if (suffix == "eed" || suffix == "eedly") {
            if (InR1(suffix.size())) {
                Replace(suffix.size(), "ee");
            }
            return;
        }
        if (!HasVowelBefore(w_.size() - suffix.size())) {
            return;
        }
        Chop(suffix.size());
        if (EndsWith(w_, "at") || EndsWith(w_, "bl") || EndsWith(w_, "iz")) {
            w_ += 'e';
        } else if (IsDouble(w_)) {
            Chop(1);
        } else if (IsShort()) {
            w_ += 'e';
        }
    }

    void Step1c() {
        const size_t n = w_.size();
        if (n > 2 && (w_[n - 1] == 'y' || w_[n - 1] == 'Y') && !IsVowel(w_[n - 2])) {
            w_[n - 1] = 'i';
        }
    }

    void Step2() {
        static constexpr std::pair<std::string_view, std::string_view> kRules[] = {
            {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},   {"abli", "able"},   {"entli", "ent"},
            {"izer", "ize"},    {"ization", "ize"}, {"ational", "ate"}, {"ation", "ate"},   {"ator", "ate"},
            {"alism", "al"},    {"aliti", "al"},    {"alli", "al"},     {"fulness", "ful"}, {"ousli", "ous"},
            {"ousness", "ous"}, {"iveness", "ive"}, {"iviti", "ive"},   {"biliti", "ble"},  {"bli", "ble"},
            {"ogi", "og"},      {"fulli", "ful"},   {"lessli", "less"}, {"li", ""},
        };
        size_t best = std::size(kRules);
        for (size_t i = 0; i < std::size(kRules); i++) {
            if (EndsWith(w_, kRules[i].first) &&
                (best == std::size(kRules) || kRules[i].first.size() > kRules[best].first.size())) {
                best = i;
            }
        }
        if (best == std::size(kRules)) {
            return;
        }
        const auto [suffix, replacement] = kRules[best];
        if (!InR1(suffix.size())) {
            return;
        }
        const size_t before = w_.size() - suffix.size();
        if (suffix == "ogi" && (before == 0 || w_[before - 1] != 'l')) {
            return;
        }
        if (suffix == "li" && (before == 0 || !IsLiEnding(w_[before - 1]))) {
            return;
        }
        Replace(suffix.size(), replacement);
    }

    void Step3() {
        static constexpr std::pair<std::string_view, std::string_view> kRules[] = {
            {"tional", "tion"}, {"ational", "ate"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"},
            {"ical", "ic"},     {"ful", ""},        {"ness", ""},    {"ative", ""},
        };
        size_t best = std::size(kRules);
        for (size_t i = 0; i < std::size(kRules); i++) {
            if (EndsWith(w_, kRules[i].first) &&
                (best == std::size(kRules) || kRules[i].first.size() > kRules[best].first.size())) {
                best = i;
            }
        }
        if (best == std::size(kRules)) {
            return;
        }
        const auto [suffix, replacement] = kRules[best];
        if (!InR1(suffix.size()) || (suffix == "ative" && !InR2(suffix.size()))) {
            return;
        }
        Replace(suffix.size(), replacement);
    }

    void Step4() {
        auto suffix = Longest({"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
                               "ate", "iti", "ous", "ive", "ize", "ion"});
        if (suffix.empty() || !InR2(suffix.size())) {
            return;
        }
        if (suffix == "ion") {
            const size_t before = w_.size() - 3;
            if (before == 0 || (w_[before - 1] != 's' && w_[before - 1] != 't')) {
                return;
            }
        }
        Chop(suffix.size());
    }

    void Step5() {
        if (EndsWith(w_, "e")) {
            if (InR2(1) || (InR1(1) && !EndsInShortSyllable(w_.size() - 1))) {
                Chop(1);
            }
        } else if (EndsWith(w_, "l") && InR2(1) && w_.size() >= 2 && w_[w_.size() - 2] == 'l') {
            Chop(1);
        }
    }

    std::string w_;
    size_t r1_ = 0;
    size_t r2_ = 0;
};

// PostgreSQL's english.stop.
constexpr std::string_view kStopWords[] = {
    "a",       "about",  "above",   "after",  "again",  "against",    "all",        "am",        "an",    "and",
    "any",     "are",    "as",      "at",     "be",     "because",    "been",       "before",    "being", "below",
    "between", "both",   "but",     "by",     "can",    "did",        "do",         "does",      "doing", "don",
    "down",    "during", "each",    "few",    "for",    "from",       "further",    "had",       "has",   "have",
    "having",  "he",     "her",     "here",   "hers",   "herself",    "him",        "himself",   "his",   "how",
    "i",       "if",     "in",      "into",   "is",     "it",         "its",        "itself",    "just",  "me",
    "more",    "most",   "my",      "myself", "no",     "nor",        "not",        "now",       "of",    "off",
    "on",      "once",   "only",    "or",     "other",  "our",        "ours",       "ourselves", "out",   "over",
    "own",     "s",      "same",    "she",    "should", "so",         "some",       "such",      "t",     "than",
    "that",    "the",    "their",   "theirs", "them",   "themselves", "then",       "there",     "these", "they",
    "this",    "those",  "through", "to",     "too",    "under",      "until",      "up",        "very",  "was",
    "we",      "were",   "what",    "when",   "where",  "which",      "while",      "who",       "whom",  "why",
    "will",    "with",   "you",     "your",   "yours",  "yourself",   "yourselves",
};

} // namespace

std::string StemEnglish(std::string_view word) {
    // The algorithm counts characters: each multibyte UTF-8 character stands in as one byte (a non-vowel) while
    // stemming, and comes back afterwards (stemming only changes the word's ASCII end).
    std::string compact;
    std::vector<std::string_view> characters;
    for (size_t i = 0; i < word.size();) {
        if (static_cast<unsigned char>(word[i]) < 0x80) {
            compact += word[i++];
            continue;
        }
        size_t end = i + 1;
        while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) {
            end++;
        }
        characters.push_back(word.substr(i, end - i));
        compact += '\x01';
        i = end;
    }
    const std::string stem = Stemmer(std::move(compact)).Run();
    if (characters.empty()) {
        return stem;
    }
    std::string out;
    size_t next = 0;
    for (char c : stem) {
        if (c == '\x01' && next < characters.size()) {
            out += characters[next++];
        } else {
            out += c;
        }
    }
    return out;
}

bool IsEnglishStopWord(std::string_view word) {
    return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

} // namespace duckgres::types
