// inet/cidr/macaddr/macaddr8 as DuckDB types over types/network_address, their casts, functions and operators.
#include "engine/functions/network_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/int128.hpp"
#include "types/network_address.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <variant>

namespace duckgres::engine {

namespace {

using types::InetValue;
using types::Int128;
using types::UInt128;

enum class Kind { Inet, Cidr, Macaddr, Macaddr8, Text, Int4, Int8, Bool };

LogicalTypeHandle MakeType(Kind kind) {
    auto aliased = [](const char *alias) {
        LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
        duckdb_logical_type_set_alias(type.Get(), alias);
        return type;
    };
    switch (kind) {
    case Kind::Inet:
        return aliased("inet");
    case Kind::Cidr:
        return aliased("cidr");
    case Kind::Macaddr:
        return aliased("macaddr");
    case Kind::Macaddr8:
        return aliased("macaddr8");
    case Kind::Text:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    case Kind::Int4:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    case Kind::Int8:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
    case Kind::Bool:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    }
    return {};
}

bool IsString(Kind kind) {
    return kind != Kind::Int4 && kind != Kind::Int8 && kind != Kind::Bool;
}

//! One argument of one row: the bytes of a string kind, else the number.
struct Arg {
    std::string_view bytes;
    int64_t number = 0;
};

using Value = std::variant<std::string, int64_t, bool>;
using RowFunction = Value (*)(std::span<const Arg>);

struct FunctionInfo {
    std::vector<Kind> parameters;
    Kind result;
    RowFunction function;
};

void ExecuteRows(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const auto &function = *static_cast<const FunctionInfo *>(duckdb_scalar_function_get_extra_info(info));
    const idx_t rows = duckdb_data_chunk_get_size(input);
    const size_t columns = function.parameters.size();
    std::vector<void *> data(columns);
    std::vector<uint64_t *> validity(columns);
    for (size_t c = 0; c < columns; c++) {
        duckdb_vector vector = duckdb_data_chunk_get_vector(input, c);
        data[c] = duckdb_vector_get_data(vector);
        validity[c] = duckdb_vector_get_validity(vector);
    }
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    void *out = duckdb_vector_get_data(output);
    std::vector<Arg> args(columns);
    try {
        for (idx_t row = 0; row < rows; row++) {
            bool null = false;
            for (size_t c = 0; c < columns; c++) {
                if (!RowIsValid(validity[c], row)) {
                    null = true;
                    break;
                }
                const Kind kind = function.parameters[c];
                if (IsString(kind)) {
                    args[c].bytes = StringAt(static_cast<duckdb_string_t *>(data[c]), row);
                } else if (kind == Kind::Int4) {
                    args[c].number = static_cast<int32_t *>(data[c])[row];
                } else {
                    args[c].number = static_cast<int64_t *>(data[c])[row];
                }
            }
            if (null) {
                duckdb_validity_set_row_invalid(out_validity, row);
                continue;
            }
            const Value result = function.function(args);
            if (const auto *bytes = std::get_if<std::string>(&result)) {
                duckdb_vector_assign_string_element_len(output, row, bytes->data(), bytes->size());
            } else if (const auto *flag = std::get_if<bool>(&result)) {
                static_cast<bool *>(out)[row] = *flag;
            } else if (function.result == Kind::Int4) {
                static_cast<int32_t *>(out)[row] = static_cast<int32_t>(std::get<int64_t>(result));
            } else {
                static_cast<int64_t *>(out)[row] = std::get<int64_t>(result);
            }
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    }
}

using ScalarFunctionSetHandle = DuckDbHandle<duckdb_scalar_function_set, duckdb_destroy_scalar_function_set>;

struct FunctionRow {
    const char *name;
    std::vector<Kind> parameters;
    Kind result;
    RowFunction function;
};

void AddFunction(duckdb_scalar_function_set set, const FunctionRow &row) {
    ScalarFunctionHandle scalar(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(scalar.Get(), row.name);
    for (auto kind : row.parameters) {
        LogicalTypeHandle type = MakeType(kind);
        duckdb_scalar_function_add_parameter(scalar.Get(), type.Get());
    }
    LogicalTypeHandle result = MakeType(row.result);
    duckdb_scalar_function_set_return_type(scalar.Get(), result.Get());
    duckdb_scalar_function_set_extra_info(scalar.Get(), new FunctionInfo{row.parameters, row.result, row.function},
                                          [](void *data) { delete static_cast<FunctionInfo *>(data); });
    duckdb_scalar_function_set_function(scalar.Get(), ExecuteRows);
    if (duckdb_add_scalar_function_to_set(set, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not add an overload of ") + row.name);
    }
}

// ---- Values ----

InetValue Inet(const Arg &arg) {
    return types::DecodeInetStorage(arg.bytes);
}

std::string Stored(const InetValue &value) {
    return types::EncodeInetStorage(value);
}

//! The byte of a `bits`-long mask at `index`.
uint8_t MaskByte(int bits, int index) {
    const int kept = bits - index * 8;
    return kept >= 8 ? 0xff : kept <= 0 ? 0 : static_cast<uint8_t>(0xff << (8 - kept));
}

//! Whether the first `bits` bits of both addresses agree.
bool PrefixEqual(const InetValue &a, const InetValue &b, int bits) {
    for (int i = 0; i < a.Size() && i * 8 < bits; i++) {
        const uint8_t mask = MaskByte(bits, i);
        if ((a.address[i] & mask) != (b.address[i] & mask)) {
            return false;
        }
    }
    return true;
}

// ---- Functions ----

Value Abbrev(std::span<const Arg> args) {
    return types::FormatInet(Inet(args[0]), false);
}

Value AbbrevCidr(std::span<const Arg> args) {
    return types::AbbrevCidr(Inet(args[0]));
}

Value Broadcast(std::span<const Arg> args) {
    InetValue value = Inet(args[0]);
    for (int i = 0; i < value.Size(); i++) {
        value.address[i] |= static_cast<uint8_t>(~MaskByte(value.bits, i));
    }
    return Stored(value);
}

Value Family(std::span<const Arg> args) {
    return int64_t{Inet(args[0]).family == InetValue::kIpv4 ? 4 : 6};
}

Value Host(std::span<const Arg> args) {
    return types::FormatHost(Inet(args[0]));
}

template <bool kHost>
Value Mask(std::span<const Arg> args) {
    const InetValue value = Inet(args[0]);
    InetValue mask;
    mask.family = value.family;
    mask.bits = static_cast<uint8_t>(value.MaxBits());
    for (int i = 0; i < value.Size(); i++) {
        const uint8_t byte = MaskByte(value.bits, i);
        mask.address[i] = kHost ? static_cast<uint8_t>(~byte) : byte;
    }
    return Stored(mask);
}

Value Merge(std::span<const Arg> args) {
    const InetValue a = Inet(args[0]);
    const InetValue b = Inet(args[1]);
    if (a.family != b.family) {
        throw SqlError("22023", "cannot merge addresses from different families");
    }
    int common = 0;
    const int limit = std::min(a.bits, b.bits);
    while (common < limit && PrefixEqual(a, b, common + 1)) {
        common++;
    }
    InetValue merged = a;
    merged.bits = static_cast<uint8_t>(common);
    return Stored(types::MaskedInet(merged));
}

Value SameFamily(std::span<const Arg> args) {
    return Inet(args[0]).family == Inet(args[1]).family;
}

Value MaskLength(std::span<const Arg> args) {
    return int64_t{Inet(args[0]).bits};
}

Value Network(std::span<const Arg> args) {
    return Stored(types::MaskedInet(Inet(args[0])));
}

template <bool kCidr>
Value SetMaskLength(std::span<const Arg> args) {
    InetValue value = Inet(args[0]);
    int64_t bits = args[1].number;
    if (bits == -1) {
        bits = value.MaxBits();
    }
    if (bits < 0 || bits > value.MaxBits()) {
        throw SqlError("22023", "invalid mask length: " + std::to_string(bits));
    }
    value.bits = static_cast<uint8_t>(bits);
    return Stored(kCidr ? types::MaskedInet(value) : value);
}

Value InetText(std::span<const Arg> args) {
    return types::FormatInetWithMask(Inet(args[0]));
}

template <size_t kKept>
Value TruncMac(std::span<const Arg> args) {
    std::string bytes(args[0].bytes);
    std::fill(bytes.begin() + kKept, bytes.end(), '\0');
    return bytes;
}

Value Set7Bit(std::span<const Arg> args) {
    std::string bytes(args[0].bytes);
    bytes[0] = static_cast<char>(bytes[0] | 0x02);
    return bytes;
}

// ---- Operators ----

//! a << b (kStrict) or a <<= b: a lies within b.
template <bool kStrict>
Value ContainedBy(std::span<const Arg> args) {
    const InetValue a = Inet(args[0]);
    const InetValue b = Inet(args[1]);
    return a.family == b.family && (kStrict ? a.bits > b.bits : a.bits >= b.bits) && PrefixEqual(a, b, b.bits);
}

template <bool kStrict>
Value Contains(std::span<const Arg> args) {
    const Arg swapped[] = {args[1], args[0]};
    return ContainedBy<kStrict>(swapped);
}

Value Overlaps(std::span<const Arg> args) {
    const InetValue a = Inet(args[0]);
    const InetValue b = Inet(args[1]);
    return a.family == b.family && PrefixEqual(a, b, std::min(a.bits, b.bits));
}

Value InetNot(std::span<const Arg> args) {
    InetValue value = Inet(args[0]);
    for (int i = 0; i < value.Size(); i++) {
        value.address[i] = static_cast<uint8_t>(~value.address[i]);
    }
    return Stored(value);
}

template <bool kAnd>
Value InetBitwise(std::span<const Arg> args) {
    InetValue a = Inet(args[0]);
    const InetValue b = Inet(args[1]);
    if (a.family != b.family) {
        throw SqlError("22023",
                       kAnd ? "cannot AND inet values of different sizes" : "cannot OR inet values of different sizes");
    }
    for (int i = 0; i < a.Size(); i++) {
        a.address[i] = kAnd ? a.address[i] & b.address[i] : a.address[i] | b.address[i];
    }
    a.bits = std::max(a.bits, b.bits);
    return Stored(a);
}

Value MacNot(std::span<const Arg> args) {
    std::string bytes(args[0].bytes);
    for (auto &byte : bytes) {
        byte = static_cast<char>(~byte);
    }
    return bytes;
}

template <bool kAnd>
Value MacBitwise(std::span<const Arg> args) {
    std::string bytes(args[0].bytes);
    for (size_t i = 0; i < bytes.size() && i < args[1].bytes.size(); i++) {
        bytes[i] =
            kAnd ? static_cast<char>(bytes[i] & args[1].bytes[i]) : static_cast<char>(bytes[i] | args[1].bytes[i]);
    }
    return bytes;
}

UInt128 AddressNumber(const InetValue &value) {
    UInt128 number = 0;
    for (int i = 0; i < value.Size(); i++) {
        number = (number << 8) | value.address[i];
    }
    return number;
}

[[noreturn]] void ThrowOutOfRange() {
    throw SqlError("22003", "result is out of range");
}

Value AddToInet(const InetValue &value, int64_t addend) {
    const UInt128 number = AddressNumber(value);
    const UInt128 limit = value.family == InetValue::kIpv4 ? UInt128{0xffffffffu} : ~UInt128{0};
    UInt128 result;
    if (addend >= 0) {
        result = number + static_cast<UInt128>(addend);
        if (result < number || result > limit) {
            ThrowOutOfRange();
        }
    } else {
        const UInt128 subtrahend = static_cast<UInt128>(-static_cast<Int128>(addend));
        if (subtrahend > number) {
            ThrowOutOfRange();
        }
        result = number - subtrahend;
    }
    InetValue out = value;
    for (int i = value.Size() - 1; i >= 0; i--) {
        out.address[i] = static_cast<uint8_t>(result);
        result >>= 8;
    }
    return Stored(out);
}

Value Plus(std::span<const Arg> args) {
    return AddToInet(Inet(args[0]), args[1].number);
}

Value PlusReversed(std::span<const Arg> args) {
    return AddToInet(Inet(args[1]), args[0].number);
}

Value MinusNumber(std::span<const Arg> args) {
    if (args[1].number == std::numeric_limits<int64_t>::min()) {
        ThrowOutOfRange();
    }
    return AddToInet(Inet(args[0]), -args[1].number);
}

Value MinusInet(std::span<const Arg> args) {
    const InetValue a = Inet(args[0]);
    const InetValue b = Inet(args[1]);
    if (a.family != b.family) {
        throw SqlError("22023", "cannot subtract inet values of different sizes");
    }
    const auto difference = static_cast<Int128>(AddressNumber(a) - AddressNumber(b));
    if (difference > std::numeric_limits<int64_t>::max() || difference < std::numeric_limits<int64_t>::min()) {
        ThrowOutOfRange();
    }
    return static_cast<int64_t>(difference);
}

// ---- Casts ----

template <bool kCidr>
bool CastTextToInet(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    return CastTextRows(info, count, input, output, [&](std::string_view text, idx_t row) {
        const std::string stored = Stored(types::ParseInet(text, kCidr));
        duckdb_vector_assign_string_element_len(output, row, stored.data(), stored.size());
    });
}

template <bool kEight>
bool CastTextToMacaddr(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    return CastTextRows(info, count, input, output, [&](std::string_view text, idx_t row) {
        if constexpr (kEight) {
            const auto bytes = types::ParseMacaddr8(text);
            duckdb_vector_assign_string_element_len(output, row, reinterpret_cast<const char *>(bytes.data()), 8);
        } else {
            const auto bytes = types::ParseMacaddr(text);
            duckdb_vector_assign_string_element_len(output, row, reinterpret_cast<const char *>(bytes.data()), 6);
        }
    });
}

//! A cast computing each valid row's bytes by `map` (which may throw SqlError).
template <std::string (*kMap)(std::string_view)>
bool CastBytes(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(input));
    return ForEachValidRow(count, input, output, [&](idx_t row) {
        try {
            const std::string bytes = kMap(StringAt(strings, row));
            duckdb_vector_assign_string_element_len(output, row, bytes.data(), bytes.size());
        } catch (const SqlError &error) {
            duckdb_cast_function_set_error(info, MessageWithSqlState(error).c_str());
            return false;
        }
        return true;
    });
}

std::string InetCastText(std::string_view bytes) {
    return types::FormatInetWithMask(types::DecodeInetStorage(bytes));
}

std::string MacText(std::string_view bytes) {
    return types::FormatMacaddr(bytes);
}

std::string InetToCidr(std::string_view bytes) {
    return Stored(types::MaskedInet(types::DecodeInetStorage(bytes)));
}

std::string MacaddrToMacaddr8(std::string_view bytes) {
    return std::string(bytes.substr(0, 3)) + "\xff\xfe" + std::string(bytes.substr(3));
}

std::string Macaddr8ToMacaddr(std::string_view bytes) {
    if (static_cast<uint8_t>(bytes[3]) != 0xff || static_cast<uint8_t>(bytes[4]) != 0xfe) {
        throw SqlError("22003", "macaddr8 data out of range to convert to macaddr",
                       "Only addresses that have FF and FE as values in the 4th and 5th bytes from the left, for "
                       "example xx:xx:xx:ff:fe:xx:xx:xx, are eligible to be converted from macaddr8 to macaddr.");
    }
    return std::string(bytes.substr(0, 3)) + std::string(bytes.substr(5));
}

//! BLOB -> a network type (what COPY FROM's batches and BLOB parameters carry): the bytes, checked to be the type's.
std::string CheckedInet(std::string_view bytes) {
    return Stored(types::DecodeInetStorage(bytes));
}

std::string CheckedCidr(std::string_view bytes) {
    const InetValue value = types::DecodeInetStorage(bytes);
    if (!types::HostBitsZero(value)) {
        throw SqlError("22P02", "invalid cidr value", "Value has bits set to right of mask.");
    }
    return Stored(value);
}

template <size_t kSize>
std::string CheckedMacaddr(std::string_view bytes) {
    if (bytes.size() != kSize) {
        throw SqlError("22P02", "invalid stored MAC address");
    }
    return std::string(bytes);
}

bool CastByReference(duckdb_function_info, idx_t, duckdb_vector input, duckdb_vector output) {
    duckdb_vector_reference_vector(output, input);
    return true;
}

} // namespace

void RegisterNetworkFunctions(duckdb_connection connection) {
    LogicalTypeHandle inet = MakeType(Kind::Inet);
    LogicalTypeHandle cidr = MakeType(Kind::Cidr);
    LogicalTypeHandle macaddr = MakeType(Kind::Macaddr);
    LogicalTypeHandle macaddr8 = MakeType(Kind::Macaddr8);
    for (auto *type : {&inet, &cidr, &macaddr, &macaddr8}) {
        if (duckdb_register_logical_type(connection, type->Get(), nullptr) != DuckDBSuccess) {
            throw SqlError("XX000", "could not register the network address types");
        }
    }
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle literal(duckdb_create_logical_type(DUCKDB_TYPE_STRING_LITERAL));
    // A literal becomes any of them implicitly ('...' takes any type), text only by an explicit cast.
    constexpr int64_t kLiteralCost = 20;
    RegisterCast(connection, varchar.Get(), inet.Get(), -1, CastTextToInet<false>);
    RegisterCast(connection, literal.Get(), inet.Get(), kLiteralCost, CastTextToInet<false>);
    RegisterCast(connection, varchar.Get(), cidr.Get(), -1, CastTextToInet<true>);
    RegisterCast(connection, literal.Get(), cidr.Get(), kLiteralCost + 1, CastTextToInet<true>);
    RegisterCast(connection, varchar.Get(), macaddr.Get(), -1, CastTextToMacaddr<false>);
    RegisterCast(connection, literal.Get(), macaddr.Get(), kLiteralCost, CastTextToMacaddr<false>);
    RegisterCast(connection, varchar.Get(), macaddr8.Get(), -1, CastTextToMacaddr<true>);
    RegisterCast(connection, literal.Get(), macaddr8.Get(), kLiteralCost + 1, CastTextToMacaddr<true>);
    // To text, and to ::varchar's character varying (a VARCHAR under the alias character_data).
    LogicalTypeHandle character_varying(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_logical_type_set_alias(character_varying.Get(), "character_data");
    for (auto *text : {&varchar, &character_varying}) {
        RegisterCast(connection, inet.Get(), text->Get(), -1, CastBytes<InetCastText>);
        RegisterCast(connection, cidr.Get(), text->Get(), -1, CastBytes<InetCastText>);
        RegisterCast(connection, macaddr.Get(), text->Get(), -1, CastBytes<MacText>);
        RegisterCast(connection, macaddr8.Get(), text->Get(), -1, CastBytes<MacText>);
    }
    LogicalTypeHandle blob(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
    RegisterCast(connection, blob.Get(), inet.Get(), -1, CastBytes<CheckedInet>);
    RegisterCast(connection, blob.Get(), cidr.Get(), -1, CastBytes<CheckedCidr>);
    RegisterCast(connection, blob.Get(), macaddr.Get(), -1, CastBytes<CheckedMacaddr<6>>);
    RegisterCast(connection, blob.Get(), macaddr8.Get(), -1, CastBytes<CheckedMacaddr<8>>);
    RegisterCast(connection, cidr.Get(), inet.Get(), 1, CastByReference);
    RegisterCast(connection, inet.Get(), cidr.Get(), -1, CastBytes<InetToCidr>);
    RegisterCast(connection, macaddr.Get(), macaddr8.Get(), 1, CastBytes<MacaddrToMacaddr8>);
    RegisterCast(connection, macaddr8.Get(), macaddr.Get(), -1, CastBytes<Macaddr8ToMacaddr>);

    using enum Kind;
    const FunctionRow rows[] = {
        {"abbrev", {Inet}, Text, Abbrev},
        {"abbrev", {Cidr}, Text, AbbrevCidr},
        {"broadcast", {Inet}, Inet, Broadcast},
        {"family", {Inet}, Int4, Family},
        {"host", {Inet}, Text, Host},
        {"hostmask", {Inet}, Inet, Mask<true>},
        {"inet_merge", {Inet, Inet}, Cidr, Merge},
        {"inet_same_family", {Inet, Inet}, Bool, SameFamily},
        {"masklen", {Inet}, Int4, MaskLength},
        {"netmask", {Inet}, Inet, Mask<false>},
        {"network", {Inet}, Cidr, Network},
        {"set_masklen", {Inet, Int4}, Inet, SetMaskLength<false>},
        {"set_masklen", {Cidr, Int4}, Cidr, SetMaskLength<true>},
        {"text", {Inet}, Text, InetText},
        {"duckgres_macaddr_trunc", {Macaddr}, Macaddr, TruncMac<3>},
        {"duckgres_macaddr_trunc", {Macaddr8}, Macaddr8, TruncMac<3>},
        {"macaddr8_set7bit", {Macaddr8}, Macaddr8, Set7Bit},
        {"duckgres_inet_contained", {Inet, Inet}, Bool, ContainedBy<true>},
        {"duckgres_inet_contained_eq", {Inet, Inet}, Bool, ContainedBy<false>},
        {"duckgres_inet_contains", {Inet, Inet}, Bool, Contains<true>},
        {"duckgres_inet_contains_eq", {Inet, Inet}, Bool, Contains<false>},
        {"duckgres_inet_overlaps", {Inet, Inet}, Bool, Overlaps},
        {"duckgres_network_not", {Inet}, Inet, InetNot},
        {"duckgres_network_not", {Macaddr}, Macaddr, MacNot},
        {"duckgres_network_not", {Macaddr8}, Macaddr8, MacNot},
        {"duckgres_network_and", {Inet, Inet}, Inet, InetBitwise<true>},
        {"duckgres_network_and", {Macaddr, Macaddr}, Macaddr, MacBitwise<true>},
        {"duckgres_network_and", {Macaddr8, Macaddr8}, Macaddr8, MacBitwise<true>},
        {"duckgres_network_or", {Inet, Inet}, Inet, InetBitwise<false>},
        {"duckgres_network_or", {Macaddr, Macaddr}, Macaddr, MacBitwise<false>},
        {"duckgres_network_or", {Macaddr8, Macaddr8}, Macaddr8, MacBitwise<false>},
        {"duckgres_inet_plus", {Inet, Int8}, Inet, Plus},
        {"duckgres_inet_plus", {Int8, Inet}, Inet, PlusReversed},
        {"duckgres_inet_minus", {Inet, Int8}, Inet, MinusNumber},
        {"duckgres_inet_minus", {Inet, Inet}, Int8, MinusInet},
    };
    // Rows of one name are adjacent: each name is one function set of its overloads.
    for (size_t first = 0; first < std::size(rows);) {
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(rows[first].name));
        size_t next = first;
        for (; next < std::size(rows) && std::string_view(rows[next].name) == rows[first].name; next++) {
            AddFunction(set.Get(), rows[next]);
        }
        if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", std::string("could not register ") + rows[first].name);
        }
        first = next;
    }
}

} // namespace duckgres::engine
