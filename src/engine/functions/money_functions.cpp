// money: the registered type, its casts and the functions behind its operators.
#include "engine/functions/money_functions.hpp"

#include "engine/functions/typed_row_function.hpp"
#include "types/money_format.hpp"

#include <cmath>
#include <limits>

namespace duckgres::engine {

namespace {

using types::MoneyFromDouble;

[[noreturn]] void MoneyOutOfRange() {
    throw SqlError("22003", "money out of range");
}

int64_t Checked(__int128 cents) {
    if (cents > std::numeric_limits<int64_t>::max() || cents < std::numeric_limits<int64_t>::min()) {
        MoneyOutOfRange();
    }
    return static_cast<int64_t>(cents);
}

CellResult Add(std::span<const Cell> args) {
    return Checked(static_cast<__int128>(args[0].integer) + args[1].integer);
}

CellResult Subtract(std::span<const Cell> args) {
    return Checked(static_cast<__int128>(args[0].integer) - args[1].integer);
}

CellResult MultiplyInteger(std::span<const Cell> args) {
    return Checked(static_cast<__int128>(args[0].integer) * args[1].integer);
}

CellResult MultiplyDouble(std::span<const Cell> args) {
    return MoneyFromDouble(static_cast<double>(args[0].integer) * args[1].number);
}

CellResult IntegerTimesMoney(std::span<const Cell> args) {
    return Checked(static_cast<__int128>(args[0].integer) * args[1].integer);
}

CellResult DoubleTimesMoney(std::span<const Cell> args) {
    return MoneyFromDouble(args[0].number * static_cast<double>(args[1].integer));
}

[[noreturn]] void DivisionByZero() {
    throw SqlError("22012", "division by zero");
}

CellResult DivideInteger(std::span<const Cell> args) {
    if (args[1].integer == 0) {
        DivisionByZero();
    }
    return Checked(static_cast<__int128>(args[0].integer) / args[1].integer);
}

CellResult DivideDouble(std::span<const Cell> args) {
    if (args[1].number == 0) {
        DivisionByZero();
    }
    return MoneyFromDouble(static_cast<double>(args[0].integer) / args[1].number);
}

CellResult DivideMoney(std::span<const Cell> args) {
    if (args[1].integer == 0) {
        DivisionByZero();
    }
    return static_cast<double>(args[0].integer) / static_cast<double>(args[1].integer);
}

CellResult OfCents(std::span<const Cell> args) {
    return args[0].integer;
}

//! money -> numeric goes through this text ("-12.34"), cast to DECIMAL by the rewrite.
CellResult NumericText(std::span<const Cell> args) {
    const int64_t cents = args[0].integer;
    const uint64_t magnitude = cents < 0 ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
    std::string digits = std::to_string(magnitude);
    while (digits.size() < 3) {
        digits.insert(digits.begin(), '0');
    }
    return std::string(cents < 0 ? "-" : "") + digits.substr(0, digits.size() - 2) + "." +
           digits.substr(digits.size() - 2);
}

// ---- Casts ----

bool CastTextToMoney(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    auto *out = static_cast<int64_t *>(duckdb_vector_get_data(output));
    return CastTextRows(info, count, input, output,
                        [out](std::string_view text, idx_t row) { out[row] = types::ParseMoney(text); });
}

bool CastMoneyToText(duckdb_function_info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const auto *cents = static_cast<const int64_t *>(duckdb_vector_get_data(input));
    return ForEachValidRow(count, input, output, [&](idx_t row) {
        const std::string text = types::FormatMoney(cents[row]);
        duckdb_vector_assign_string_element_len(output, row, text.data(), text.size());
        return true;
    });
}

//! An amount in whole units of `scale` decimal places -> cents, halves rounded away from zero.
int64_t CentsOfScaled(__int128 value, int scale) {
    __int128 result = value;
    for (int s = scale; s < 2; s++) {
        result *= 10;
        if (result > std::numeric_limits<int64_t>::max() || result < std::numeric_limits<int64_t>::min()) {
            MoneyOutOfRange();
        }
    }
    if (scale > 2) {
        __int128 divisor = 1;
        for (int s = 2; s < scale; s++) {
            divisor *= 10;
        }
        const __int128 quotient = result / divisor;
        const __int128 remainder = result % divisor;
        result = quotient + (remainder * 2 >= divisor ? 1 : 0) - (-remainder * 2 >= divisor ? 1 : 0);
    }
    return Checked(result);
}

//! Integers, DECIMALs, doubles and text -> money, as PostgreSQL's int4, int8 and numeric casts and cash input: the
//! body of the cast from integers and of duckgres_money_from(ANY), which the rewrite makes of other x::money.
bool ConvertToMoney(idx_t count, duckdb_vector input, duckdb_vector output, std::string &error) {
    LogicalTypeHandle type(duckdb_vector_get_column_type(input));
    const duckdb_type id = duckdb_get_type_id(type.Get());
    const void *data = duckdb_vector_get_data(input);
    auto *out = static_cast<int64_t *>(duckdb_vector_get_data(output));
    int scale = 0;
    duckdb_type storage = id;
    if (id == DUCKDB_TYPE_DECIMAL) {
        scale = duckdb_decimal_scale(type.Get());
        storage = duckdb_decimal_internal_type(type.Get());
    }
    return ForEachValidRow(count, input, output, [&](idx_t row) {
        try {
            switch (storage) {
            case DUCKDB_TYPE_TINYINT:
                out[row] = CentsOfScaled(static_cast<const int8_t *>(data)[row], scale);
                break;
            case DUCKDB_TYPE_SMALLINT:
                out[row] = CentsOfScaled(static_cast<const int16_t *>(data)[row], scale);
                break;
            case DUCKDB_TYPE_INTEGER:
                out[row] = CentsOfScaled(static_cast<const int32_t *>(data)[row], scale);
                break;
            case DUCKDB_TYPE_BIGINT:
                out[row] = CentsOfScaled(static_cast<const int64_t *>(data)[row], scale);
                break;
            case DUCKDB_TYPE_HUGEINT: {
                const auto v = static_cast<const duckdb_hugeint *>(data)[row];
                out[row] = CentsOfScaled((static_cast<__int128>(v.upper) << 64) | v.lower, scale);
                break;
            }
            case DUCKDB_TYPE_DOUBLE:
                out[row] = MoneyFromDouble(static_cast<const double *>(data)[row] * 100);
                break;
            case DUCKDB_TYPE_FLOAT:
                out[row] = MoneyFromDouble(static_cast<const float *>(data)[row] * 100.0);
                break;
            case DUCKDB_TYPE_VARCHAR: {
                auto *strings = static_cast<duckdb_string_t *>(const_cast<void *>(data));
                out[row] = types::ParseMoney(StringAt(strings, row));
                break;
            }
            default:
                throw SqlError("42846", "cannot cast this type to money");
            }
        } catch (const SqlError &sql_error) {
            error = MessageWithSqlState(sql_error);
            return false;
        }
        return true;
    });
}

bool CastNumberToMoney(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    std::string error;
    if (!ConvertToMoney(count, input, output, error)) {
        duckdb_cast_function_set_error(info, error.c_str());
        return false;
    }
    return true;
}

void MoneyFrom(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    std::string error;
    if (!ConvertToMoney(duckdb_data_chunk_get_size(input), duckdb_data_chunk_get_vector(input, 0), output, error)) {
        duckdb_scalar_function_set_error(info, error.c_str());
    }
}

} // namespace

void RegisterMoneyFunctions(duckdb_connection connection) {
    LogicalTypeHandle money = SlotLogicalType(Slot::Money);
    if (duckdb_register_logical_type(connection, money.Get(), nullptr) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register type money");
    }
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle literal(duckdb_create_logical_type(DUCKDB_TYPE_STRING_LITERAL));
    constexpr int64_t kLiteralCost = 20;
    RegisterCast(connection, varchar.Get(), money.Get(), -1, CastTextToMoney);
    RegisterCast(connection, literal.Get(), money.Get(), kLiteralCost, CastTextToMoney);
    RegisterCast(connection, money.Get(), varchar.Get(), -1, CastMoneyToText);
    for (auto id : {DUCKDB_TYPE_SMALLINT, DUCKDB_TYPE_INTEGER, DUCKDB_TYPE_BIGINT}) {
        LogicalTypeHandle source(duckdb_create_logical_type(id));
        RegisterCast(connection, source.Get(), money.Get(), -1, CastNumberToMoney);
    }
    {
        ScalarFunctionHandle from(duckdb_create_scalar_function());
        duckdb_scalar_function_set_name(from.Get(), "duckgres_money_from");
        LogicalTypeHandle any(duckdb_create_logical_type(DUCKDB_TYPE_ANY));
        duckdb_scalar_function_add_parameter(from.Get(), any.Get());
        duckdb_scalar_function_set_return_type(from.Get(), money.Get());
        duckdb_scalar_function_set_function(from.Get(), MoneyFrom);
        if (duckdb_register_scalar_function(connection, from.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", "could not register duckgres_money_from");
        }
    }

    using enum Slot;
    const TypedFunctionRow rows[] = {
        {"duckgres_money_add", {Money, Money}, Money, Add},
        {"duckgres_money_sub", {Money, Money}, Money, Subtract},
        {"duckgres_money_mul", {Money, BigInt}, Money, MultiplyInteger},
        {"duckgres_money_mul", {Money, Double}, Money, MultiplyDouble},
        {"duckgres_money_mul", {BigInt, Money}, Money, IntegerTimesMoney},
        {"duckgres_money_mul", {Double, Money}, Money, DoubleTimesMoney},
        {"duckgres_money_div", {Money, BigInt}, Money, DivideInteger},
        {"duckgres_money_div", {Money, Double}, Money, DivideDouble},
        {"duckgres_money_div", {Money, Money}, Double, DivideMoney},
        {"duckgres_money_of_cents", {BigInt}, Money, OfCents},
        {"duckgres_money_numeric_text", {Money}, Text, NumericText},
    };
    RegisterTypedFunctions(connection, rows);
}

} // namespace duckgres::engine
