// PostgreSQL's default text search parser: a scanner for the token kinds its configurations index most often.
#include "types/ts_default_parser.hpp"

namespace duckgres::types {

namespace {

bool IsAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

//! A letter: an ASCII letter or any multibyte UTF-8 character.
bool IsLetter(char c) {
    return IsAsciiAlpha(c) || (static_cast<unsigned char>(c) >= 0x80);
}

bool IsAlnum(char c) {
    return IsLetter(c) || IsDigit(c);
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::vector<TsToken> Run() {
        while (i_ < text_.size()) {
            if (!Tag() && !Entity() && !Url() && !Email() && !HostOrUrl() && !File() && !DottedFile() && !Number() &&
                !Words()) {
                i_++;
            }
        }
        return std::move(tokens_);
    }

private:
    char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

    void Emit(TsTokenKind kind, size_t begin, size_t end) {
        tokens_.push_back({kind, std::string(text_.substr(begin, end - begin))});
    }

    bool Tag() {
        if (At(i_) != '<') {
            return false;
        }
        size_t j = i_ + 1;
        if (At(j) == '/') {
            j++;
        }
        if (!IsAsciiAlpha(At(j))) {
            return false;
        }
        while (j < text_.size() && text_[j] != '>' && text_[j] != '<') {
            j++;
        }
        if (At(j) != '>') {
            return false;
        }
        Emit(TsTokenKind::Tag, i_, j + 1);
        i_ = j + 1;
        return true;
    }

    bool Entity() {
        if (At(i_) != '&') {
            return false;
        }
        size_t j = i_ + 1;
        if (At(j) == '#') {
            j++;
            const size_t digits = j;
            while (IsDigit(At(j))) {
                j++;
            }
            if (j == digits) {
                return false;
            }
        } else {
            const size_t letters = j;
            while (IsAsciiAlpha(At(j))) {
                j++;
            }
            if (j == letters) {
                return false;
            }
        }
        if (At(j) != ';') {
            return false;
        }
        Emit(TsTokenKind::Entity, i_, j + 1);
        i_ = j + 1;
        return true;
    }

    //! The end of a host name starting at `begin` (labels of letters, digits and hyphens, two or more, the last one
    //! not all digits), or `begin` when there is none.
    size_t HostEnd(size_t begin) const {
        size_t j = begin;
        size_t labels = 0;
        size_t end = begin;
        bool last_has_letter = false;
        while (true) {
            const size_t label = j;
            bool letter = false;
            while (IsAsciiAlpha(At(j)) || IsDigit(At(j)) || (j > label && At(j) == '-')) {
                letter = letter || IsAsciiAlpha(At(j));
                j++;
            }
            if (j == label || At(j - 1) == '-') {
                break;
            }
            labels++;
            end = j;
            last_has_letter = letter;
            if (At(j) != '.' || !(IsAsciiAlpha(At(j + 1)) || IsDigit(At(j + 1)))) {
                break;
            }
            j++;
        }
        if (labels < 2 || !last_has_letter) {
            return begin;
        }
        // A port belongs to the host.
        if (At(end) == ':' && IsDigit(At(end + 1))) {
            end++;
            while (IsDigit(At(end))) {
                end++;
            }
        }
        return end;
    }

    //! The end of a URL's path (its query, commas and a final dot included) or of a file path (neither).
    size_t PathEnd(size_t begin, bool url) const {
        size_t j = begin;
        while (IsAsciiAlpha(At(j)) || IsDigit(At(j)) || At(j) == '/' || At(j) == '.' || At(j) == '-' || At(j) == '_' ||
               At(j) == '~' || At(j) == '%' ||
               (url && (At(j) == '?' || At(j) == '=' || At(j) == '&' || At(j) == '+' || At(j) == ','))) {
            j++;
        }
        while (!url && j > begin + 1 && At(j - 1) == '.') {
            j--;
        }
        return j;
    }

    //! Host with path: url, host, url_path; a host alone: host.
    void EmitHostAndPath(size_t host_begin, size_t host_end) {
        if (At(host_end) == '/') {
            const size_t path_end = PathEnd(host_end, true);
            Emit(TsTokenKind::Url, host_begin, path_end);
            Emit(TsTokenKind::Host, host_begin, host_end);
            if (path_end > host_end + 1) {
                Emit(TsTokenKind::UrlPath, host_end, path_end);
            }
            i_ = path_end;
            return;
        }
        Emit(TsTokenKind::Host, host_begin, host_end);
        i_ = host_end;
    }

    bool Url() {
        if (!IsAsciiAlpha(At(i_))) {
            return false;
        }
        size_t j = i_;
        while (IsAsciiAlpha(At(j))) {
            j++;
        }
        if (text_.substr(j).substr(0, 3) != "://") {
            return false;
        }
        const size_t host_end = HostEnd(j + 3);
        if (host_end == j + 3) {
            return false;
        }
        Emit(TsTokenKind::Protocol, i_, j + 3);
        EmitHostAndPath(j + 3, host_end);
        return true;
    }

    bool Email() {
        size_t j = i_;
        while (IsAsciiAlpha(At(j)) || IsDigit(At(j)) || At(j) == '.' || At(j) == '_' || At(j) == '-') {
            j++;
        }
        if (j == i_ || At(j) != '@' || !IsAlnum(At(i_))) {
            return false;
        }
        const size_t end = HostEnd(j + 1);
        if (end == j + 1) {
            return false;
        }
        Emit(TsTokenKind::Email, i_, end);
        i_ = end;
        return true;
    }

    bool HostOrUrl() {
        if (!IsAsciiAlpha(At(i_)) && !IsDigit(At(i_))) {
            return false;
        }
        const size_t end = HostEnd(i_);
        if (end == i_) {
            return false;
        }
        EmitHostAndPath(i_, end);
        return true;
    }

    bool File() {
        if (At(i_) != '/' || !(IsAsciiAlpha(At(i_ + 1)) || IsDigit(At(i_ + 1)) || At(i_ + 1) == '_')) {
            return false;
        }
        const size_t end = PathEnd(i_, false);
        Emit(TsTokenKind::File, i_, end);
        i_ = end;
        return true;
    }

    //! Letters and digits with dots inside that make no host ("v2.0", "a.1"): a file name, as PostgreSQL reads it.
    bool DottedFile() {
        if (!IsAsciiAlpha(At(i_))) {
            return false;
        }
        size_t j = i_;
        bool dot = false;
        while (IsAsciiAlpha(At(j)) || IsDigit(At(j)) || At(j) == '_' ||
               (At(j) == '.' && (IsAsciiAlpha(At(j + 1)) || IsDigit(At(j + 1))))) {
            dot = dot || At(j) == '.';
            j++;
        }
        if (!dot || IsLetter(At(j))) {
            return false;
        }
        Emit(TsTokenKind::File, i_, j);
        i_ = j;
        return true;
    }

    bool Number() {
        size_t j = i_;
        const bool sign = At(j) == '-';
        if (sign) {
            j++;
        }
        if (!IsDigit(At(j))) {
            return false;
        }
        while (IsDigit(At(j))) {
            j++;
        }
        if (IsLetter(At(j)) && !(At(j) == 'e' || At(j) == 'E')) {
            return false; // a numword
        }
        TsTokenKind kind = sign ? TsTokenKind::Int : TsTokenKind::Uint;
        size_t dots = 0;
        while (At(j) == '.' && IsDigit(At(j + 1))) {
            j += 2;
            while (IsDigit(At(j))) {
                j++;
            }
            dots++;
        }
        if (dots == 1) {
            kind = TsTokenKind::Float;
        } else if (dots > 1) {
            kind = TsTokenKind::Version;
        }
        if ((At(j) == 'e' || At(j) == 'E') && dots <= 1) {
            size_t k = j + 1;
            if (At(k) == '+' || At(k) == '-') {
                k++;
            }
            if (!IsDigit(At(k))) {
                if (IsLetter(At(j))) {
                    return false;
                }
            } else {
                while (IsDigit(At(k))) {
                    k++;
                }
                if (IsLetter(At(k))) {
                    return false;
                }
                j = k;
                kind = TsTokenKind::Sfloat;
            }
        }
        Emit(kind, i_, j);
        i_ = j;
        return true;
    }

    struct Segment {
        size_t begin = 0;
        size_t end = 0;
        bool digits = false;
        bool letters = false;
        bool ascii = true;
    };

    Segment ReadRun(size_t j) const {
        Segment run{j, j};
        while (IsAlnum(At(run.end))) {
            const char c = At(run.end);
            run.digits = run.digits || IsDigit(c);
            run.letters = run.letters || IsLetter(c);
            run.ascii = run.ascii && static_cast<unsigned char>(c) < 0x80;
            run.end++;
        }
        return run;
    }

    bool Words() {
        if (!IsAlnum(At(i_))) {
            return false;
        }
        std::vector<Segment> parts{ReadRun(i_)};
        while (At(parts.back().end) == '-' && IsAlnum(At(parts.back().end + 1))) {
            Segment next = ReadRun(parts.back().end + 1);
            if (!next.letters) {
                break;
            }
            parts.push_back(next);
        }
        auto kind_of = [](const Segment &run, bool part) {
            if (run.digits) {
                return part ? TsTokenKind::HwordNumpart : TsTokenKind::NumWord;
            }
            if (!run.ascii) {
                return part ? TsTokenKind::HwordPart : TsTokenKind::Word;
            }
            return part ? TsTokenKind::HwordAsciipart : TsTokenKind::AsciiWord;
        };
        if (parts.size() == 1) {
            Emit(kind_of(parts[0], false), parts[0].begin, parts[0].end);
        } else {
            bool digits = false;
            bool ascii = true;
            for (const auto &part : parts) {
                digits = digits || part.digits;
                ascii = ascii && part.ascii;
            }
            Emit(digits ? TsTokenKind::NumHword : (ascii ? TsTokenKind::AsciiHword : TsTokenKind::Hword), i_,
                 parts.back().end);
            for (const auto &part : parts) {
                Emit(kind_of(part, true), part.begin, part.end);
            }
        }
        i_ = parts.back().end;
        return true;
    }

    std::string_view text_;
    size_t i_ = 0;
    std::vector<TsToken> tokens_;
};

} // namespace

std::vector<TsToken> ParseTsTokens(std::string_view text) {
    return Scanner(text).Run();
}

bool IsIndexedTokenKind(TsTokenKind kind) {
    return kind != TsTokenKind::Protocol && kind != TsTokenKind::Tag && kind != TsTokenKind::Entity;
}

bool IsStemmedTokenKind(TsTokenKind kind) {
    switch (kind) {
    case TsTokenKind::AsciiWord:
    case TsTokenKind::Word:
    case TsTokenKind::AsciiHword:
    case TsTokenKind::Hword:
    case TsTokenKind::HwordAsciipart:
    case TsTokenKind::HwordPart:
        return true;
    default:
        return false;
    }
}

} // namespace duckgres::types
