// Tokenizer shared by pg_hba.conf and pg_ident.conf: comments, continuations, quoting, lists and @file includes.
#include "auth/auth_file_tokenizer.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace duckgres::auth {

namespace {

constexpr int kMaxIncludeDepth = 10;

bool IsBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

//! Reads tokens from one logical line (continuations already joined).
class LineScanner {
public:
    explicit LineScanner(std::string_view line) : line(line) {}

    //! The next token, or nullopt at the end of the line or at a comment. `continues_list` tells whether a comma
    //! ended it (the next token belongs to the same field).
    std::optional<AuthFileToken> Next(bool &continues_list) {
        continues_list = false;
        while (pos < line.size() && (IsBlank(line[pos]) || line[pos] == ',')) {
            pos++;
        }
        if (pos >= line.size() || line[pos] == '#') {
            pos = line.size();
            return std::nullopt;
        }
        AuthFileToken token;
        bool in_quotes = false;
        while (pos < line.size()) {
            char c = line[pos];
            if (in_quotes) {
                pos++;
                if (c != '"') {
                    token.text += c;
                } else if (pos < line.size() && line[pos] == '"') {
                    token.text += '"';
                    pos++;
                } else {
                    in_quotes = false;
                }
                continue;
            }
            if (IsBlank(c)) {
                break;
            }
            if (c == '#') {
                pos = line.size();
                break;
            }
            pos++;
            if (c == ',') {
                continues_list = true;
                break;
            }
            if (c == '"') {
                in_quotes = true;
                token.quoted = true;
            } else {
                token.text += c;
            }
        }
        return token;
    }

private:
    std::string_view line;
    size_t pos = 0;
};

//! Splits text into logical lines, each with the number of its first physical line.
std::vector<std::pair<int, std::string>> JoinContinuations(std::string_view text) {
    std::vector<std::pair<int, std::string>> lines;
    int line_number = 0;
    std::string current;
    int first_line = 0;
    bool continuing = false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        bool last = end == std::string_view::npos;
        if (last) {
            end = text.size();
            if (start == end) {
                break;
            }
        }
        std::string_view physical = text.substr(start, end - start);
        while (!physical.empty() && physical.back() == '\r') {
            physical.remove_suffix(1);
        }
        line_number++;
        if (!continuing) {
            first_line = line_number;
            current.clear();
        }
        continuing = !physical.empty() && physical.back() == '\\';
        if (continuing) {
            physical.remove_suffix(1);
        }
        current.append(physical);
        if (!continuing) {
            lines.emplace_back(first_line, current);
        }
        if (last) {
            break;
        }
        start = end + 1;
    }
    if (continuing) {
        lines.emplace_back(first_line, current);
    }
    return lines;
}

std::string Directory(const std::string &path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

std::vector<AuthFileLine> Tokenize(std::string_view text, const std::string &file_name, const AuthFileReader &reader,
                                   int depth, std::vector<AuthFileError> &errors);

//! Appends every token of the file `name` (an @file include in `including_file`). Returns false when the line
//! naming it must be left out: the file cannot be read (`problem` says why) or has errors of its own (already in
//! `errors`).
bool ExpandInclude(const std::string &name, const std::string &including_file, const AuthFileReader &reader, int depth,
                   std::vector<AuthFileToken> &field, std::string &problem, std::vector<AuthFileError> &errors) {
    std::string path = !name.empty() && name[0] == '/' ? name : Directory(including_file) + name;
    if (depth >= kMaxIncludeDepth) {
        problem = "could not open file \"" + path + "\": maximum nesting depth exceeded";
        return false;
    }
    std::string error;
    auto text = reader(path, error);
    if (!text) {
        problem = "could not open secondary authentication file \"@" + name + "\" as \"" + path + "\": " + error;
        return false;
    }
    auto errors_before = errors.size();
    for (auto &line : Tokenize(*text, path, reader, depth + 1, errors)) {
        for (auto &tokens : line.fields) {
            field.insert(field.end(), tokens.begin(), tokens.end());
        }
    }
    return errors.size() == errors_before;
}

std::vector<AuthFileLine> Tokenize(std::string_view text, const std::string &file_name, const AuthFileReader &reader,
                                   int depth, std::vector<AuthFileError> &errors) {
    std::vector<AuthFileLine> result;
    for (auto &[line_number, logical] : JoinContinuations(text)) {
        AuthFileLine line{file_name, line_number, {}};
        LineScanner scanner(logical);
        std::string problem;
        bool failed = false;
        bool continues_list = false;
        while (auto token = scanner.Next(continues_list)) {
            std::vector<AuthFileToken> field;
            while (true) {
                if (!token->quoted && !token->text.empty() && token->text[0] == '@') {
                    if (!failed &&
                        !ExpandInclude(token->text.substr(1), file_name, reader, depth, field, problem, errors)) {
                        failed = true;
                    }
                } else {
                    field.push_back(std::move(*token));
                }
                if (!continues_list || !(token = scanner.Next(continues_list))) {
                    break;
                }
            }
            line.fields.push_back(std::move(field));
        }
        if (!problem.empty()) {
            errors.push_back({file_name, line_number, problem});
        }
        if (!failed && !line.fields.empty()) {
            result.push_back(std::move(line));
        }
    }
    return result;
}

} // namespace

std::string AuthFileError::ToString() const {
    return line_number > 0 ? file + ":" + std::to_string(line_number) + ": " + message : file + ": " + message;
}

std::optional<std::string> ReadAuthFileFromDisk(const std::string &path, std::string &error) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        error = std::strerror(EISDIR);
        return std::nullopt;
    }
    std::ifstream in(path);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<AuthFileLine> TokenizeAuthFile(std::string_view text, const std::string &file_name,
                                           const AuthFileReader &reader, std::vector<AuthFileError> &errors) {
    return Tokenize(text, file_name, reader, 0, errors);
}

} // namespace duckgres::auth
