// CopyWriter: formats rows for COPY TO STDOUT in text, CSV or binary format, byte for byte as PostgreSQL.
#include "copy/copy_writer.hpp"

#include <cstdint>

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

void CopyWriter::Row(const std::vector<std::optional<std::string>> &values, std::string &out) const {
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

void CopyWriter::AppendText(const std::string &value, std::string &out) const {
    size_t start = 0;
    for (size_t i = 0; i < value.size(); i++) {
        char c = value[i];
        char letter = static_cast<unsigned char>(c) < 0x20 ? EscapeLetter(c) : 0;
        if (letter == 0 && c != '\\' && c != options_.delimiter) {
            continue;
        }
        out.append(value, start, i - start);
        out += '\\';
        out += letter != 0 ? letter : c;
        start = i + 1;
    }
    out.append(value, start, std::string::npos);
}

void CopyWriter::AppendCsv(const std::string &value, bool force_quote, std::string &out) const {
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
