// Table-driven tests of the text search types: tsvector and tsquery input and output, the Porter2 stemmer, the
// default parser's configurations, @@ and ranking; expectations checked against PostgreSQL 15.
#include "common/sql_error.hpp"
#include "types/english_stemmer.hpp"
#include "types/text_search.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::types {
namespace {

struct TextCase {
    const char *input;
    const char *output;
};

const TextCase kVectorCases[] = {
    {"a fat cat sat on a mat and ate a fat rat", "'a' 'and' 'ate' 'cat' 'fat' 'mat' 'on' 'rat' 'sat'"},
    {"'a' 'and' ' ' 'ab\\\\c' 'it''s'", "' ' 'a' 'ab\\\\c' 'and' 'it''s'"},
    {"a:1A fat:2B,4C cat:5D a:3 b:2,1,1A,20000", "'a':1A,3 'b':1A,2,16383 'cat':5 'fat':2B,4C"},
    {"", ""},
    {"  x  ", "'x'"},
    {"b a:2 a", "'a':2 'b'"},
    {"ab\\ c", "'ab c'"},
};

const char *const kBadVectors[] = {"'a", "a:0", "a:", "a:1x", "'a'b", "a:1,"};

const TextCase kQueryCases[] = {
    {"fat & (rat | cat)", "'fat' & ( 'rat' | 'cat' )"},
    {"a & b | c", "'a' & 'b' | 'c'"},
    {"a | b & c", "'a' | 'b' & 'c'"},
    {"!a & !(b|c)", "!'a' & !( 'b' | 'c' )"},
    {"a <-> b <2> c", "'a' <-> 'b' <2> 'c'"},
    {"a <-> (b <-> c)", "'a' <-> ( 'b' <-> 'c' )"},
    {"(a <-> b) <-> c", "'a' <-> 'b' <-> 'c'"},
    {"super:*ab & x:A", "'super':*AB & 'x':A"},
    {"!!a", "!!'a'"},
    {"a <0> b", "'a' <0> 'b'"},
    {"'a\\\\b''c'", "'a\\\\b''c'"},
    {"'foo bar' | baz", "'foo bar' | 'baz'"},
    {"", ""},
};

const char *const kBadQueries[] = {"a & ", "a b", "(a", "a <-1> b", "& a", "a )", "a <x> b", "()"};

TEST(TsVectorText, RoundTrips) {
    for (const auto &c : kVectorCases) {
        EXPECT_EQ(FormatTsVector(ParseTsVector(c.input)), c.output) << c.input;
    }
}

TEST(TsVectorText, RefusesMalformedInput) {
    for (const char *input : kBadVectors) {
        try {
            ParseTsVector(input);
            ADD_FAILURE() << input;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "42601") << input;
        }
    }
}

TEST(TsQueryText, RoundTrips) {
    for (const auto &c : kQueryCases) {
        EXPECT_EQ(FormatTsQuery(ParseTsQuery(c.input)), c.output) << c.input;
    }
}

TEST(TsQueryText, RefusesMalformedInput) {
    for (const char *input : kBadQueries) {
        try {
            ParseTsQuery(input);
            ADD_FAILURE() << input;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "42601") << input;
        }
    }
}

TEST(TsQueryText, RefusesNestingDeeperThanTheLimit) {
    // Deep nesting and long chains (a left-deep tree) alike: every walk over a tsquery recurses as deep.
    const std::string deep = std::string(kMaxTsQueryDepth + 1, '!') + "a";
    const std::string wrapped = std::string(kMaxTsQueryDepth + 1, '(') + "a" + std::string(kMaxTsQueryDepth + 1, ')');
    std::string chain = "a";
    for (int i = 0; i < kMaxTsQueryDepth; i++) {
        chain += " & a";
    }
    for (const std::string *input : {&deep, &wrapped, static_cast<const std::string *>(&chain)}) {
        try {
            ParseTsQuery(*input);
            ADD_FAILURE() << input->substr(0, 20);
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "54001") << input->substr(0, 20);
        }
    }
    const std::string within = std::string(kMaxTsQueryDepth - 1, '!') + "a";
    EXPECT_EQ(TsQueryNodeCount(ParseTsQuery(within)), kMaxTsQueryDepth);
}

TEST(TsBinary, MatchesPostgreSqlSend) {
    // tsquerysend('a & b:*A'), tsquerysend('!a <2> c'), tsvectorsend('a:1A,3 b').
    EXPECT_EQ(TsQueryBinary(ParseTsQuery("a & b:*A")), std::string("\0\0\0\3\2\2\1\x08\1b\0\1\0\0a\0", 16));
    EXPECT_EQ(TsQueryBinary(ParseTsQuery("!a <2> c")), std::string("\0\0\0\4\2\4\0\2\1\0\0c\0\2\1\1\0\0a\0", 20));
    EXPECT_EQ(TsVectorBinary(ParseTsVector("a:1A,3 b")), std::string("\0\0\0\2a\0\0\2\xc0\1\0\3b\0\0\0", 16));
}

