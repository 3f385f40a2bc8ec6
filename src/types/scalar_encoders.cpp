// Encoders for DuckDB's non-nested types: one typed read of the vector data plus text and binary formatters.
#include "common/duckdb_handles.hpp"
#include "common/utf8.hpp"
#include "types/binary_format.hpp"
#include "types/civil_date.hpp"
#include "types/encoder_base.hpp"
#include "types/geometry.hpp"
#include "types/int128.hpp"
#include "types/money_format.hpp"
#include "types/network_address.hpp"
#include "types/pg_type.hpp"
#include "types/range_value.hpp"
#include "types/tsquery.hpp"
#include "types/tsvector.hpp"
#include "types/typmod_alias.hpp"

#include <limits>
#include <type_traits>
#include <vector>

namespace duckgres::types {

namespace {

template <class T, class Format, class Binary>
class ScalarEncoder final : public EncoderBase {
public:
    ScalarEncoder(Format format, Binary binary) : format_(std::move(format)), binary_(std::move(binary)) {}

    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        format_(out, Data<T>()[row], options);
    }
    void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        binary_(out, Data<T>()[row], options);
    }

private:
    Format format_;
    Binary binary_;
};

//! Format and Binary are called as format(out, value, options).
template <class T, class Format, class Binary>
std::unique_ptr<EncoderBase> Make(Format format, Binary binary) {
    return std::make_unique<ScalarEncoder<T, Format, Binary>>(std::move(format), std::move(binary));
}

//! Binary output of values whose PostgreSQL type is text: the text bytes.
template <class T, class Format>
std::unique_ptr<EncoderBase> MakeTextual(Format format) {
    auto binary = [format](std::string &out, const T &v, const TextFormatOptions &options) { format(out, v, options); };
    return Make<T>(std::move(format), std::move(binary));
}

//! TINYINT/UTINYINT -> int2, USMALLINT -> int4, UINTEGER -> oid (unsigned, 4 bytes; see MapLogicalType).
template <class T>
using PgIntegerOf = std::conditional_t<
    sizeof(T) == 1, int16_t,
    std::conditional_t<std::is_signed_v<T>, T, std::conditional_t<sizeof(T) == 2, int32_t, uint32_t>>>;

template <class T>
std::unique_ptr<EncoderBase> MakeInteger() {
    return Make<T>(
        [](std::string &out, T v, const TextFormatOptions &) {
            if constexpr (std::is_signed_v<T>) {
                AppendInt64(out, v);
            } else {
                AppendUInt64(out, v);
            }
        },
        [](std::string &out, T v, const TextFormatOptions &) { AppendBigEndian(out, static_cast<PgIntegerOf<T>>(v)); });
}

template <class T>
duckdb_hugeint ToHugeint(const T &v) {
    if constexpr (std::is_same_v<T, duckdb_hugeint>) {
        return v;
    } else {
        return FromInt128(v);
    }
}

template <class T>
std::unique_ptr<EncoderBase> MakeDecimal(uint8_t scale) {
    return Make<T>(
        [scale](std::string &out, const T &v, const TextFormatOptions &) { AppendDecimal(out, ToHugeint(v), scale); },
        [scale](std::string &out, const T &v, const TextFormatOptions &) {
            AppendDecimalBinary(out, ToHugeint(v), scale);
        });
}

std::unique_ptr<EncoderBase> CreateDecimalEncoder(duckdb_logical_type type) {
    const uint8_t scale = duckdb_decimal_scale(type);
    switch (duckdb_decimal_internal_type(type)) {
    case DUCKDB_TYPE_SMALLINT:
        return MakeDecimal<int16_t>(scale);
    case DUCKDB_TYPE_INTEGER:
        return MakeDecimal<int32_t>(scale);
    case DUCKDB_TYPE_BIGINT:
        return MakeDecimal<int64_t>(scale);
    default:
        return MakeDecimal<duckdb_hugeint>(scale);
    }
}

template <class T>
std::unique_ptr<EncoderBase> MakeEnum(std::vector<std::string> dictionary) {
    return MakeTextual<T>([dictionary = std::move(dictionary)](std::string &out, T v, const TextFormatOptions &) {
        out += dictionary[v];
    });
}

std::unique_ptr<EncoderBase> CreateEnumEncoder(duckdb_logical_type type) {
    std::vector<std::string> dictionary(duckdb_enum_dictionary_size(type));
    for (idx_t i = 0; i < dictionary.size(); i++) {
        dictionary[i] = TakeDuckDbString(duckdb_enum_dictionary_value(type, i));
    }
    switch (duckdb_enum_internal_type(type)) {
    case DUCKDB_TYPE_UTINYINT:
        return MakeEnum<uint8_t>(std::move(dictionary));
    case DUCKDB_TYPE_USMALLINT:
        return MakeEnum<uint16_t>(std::move(dictionary));
    default:
        return MakeEnum<uint32_t>(std::move(dictionary));
    }
}

