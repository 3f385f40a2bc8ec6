// Encoders for LIST/ARRAY (PostgreSQL arrays), STRUCT (records), MAP (DuckDB's text) and UNION, text and binary.
#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "types/encoder_base.hpp"
#include "types/pg_type.hpp"
#include "types/type_mapping.hpp"

#include <utility>
#include <vector>

namespace duckgres::types {

namespace {

//! PostgreSQL's MAXDIM.
constexpr size_t kMaxArrayDimensions = 6;

//! Appends one element or field: its int32 length (-1 for NULL) and its binary bytes.
void AppendBinaryItem(const EncoderBase &encoder, idx_t i, std::string &out, const TextFormatOptions &options) {
    if (encoder.IsNull(i)) {
        AppendBigEndian<int32_t>(out, -1);
        return;
    }
    const size_t at = BeginLength(out);
    encoder.AppendBinary(i, out, options);
    EndLength(out, at);
}

[[noreturn]] void ThrowNotRectangular() {
    throw SqlError("2202E", "multidimensional arrays must have array expressions with matching dimensions",
                   "A DuckDB list of lists is sent as a PostgreSQL array only when its sub-lists are non-NULL and of "
                   "equal length.");
}

//! array_send: ndim, has-null flag, element OID, (size, lower bound 1) per dimension, then each
//! element as length + bytes. Nested lists become the dimensions of one array.
void AppendArrayBinary(const EncoderBase &sequence, idx_t row, std::string &out, const TextFormatOptions &options) {
    std::vector<int32_t> dims;
    // The (offset, length) ranges of the current level's sub-lists in `level`'s child.
    const EncoderBase *level = &sequence;
    std::vector<std::pair<idx_t, idx_t>> ranges = {sequence.SequenceRange(row)};
    const EncoderBase *leaf = sequence.SequenceChild();
    bool empty = false;
    while (true) {
        const idx_t length = ranges.front().second;
        for (const auto &range : ranges) {
            if (range.second != length) {
                ThrowNotRectangular();
            }
        }
        dims.push_back(static_cast<int32_t>(length));
        if (length == 0) {
            empty = true;
        }
        leaf = level->SequenceChild();
        if (!leaf->SequenceChild() || empty) {
            break;
        }
        if (dims.size() >= kMaxArrayDimensions) {
            throw SqlError("54000", "number of array dimensions (" + std::to_string(dims.size() + 1) +
                                        ") exceeds the maximum allowed (" + std::to_string(kMaxArrayDimensions) + ")");
        }
        std::vector<std::pair<idx_t, idx_t>> next;
        next.reserve(ranges.size() * length);
        for (const auto &range : ranges) {
            for (idx_t i = range.first; i < range.first + range.second; i++) {
                if (leaf->IsNull(i)) {
                    ThrowNotRectangular();
                }
                next.push_back(leaf->SequenceRange(i));
            }
        }
        ranges = std::move(next);
        level = leaf;
    }
    while (leaf->SequenceChild()) { // element type of an empty array of arrays
        leaf = leaf->SequenceChild();
    }
    if (empty) {
        AppendBigEndian<int32_t>(out, 0);
        AppendBigEndian<int32_t>(out, 0);
        AppendBigEndian<uint32_t>(out, leaf->PgOid());
        return;
    }
    bool has_null = false;
    for (const auto &range : ranges) {
        for (idx_t i = range.first; i < range.first + range.second && !has_null; i++) {
            has_null = leaf->IsNull(i);
        }
    }
    AppendBigEndian(out, static_cast<int32_t>(dims.size()));
    AppendBigEndian<int32_t>(out, has_null ? 1 : 0);
    AppendBigEndian<uint32_t>(out, leaf->PgOid());
    for (int32_t dim : dims) {
        AppendBigEndian(out, dim);
        AppendBigEndian<int32_t>(out, 1);
    }
    for (const auto &range : ranges) {
        for (idx_t i = range.first; i < range.first + range.second; i++) {
            AppendBinaryItem(*leaf, i, out, options);
        }
    }
}

//! LIST and ARRAY: "{1,2,NULL}"; nested sequences nest unquoted as "{{1,2},{3}}". A `vector` (int2vector, oidvector)
//! prints its numbers separated by spaces ("1 3"), in binary as an array.
class SequenceEncoder : public EncoderBase {
public:
    explicit SequenceEncoder(std::unique_ptr<EncoderBase> child, bool vector = false)
        : child_(std::move(child)), vector_(vector) {}

    bool WritesArray() const override { return true; }
    const EncoderBase *SequenceChild() const override { return child_.get(); }
    std::pair<idx_t, idx_t> SequenceRange(idx_t row) const override { return Range(row); }