struct StemCase {
    const char *word;
    const char *stem; //!< "" for a stop word
};

// SELECT w, ts_lexize('english_stem', w) on PostgreSQL 15.
const StemCase kStems[] = {
    {"university", "univers"},
    {"universe", "univers"},
    {"emergency", "emerg"},
    {"organization", "organ"},
    {"organ", "organ"},
    {"later", "later"},
    {"pasture", "pastur"},
    {"generous", "generous"},
    {"communism", "communism"},
    {"arsenal", "arsenal"},
    {"caresses", "caress"},
    {"ponies", "poni"},
    {"ties", "tie"},
    {"cries", "cri"},
    {"gas", "gas"},
    {"gaps", "gap"},
    {"kiwis", "kiwi"},
    {"this", ""},
    {"feed", "feed"},
    {"agreed", "agre"},
    {"plastered", "plaster"},
    {"bled", "bled"},
    {"motoring", "motor"},
    {"sing", "sing"},
    {"hoping", "hope"},
    {"hopping", "hop"},
    {"conflated", "conflat"},
    {"troubled", "troubl"},
    {"sized", "size"},
    {"filing", "file"},
    {"luxuriate", "luxuri"},
    {"hissing", "hiss"},
    {"fizzed", "fizz"},
    {"failing", "fail"},
    {"cry", "cri"},
    {"by", ""},
    {"say", "say"},
    {"relational", "relat"},
    {"conditional", "condit"},
    {"rational", "ration"},
    {"valency", "valenc"},
    {"hesitancy", "hesit"},
    {"digitizer", "digit"},
    {"conformabli", "conform"},
    {"radicalli", "radic"},
    {"differentli", "differ"},
    {"vileli", "vile"},
    {"analogousli", "analog"},
    {"vietnamization", "vietnam"},
    {"predication", "predic"},
    {"operator", "oper"},
    {"feudalism", "feudal"},
    {"decisiveness", "decis"},
    {"hopefulness", "hope"},
    {"callousness", "callous"},
    {"formaliti", "formal"},
    {"sensitiviti", "sensit"},
    {"sensibiliti", "sensibl"},
    {"triplicate", "triplic"},
    {"formative", "format"},
    {"formalize", "formal"},
    {"electriciti", "electr"},
    {"electrical", "electr"},
    {"hopeful", "hope"},
    {"goodness", "good"},
    {"revival", "reviv"},
    {"allowance", "allow"},
    {"inference", "infer"},
    {"airliner", "airlin"},
    {"gyroscopic", "gyroscop"},
    {"adjustable", "adjust"},
    {"defensible", "defens"},
    {"irritant", "irrit"},
    {"replacement", "replac"},
    {"adjustment", "adjust"},
    {"dependent", "depend"},
    {"adoption", "adopt"},
    {"activate", "activ"},
    {"angulariti", "angular"},
    {"homologous", "homolog"},
    {"effective", "effect"},
    {"bowdlerize", "bowdler"},
    {"generate", "generat"},
    {"skies", "sky"},
    {"dying", "die"},
    {"news", "news"},
    {"inning", "inning"},
    {"proceeding", "proceed"},
    {"dies", "die"},
    {"yelling", "yell"},
    {"sky", "sky"},
    {"eyeing", "eye"},
    {"quickly", "quick"},
    {"happily", "happili"},
    {"fluently", "fluentli"},
    {"ugly", "ugli"},
    {"really", "realli"},
    {"agreement", "agreement"},
    {"jumped", "jump"},
    {"lazy", "lazi"},
    {"dogs", "dog"},
    {"foxes", "fox"},
    {"running", "run"},
    {"abatement", "abat"},
    {"abilities", "abil"},
    {"abbey", "abbey"},
    {"absolutely", "absolut"},
    {"ied", "ie"},
    {"lied", "lie"},
    {"cared", "care"},
    {"controlled", "control"},
    {"tying", "tie"},
    {"eating", "eat"},
    {"hating", "hate"},
    {"hated", "hate"},
    {"canning", "canning"},
    {"canned", "can"},
    {"succeeded", "succeed"},
    {"knees", "knee"},
    {"hey", "hey"},
    {"yes", "yes"},
    {"says", "say"},
    {"saying", "say"},
    {"played", "play"},
    {"playing", "play"},
    {"daily", "daili"},
    {"bye", "bye"},
    {"ays", "ay"},
    {"yay", "yay"},
    {"youth", "youth"},
    {"boyish", "boyish"},
    {"ceremony", "ceremoni"},
    {"mistify", "mistifi"},
    {"commun", "commun"},
    {"ions", "ion"},
    {"fitting", "fit"},
    {"news's", "new"},
    {"atlas", "atlas"},
    {"dogs'", "dog"},
    {"'dogs", "dog"},
    {"fly", "fli"},
    {"flies", "fli"},
    {"flying", "fli"},
    {"gentle", "gentl"},
    {"gently", "gentl"},
    {"singly", "singl"},
    {"idly", "idl"},
    {"argument", "argument"},
    {"succeed", "succeed"},
    {"probate", "probat"},
    {"rate", "rate"},
    {"remove", "remov"},
    {"abele", "abel"},
    {"thing", "thing"},
    {"things", "thing"},
    {"ably", "abli"},
    {"fully", "fulli"},
    {"sincerely", "sincer"},
    {"physically", "physic"},
    {"animated", "anim"},
    {"innings", "inning"},
    {"outings", "outing"},
    {"being", ""},
    {"string", "string"},
    {"clever", "clever"},
    {"exceeds", "exceed"},
    {"the", ""},
    {"and", ""},
    {"ss", "ss"},
    {"is", ""},
};

