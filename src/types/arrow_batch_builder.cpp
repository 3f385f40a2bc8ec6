// Parses PostgreSQL text and binary values into Arrow column buffers, and exports them as Arrow arrays.
#include "types/arrow_batch_builder.hpp"

#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "types/binary_format.hpp"
#include "types/datetime_input.hpp"
#include "types/decimal_input.hpp"
#include "types/geometry.hpp"
#include "types/network_address.hpp"
#include "types/range_value.hpp"
#include "types/text_input.hpp"
#include "types/type_mapping.hpp"

#include <array>
#include <cstring>
#include <limits>

namespace duckgres::types {

namespace {

//! Bytes per value in the values buffer; 0 for strings (offsets and data), bits for booleans.
int64_t ValueWidth(duckdb_type type) {
    switch (type) {
    case DUCKDB_TYPE_SMALLINT:
        return 2;
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DATE:
    case DUCKDB_TYPE_INTERVAL: // months; days and microseconds have buffers of their own
        return 4;
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_DOUBLE:
    case DUCKDB_TYPE_TIME:
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        return 8;
    case DUCKDB_TYPE_DECIMAL: // 128-bit, whatever the width
    case DUCKDB_TYPE_UUID:    // 16 bytes, most significant first
        return 16;
    default:
        return 0;
    }
}

//! The Arrow format string of a column type (intervals are a struct of three parts, see SelectList;
//! decimals are "d:width,scale", made by the caller).
const char *ArrowFormat(duckdb_type type) {
    switch (type) {
    case DUCKDB_TYPE_UUID:
        return "w:16";
    case DUCKDB_TYPE_BOOLEAN:
        return "b";
    case DUCKDB_TYPE_SMALLINT:
        return "s";
    case DUCKDB_TYPE_INTEGER:
        return "i";
    case DUCKDB_TYPE_BIGINT:
        return "l";
    case DUCKDB_TYPE_FLOAT:
        return "f";
    case DUCKDB_TYPE_DOUBLE:
        return "g";
    case DUCKDB_TYPE_VARCHAR:
        return "u";
    case DUCKDB_TYPE_BLOB:
        return "z";
    case DUCKDB_TYPE_DATE:
        return "tdD";
    case DUCKDB_TYPE_TIME:
        return "ttu";
    case DUCKDB_TYPE_TIMESTAMP:
        return "tsu:";
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        return "tsu:UTC";
    case DUCKDB_TYPE_INTERVAL:
        return "+s";
    default:
        return "n";
    }
}

//! An interval travels as a struct of its parts: Arrow's own interval type counts nanoseconds, which
//! cannot hold every PostgreSQL interval.
struct IntervalPart {
    const char *name;
    const char *format;
};
constexpr std::array<IntervalPart, 3> kIntervalParts = {{{"m", "i"}, {"d", "i"}, {"u", "l"}}};

//! Arrow schema metadata marking a 16-byte column as the canonical UUID extension type: the number of pairs, then
//! each key and value after its length (native-endian int32s).
std::string UuidMetadata() {
    std::string metadata;
    const auto put = [&](std::string_view text, bool with_length) {
        if (with_length) {
            auto length = static_cast<int32_t>(text.size());
            metadata.append(reinterpret_cast<const char *>(&length), sizeof(length));
        }
        metadata.append(text);
    };
    int32_t pairs = 1;
    metadata.append(reinterpret_cast<const char *>(&pairs), sizeof(pairs));
    put("ARROW:extension:name", true);
    put("arrow.uuid", true);
    return metadata;
}

[[noreturn]] void ThrowBinaryFormat() {
    throw SqlError("22P03", "incorrect binary data format");
}

} // namespace

//! One column's buffers for up to max_rows rows.
struct ArrowBatchBuilder::Column {
    Column(duckdb_type type_p, int64_t max_rows) : type(type_p), validity(new uint8_t[(max_rows + 7) / 8]) {
        std::memset(validity.get(), 0xFF, (max_rows + 7) / 8);
        if (type == DUCKDB_TYPE_BOOLEAN) {
            values.reset(new uint8_t[(max_rows + 7) / 8]);
        } else if (auto width = ValueWidth(type); width > 0) {
            values.reset(new uint8_t[max_rows * width]);
        } else {
            offsets.reset(new int32_t[max_rows + 1]);
            offsets[0] = 0;
        }
        if (type == DUCKDB_TYPE_INTERVAL) {
            days.reset(new uint8_t[max_rows * 4]);
            micros.reset(new uint8_t[max_rows * 8]);
        }
    }