//! TIMESTAMP_S/MS/NS: converted to microseconds (nanoseconds rounded like PostgreSQL's input),
//! keeping the +/-infinity markers.
template <int64_t kMultiplier, int64_t kDivisor>
int64_t ScaledToMicros(int64_t v) {
    constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max();
    if (v == kInfinity || v <= -kInfinity) {
        return v;
    }
    int64_t micros;
    if (__builtin_mul_overflow(FloorDiv(v + kDivisor / 2, kDivisor), kMultiplier, &micros)) {
        return v < 0 ? -kInfinity : kInfinity;
    }
    return micros;
}

template <int64_t kMultiplier, int64_t kDivisor>
std::unique_ptr<EncoderBase> MakeScaledTimestamp() {
    return Make<int64_t>(
        [](std::string &out, int64_t v, const TextFormatOptions &options) {
            AppendTimestamp(out, ScaledToMicros<kMultiplier, kDivisor>(v), options.date_style);
        },
        [](std::string &out, int64_t v, const TextFormatOptions &) {
            AppendTimestampBinary(out, ScaledToMicros<kMultiplier, kDivisor>(v));
        });
}

//! Strings whose binary form is their bytes (text, json, bytea).
std::unique_ptr<EncoderBase> MakeRawString(void (*format)(std::string &, std::string_view)) {
    return Make<duckdb_string_t>(
        [format](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
            format(out, StringAt(&v, 0));
        },
        [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) { out += StringAt(&v, 0); });
}

//! char(n): stored without trailing blanks (comparisons ignore them, as PostgreSQL's do), sent padded to n characters.
std::unique_ptr<EncoderBase> MakeBlankPadded(int32_t length) {
    auto padded = [length](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
        const std::string_view text = StringAt(&v, 0);
        out += text;
        const auto characters = static_cast<int64_t>(Utf8CharacterCount(text));
        if (characters < length) {
            out.append(static_cast<size_t>(length - characters), ' ');
        }
    };
    return Make<duckdb_string_t>(padded, padded);
}

//! inet and cidr (text: inet_out / cidr_out; binary: family, bits, is_cidr, length, address), macaddr and macaddr8
//! (text: hex bytes; binary: the bytes); nullptr for other aliases.
std::unique_ptr<EncoderBase> MakeNetworkEncoder(const std::string &alias) {
    using Options = TextFormatOptions;
    if (alias == "inet" || alias == "cidr") {
        const bool cidr = alias == "cidr";
        return Make<duckdb_string_t>(
            [cidr](std::string &out, const duckdb_string_t &v, const Options &) {
                out += FormatInet(DecodeInetStorage(StringAt(&v, 0)), cidr);
            },
            [cidr](std::string &out, const duckdb_string_t &v, const Options &) {
                const InetValue value = DecodeInetStorage(StringAt(&v, 0));
                out += static_cast<char>(value.family);
                out += static_cast<char>(value.bits);
                out += static_cast<char>(cidr ? 1 : 0);
                out += static_cast<char>(value.Size());
                out.append(reinterpret_cast<const char *>(value.address.data()), static_cast<size_t>(value.Size()));
            });
    }
    if (alias == "macaddr" || alias == "macaddr8") {
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const Options &) { out += FormatMacaddr(StringAt(&v, 0)); },
            [](std::string &out, const duckdb_string_t &v, const Options &) { out += StringAt(&v, 0); });
    }
    return nullptr;
}

std::unique_ptr<EncoderBase> CreateStringLikeEncoder(duckdb_type id) {
    using Options = TextFormatOptions;
    switch (id) {
    case DUCKDB_TYPE_VARCHAR:
        return MakeRawString([](std::string &out, std::string_view s) { out += s; });
    case DUCKDB_TYPE_BLOB:
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const Options &options) {
                AppendBytea(out, StringAt(&v, 0), options.bytea_output);
            },
            [](std::string &out, const duckdb_string_t &v, const Options &) { out += StringAt(&v, 0); });
    case DUCKDB_TYPE_BIT:
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const Options &) { AppendBitString(out, StringAt(&v, 0)); },
            [](std::string &out, const duckdb_string_t &v, const Options &) {
                AppendVarbitBinary(out, StringAt(&v, 0));
            });
    case DUCKDB_TYPE_BIGNUM:
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const Options &) { AppendBignum(out, StringAt(&v, 0)); },
            [](std::string &out, const duckdb_string_t &v, const Options &) {
                AppendBignumBinary(out, StringAt(&v, 0));
            });
    default:
        return nullptr;
    }
}