    void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        AppendArrayBinary(*this, row, out, options);
    }

    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        const auto [offset, length] = Range(row);
        if (vector_) {
            for (idx_t i = offset; i < offset + length; i++) {
                if (i != offset) {
                    out += ' ';
                }
                child_->AppendText(i, out, options);
            }
            return;
        }
        out += '{';
        for (idx_t i = offset; i < offset + length; i++) {
            if (i != offset) {
                out += ',';
            }
            if (child_->IsNull(i)) {
                out += "NULL";
            } else if (child_->WritesArray()) {
                child_->AppendText(i, out, options);
            } else {
                scratch_.clear();
                child_->AppendText(i, scratch_, options);
                AppendArrayElement(out, scratch_);
            }
        }
        out += '}';
    }

    void AppendDuckDbElement(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        const auto [offset, length] = Range(row);
        out += '[';
        for (idx_t i = offset; i < offset + length; i++) {
            if (i != offset) {
                out += ", ";
            }
            if (child_->IsNull(i)) {
                out += "NULL";
            } else {
                child_->AppendDuckDbElement(i, out, options);
            }
        }
        out += ']';
    }

protected:
    //! Offset and length of the row's elements in the child vector.
    virtual std::pair<idx_t, idx_t> Range(idx_t row) const = 0;

    std::unique_ptr<EncoderBase> child_;
    bool vector_;
};

class ListEncoder final : public SequenceEncoder {
public:
    using SequenceEncoder::SequenceEncoder;

protected:
    void BindChildren(duckdb_vector vector) override { child_->Bind(duckdb_list_vector_get_child(vector)); }
    std::pair<idx_t, idx_t> Range(idx_t row) const override {
        const duckdb_list_entry &entry = Data<duckdb_list_entry>()[row];
        return {entry.offset, entry.length};
    }
};

class ArrayEncoder final : public SequenceEncoder {
public:
    ArrayEncoder(std::unique_ptr<EncoderBase> child, idx_t size) : SequenceEncoder(std::move(child)), size_(size) {}

protected:
    void BindChildren(duckdb_vector vector) override { child_->Bind(duckdb_array_vector_get_child(vector)); }
    std::pair<idx_t, idx_t> Range(idx_t row) const override { return {row * size_, size_}; }

private:
    idx_t size_;
};

//! STRUCT as a PostgreSQL record "(1,abc)"; inside a MAP as DuckDB's "{'a': 1, 'b': abc}".
class StructEncoder final : public EncoderBase {
public:
    StructEncoder(std::vector<std::unique_ptr<EncoderBase>> fields, std::vector<std::string> names)
        : fields_(std::move(fields)), names_(std::move(names)) {}

    //! record_send: field count, then per field its type OID, length (-1 for NULL) and bytes.
    void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        AppendBigEndian(out, static_cast<int32_t>(fields_.size()));
        for (const auto &field : fields_) {
            AppendBigEndian<uint32_t>(out, field->PgOid());
            AppendBinaryItem(*field, row, out, options);
        }
    }

    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        out += '(';
        for (size_t i = 0; i < fields_.size(); i++) {
            if (i != 0) {
                out += ',';
            }
            if (!fields_[i]->IsNull(row)) { // a NULL field is left empty
                scratch_.clear();
                fields_[i]->AppendText(row, scratch_, options);
                AppendRecordField(out, scratch_);
            }
        }
        out += ')';
    }

    void AppendDuckDbElement(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        out += '{';
        for (size_t i = 0; i < fields_.size(); i++) {
            if (i != 0) {
                out += ", ";
            }
            AppendDuckDbQuoted(out, names_[i]);
            out += ": ";
            if (fields_[i]->IsNull(row)) {
                out += "NULL";
            } else {
                fields_[i]->AppendDuckDbElement(row, out, options);
            }
        }
        out += '}';
    }

protected:
    void BindChildren(duckdb_vector vector) override {
        for (size_t i = 0; i < fields_.size(); i++) {
            fields_[i]->Bind(duckdb_struct_vector_get_child(vector, i));
        }
    }

private:
    std::vector<std::unique_ptr<EncoderBase>> fields_;
    std::vector<std::string> names_;
};

//! MAP (a LIST of STRUCT(key, value)) as DuckDB prints it: "{a=1, b=2}".
class MapEncoder final : public EncoderBase {
public:
    MapEncoder(std::unique_ptr<EncoderBase> key, std::unique_ptr<EncoderBase> value)
        : key_(std::move(key)), value_(std::move(value)) {}

    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        AppendDuckDbElement(row, out, options);
    }
    //! Reported as text: the text bytes.
    void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        AppendDuckDbElement(row, out, options);
    }

    void AppendDuckDbElement(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        const duckdb_list_entry &entry = Data<duckdb_list_entry>()[row];
        out += '{';
        for (idx_t i = entry.offset; i < entry.offset + entry.length; i++) {
            if (i != entry.offset) {
                out += ", ";
            }
            AppendPart(*key_, i, out, options);
            out += '=';
            AppendPart(*value_, i, out, options);
        }
        out += '}';
    }