    template <class T>
    void Store(int64_t row, T value) {
        std::memcpy(values.get() + row * sizeof(T), &value, sizeof(T));
    }
    void StoreBool(int64_t row, bool value) {
        auto &byte = values[row / 8];
        byte = value ? byte | (1 << (row % 8)) : byte & ~(1 << (row % 8));
    }
    void StoreRaw(int64_t row, const void *bytes, size_t size) { std::memcpy(values.get() + row * size, bytes, size); }
    void StoreBytes(int64_t row, std::string_view bytes) {
        data.append(bytes);
        offsets[row + 1] = static_cast<int32_t>(data.size());
    }
    void StoreInterval(int64_t row, duckdb_interval interval) {
        Store<int32_t>(row, interval.months);
        std::memcpy(days.get() + row * 4, &interval.days, 4);
        std::memcpy(micros.get() + row * 8, &interval.micros, 8);
    }
    void StoreNull(int64_t row) {
        validity[row / 8] &= static_cast<uint8_t>(~(1 << (row % 8)));
        null_count++;
        if (offsets) {
            offsets[row + 1] = offsets[row];
        } else if (type == DUCKDB_TYPE_BOOLEAN) {
            StoreBool(row, false);
        } else if (type == DUCKDB_TYPE_INTERVAL) {
            StoreInterval(row, duckdb_interval{0, 0, 0});
        } else {
            std::memset(values.get() + row * ValueWidth(type), 0, ValueWidth(type));
        }
    }

    duckdb_type type;
    std::unique_ptr<uint8_t[]> validity; //!< a bit per row, 1 = valid
    int64_t null_count = 0;
    std::unique_ptr<uint8_t[]> values;  //!< fixed-width values, booleans as bits, interval months
    std::unique_ptr<uint8_t[]> days;    //!< interval days (int32)
    std::unique_ptr<uint8_t[]> micros;  //!< interval microseconds (int64)
    std::unique_ptr<int32_t[]> offsets; //!< strings: where each value starts in `data`
    std::string data;
};

ArrowBatchBuilder::ArrowBatchBuilder(const std::vector<duckdb_logical_type> &types, const TextFormatOptions &options,
                                     int64_t max_rows, size_t max_bytes)
    : options_(options), max_rows_(max_rows), max_bytes_(max_bytes) {
    for (auto type : types) {
        type_ids_.push_back(duckdb_get_type_id(type));
        aliases_.push_back(type_ids_.back() == DUCKDB_TYPE_BLOB ? TakeDuckDbString(duckdb_logical_type_get_alias(type))
                                                                : std::string());
        const bool decimal = type_ids_.back() == DUCKDB_TYPE_DECIMAL;
        decimals_.push_back(
            {decimal ? duckdb_decimal_width(type) : uint8_t(0), decimal ? duckdb_decimal_scale(type) : uint8_t(0)});
    }
    StartBatch();
}

ArrowBatchBuilder::~ArrowBatchBuilder() = default;

bool ArrowBatchBuilder::Supports(duckdb_logical_type type) {
    const PgType pg_type = MapLogicalType(type);
    if (pg_type.oid == oid::kMoney || GeoKindByOid(pg_type.oid)) {
        return false; // read by their own input functions, value by value
    }
    switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_BOOLEAN:
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE:
    case DUCKDB_TYPE_VARCHAR:
    case DUCKDB_TYPE_DATE:
    case DUCKDB_TYPE_TIME:
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
    case DUCKDB_TYPE_INTERVAL:
    case DUCKDB_TYPE_DECIMAL:
    case DUCKDB_TYPE_UUID:
        return true;
    case DUCKDB_TYPE_BLOB: // bytea; the range types (BLOBs under their names) go through the appender
        return !RangeKindFromName(TakeDuckDbString(duckdb_logical_type_get_alias(type)));
    default:
        return false;
    }
}