std::unique_ptr<EncoderBase> CreateDateTimeEncoder(duckdb_type id) {
    using Options = TextFormatOptions;
    switch (id) {
    case DUCKDB_TYPE_DATE:
        return Make<int32_t>(
            [](std::string &out, int32_t v, const Options &options) { AppendDate(out, v, options.date_style); },
            [](std::string &out, int32_t v, const Options &) { AppendDateBinary(out, v); });
    case DUCKDB_TYPE_TIME:
        return Make<int64_t>([](std::string &out, int64_t v, const Options &) { AppendTime(out, v); },
                             [](std::string &out, int64_t v, const Options &) { AppendBigEndian(out, v); });
    case DUCKDB_TYPE_TIME_NS:
        return Make<int64_t>(
            [](std::string &out, int64_t v, const Options &) { AppendTime(out, FloorDiv(v + 500, 1000)); },
            [](std::string &out, int64_t v, const Options &) { AppendBigEndian(out, FloorDiv(v + 500, 1000)); });
    case DUCKDB_TYPE_TIME_TZ:
        return Make<uint64_t>(
            [](std::string &out, uint64_t v, const Options &) {
                const TimeTzParts parts = DecodeTimeTz(v);
                AppendTimeTz(out, parts.micros, parts.offset_seconds);
            },
            [](std::string &out, uint64_t v, const Options &) {
                const TimeTzParts parts = DecodeTimeTz(v);
                AppendTimeTzBinary(out, parts.micros, parts.offset_seconds);
            });
    case DUCKDB_TYPE_TIMESTAMP:
        return Make<int64_t>(
            [](std::string &out, int64_t v, const Options &options) { AppendTimestamp(out, v, options.date_style); },
            [](std::string &out, int64_t v, const Options &) { AppendTimestampBinary(out, v); });
    case DUCKDB_TYPE_TIMESTAMP_S:
        return MakeScaledTimestamp<kMicrosPerSecond, 1>();
    case DUCKDB_TYPE_TIMESTAMP_MS:
        return MakeScaledTimestamp<1000, 1>();
    case DUCKDB_TYPE_TIMESTAMP_NS:
        return MakeScaledTimestamp<1, 1000>();
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        return Make<int64_t>(
            [](std::string &out, int64_t v, const Options &options) {
                AppendTimestampTz(out, v, options.time_zone, options.date_style);
            },
            [](std::string &out, int64_t v, const Options &) { AppendTimestampBinary(out, v); });
    case DUCKDB_TYPE_INTERVAL:
        return Make<duckdb_interval>(
            [](std::string &out, const duckdb_interval &v, const Options &options) {
                AppendInterval(out, v, options.interval_style);
            },
            [](std::string &out, const duckdb_interval &v, const Options &) { AppendIntervalBinary(out, v); });
    default:
        return nullptr;
    }
}

std::unique_ptr<EncoderBase> CreateNumericEncoder(duckdb_type id) {
    using Options = TextFormatOptions;
    switch (id) {
    case DUCKDB_TYPE_BOOLEAN:
        return Make<bool>([](std::string &out, bool v, const Options &) { AppendBool(out, v); },
                          [](std::string &out, bool v, const Options &) { out += static_cast<char>(v ? 1 : 0); });
    case DUCKDB_TYPE_TINYINT:
        return MakeInteger<int8_t>();
    case DUCKDB_TYPE_SMALLINT:
        return MakeInteger<int16_t>();
    case DUCKDB_TYPE_INTEGER:
        return MakeInteger<int32_t>();
    case DUCKDB_TYPE_BIGINT:
        return MakeInteger<int64_t>();
    case DUCKDB_TYPE_UTINYINT:
        return MakeInteger<uint8_t>();
    case DUCKDB_TYPE_USMALLINT:
        return MakeInteger<uint16_t>();
    case DUCKDB_TYPE_UINTEGER:
        return MakeInteger<uint32_t>();
    case DUCKDB_TYPE_UBIGINT:
        return Make<uint64_t>([](std::string &out, uint64_t v, const Options &) { AppendUInt64(out, v); },
                              [](std::string &out, uint64_t v, const Options &) {
                                  AppendDecimalBinary(out, FromInt128(static_cast<Int128>(v)), 0);
                              });
    case DUCKDB_TYPE_HUGEINT:
        return Make<duckdb_hugeint>(
            [](std::string &out, const duckdb_hugeint &v, const Options &) { AppendHugeint(out, v); },
            [](std::string &out, const duckdb_hugeint &v, const Options &) { AppendDecimalBinary(out, v, 0); });
    case DUCKDB_TYPE_UHUGEINT:
        return Make<duckdb_uhugeint>(
            [](std::string &out, const duckdb_uhugeint &v, const Options &) { AppendUHugeint(out, v); },
            [](std::string &out, const duckdb_uhugeint &v, const Options &) {
                std::string digits;
                AppendUInt128Digits(digits, ToUInt128(v));
                AppendNumericBinary(out, false, digits, 0);
            });
    case DUCKDB_TYPE_FLOAT:
        return Make<float>(
            [](std::string &out, float v, const Options &options) { AppendFloat4(out, v, options.extra_float_digits); },
            [](std::string &out, float v, const Options &) { AppendFloat4Binary(out, v); });
    case DUCKDB_TYPE_DOUBLE:
        return Make<double>([](std::string &out, double v,
                               const Options &options) { AppendFloat8(out, v, options.extra_float_digits); },
                            [](std::string &out, double v, const Options &) { AppendFloat8Binary(out, v); });
    case DUCKDB_TYPE_UUID:
        return Make<duckdb_hugeint>(
            [](std::string &out, const duckdb_hugeint &v, const Options &) { AppendUuid(out, v); },
            [](std::string &out, const duckdb_hugeint &v, const Options &) { AppendUuidBinary(out, v); });
    default:
        return nullptr;
    }
}

