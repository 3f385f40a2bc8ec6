// ArrowBatchBuilder: PostgreSQL text and binary values parsed into Arrow buffers, batch limits and the schema.
#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "types/arrow_batch_builder.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace duckgres::types {
namespace {

std::string Hex(const void *data, size_t size) {
    std::string out;
    constexpr char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < size; i++) {
        auto byte = static_cast<const uint8_t *>(data)[i];
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
    return out;
}

std::string Unhex(std::string_view hex) {
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    }
    return out;
}

//! Sets column 0 of the current row from text, or from binary given as hex.
void SetInput(ArrowBatchBuilder &builder, bool binary, const std::string &input) {
    if (binary) {
        auto bytes = Unhex(input);
        builder.SetBinary(0, std::optional<std::string_view>(bytes));
    } else {
        builder.Set(0, std::optional<std::string_view>(input));
    }
}

//! One value: its column type, its input (text, or binary as hex) and the bytes the Arrow buffers hold for it
//! (fixed-width values little-endian as stored; strings as the bytes; intervals months|days|micros), or the error.
struct ValueCase {
    duckdb_type type;
    bool binary;
    std::string input;
    std::string stored_hex;
    std::string sqlstate = "";
    std::string message = "";
};

//! The stored bytes of row 0 of column 0 of a one-column batch.
std::string StoredHex(const ArrowArray &batch, duckdb_type type) {
    const ArrowArray &column = *batch.children[0];
    if (type == DUCKDB_TYPE_INTERVAL) {
        return Hex(column.children[0]->buffers[1], 4) + "|" + Hex(column.children[1]->buffers[1], 4) + "|" +
               Hex(column.children[2]->buffers[1], 8);
    }
    if (type == DUCKDB_TYPE_VARCHAR || type == DUCKDB_TYPE_BLOB) {
        auto offsets = static_cast<const int32_t *>(column.buffers[1]);
        return Hex(static_cast<const char *>(column.buffers[2]) + offsets[0], offsets[1] - offsets[0]);
    }
    if (type == DUCKDB_TYPE_BOOLEAN) {
        return (static_cast<const uint8_t *>(column.buffers[1])[0] & 1) ? "1" : "0";
    }
    size_t width = type == DUCKDB_TYPE_SMALLINT                                                           ? 2
                   : type == DUCKDB_TYPE_INTEGER || type == DUCKDB_TYPE_FLOAT || type == DUCKDB_TYPE_DATE ? 4
                                                                                                          : 8;
    return Hex(column.buffers[1], width);
}