bool ArrowBatchBuilder::AllSupported(const std::vector<duckdb_logical_type> &types) {
    for (auto type : types) {
        if (!Supports(type)) {
            return false;
        }
    }
    return true;
}

void ArrowBatchBuilder::StartBatch() {
    columns_.clear();
    for (auto type : type_ids_) {
        columns_.push_back(std::make_unique<Column>(type, max_rows_));
    }
    rows_ = 0;
    bytes_ = 0;
}

void ArrowBatchBuilder::Set(size_t column, const std::optional<std::string_view> &text) {
    auto &target = *columns_[column];
    if (!text) {
        target.StoreNull(rows_);
        return;
    }
    std::string_view value = *text;
    switch (target.type) {
    case DUCKDB_TYPE_BOOLEAN:
        target.StoreBool(rows_, ParseBoolText(value));
        break;
    case DUCKDB_TYPE_SMALLINT:
        target.Store<int16_t>(rows_, ParseInt2Text(value));
        break;
    case DUCKDB_TYPE_INTEGER:
        target.Store<int32_t>(rows_, ParseInt4Text(value));
        break;
    case DUCKDB_TYPE_BIGINT:
        target.Store<int64_t>(rows_, ParseInt8Text(value));
        break;
    case DUCKDB_TYPE_FLOAT:
        target.Store<float>(rows_, ParseFloat4Text(value));
        break;
    case DUCKDB_TYPE_DOUBLE:
        target.Store<double>(rows_, ParseFloat8Text(value));
        break;
    case DUCKDB_TYPE_VARCHAR:
        VerifyUtf8(value);
        target.StoreBytes(rows_, value);
        bytes_ += value.size();
        break;
    case DUCKDB_TYPE_BLOB: {
        // A BLOB under an alias is inet, cidr, macaddr or macaddr8, read by its own input function.
        auto bytes = aliases_[column].empty() ? ParseByteaText(value) : ParseNetworkStorage(aliases_[column], value);
        target.StoreBytes(rows_, bytes);
        bytes_ += bytes.size();
        break;
    }
    case DUCKDB_TYPE_DATE:
        target.Store<int32_t>(rows_, ParseDateText(value, options_));
        break;
    case DUCKDB_TYPE_TIME:
        target.Store<int64_t>(rows_, ParseTimeText(value, options_));
        break;
    case DUCKDB_TYPE_TIMESTAMP:
        target.Store<int64_t>(rows_, ParseTimestampText(value, options_));
        break;
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        target.Store<int64_t>(rows_, ParseTimestampTzText(value, options_));
        break;
    case DUCKDB_TYPE_INTERVAL:
        target.StoreInterval(rows_, ParseIntervalText(value));
        break;
    case DUCKDB_TYPE_DECIMAL:
        StoreDecimal(column, ParseNumericText(value));
        break;
    case DUCKDB_TYPE_UUID: {
        auto uuid = ParseUuidText(value);
        char bytes[16];
        StoreBigEndian(bytes, uuid.upper);
        StoreBigEndian(bytes + 8, uuid.lower);
        target.StoreRaw(rows_, bytes, sizeof(bytes));
        break;
    }
    default:
        break;
    }
}

void ArrowBatchBuilder::StoreDecimal(size_t column, const NumericValue &value) {
    const auto [width, scale] = decimals_[column];
    const Int128 scaled = NumericToDecimal(value, width, scale);
    columns_[column]->StoreRaw(rows_, &scaled, sizeof(scaled));
}