protected:
    void BindChildren(duckdb_vector vector) override {
        duckdb_vector entries = duckdb_list_vector_get_child(vector);
        key_->Bind(duckdb_struct_vector_get_child(entries, 0));
        value_->Bind(duckdb_struct_vector_get_child(entries, 1));
    }

private:
    static void AppendPart(const EncoderBase &part, idx_t i, std::string &out, const TextFormatOptions &options) {
        if (part.IsNull(i)) {
            out += "NULL";
        } else {
            part.AppendDuckDbElement(i, out, options);
        }
    }

    std::unique_ptr<EncoderBase> key_;
    std::unique_ptr<EncoderBase> value_;
};

//! UNION (a STRUCT of a uint8 tag and one child per member): the text of the selected member.
class UnionEncoder final : public EncoderBase {
public:
    explicit UnionEncoder(std::vector<std::unique_ptr<EncoderBase>> members) : members_(std::move(members)) {}

    bool IsNull(idx_t row) const override { return EncoderBase::IsNull(row) || Member(row).IsNull(row); }
    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        Member(row).AppendText(row, out, options);
    }
    //! Reported as text: the member's text bytes.
    void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        Member(row).AppendText(row, out, options);
    }
    void AppendDuckDbElement(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        Member(row).AppendDuckDbElement(row, out, options);
    }

protected:
    void BindChildren(duckdb_vector vector) override {
        tags_ = static_cast<const uint8_t *>(duckdb_vector_get_data(duckdb_struct_vector_get_child(vector, 0)));
        for (size_t i = 0; i < members_.size(); i++) {
            members_[i]->Bind(duckdb_struct_vector_get_child(vector, i + 1));
        }
    }

private:
    const EncoderBase &Member(idx_t row) const { return *members_[tags_[row]]; }

    std::vector<std::unique_ptr<EncoderBase>> members_;
    const uint8_t *tags_ = nullptr;
};

std::unique_ptr<EncoderBase> CreateStructEncoder(duckdb_logical_type type) {
    const idx_t count = duckdb_struct_type_child_count(type);
    std::vector<std::unique_ptr<EncoderBase>> fields;
    std::vector<std::string> names;
    for (idx_t i = 0; i < count; i++) {
        LogicalTypeHandle child(duckdb_struct_type_child_type(type, i));
        fields.push_back(CreateEncoder(child.Get()));
        names.push_back(TakeDuckDbString(duckdb_struct_type_child_name(type, i)));
    }
    return std::make_unique<StructEncoder>(std::move(fields), std::move(names));
}

std::unique_ptr<EncoderBase> CreateUnionEncoder(duckdb_logical_type type) {
    const idx_t count = duckdb_union_type_member_count(type);
    std::vector<std::unique_ptr<EncoderBase>> members;
    for (idx_t i = 0; i < count; i++) {
        LogicalTypeHandle member(duckdb_union_type_member_type(type, i));
        members.push_back(CreateEncoder(member.Get()));
    }
    return std::make_unique<UnionEncoder>(std::move(members));
}

} // namespace

std::unique_ptr<EncoderBase> CreateNestedEncoder(duckdb_logical_type type) {
    switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_LIST: {
        LogicalTypeHandle child(duckdb_list_type_child_type(type));
        const auto oid = MapLogicalType(type).oid;
        return std::make_unique<ListEncoder>(CreateEncoder(child.Get()),
                                             oid == oid::kInt2vector || oid == oid::kOidvector);
    }
    case DUCKDB_TYPE_ARRAY: {
        LogicalTypeHandle child(duckdb_array_type_child_type(type));
        return std::make_unique<ArrayEncoder>(CreateEncoder(child.Get()), duckdb_array_type_array_size(type));
    }
    case DUCKDB_TYPE_STRUCT:
        return CreateStructEncoder(type);
    case DUCKDB_TYPE_MAP: {
        LogicalTypeHandle key(duckdb_map_type_key_type(type));
        LogicalTypeHandle value(duckdb_map_type_value_type(type));
        return std::make_unique<MapEncoder>(CreateEncoder(key.Get()), CreateEncoder(value.Get()));
    }
    case DUCKDB_TYPE_UNION:
        return CreateUnionEncoder(type);
    default:
        return nullptr;
    }
}

} // namespace duckgres::types