TEST(EnglishStemmer, MatchesSnowball) {
    for (const auto &c : kStems) {
        if (*c.stem == '\0') {
            EXPECT_TRUE(IsEnglishStopWord(c.word)) << c.word;
            continue;
        }
        EXPECT_FALSE(IsEnglishStopWord(c.word)) << c.word;
        EXPECT_EQ(StemEnglish(c.word), c.stem) << c.word;
    }
}

struct ConfigCase {
    TsConfig config;
    const char *text;
    const char *vector;
};

const ConfigCase kToVector[] = {
    {TsConfig::English, "see /etc/hosts, /usr/bin.", "'/etc/hosts':2 '/usr/bin':3 'see':1"},
    {TsConfig::English, "go to x.org/a, then x.org/b.", "'/a,':5 '/b.':9 'go':1 'x.org':4,8 'x.org/a,':3 'x.org/b.':7"},
    {TsConfig::English, "See http://example.com:80/a/b.html?x=1&y=2, then stop.",
     "'/a/b.html?x=1&y=2,':4 'example.com:80':3 'example.com:80/a/b.html?x=1&y=2,':2 'see':1 'stop':6"},
    {TsConfig::English, "Contact: support+help@company.co.uk.", "'contact':1 'help@company.co.uk':3 'support':2"},
    {TsConfig::English, "www.google.com:8080/search?q=x",
     "'/search?q=x':3 'www.google.com:8080':2 'www.google.com:8080/search?q=x':1"},
    {TsConfig::English, "über Straße naïve-ness", "'naïv':4 'naïve-':3 'ness':5 'straße':2 'über':1"},
    {TsConfig::English, "The C++ compiler v2.0 costs $19.99 (20% off)",
     "'19.99':6 '20':7 'c':2 'compil':3 'cost':5 'v2.0':4"},
    {TsConfig::English, "It's 5 o'clock somewhere, isn't it?", "'5':3 'clock':5 'isn':7 'o':4 'somewher':6"},
    {TsConfig::English, "The quick brown foxes jumped over the lazy dogs",
     "'brown':3 'dog':9 'fox':4 'jump':5 'lazi':8 'quick':2"},
    {TsConfig::Simple, "The Fat RATS ran-away", "'away':6 'fat':2 'ran':5 'ran-away':4 'rats':3 'the':1"},
    {TsConfig::English,
     "http://x.org/p/q visit www.example.com/a.html now x.org foo@bar.com 3.14 -7 42 1.2.3 1e10 foo-bar-baz "
     "well-known self-12 a1-b2 x_y I'm",
     "'-12':24 '-7':12 '/a.html':7 '/p/q':3 '1.2.3':14 '1e10':15 '3.14':11 '42':13 'a1':26 'a1-b2':25 'b2':27 "
     "'bar':18 'baz':19 'foo':17 'foo-bar-baz':16 'foo@bar.com':10 'known':22 'm':31 'self':23 'visit':4 'well':21 "
     "'well-known':20 'www.example.com':6 'www.example.com/a.html':5 'x':28 'x.org':2,9 'x.org/p/q':1 'y':29"},
};