void ArrowBatchBuilder::SetBinary(size_t column, const std::optional<std::string_view> &bytes) {
    auto &target = *columns_[column];
    if (!bytes) {
        target.StoreNull(rows_);
        return;
    }
    BinaryReader reader(*bytes);
    switch (target.type) {
    case DUCKDB_TYPE_BOOLEAN:
        target.StoreBool(rows_, reader.ReadByte() != 0);
        break;
    case DUCKDB_TYPE_SMALLINT:
        target.Store<int16_t>(rows_, reader.Read<int16_t>());
        break;
    case DUCKDB_TYPE_INTEGER:
        target.Store<int32_t>(rows_, reader.Read<int32_t>());
        break;
    case DUCKDB_TYPE_BIGINT:
        target.Store<int64_t>(rows_, reader.Read<int64_t>());
        break;
    case DUCKDB_TYPE_FLOAT:
        target.Store<float>(rows_, reader.ReadFloat4());
        break;
    case DUCKDB_TYPE_DOUBLE:
        target.Store<double>(rows_, reader.ReadFloat8());
        break;
    case DUCKDB_TYPE_VARCHAR: {
        auto text = reader.Rest();
        VerifyUtf8(text);
        target.StoreBytes(rows_, text);
        bytes_ += text.size();
        break;
    }
    case DUCKDB_TYPE_BLOB: {
        const auto blob =
            aliases_[column].empty() ? std::string(reader.Rest()) : ReadNetworkBinary(aliases_[column], reader.Rest());
        target.StoreBytes(rows_, blob);
        bytes_ += blob.size();
        break;
    }
    case DUCKDB_TYPE_DATE:
        target.Store<int32_t>(rows_, ReadDateBinary(reader));
        break;
    case DUCKDB_TYPE_TIME:
        target.Store<int64_t>(rows_, ReadTimeBinary(reader));
        break;
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        target.Store<int64_t>(rows_, ReadTimestampBinary(reader));
        break;
    case DUCKDB_TYPE_INTERVAL:
        target.StoreInterval(rows_, ReadIntervalBinary(reader));
        break;
    case DUCKDB_TYPE_DECIMAL:
        StoreDecimal(column, ReadNumericBinary(reader));
        break;
    case DUCKDB_TYPE_UUID:
        target.StoreRaw(rows_, reader.ReadBytes(16).data(), 16);
        break;
    default:
        break;
    }
    if (reader.Remaining() != 0) {
        ThrowBinaryFormat();
    }
}

bool ArrowBatchBuilder::EndRow() {
    rows_++;
    return rows_ == max_rows_ || bytes_ >= max_bytes_;
}

namespace {

//! What an exported batch owns: the column buffers and the Arrow structs that point into them.
struct ExportedBatch {
    struct Child {
        ArrowArray array{};
        std::array<const void *, 3> buffers{};
        std::array<ArrowArray, 3> parts{}; //!< interval parts
        std::array<const void *, 6> part_buffers{};
        std::array<ArrowArray *, 3> part_pointers{};
    };
    std::vector<std::unique_ptr<ArrowBatchBuilder::Column>> columns;
    std::vector<Child> children; //!< sized once: the arrays point into it
    std::vector<ArrowArray *> child_pointers;
    std::array<const void *, 1> buffers{};
};

// Children are released with their parent, which owns everything.
void ReleaseChild(ArrowArray *array) {
    array->release = nullptr;
}

void ReleaseBatch(ArrowArray *array) {
    delete static_cast<ExportedBatch *>(array->private_data);
    array->release = nullptr;
}

ArrowArray MakeArray(int64_t length, int64_t null_count, int64_t n_buffers, const void **buffers) {
    ArrowArray array{};
    array.length = length;
    array.null_count = null_count;
    array.n_buffers = n_buffers;
    array.buffers = buffers;
    array.release = ReleaseChild;
    return array;
}

} // namespace

ArrowArrayHandle ArrowBatchBuilder::TakeBatch() {
    auto batch = std::make_unique<ExportedBatch>();
    batch->columns = std::move(columns_);
    batch->children.resize(batch->columns.size());
    for (size_t i = 0; i < batch->columns.size(); i++) {
        auto &column = *batch->columns[i];
        auto &child = batch->children[i];
        child.buffers[0] = column.null_count > 0 ? column.validity.get() : nullptr;
        if (column.type == DUCKDB_TYPE_INTERVAL) {
            const void *parts[3] = {column.values.get(), column.days.get(), column.micros.get()};
            for (size_t p = 0; p < kIntervalParts.size(); p++) {
                child.part_buffers[p * 2 + 1] = parts[p];
                child.parts[p] = MakeArray(rows_, 0, 2, &child.part_buffers[p * 2]);
                child.part_pointers[p] = &child.parts[p];
            }
            child.array = MakeArray(rows_, column.null_count, 1, child.buffers.data());
            child.array.n_children = kIntervalParts.size();
            child.array.children = child.part_pointers.data();
        } else if (column.offsets) {
            child.buffers[1] = column.offsets.get();
            child.buffers[2] = column.data.data();
            child.array = MakeArray(rows_, column.null_count, 3, child.buffers.data());
        } else {
            child.buffers[1] = column.values.get();
            child.array = MakeArray(rows_, column.null_count, 2, child.buffers.data());
        }
        batch->child_pointers.push_back(&child.array);
    }
    ArrowArray array = MakeArray(rows_, 0, 1, batch->buffers.data());
    array.n_children = static_cast<int64_t>(batch->child_pointers.size());
    array.children = batch->child_pointers.data();
    array.release = ReleaseBatch;
    array.private_data = batch.release();
    StartBatch();
    return ArrowArrayHandle(array);
}