//! The range types, stored as BLOBs of range_value.hpp's storage form.
std::unique_ptr<EncoderBase> CreateRangeEncoder(RangeKind kind) {
    return Make<duckdb_string_t>(
        [kind](std::string &out, const duckdb_string_t &v, const TextFormatOptions &options) {
            out += FormatRange(kind, DecodeRange(kind, StringAt(&v, 0)), options);
        },
        [kind](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
            AppendRangeBinary(out, kind, DecodeRange(kind, StringAt(&v, 0)));
        });
}

} // namespace

std::unique_ptr<EncoderBase> CreateScalarEncoder(duckdb_logical_type type) {
    const duckdb_type id = duckdb_get_type_id(type);
    if (id == DUCKDB_TYPE_DECIMAL) {
        return CreateDecimalEncoder(type);
    }
    if (id == DUCKDB_TYPE_ENUM) {
        return CreateEnumEncoder(type);
    }
    if (id == DUCKDB_TYPE_BIGINT && TakeDuckDbString(duckdb_logical_type_get_alias(type)) == "money") {
        // money: cents as "$1,234.56"; its binary form is the int8 of cents.
        return Make<int64_t>([](std::string &out, int64_t v, const TextFormatOptions &) { out += FormatMoney(v); },
                             [](std::string &out, int64_t v, const TextFormatOptions &) { AppendBigEndian(out, v); });
    }
    if (auto encoder = CreateNumericEncoder(id)) {
        return encoder;
    }
    if (auto encoder = CreateDateTimeEncoder(id)) {
        return encoder;
    }
    const std::string alias = id == DUCKDB_TYPE_VARCHAR || id == DUCKDB_TYPE_BLOB
                                  ? TakeDuckDbString(duckdb_logical_type_get_alias(type))
                                  : "";
    if (id == DUCKDB_TYPE_BLOB) {
        if (auto kind = RangeKindFromName(alias)) {
            return CreateRangeEncoder(*kind);
        }
        if (auto encoder = MakeNetworkEncoder(alias)) {
            return encoder;
        }
    }
    if (auto typmod = ParseTypmodAliasName(alias); typmod && typmod->base == TypmodBase::Bpchar) {
        return MakeBlankPadded(DeclaredLength(*typmod));
    }
    if (alias == "regtype") {
        // A type's name (pg_typeof()); binary, the type's OID as regtypesend writes it (0 for types Duckgres lacks).
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) { out += StringAt(&v, 0); },
            [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
                AppendBigEndian<uint32_t>(out, TypeOidForName(StringAt(&v, 0)));
            });
    }
    if (alias == "jsonb") {
        // jsonb's binary form: version 1, then the text.
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) { out += StringAt(&v, 0); },
            [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
                out += '\x01';
                out += StringAt(&v, 0);
            });
    }
    if (auto kind = GeoKindByName(alias)) {
        // The geometric types: their canonical text; binary, the float8s their send functions write.
        return Make<duckdb_string_t>(
            [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) { out += StringAt(&v, 0); },
            [kind = *kind](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
                out += GeometryBinary(ParseGeometry(kind, StringAt(&v, 0)));
            });
    }
    if (alias == "tsvector" || alias == "tsquery") {
        // Values are kept as their canonical text; the binary form is PostgreSQL's tsvectorsend / tsquerysend.
        auto text = [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
            out += StringAt(&v, 0);
        };
        if (alias == "tsvector") {
            return Make<duckdb_string_t>(text,
                                         [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
                                             out += TsVectorBinary(ParseTsVector(StringAt(&v, 0)));
                                         });
        }
        return Make<duckdb_string_t>(text, [](std::string &out, const duckdb_string_t &v, const TextFormatOptions &) {
            out += TsQueryBinary(ParseTsQuery(StringAt(&v, 0)));
        });
    }
    return CreateStringLikeEncoder(id);
}

} // namespace duckgres::types
