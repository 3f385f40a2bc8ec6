// Unit tests for the pg_hba.conf / pg_ident.conf tokenizer: comments, quoting, lists, continuations, @file.
#include "auth/auth_file_tokenizer.hpp"

#include <gtest/gtest.h>

#include <map>

namespace duckgres::auth {
namespace {

//! Reads from a fixed set of in-memory files.
AuthFileReader FilesReader(std::map<std::string, std::string> files) {
    return [files = std::move(files)](const std::string &path, std::string &error) -> std::optional<std::string> {
        auto it = files.find(path);
        if (it == files.end()) {
            error = "No such file or directory";
            return std::nullopt;
        }
        return it->second;
    };
}

//! "N: f1|f2a,f2b;..." with quoted tokens in <>.
std::string Render(const std::vector<AuthFileLine> &lines) {
    std::string out;
    for (const auto &line : lines) {
        out += std::to_string(line.line_number) + ":";
        for (size_t f = 0; f < line.fields.size(); f++) {
            out += f == 0 ? " " : "|";
            for (size_t t = 0; t < line.fields[f].size(); t++) {
                const auto &token = line.fields[f][t];
                out += (t == 0 ? "" : ",") + (token.quoted ? "<" + token.text + ">" : token.text);
            }
        }
        out += ";";
    }
    return out;
}

const std::map<std::string, std::string> kFiles = {
    {"/etc/dg/dbs", "x\n\"y z\", w # comment\n@sub\n"},
    {"/etc/dg/sub", "s1 s2\n"},
    {"/abs/names", "\"all\" +admin\n"},
    {"/etc/dg/loop", "@loop\n"},
    {"/etc/dg/empty", "# nothing\n"},
};

TEST(AuthFileTokenizerTest, Tokenizes) {
    const std::pair<const char *, const char *> cases[] = {
        {"host all all 127.0.0.1/32 md5", "1: host|all|all|127.0.0.1/32|md5;"},
        {"", ""},
        {"# only a comment\n\n   \n\t\n", ""},
        {"# c\n\nhost\tall  # trailing comment\n", "3: host|all;"},
        {"a,b, c ,d", "1: a,b,c|d;"},
        {",a,,b", "1: a,b;"},
        {"a, # comment after a comma", "1: a;"},
        {"\"a b\" \"x\"\"y\" ab\"c d\"e \"\" \"#no\" \"all\"", "1: <a b>|<x\"y>|<abc de>|<>|<#no>|<all>;"},
        {"\"a,b\",c", "1: <a,b>,c;"},
        {"abc#def ghi", "1: abc;"},
        {"host a\\\nll b\nx", "1: host|all|b;3: x;"},
        {"a \\\n  b \\\n  c\nd", "1: a|b|c;4: d;"},
        {"\"a \\\nb\" c", "1: <a b>|c;"},
        {"a # comment \\\n b\nc", "1: a;3: c;"},
        {"a b\r\nc\r\n", "1: a|b;2: c;"},
        {"a \\", "1: a;"},
        {"a\\b c", "1: a\\b|c;"},
        {"\"unterminated all", "1: <unterminated all>;"},
        {"host @dbs all", "1: host|x,<y z>,w,s1,s2|all;"},
        {"host db1,@dbs,db2 all", "1: host|db1,x,<y z>,w,s1,s2,db2|all;"},
        {"host \"@dbs\" all", "1: host|<@dbs>|all;"},
        {"host all @/abs/names", "1: host|all|<all>,+admin;"},
        {"host @empty all", "1: host||all;"},
    };
    for (const auto &[text, expected] : cases) {
        std::vector<AuthFileError> errors;
        auto lines = TokenizeAuthFile(text, "/etc/dg/pg_hba.conf", FilesReader(kFiles), errors);
        EXPECT_EQ(Render(lines), expected) << text;
        EXPECT_TRUE(errors.empty()) << text << ": " << errors.front().ToString();
    }
}

TEST(AuthFileTokenizerTest, IncludeErrorsNameTheLine) {
    std::vector<AuthFileError> errors;
    auto lines = TokenizeAuthFile("host all all\n\nhost @missing all\nhost @loop all\nlast", "/etc/dg/pg_hba.conf",
                                  FilesReader(kFiles), errors);
    EXPECT_EQ(Render(lines), "1: host|all|all;5: last;");
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].ToString(), "/etc/dg/pg_hba.conf:3: could not open secondary authentication file \"@missing\" "
                                    "as \"/etc/dg/missing\": No such file or directory");
    EXPECT_EQ(errors[1].file, "/etc/dg/loop");
    EXPECT_EQ(errors[1].line_number, 1);
    EXPECT_NE(errors[1].message.find("maximum nesting depth exceeded"), std::string::npos) << errors[1].message;
}

TEST(AuthFileTokenizerTest, IncludeWithoutDirectoryIsRelativeToWorkingDirectory) {
    std::vector<AuthFileError> errors;
    auto lines = TokenizeAuthFile("@names", "hba.conf", FilesReader({{"names", "a b"}}), errors);
    EXPECT_EQ(Render(lines), "1: a,b;");
    EXPECT_TRUE(errors.empty());
}

TEST(AuthFileTokenizerTest, ErrorText) {
    EXPECT_EQ((AuthFileError{"f.conf", 7, "bad"}).ToString(), "f.conf:7: bad");
    EXPECT_EQ((AuthFileError{"f.conf", 0, "could not open file: x"}).ToString(), "f.conf: could not open file: x");
}

} // namespace
} // namespace duckgres::auth