namespace {

//! What an exported schema owns.
struct ExportedSchema {
    std::vector<std::string> names;
    std::vector<std::string> formats; //!< decimals' "d:width,scale"
    std::string uuid_metadata;
    std::vector<ArrowSchema> children; //!< sized once
    std::vector<ArrowSchema *> child_pointers;
    std::vector<ArrowSchema> parts; //!< interval parts, three per interval column, sized once
    std::vector<ArrowSchema *> part_pointers;
};

void ReleaseChildSchema(ArrowSchema *schema) {
    schema->release = nullptr;
}

void ReleaseSchema(ArrowSchema *schema) {
    delete static_cast<ExportedSchema *>(schema->private_data);
    schema->release = nullptr;
}

ArrowSchema MakeSchema(const char *format, const char *name) {
    ArrowSchema schema{};
    schema.format = format;
    schema.name = name;
    schema.flags = ARROW_FLAG_NULLABLE;
    schema.release = ReleaseChildSchema;
    return schema;
}

} // namespace

void ArrowBatchBuilder::ExportSchema(ArrowSchema *out) const {
    auto owned = std::make_unique<ExportedSchema>();
    size_t intervals = 0;
    for (size_t i = 0; i < type_ids_.size(); i++) {
        owned->names.push_back("c" + std::to_string(i));
        intervals += type_ids_[i] == DUCKDB_TYPE_INTERVAL;
    }
    owned->children.resize(type_ids_.size());
    owned->formats.resize(type_ids_.size());
    owned->uuid_metadata = UuidMetadata();
    owned->parts.resize(intervals * kIntervalParts.size());
    owned->part_pointers.resize(owned->parts.size());
    size_t part = 0;
    for (size_t i = 0; i < type_ids_.size(); i++) {
        auto &child = owned->children[i];
        child = MakeSchema(ArrowFormat(type_ids_[i]), owned->names[i].c_str());
        if (type_ids_[i] == DUCKDB_TYPE_DECIMAL) {
            owned->formats[i] = "d:" + std::to_string(decimals_[i].first) + "," + std::to_string(decimals_[i].second);
            child.format = owned->formats[i].c_str();
        } else if (type_ids_[i] == DUCKDB_TYPE_UUID) {
            child.metadata = owned->uuid_metadata.data();
        }
        if (type_ids_[i] == DUCKDB_TYPE_INTERVAL) {
            child.n_children = kIntervalParts.size();
            child.children = &owned->part_pointers[part];
            for (const auto &spec : kIntervalParts) {
                owned->parts[part] = MakeSchema(spec.format, spec.name);
                owned->part_pointers[part] = &owned->parts[part];
                part++;
            }
        }
        owned->child_pointers.push_back(&child);
    }
    *out = MakeSchema("+s", "");
    out->flags = 0;
    out->n_children = static_cast<int64_t>(owned->child_pointers.size());
    out->children = owned->child_pointers.data();
    out->release = ReleaseSchema;
    out->private_data = owned.release();
}

std::string ArrowBatchBuilder::SelectList() const {
    std::string list;
    for (size_t i = 0; i < type_ids_.size(); i++) {
        auto name = "c" + std::to_string(i);
        list += i > 0 ? ", " : "";
        // An interval's parts add up again (DuckDB adds intervals part by part).
        list += type_ids_[i] == DUCKDB_TYPE_INTERVAL
                    ? "to_months(" + name + ".m) + to_days(" + name + ".d) + to_microseconds(" + name + ".u)"
                    : name;
    }
    return list;
}

} // namespace duckgres::types