TEST(ArrowBatchBuilder, ValuesFromTextAndBinary) {
    const std::vector<ValueCase> cases = {
        {DUCKDB_TYPE_BOOLEAN, false, "yes", "1"},
        {DUCKDB_TYPE_BOOLEAN, false, "f", "0"},
        {DUCKDB_TYPE_BOOLEAN, true, "01", "1"},
        {DUCKDB_TYPE_BOOLEAN, false, "maybe", "", "22P02", "invalid input syntax for type boolean: \"maybe\""},
        {DUCKDB_TYPE_SMALLINT, false, "-2", "feff"},
        {DUCKDB_TYPE_SMALLINT, true, "fffe", "feff"},
        {DUCKDB_TYPE_SMALLINT, false, "40000", "", "22003", "value \"40000\" is out of range for type smallint"},
        {DUCKDB_TYPE_INTEGER, false, " 7 ", "07000000"},
        {DUCKDB_TYPE_INTEGER, true, "00000102", "02010000"},
        {DUCKDB_TYPE_INTEGER, true, "0001", "", "08P01", "insufficient data left in message"},
        {DUCKDB_TYPE_INTEGER, true, "000000010000", "", "22P03", "incorrect binary data format"},
        {DUCKDB_TYPE_BIGINT, false, "-9223372036854775808", "0000000000000080"},
        {DUCKDB_TYPE_BIGINT, true, "0000000000000001", "0100000000000000"},
        {DUCKDB_TYPE_FLOAT, false, "1.5", "0000c03f"},
        {DUCKDB_TYPE_FLOAT, true, "3fc00000", "0000c03f"},
        {DUCKDB_TYPE_DOUBLE, false, "-Infinity", "000000000000f0ff"},
        {DUCKDB_TYPE_DOUBLE, true, "3ff8000000000000", "000000000000f83f"},
        {DUCKDB_TYPE_VARCHAR, false, "h\xc3\xa9", "68c3a9"},
        {DUCKDB_TYPE_VARCHAR, true, "61ff", "", "22021", "invalid byte sequence for encoding \"UTF8\": 0xff"},
        {DUCKDB_TYPE_BLOB, false, "\\x00ff", "00ff"},
        {DUCKDB_TYPE_BLOB, true, "00ff", "00ff"},
        // Dates: days since 1970; PostgreSQL's binary counts from 2000 and marks -infinity with INT32_MIN.
        {DUCKDB_TYPE_DATE, false, "1970-01-02", "01000000"},
        {DUCKDB_TYPE_DATE, true, "00000000", "cd2a0000"},
        {DUCKDB_TYPE_DATE, true, "80000000",
         "010000"
         "80"},
        {DUCKDB_TYPE_DATE, true, "7fffffff", "ffffff7f"},
        {DUCKDB_TYPE_DATE, false, "-infinity",
         "010000"
         "80"},
        {DUCKDB_TYPE_TIME, false, "00:00:01", "40420f0000000000"},
        {DUCKDB_TYPE_TIME, true, "00000000000f4240", "40420f0000000000"},
        {DUCKDB_TYPE_TIME, true, "ffffffffffffffff", "", "22008", "time out of range"},
        {DUCKDB_TYPE_TIMESTAMP, true, "8000000000000000", "0100000000000080"},
        {DUCKDB_TYPE_TIMESTAMP, false, "1970-01-01 00:00:01", "40420f0000000000"},
        {DUCKDB_TYPE_TIMESTAMP_TZ, true, "0000000000000000", "00e0373b015d0300"},
        // Intervals keep every part, whatever its size (Arrow's own interval type could not hold 3,000,000 hours).
        {DUCKDB_TYPE_INTERVAL, false, "1 mon 2 days 00:00:01", "01000000|02000000|40420f0000000000"},
        {DUCKDB_TYPE_INTERVAL, false, "-3000000 hours", "00000000|00000000|00006d0c75a1d9ff"},
        {DUCKDB_TYPE_INTERVAL, true,
         "000000000000000100000002"
         "00000003",
         "03000000|02000000|0100000000000000"},
    };
    TextFormatOptions options;
    for (const auto &c : cases) {
        SCOPED_TRACE(std::to_string(c.type) + (c.binary ? " binary " : " text ") + c.input);
        LogicalTypeHandle type(duckdb_create_logical_type(c.type));
        ArrowBatchBuilder builder({type.Get()}, options);
        try {
            SetInput(builder, c.binary, c.input);
            EXPECT_EQ(c.sqlstate, "") << "no error";
            builder.EndRow();
            auto batch = builder.TakeBatch();
            EXPECT_EQ(batch.Get().length, 1);
            EXPECT_EQ(StoredHex(batch.Get(), c.type), c.stored_hex);
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, c.sqlstate);
            EXPECT_EQ(std::string(error.what()), c.message);
        }
    }
}

//! A numeric, as text or binary (hex), into DECIMAL(12, 2): the stored integer (as text) or the error and detail.
struct DecimalCase {
    bool binary;
    std::string input;
    std::string stored;
    std::string sqlstate = "";
    std::string detail = "";
};

TEST(ArrowBatchBuilder, DecimalsRoundAndOverflowAsPostgres) {
    const std::string overflow = "A field with precision 12, scale 2 must round to an absolute value less than 10^10.";
    const std::vector<DecimalCase> cases = {
        {false, "1.005", "101"},
        {false, "-1.005", "-101"},
        {false, "-0.001", "0"},
        {false, " 1e3 ", "100000"},
        {false, "0.0049", "0"},
        {false, "9999999999.99", "999999999999"},
        {false, "9999999999.995", "", "22003", overflow},
        {false, "12345678901", "", "22003", overflow},
        {false, "Infinity", "", "22003", "A field with precision 12, scale 2 cannot hold an infinite value."},
        {false, "NaN", "", "22003", "A field with precision 12, scale 2 cannot hold NaN."},
        {false, "abc", "", "22P02", ""},
        // numeric_send: ndigits, weight, sign, dscale, base-10000 digits. 12.5 and -0.125 (rounded to -0.13).
        {true,
         "0002"
         "0000"
         "0000"
         "0001"
         "000c"
         "1388",
         "1250"},
        {true,
         "0001"
         "ffff"
         "4000"
         "0003"
         "04e2",
         "-13"},
        {true,
         "0000"
         "0000"
         "c000"
         "0000",
         "", "22003", "A field with precision 12, scale 2 cannot hold NaN."},
        {true,
         "0001"
         "0000"
         "1234"
         "0000"
         "0001",
         "", "22P03", ""},
    };
    LogicalTypeHandle decimal(duckdb_create_decimal_type(12, 2));
    TextFormatOptions options;
    for (const auto &c : cases) {
        SCOPED_TRACE(c.input);
        ArrowBatchBuilder builder({decimal.Get()}, options);
        try {
            SetInput(builder, c.binary, c.input);
            EXPECT_EQ(c.sqlstate, "") << "no error";
            builder.EndRow();
            auto batch = builder.TakeBatch();
            __int128 stored;
            std::memcpy(&stored, batch.Get().children[0]->buffers[1], sizeof(stored));
            EXPECT_EQ(std::to_string(static_cast<int64_t>(stored)), c.stored);
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, c.sqlstate);
            if (!c.detail.empty()) {
                EXPECT_EQ(error.detail, c.detail);
            }
        }
    }
}