TEST(TextSearchConfig, ToTsVector) {
    for (const auto &c : kToVector) {
        EXPECT_EQ(FormatTsVector(ToTsVector(c.config, c.text)), c.vector) << c.text;
    }
}

TEST(TextSearchConfig, QueryFunctions) {
    EXPECT_EQ(FormatTsQuery(ToTsQuery(TsConfig::English, "The & Fat & Rats")), "'fat' & 'rat'");
    EXPECT_EQ(FormatTsQuery(ToTsQuery(TsConfig::English, "foo-bar & the")), "'foo-bar' <-> 'foo' <-> 'bar'");
    EXPECT_EQ(FormatTsQuery(ToTsQuery(TsConfig::English, "fat <-> the <-> rat")), "'fat' <2> 'rat'");
    EXPECT_EQ(FormatTsQuery(ToTsQuery(TsConfig::English, "running:* & !dogs | (cats <-> jumped)")),
              "'run':* & !'dog' | 'cat' <-> 'jump'");
    EXPECT_EQ(FormatTsQuery(ToTsQuery(TsConfig::Simple, "The & Fat:*B")), "'the' & 'fat':*B");
    EXPECT_EQ(FormatTsQuery(PlainToTsQuery(TsConfig::English, "The Fat Rats")), "'fat' & 'rat'");
    EXPECT_EQ(FormatTsQuery(PlainToTsQuery(TsConfig::English, "fat the rat")), "'fat' & 'rat'");
    EXPECT_EQ(FormatTsQuery(PhraseToTsQuery(TsConfig::English, "The Fat Rats")), "'fat' <-> 'rat'");
    EXPECT_EQ(FormatTsQuery(PhraseToTsQuery(TsConfig::English, "fat the rat the")), "'fat' <2> 'rat'");
    EXPECT_EQ(FormatTsQuery(WebSearchToTsQuery(TsConfig::English, "\"sad cat\" or \"fat rat\" -dog")),
              "'sad' <-> 'cat' | 'fat' <-> 'rat' & !'dog'");
}

struct MatchCase {
    const char *vector;
    const char *query;
    bool matches;
};

const MatchCase kMatches[] = {
    {"a:1 fat:2 cat:3", "fat & cat", true},    {"a:1 fat:2 cat:3", "fat & rat", false},
    {"a:1 fat:2 cat:3", "fat & !rat", true},   {"a:1 fat:2 cat:3", "fat <-> cat", true},
    {"a:1 fat:2 cat:3", "cat <-> fat", false}, {"a:1 fat:2 cat:3", "a <2> cat", true},
    {"a:1 fat:2B cat:3", "fat:A", false},      {"a:1 fat:2B cat:3", "fat:AB", true},
    {"a:1 fatty:2 cat:3", "fat:*", true},      {"a fat cat", "fat <-> cat", false},
    {"a:1 fat:2 cat:3", "fat <-> !rat", true}, {"a:1 fat:2 cat:3", "a <-> (fat | rat)", true},
};

TEST(TextSearchMatch, Operators) {
    for (const auto &c : kMatches) {
        EXPECT_EQ(TsMatch(ParseTsVector(c.vector), ParseTsQuery(c.query)), c.matches) << c.vector << " @@ " << c.query;
    }
}

struct RankCase {
    const char *text;
    const char *query;
    bool cover_density;
    int normalization;
    float rank; //!< PostgreSQL 15's ts_rank / ts_rank_cd
};

const RankCase kRanks[] = {
    {"The quick brown fox jumps over the lazy dog and the fox sleeps", "fox & dog", false, 0, 0.17994115f},
    {"The quick brown fox jumps over the lazy dog", "fox | cat", false, 0, 0.030396355f},
    {"The quick brown fox jumps over the lazy dog and the fox sleeps", "fox & dog", true, 0, 0.053333335f},
    {"The quick brown fox jumps over the lazy dog", "fox", true, 0, 0.1f},
    {"The quick brown fox jumps over the lazy dog and the fox sleeps", "fox & dog", false, 2, 0.022492643f},
    {"The quick brown fox jumps over the lazy dog and the fox sleeps", "fox & dog", true, 32, 0.050632913f},
};

TEST(TextSearchRank, Formulas) {
    for (const auto &c : kRanks) {
        const TsVector vector = ToTsVector(TsConfig::English, c.text);
        const TsQuery query = ToTsQuery(TsConfig::English, c.query);
        const float rank = c.cover_density ? TsRankCd(kDefaultTsWeights, vector, query, c.normalization)
                                           : TsRank(kDefaultTsWeights, vector, query, c.normalization);
        EXPECT_EQ(rank, c.rank) << c.text << " / " << c.query;
    }
}

} // namespace
} // namespace duckgres::types
