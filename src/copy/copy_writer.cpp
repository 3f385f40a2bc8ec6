// CopyWriter: formats rows for COPY TO STDOUT in text, CSV or binary format, byte for byte as PostgreSQL.
#include "copy/copy_writer.hpp"

#include <cstdint>
#include <cstring>

namespace duckgres::copy {

namespace {

constexpr char kSignature[] = "PGCOPY\n\377\r\n";

void AppendInt16(int16_t value, std::string &out) {
    auto bits = static_cast<uint16_t>(value);
    out += static_cast<char>(bits >> 8);
    out += static_cast<char>(bits & 0xff);
}

void AppendInt32(int32_t value, std::string &out) {
    auto bits = static_cast<uint32_t>(value);
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((bits >> shift) & 0xff);
    }
}

//! The letter of the backslash escape text format uses for a control character, or 0.
char EscapeLetter(char c) {
    switch (c) {
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    case '\v':
        return 'v';
    default:
        return 0;
    }
}

} // namespace

CopyWriter::CopyWriter(CopyOptions options, CopyColumns columns)
    : options_(std::move(options)), columns_(std::move(columns)) {
    force_quote_ = ResolveForceColumns(options_.force_quote, columns_, "FORCE_QUOTE");
    if (options_.force_quote_all) {
        force_quote_.assign(columns_.names.size(), true);
    }
}

void CopyWriter::Header(std::string &out) const {
    if (options_.format == CopyOptions::Format::Binary) {
        out.append(kSignature, sizeof(kSignature)); // the terminating NUL is the signature's last byte
        AppendInt32(0, out);
        AppendInt32(0, out);
        return;
    }
    if (!options_.header) {
        return;
    }
    for (size_t i = 0; i < columns_.names.size(); i++) {
        if (i > 0) {
            out += options_.delimiter;
        }
        if (options_.format == CopyOptions::Format::Csv) {
            AppendCsv(columns_.names[i], false, out);
        } else {
            AppendText(columns_.names[i], out);
        }
    }
    out += '\n';
}

void CopyWriter::Row(const CopyRow &values, std::string &out) const {
    if (options_.format == CopyOptions::Format::Binary) {
        AppendInt16(static_cast<int16_t>(values.size()), out);
        for (const auto &value : values) {
            AppendInt32(value ? static_cast<int32_t>(value->size()) : -1, out);
            if (value) {
                out += *value;
            }
        }
        return;
    }
    bool csv = options_.format == CopyOptions::Format::Csv;
    for (size_t i = 0; i < values.size(); i++) {
        if (i > 0) {
            out += options_.delimiter;
        }
        if (!values[i]) {
            out += options_.null_string;
        } else if (csv) {
            AppendCsv(*values[i], i < force_quote_.size() && force_quote_[i], out);
        } else {
            AppendText(*values[i], out);
        }
    }
    out += '\n';
}

void CopyWriter::Trailer(std::string &out) const {
    if (options_.format == CopyOptions::Format::Binary) {
        AppendInt16(-1, out);
    }
}

void CopyWriter::AppendText(std::string_view value, std::string &out) const {
    // Eight bytes at a time while none is a control character, a backslash or the delimiter.
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    const uint64_t backslashes = ones * static_cast<uint8_t>('\\');
    const uint64_t delimiters = ones * static_cast<uint8_t>(options_.delimiter);
    const auto has_zero = [&](uint64_t w) { return (w - ones) & ~w & highs; };
    size_t start = 0;
    size_t i = 0;
    while (value.size() - i >= 8) {
        uint64_t word;
        std::memcpy(&word, value.data() + i, sizeof(word));
        // Whether any byte is below 0x20 ((word - 0x20..) & ~word & 0x80.., exact as a yes or no) or equal to a
        // backslash or the delimiter (a zero byte after XOR).
        const uint64_t control = (word - ones * 0x20) & ~word & highs;
        if ((control | has_zero(word ^ backslashes) | has_zero(word ^ delimiters)) != 0) {
            break;
        }
        i += 8;
    }
    for (; i < value.size(); i++) {
        char c = value[i];
        char letter = static_cast<unsigned char>(c) < 0x20 ? EscapeLetter(c) : 0;
        if (letter == 0 && c != '\\' && c != options_.delimiter) {
            continue;
        }
        out.append(value.substr(start, i - start));
        out += '\\';
        out += letter != 0 ? letter : c;
        start = i + 1;
    }
    out.append(value.substr(start));
}

void CopyWriter::AppendCsv(std::string_view value, bool force_quote, std::string &out) const {
    bool quote = force_quote || value == options_.null_string;
    if (!quote && columns_.names.size() == 1 && value == "\\.") {
        quote = true;
    }
    if (!quote) {
        for (char c : value) {
            if (c == options_.delimiter || c == options_.quote || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
    }
    if (!quote) {
        out += value;
        return;
    }
    out += options_.quote;
    for (char c : value) {
        if (c == options_.quote || c == options_.escape) {
            out += options_.escape;
        }
        out += c;
    }
    out += options_.quote;
}

} // namespace duckgres::copy