TEST(ArrowBatchBuilder, UuidsAreStoredMostSignificantByteFirst) {
    LogicalTypeHandle uuid(duckdb_create_logical_type(DUCKDB_TYPE_UUID));
    TextFormatOptions options;
    ArrowBatchBuilder builder({uuid.Get()}, options);
    builder.Set(0, std::optional<std::string_view>("{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}"));
    builder.EndRow();
    auto binary = Unhex("00112233445566778899aabbccddeeff");
    builder.SetBinary(0, std::optional<std::string_view>(binary));
    builder.EndRow();
    auto batch = builder.TakeBatch();
    EXPECT_EQ(Hex(batch.Get().children[0]->buffers[1], 32), "a0eebc999c0b4ef8bb6d6bb9bd380a11"
                                                            "00112233445566778899aabbccddeeff");
    auto short_bytes = Unhex("0011");
    EXPECT_THROW(builder.SetBinary(0, std::optional<std::string_view>(short_bytes)), SqlError);
    ArrowSchema schema;
    builder.ExportSchema(&schema);
    EXPECT_STREQ(schema.children[0]->format, "w:16");
    std::string metadata(schema.children[0]->metadata, 4 + 4 + 20 + 4 + 10);
    EXPECT_NE(metadata.find("ARROW:extension:name"), std::string::npos);
    EXPECT_NE(metadata.find("arrow.uuid"), std::string::npos);
    schema.release(&schema);
}

