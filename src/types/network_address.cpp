// inet/cidr and macaddr/macaddr8 text input and output as PostgreSQL 15 reads and writes them, and storage bytes.
#include "types/network_address.hpp"

#include "common/sql_error.hpp"

#include <cstring>
#include <optional>

namespace duckgres::types {

namespace {

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ---- IPv4 ----

//! inet's IPv4 reading: 1 to 4 decimal octets, then optionally /bits; fewer than 4 octets need /bits. `p` is
//! NUL-terminated. Returns the mask length, or nullopt when the text is no such address.
std::optional<int> ReadInetIpv4(const char *p, uint8_t *out) {
    int octets = 0;
    char c = *p++;
    while (IsDigit(c)) {
        int value = 0;
        do {
            value = value * 10 + (c - '0');
            if (value > 255) {
                return std::nullopt;
            }
            c = *p++;
        } while (c != '\0' && IsDigit(c));
        if (octets == 4) {
            return std::nullopt;
        }
        out[octets++] = static_cast<uint8_t>(value);
        if (c == '\0' || c == '/') {
            break;
        }
        if (c != '.') {
            return std::nullopt;
        }
        c = *p++;
    }
    int bits = -1;
    if (c == '/' && IsDigit(*p) && octets > 0) {
        bits = 0;
        c = *p++;
        do {
            bits = bits * 10 + (c - '0');
            if (bits > 32) {
                return std::nullopt;
            }
            c = *p++;
        } while (c != '\0' && IsDigit(c));
    }
    if (c != '\0' || octets == 0) {
        return std::nullopt;
    }
    if (bits == -1) {
        if (octets != 4) {
            return std::nullopt;
        }
        bits = 32;
    }
    if (bits / 8 > octets) {
        return std::nullopt;
    }
    for (int i = octets; i < 4; i++) {
        out[i] = 0;
    }
    return bits;
}

//! cidr's IPv4 reading: dotted decimal octets (each followed by a digit) or 0x hex nibbles, optional /bits; without
//! /bits the width comes from the address class, widened to the octets given.
std::optional<int> ReadCidrIpv4(const char *p, uint8_t *out) {
    int octets = 0;
    char c = *p++;
    if (c == '0' && (p[0] == 'x' || p[0] == 'X') && HexValue(p[1]) >= 0) {
        p++;
        int value = 0;
        bool half = false;
        for (c = *p++; HexValue(c) >= 0; c = *p++) {
            value = half ? (value << 4) | HexValue(c) : HexValue(c);
            half = !half;
            if (!half) {
                if (octets == 4) {
                    return std::nullopt;
                }
                out[octets++] = static_cast<uint8_t>(value);
            }
        }
        if (half) {
            if (octets == 4) {
                return std::nullopt;
            }
            out[octets++] = static_cast<uint8_t>(value << 4);
        }
    } else if (IsDigit(c)) {
        for (;;) {
            int value = 0;
            do {
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return std::nullopt;
                }
                c = *p++;
            } while (c != '\0' && IsDigit(c));
            if (octets == 4) {
                return std::nullopt;
            }
            out[octets++] = static_cast<uint8_t>(value);
            if (c == '\0' || c == '/') {
                break;
            }
            if (c != '.') {
                return std::nullopt;
            }
            c = *p++;
            if (!IsDigit(c)) {
                return std::nullopt;
            }
        }
    } else {
        return std::nullopt;
    }
    int bits = -1;
    if (c == '/' && IsDigit(*p) && octets > 0) {
        bits = 0;
        c = *p++;
        do {
            bits = bits * 10 + (c - '0');
            if (bits > 32) {
                return std::nullopt;
            }
            c = *p++;
        } while (c != '\0' && IsDigit(c));
    }
    if (c != '\0' || octets == 0) {
        return std::nullopt;
    }
    if (bits == -1) {
        const uint8_t first = out[0];
        bits = first >= 240 ? 32 : first >= 224 ? 8 : first >= 192 ? 24 : first >= 128 ? 16 : 8;
        if (bits < octets * 8) {
            bits = octets * 8;
        }
        if (bits == 8 && first == 224) {
            bits = 4;
        }
    }
    while (bits > octets * 8) {
        if (octets == 4) {
            return std::nullopt;
        }
        out[octets++] = 0;
    }
    for (int i = octets; i < 4; i++) {
        out[i] = 0;
    }
    return bits;
}

// ---- IPv6 ----

//! Decimal mask length to the end of the text: no leading zeros, at most 128.
std::optional<int> ReadMaskBits(const char *p) {
    int value = 0;
    int digits = 0;
    for (char c = *p++; c != '\0'; c = *p++) {
        if (!IsDigit(c)) {
            return std::nullopt;
        }
        if (digits++ != 0 && value == 0) {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
        if (value > 128) {
            return std::nullopt;
        }
    }
    if (digits == 0) {
        return std::nullopt;
    }
    return value;
}

//! The embedded IPv4 tail of an IPv6 address (up to 4 decimal octets, no leading zeros), optionally with /bits.
bool ReadEmbeddedIpv4(const char *p, uint8_t *out, int &bits) {
    int written = 0;
    int value = 0;
    int digits = 0;
    for (char c = *p++; c != '\0'; c = *p++) {
        if (IsDigit(c)) {
            if (digits++ != 0 && value == 0) {
                return false;
            }
            value = value * 10 + (c - '0');
            if (value > 255) {
                return false;
            }
            continue;
        }
        if (c == '.' || c == '/') {
            if (written > 3) {
                return false;
            }
            out[written++] = static_cast<uint8_t>(value);
            if (c == '/') {
                auto mask = ReadMaskBits(p);
                if (!mask) {
                    return false;
                }
                bits = *mask;
                return true;
            }
            value = 0;
            digits = 0;
            continue;
        }
        return false;
    }
    if (digits == 0 || written > 3) {
        return false;
    }
    out[written++] = static_cast<uint8_t>(value);
    return true;
}

//! IPv6: groups of up to 4 hex digits, one "::", an embedded IPv4 tail, optional /bits.
std::optional<int> ReadIpv6(const char *p, uint8_t *out) {
    uint8_t bytes[16] = {};
    int filled = 0;
    int gap = -1; // where "::" stands, in bytes
    if (*p == ':' && *++p != ':') {
        return std::nullopt;
    }
    const char *group_start = p;
    bool have_digits = false;
    unsigned value = 0;
    int digits = 0;
    int bits = -1;
    for (char c = *p++; c != '\0'; c = *p++) {
        const int hex = HexValue(c);
        if (hex >= 0) {
            value = (value << 4) | static_cast<unsigned>(hex);
            if (++digits > 4) {
                return std::nullopt;
            }
            have_digits = true;
            continue;
        }
        if (c == ':') {
            group_start = p;
            if (!have_digits) {
                if (gap >= 0) {
                    return std::nullopt;
                }
                gap = filled;
                continue;
            }
            if (*p == '\0' || filled + 2 > 16) {
                return std::nullopt;
            }
            bytes[filled++] = static_cast<uint8_t>(value >> 8);
            bytes[filled++] = static_cast<uint8_t>(value);
            have_digits = false;
            digits = 0;
            value = 0;
            continue;
        }
        if (c == '.' && filled + 4 <= 16 && ReadEmbeddedIpv4(group_start, bytes + filled, bits)) {
            filled += 4;
            have_digits = false;
            break;
        }
        if (c == '/') {
            auto mask = ReadMaskBits(p);
            if (mask) {
                bits = *mask;
                break;
            }
        }
        return std::nullopt;
    }
    if (have_digits) {
        if (filled + 2 > 16) {
            return std::nullopt;
        }
        bytes[filled++] = static_cast<uint8_t>(value >> 8);
        bytes[filled++] = static_cast<uint8_t>(value);
    }
    if (bits == -1) {
        bits = 128;
    }
    if (gap >= 0) {
        if (filled == 16) {
            return std::nullopt;
        }
        const int moved = filled - gap;
        for (int i = 1; i <= moved; i++) {
            bytes[16 - i] = bytes[gap + moved - i];
            bytes[gap + moved - i] = 0;
        }
        filled = 16;
    }
    if (filled != 16) {
        return std::nullopt;
    }
    std::memcpy(out, bytes, 16);
    return bits;
}

// ---- Output ----

void AppendDecimal(std::string &out, unsigned value) {
    out += std::to_string(value);
}

void AppendHex(std::string &out, unsigned value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    char buffer[8];
    int length = 0;
    do {
        buffer[length++] = kDigits[value & 15];
        value >>= 4;
    } while (value != 0);
    while (length > 0) {
        out += buffer[--length];
    }
}

std::string Ipv4Text(const uint8_t *address) {
    std::string out;
    for (int i = 0; i < 4; i++) {
        if (i > 0) {
            out += '.';
        }
        AppendDecimal(out, address[i]);
    }
    return out;
}

//! The IPv6 address compressed as PostgreSQL writes it: the longest run of two or more zero groups (the first of
//! equal ones) as "::", and ::a.b.c.d / ::ffff:a.b.c.d with the IPv4 tail in dotted decimal.
std::string Ipv6Text(const uint8_t *address) {
    unsigned words[8];
    for (int i = 0; i < 8; i++) {
        words[i] = (static_cast<unsigned>(address[2 * i]) << 8) | address[2 * i + 1];
    }
    int best_start = -1;
    int best_length = 0;
    for (int i = 0; i < 8;) {
        if (words[i] != 0) {
            i++;
            continue;
        }
        int end = i;
        while (end < 8 && words[end] == 0) {
            end++;
        }
        if (end - i > best_length) {
            best_start = i;
            best_length = end - i;
        }
        i = end;
    }
    if (best_length < 2) {
        best_start = -1;
    }
    std::string out;
    for (int i = 0; i < 8; i++) {
        if (best_start >= 0 && i >= best_start && i < best_start + best_length) {
            if (i == best_start) {
                out += ':';
            }
            continue;
        }
        if (i != 0) {
            out += ':';
        }
        if (i == 6 && best_start == 0 &&
            (best_length == 6 || (best_length == 7 && words[7] != 1) || (best_length == 5 && words[5] == 0xffff))) {
            out += Ipv4Text(address + 12);
            break;
        }
        AppendHex(out, words[i]);
    }
    if (best_start >= 0 && best_start + best_length == 8) {
        out += ':';
    }
    return out;
}

std::string AddressText(const InetValue &value) {
    return value.family == InetValue::kIpv4 ? Ipv4Text(value.address.data()) : Ipv6Text(value.address.data());
}

std::string AbbrevIpv4(const uint8_t *address, int bits) {
    std::string out;
    if (bits == 0) {
        out += '0';
    }
    for (int i = 0; i < bits / 8; i++) {
        if (i > 0) {
            out += '.';
        }
        AppendDecimal(out, address[i]);
    }
    if (const int partial = bits % 8; partial > 0) {
        if (!out.empty()) {
            out += '.';
        }
        const unsigned mask = ((1u << partial) - 1) << (8 - partial);
        AppendDecimal(out, address[bits / 8] & mask);
    }
    return out + "/" + std::to_string(bits);
}

std::string AbbrevIpv6(const uint8_t *address, int bits) {
    std::string out;
    if (bits == 0) {
        return "::/0";
    }
    uint8_t s[16] = {};
    const int bytes = (bits + 7) / 8;
    std::memcpy(s, address, bytes);
    if (bits % 8 != 0) {
        s[bytes - 1] &= static_cast<uint8_t>(0xff << (8 - bits % 8));
    }
    int words = (bits + 15) / 16;
    if (words == 1) {
        words = 2;
    }
    // The longest zero run, as PostgreSQL's abbreviation finds it (a run only replaces a shorter earlier one).
    int zero_start = 0;
    int zero_length = 0;
    int run_start = 0;
    int run_length = 0;
    for (int i = 0; i < words; i++) {
        if ((s[2 * i] | s[2 * i + 1]) == 0) {
            if (run_length == 0) {
                run_start = i;
            }
            run_length++;
        } else if (run_length != 0 && zero_length < run_length) {
            zero_start = run_start;
            zero_length = run_length;
            run_length = 0;
        }
    }
    if (run_length != 0 && zero_length < run_length) {
        zero_start = run_start;
        zero_length = run_length;
    }
    const bool ipv4 = zero_length != words && zero_start == 0 &&
                      (zero_length == 6 || (zero_length == 5 && s[10] == 0xff && s[11] == 0xff) ||
                       (zero_length == 7 && s[14] != 0 && s[15] != 1));
    const uint8_t *p = s;
    for (int word = 0; word < words; word++) {
        if (zero_length != 0 && word >= zero_start && word < zero_start + zero_length) {
            if (word == zero_start) {
                out += ':';
            }
            if (word == words - 1) {
                out += ':';
            }
            p += 2;
            continue;
        }
        if (ipv4 && word > 5) {
            out += word == 6 ? ':' : '.';
            AppendDecimal(out, *p++);
            if (word != 7 || bits > 120) {
                out += '.';
                AppendDecimal(out, *p++);
            }
        } else {
            if (!out.empty()) {
                out += ':';
            }
            AppendHex(out, p[0] * 256u + p[1]);
            p += 2;
        }
    }
    return out + "/" + std::to_string(bits);
}

[[noreturn]] void ThrowMacaddrSyntax(const char *type, std::string_view text) {
    throw SqlError("22P02", std::string("invalid input syntax for type ") + type + ": \"" + std::string(text) + "\"");
}

//! One %x (max_width 0: unlimited) of C's scanf at `p`: blanks skipped, a sign, an optional 0x, hex digits.
std::optional<int64_t> ScanHex(const char *&p, int max_width) {
    while (IsSpace(*p)) {
        p++;
    }
    int width = 0;
    auto room = [&] { return max_width == 0 || width < max_width; };
    bool negative = false;
    if ((*p == '-' || *p == '+') && room()) {
        negative = *p == '-';
        p++;
        width++;
    }
    if (*p == '0' && (p[1] == 'x' || p[1] == 'X') && (max_width == 0 || width + 2 < max_width) && HexValue(p[2]) >= 0) {
        p += 2;
        width += 2;
    }
    int64_t value = 0;
    int digits = 0;
    while (room() && HexValue(*p) >= 0) {
        if (value < (int64_t{1} << 40)) {
            value = value * 16 + HexValue(*p);
        }
        p++;
        width++;
        digits++;
    }
    if (digits == 0) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

//! Matches `pattern` against `text` as scanf would: 'x' one %x, '2' one %2x, other characters themselves, and
//! anything but blanks after it makes it fail.
std::optional<std::array<int64_t, 6>> ScanMacaddr(const char *text, const char *pattern) {
    std::array<int64_t, 6> values{};
    int count = 0;
    const char *p = text;
    for (const char *f = pattern; *f; f++) {
        if (*f == 'x' || *f == '2') {
            auto value = ScanHex(p, *f == 'x' ? 0 : 2);
            if (!value) {
                return std::nullopt;
            }
            values[count++] = *value;
        } else if (*p++ != *f) {
            return std::nullopt;
        }
    }
    while (IsSpace(*p)) {
        p++;
    }
    if (*p != '\0') {
        return std::nullopt;
    }
    return values;
}

} // namespace

InetValue ParseInet(std::string_view text, bool cidr) {
    const std::string source(text);
    InetValue value;
    value.family = source.find(':') != std::string::npos ? InetValue::kIpv6 : InetValue::kIpv4;
    std::optional<int> bits;
    if (source.find('\0') == std::string::npos) {
        if (value.family == InetValue::kIpv6) {
            bits = ReadIpv6(source.c_str(), value.address.data());
        } else {
            bits = cidr ? ReadCidrIpv4(source.c_str(), value.address.data())
                        : ReadInetIpv4(source.c_str(), value.address.data());
        }
    }
    if (!bits || *bits < 0 || *bits > value.MaxBits()) {
        throw SqlError("22P02", std::string("invalid input syntax for type ") + (cidr ? "cidr" : "inet") + ": \"" +
                                    source + "\"");
    }
    value.bits = static_cast<uint8_t>(*bits);
    if (cidr && !HostBitsZero(value)) {
        throw SqlError("22P02", "invalid cidr value: \"" + source + "\"", "Value has bits set to right of mask.");
    }
    return value;
}

std::string FormatInet(const InetValue &value, bool cidr) {
    std::string out = AddressText(value);
    if (cidr || value.bits != value.MaxBits()) {
        out += '/';
        out += std::to_string(value.bits);
    }
    return out;
}

std::string FormatInetWithMask(const InetValue &value) {
    return AddressText(value) + "/" + std::to_string(value.bits);
}

std::string FormatHost(const InetValue &value) {
    return AddressText(value);
}

std::string AbbrevCidr(const InetValue &value) {
    return value.family == InetValue::kIpv4 ? AbbrevIpv4(value.address.data(), value.bits)
                                            : AbbrevIpv6(value.address.data(), value.bits);
}

bool HostBitsZero(const InetValue &value) {
    return MaskedInet(value).address == value.address;
}

InetValue MaskedInet(const InetValue &value) {
    InetValue masked = value;
    for (int i = 0; i < 16; i++) {
        const int kept = value.bits - i * 8;
        if (i >= value.Size() || kept <= 0) {
            masked.address[i] = 0;
        } else if (kept < 8) {
            masked.address[i] &= static_cast<uint8_t>(0xff << (8 - kept));
        }
    }
    return masked;
}

std::string EncodeInetStorage(const InetValue &value) {
    const InetValue masked = MaskedInet(value);
    const auto size = static_cast<size_t>(value.Size());
    std::string out;
    out.reserve(2 + 2 * size);
    out += static_cast<char>(value.family);
    out.append(reinterpret_cast<const char *>(masked.address.data()), size);
    out += static_cast<char>(value.bits);
    out.append(reinterpret_cast<const char *>(value.address.data()), size);
    return out;
}

InetValue DecodeInetStorage(std::string_view bytes) {
    InetValue value;
    if (bytes.size() == 10 && static_cast<uint8_t>(bytes[0]) == InetValue::kIpv4) {
        value.family = InetValue::kIpv4;
    } else if (bytes.size() == 34 && static_cast<uint8_t>(bytes[0]) == InetValue::kIpv6) {
        value.family = InetValue::kIpv6;
    } else {
        throw SqlError("XX000", "invalid stored network address");
    }
    const auto size = static_cast<size_t>(value.Size());
    value.bits = static_cast<uint8_t>(bytes[1 + size]);
    std::memcpy(value.address.data(), bytes.data() + 2 + size, size);
    return value;
}

std::array<uint8_t, 6> ParseMacaddr(std::string_view text) {
    const std::string source(text);
    if (source.find('\0') != std::string::npos) {
        ThrowMacaddrSyntax("macaddr", text);
    }
    static constexpr const char *kPatterns[] = {"x:x:x:x:x:x", "x-x-x-x-x-x", "222:222", "222-222",
                                                "22.22.22",    "22-22-22",    "222222"};
    for (const char *pattern : kPatterns) {
        if (auto values = ScanMacaddr(source.c_str(), pattern)) {
            std::array<uint8_t, 6> out{};
            for (int i = 0; i < 6; i++) {
                if ((*values)[i] < 0 || (*values)[i] > 255) {
                    throw SqlError("22003", "invalid octet value in \"macaddr\" value: \"" + source + "\"");
                }
                out[i] = static_cast<uint8_t>((*values)[i]);
            }
            return out;
        }
    }
    ThrowMacaddrSyntax("macaddr", text);
}

std::array<uint8_t, 8> ParseMacaddr8(std::string_view text) {
    const std::string source(text);
    const char *p = source.c_str();
    while (*p && IsSpace(*p)) {
        p++;
    }
    uint8_t bytes[8] = {};
    int count = 0;
    char spacer = '\0';
    while (*p && p[1]) {
        if (count == 8 || HexValue(p[0]) < 0 || HexValue(p[1]) < 0) {
            ThrowMacaddrSyntax("macaddr8", text);
        }
        bytes[count++] = static_cast<uint8_t>(HexValue(p[0]) * 16 + HexValue(p[1]));
        p += 2;
        if (*p == ':' || *p == '-' || *p == '.') {
            if (spacer == '\0') {
                spacer = *p;
            } else if (spacer != *p) {
                ThrowMacaddrSyntax("macaddr8", text);
            }
            p++;
        }
        if ((count == 6 || count == 8) && IsSpace(*p)) {
            while (*++p && IsSpace(*p)) {
            }
            if (*p) {
                ThrowMacaddrSyntax("macaddr8", text);
            }
        }
    }
    if (count == 6) {
        return {bytes[0], bytes[1], bytes[2], 0xff, 0xfe, bytes[3], bytes[4], bytes[5]};
    }
    if (count != 8) {
        ThrowMacaddrSyntax("macaddr8", text);
    }
    return {bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]};
}

std::string ParseNetworkStorage(std::string_view type_name, std::string_view text) {
    if (type_name == "inet" || type_name == "cidr") {
        return EncodeInetStorage(ParseInet(text, type_name == "cidr"));
    }
    if (type_name == "macaddr") {
        const auto bytes = ParseMacaddr(text);
        return std::string(bytes.begin(), bytes.end());
    }
    if (type_name == "macaddr8") {
        const auto bytes = ParseMacaddr8(text);
        return std::string(bytes.begin(), bytes.end());
    }
    throw SqlError("XX000", "no network address type " + std::string(type_name));
}

std::string ReadNetworkBinary(std::string_view type_name, std::string_view bytes) {
    const std::string type(type_name);
    if (type == "macaddr" || type == "macaddr8") {
        if (bytes.size() != (type == "macaddr" ? 6u : 8u)) {
            throw SqlError("22P03", "incorrect binary data format");
        }
        return std::string(bytes);
    }
    const bool cidr = type == "cidr";
    InetValue value;
    if (bytes.size() < 4) {
        throw SqlError("08P01", "insufficient data left in message");
    }
    value.family = static_cast<uint8_t>(bytes[0]);
    if (value.family != InetValue::kIpv4 && value.family != InetValue::kIpv6) {
        throw SqlError("22P03", "invalid address family in external \"" + type + "\" value");
    }
    value.bits = static_cast<uint8_t>(bytes[1]);
    if (value.bits > value.MaxBits()) {
        throw SqlError("22P03", "invalid bits in external \"" + type + "\" value");
    }
    // bytes[2] is is_cidr: the target type decides.
    if (static_cast<uint8_t>(bytes[3]) != value.Size()) {
        throw SqlError("22P03", "invalid length in external \"" + type + "\" value");
    }
    if (bytes.size() != 4 + static_cast<size_t>(value.Size())) {
        throw SqlError(bytes.size() < 4 + static_cast<size_t>(value.Size()) ? "08P01" : "22P03",
                       bytes.size() < 4 + static_cast<size_t>(value.Size()) ? "insufficient data left in message"
                                                                            : "incorrect binary data format");
    }
    std::memcpy(value.address.data(), bytes.data() + 4, static_cast<size_t>(value.Size()));
    if (cidr && !HostBitsZero(value)) {
        throw SqlError("22P03", "invalid external \"cidr\" value", "Value has bits set to right of mask.");
    }
    return EncodeInetStorage(value);
}

std::string FormatMacaddr(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i++) {
        if (i > 0) {
            out += ':';
        }
        const auto byte = static_cast<uint8_t>(bytes[i]);
        out += kDigits[byte >> 4];
        out += kDigits[byte & 15];
    }
    return out;
}

} // namespace duckgres::types
