// SplitTextFields: the fields of one line of COPY text format, de-escaped, with NULL recognized.
#include "copy/text_fields.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "copy/field_slots.hpp"
#include "copy/utf8_validator.hpp"

namespace duckgres::copy {

namespace {

//! Decodes the escape whose letter is at `line[pos]` (after the backslash), advancing `pos` past it.
char DecodeEscape(std::string_view line, size_t &pos) {
    char c = line[pos++];
    if (IsAsciiOctalDigit(c)) {
        int value = c - '0';
        for (int digits = 1; digits < 3 && pos < line.size() && IsAsciiOctalDigit(line[pos]); digits++) {
            value = value * 8 + (line[pos++] - '0');
        }
        return static_cast<char>(value & 0xff);
    }
    switch (c) {
    case 'x': {
        if (pos >= line.size() || AsciiHexValue(line[pos]) < 0) {
            return 'x';
        }
        int value = AsciiHexValue(line[pos++]);
        if (pos < line.size() && AsciiHexValue(line[pos]) >= 0) {
            value = value * 16 + AsciiHexValue(line[pos++]);
        }
        return static_cast<char>(value);
    }
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    case 'v':
        return '\v';
    default:
        return c;
    }
}

} // namespace

void SplitTextFields(std::string_view line, const CopyOptions &options, size_t expect_fields,
                     std::vector<std::optional<std::string>> &fields) {
    FieldSlots slots(fields);
    if (expect_fields == 0) {
        if (!line.empty()) {
            throw SqlError("22P04", "extra data after last expected column");
        }
        return;
    }
    size_t pos = 0;
    while (true) {
        size_t start = pos;
        size_t end = line.size();
        std::string &value = slots.Next();
        bool decoded_special = false; //!< an escape produced a NUL or non-ASCII byte
        bool more = false;
        while (pos < line.size()) {
            // Copy the run of ordinary bytes up to the next delimiter or backslash at once.
            size_t run = pos;
            while (run < line.size() && line[run] != options.delimiter && line[run] != '\\') {
                run++;
            }
            value.append(line.data() + pos, run - pos);
            pos = run;
            if (pos >= line.size()) {
                break;
            }
            if (line[pos] == options.delimiter) {
                end = pos++;
                more = true;
                break;
            }
            pos++; // the backslash
            if (pos >= line.size()) {
                break;
            }
            bool escape_sequence = IsAsciiOctalDigit(line[pos]) || line[pos] == 'x';
            char decoded = DecodeEscape(line, pos);
            auto byte = static_cast<unsigned char>(decoded);
            decoded_special = decoded_special || (escape_sequence && (byte == 0 || byte >= 0x80));
            value += decoded;
        }
        if (line.substr(start, end - start) == options.null_string) {
            slots.NullLast();
        } else if (decoded_special) {
            Utf8Validator::Verify(value);
        }
        if (!more) {
            return;
        }
    }
}

} // namespace duckgres::copy