TEST(ArrowBatchBuilder, NullsBooleansAndStringsAcrossRows) {
    LogicalTypeHandle boolean(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    LogicalTypeHandle text(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle integer(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    TextFormatOptions options;
    ArrowBatchBuilder builder({boolean.Get(), text.Get(), integer.Get()}, options);
    for (int row = 0; row < 20; row++) {
        builder.Set(0, row % 3 == 2 ? std::nullopt : std::optional<std::string_view>(row % 3 ? "t" : "f"));
        auto value = std::to_string(row);
        builder.Set(1, row == 5 ? std::nullopt : std::optional<std::string_view>(value));
        builder.Set(2, std::optional<std::string_view>(value));
        EXPECT_FALSE(builder.EndRow());
    }
    auto handle = builder.TakeBatch();
    const ArrowArray &batch = handle.Get();
    ASSERT_EQ(batch.n_children, 3);
    EXPECT_EQ(batch.length, 20);
    const ArrowArray &bools = *batch.children[0];
    const ArrowArray &strings = *batch.children[1];
    const ArrowArray &ints = *batch.children[2];
    EXPECT_EQ(bools.null_count, 6);
    EXPECT_EQ(strings.null_count, 1);
    EXPECT_EQ(ints.null_count, 0);
    EXPECT_EQ(ints.buffers[0], nullptr); // no validity buffer without NULLs
    auto bool_valid = static_cast<const uint8_t *>(bools.buffers[0]);
    auto bool_bits = static_cast<const uint8_t *>(bools.buffers[1]);
    auto string_valid = static_cast<const uint8_t *>(strings.buffers[0]);
    auto offsets = static_cast<const int32_t *>(strings.buffers[1]);
    auto data = static_cast<const char *>(strings.buffers[2]);
    for (int row = 0; row < 20; row++) {
        SCOPED_TRACE(row);
        EXPECT_EQ((bool_valid[row / 8] >> (row % 8)) & 1, row % 3 == 2 ? 0 : 1);
        if (row % 3 != 2) {
            EXPECT_EQ((bool_bits[row / 8] >> (row % 8)) & 1, row % 3 == 1 ? 1 : 0);
        }
        EXPECT_EQ((string_valid[row / 8] >> (row % 8)) & 1, row == 5 ? 0 : 1);
        auto expected = row == 5 ? std::string() : std::to_string(row);
        EXPECT_EQ(std::string(data + offsets[row], offsets[row + 1] - offsets[row]), expected);
        EXPECT_EQ(static_cast<const int32_t *>(ints.buffers[1])[row], row);
    }
    // The builder starts over: the next batch holds only what comes after.
    builder.Set(0, std::nullopt);
    builder.Set(1, std::optional<std::string_view>("x"));
    builder.Set(2, std::optional<std::string_view>("1"));
    builder.EndRow();
    EXPECT_EQ(builder.Rows(), 1);
    auto next = builder.TakeBatch();
    EXPECT_EQ(next.Get().length, 1);
    EXPECT_EQ(next.Get().children[0]->null_count, 1);
}

TEST(ArrowBatchBuilder, BatchesEndAtTheRowOrByteLimit) {
    LogicalTypeHandle text(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    TextFormatOptions options;
    ArrowBatchBuilder by_rows({text.Get()}, options, 3, 1000);
    std::vector<bool> full;
    std::vector<int64_t> lengths;
    for (int row = 0; row < 7; row++) {
        by_rows.Set(0, std::optional<std::string_view>("ab"));
        full.push_back(by_rows.EndRow());
        if (full.back()) {
            lengths.push_back(by_rows.TakeBatch().Get().length);
        }
    }
    EXPECT_EQ(full, (std::vector<bool>{false, false, true, false, false, true, false}));
    EXPECT_EQ(lengths, (std::vector<int64_t>{3, 3}));
    EXPECT_EQ(by_rows.Rows(), 1);

    ArrowBatchBuilder by_bytes({text.Get()}, options, 100, 10);
    std::string four(4, 'x');
    by_bytes.Set(0, std::optional<std::string_view>(four));
    EXPECT_FALSE(by_bytes.EndRow());
    by_bytes.Set(0, std::optional<std::string_view>(four));
    EXPECT_FALSE(by_bytes.EndRow());
    by_bytes.Set(0, std::optional<std::string_view>(four));
    EXPECT_TRUE(by_bytes.EndRow());
    EXPECT_EQ(by_bytes.TakeBatch().Get().length, 3);
}

TEST(ArrowBatchBuilder, SchemaAndSelectList) {
    std::vector<duckdb_type> ids = {
        DUCKDB_TYPE_BOOLEAN,   DUCKDB_TYPE_SMALLINT,     DUCKDB_TYPE_INTEGER, DUCKDB_TYPE_BIGINT, DUCKDB_TYPE_FLOAT,
        DUCKDB_TYPE_DOUBLE,    DUCKDB_TYPE_VARCHAR,      DUCKDB_TYPE_BLOB,    DUCKDB_TYPE_DATE,   DUCKDB_TYPE_TIME,
        DUCKDB_TYPE_TIMESTAMP, DUCKDB_TYPE_TIMESTAMP_TZ, DUCKDB_TYPE_INTERVAL};
    std::vector<LogicalTypeHandle> owned;
    std::vector<duckdb_logical_type> types;
    for (auto id : ids) {
        owned.emplace_back(duckdb_create_logical_type(id));
        types.push_back(owned.back().Get());
        EXPECT_TRUE(ArrowBatchBuilder::Supports(types.back()));
    }
    LogicalTypeHandle hugeint(duckdb_create_logical_type(DUCKDB_TYPE_HUGEINT));
    EXPECT_FALSE(ArrowBatchBuilder::Supports(hugeint.Get()));
    TextFormatOptions options;
    ArrowBatchBuilder builder(types, options);
    ArrowSchema schema;
    builder.ExportSchema(&schema);
    EXPECT_STREQ(schema.format, "+s");
    ASSERT_EQ(schema.n_children, static_cast<int64_t>(ids.size()));
    std::vector<std::string> formats;
    for (int64_t i = 0; i < schema.n_children; i++) {
        formats.push_back(schema.children[i]->format);
        EXPECT_EQ(schema.children[i]->name, "c" + std::to_string(i));
    }
    EXPECT_EQ(formats, (std::vector<std::string>{"b", "s", "i", "l", "f", "g", "u", "z", "tdD", "ttu",
                                                 "tsu:", "tsu:UTC", "+s"}));
    const ArrowSchema &interval = *schema.children[12];
    ASSERT_EQ(interval.n_children, 3);
    EXPECT_STREQ(interval.children[0]->format, "i");
    EXPECT_STREQ(interval.children[2]->format, "l");
    schema.release(&schema);
    EXPECT_EQ(schema.release, nullptr);
    EXPECT_EQ(builder.SelectList(), "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, "
                                    "to_months(c12.m) + to_days(c12.d) + to_microseconds(c12.u)");
}

} // namespace
} // namespace duckgres::types
