// tsvector: input parsing, normalization, output text and binary form.
#include "types/tsvector.hpp"

#include "common/sql_error.hpp"

#include <algorithm>

namespace duckgres::types {

namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

[[noreturn]] void SyntaxError(std::string_view text) {
    throw SqlError("42601", "syntax error in tsvector: \"" + std::string(text) + "\"");
}

void AppendQuoted(std::string &out, std::string_view text) {
    out += '\'';
    for (char c : text) {
        if (c == '\'' || c == '\\') {
            out += c;
        }
        out += c;
    }
    out += '\'';
}

void AppendUint16(std::string &out, uint16_t value) {
    out += static_cast<char>(value >> 8);
    out += static_cast<char>(value & 0xff);
}

} // namespace

int TsWeightCode(char c) {
    switch (c) {
    case 'A':
    case 'a':
        return 3;
    case 'B':
    case 'b':
        return 2;
    case 'C':
    case 'c':
        return 1;
    case 'D':
    case 'd':
        return 0;
    default:
        return -1;
    }
}

void NormalizeTsVector(TsVector &vector) {
    auto &lexemes = vector.lexemes;
    std::stable_sort(lexemes.begin(), lexemes.end(),
                     [](const TsLexeme &a, const TsLexeme &b) { return a.text < b.text; });
    std::vector<TsLexeme> merged;
    for (auto &lexeme : lexemes) {
        if (!merged.empty() && merged.back().text == lexeme.text) {
            auto &into = merged.back().positions;
            into.insert(into.end(), lexeme.positions.begin(), lexeme.positions.end());
        } else {
            merged.push_back(std::move(lexeme));
        }
    }
    for (auto &lexeme : merged) {
        auto &positions = lexeme.positions;
        std::stable_sort(positions.begin(), positions.end(),
                         [](const TsPosition &a, const TsPosition &b) { return a.position < b.position; });
        std::vector<TsPosition> unique;
        for (const auto &position : positions) {
            if (!unique.empty() && unique.back().position == position.position) {
                unique.back().weight = std::max(unique.back().weight, position.weight);
                continue;
            }
            if (unique.size() >= kMaxTsPositions) {
                break;
            }
            unique.push_back(position);
        }
        positions = std::move(unique);
    }
    lexemes = std::move(merged);
}

TsVector ParseTsVector(std::string_view text) {
    TsVector vector;
    size_t i = 0;
    const size_t n = text.size();
    while (true) {
        while (i < n && IsSpace(text[i])) {
            i++;
        }
        if (i >= n) {
            break;
        }
        TsLexeme lexeme;
        if (text[i] == '\'') {
            i++;
            bool closed = false;
            while (i < n) {
                if (text[i] == '\\') {
                    if (i + 1 >= n) {
                        SyntaxError(text);
                    }
                    lexeme.text += text[i + 1];
                    i += 2;
                } else if (text[i] == '\'') {
                    if (i + 1 < n && text[i + 1] == '\'') {
                        lexeme.text += '\'';
                        i += 2;
                    } else {
                        i++;
                        closed = true;
                        break;
                    }
                } else {
                    lexeme.text += text[i++];
                }
            }
            if (!closed) {
                SyntaxError(text);
            }
        } else {
            while (i < n && !IsSpace(text[i]) && text[i] != ':') {
                if (text[i] == '\\') {
                    if (i + 1 >= n) {
                        SyntaxError(text);
                    }
                    lexeme.text += text[i + 1];
                    i += 2;
                } else if (text[i] == '\'') {
                    SyntaxError(text);
                } else {
                    lexeme.text += text[i++];
                }
            }
        }
        if (i < n && text[i] == ':') {
            i++;
            while (true) {
                if (i >= n || text[i] < '0' || text[i] > '9') {
                    SyntaxError(text);
                }
                uint32_t position = 0;
                while (i < n && text[i] >= '0' && text[i] <= '9') {
                    position = std::min<uint32_t>(position * 10 + (text[i] - '0'), 1000000);
                    i++;
                }
                if (position == 0) {
                    throw SqlError("42601", "wrong position info in tsvector: \"" + std::string(text) + "\"");
                }
                TsPosition entry{static_cast<uint16_t>(std::min<uint32_t>(position, kMaxTsPosition)), 0};
                while (i < n && TsWeightCode(text[i]) >= 0) {
                    entry.weight = static_cast<uint8_t>(TsWeightCode(text[i]));
                    i++;
                }
                lexeme.positions.push_back(entry);
                if (i < n && text[i] == ',') {
                    i++;
                    continue;
                }
                break;
            }
            if (i < n && !IsSpace(text[i])) {
                SyntaxError(text);
            }
        } else if (i < n && !IsSpace(text[i])) {
            SyntaxError(text);
        }
        vector.lexemes.push_back(std::move(lexeme));
    }
    NormalizeTsVector(vector);
    return vector;
}

std::string FormatTsVector(const TsVector &vector) {
    static constexpr char kWeights[] = {'D', 'C', 'B', 'A'};
    std::string out;
    for (const auto &lexeme : vector.lexemes) {
        if (!out.empty()) {
            out += ' ';
        }
        AppendQuoted(out, lexeme.text);
        for (size_t p = 0; p < lexeme.positions.size(); p++) {
            out += p ? ',' : ':';
            out += std::to_string(lexeme.positions[p].position);
            if (lexeme.positions[p].weight) {
                out += kWeights[lexeme.positions[p].weight];
            }
        }
    }
    return out;
}

std::string TsVectorBinary(const TsVector &vector) {
    std::string out;
    const auto count = static_cast<uint32_t>(vector.lexemes.size());
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((count >> shift) & 0xff);
    }
    for (const auto &lexeme : vector.lexemes) {
        out += lexeme.text;
        out += '\0';
        AppendUint16(out, static_cast<uint16_t>(lexeme.positions.size()));
        for (const auto &position : lexeme.positions) {
            AppendUint16(out, static_cast<uint16_t>((position.weight << 14) | position.position));
        }
    }
    return out;
}

TsVector ConcatTsVectors(const TsVector &left, const TsVector &right) {
    uint16_t shift = 0;
    for (const auto &lexeme : left.lexemes) {
        for (const auto &position : lexeme.positions) {
            shift = std::max(shift, position.position);
        }
    }
    TsVector out = left;
    for (auto lexeme : right.lexemes) {
        for (auto &position : lexeme.positions) {
            position.position = static_cast<uint16_t>(std::min<uint32_t>(position.position + shift, kMaxTsPosition));
        }
        out.lexemes.push_back(std::move(lexeme));
    }
    NormalizeTsVector(out);
    return out;
}

} // namespace duckgres::types
