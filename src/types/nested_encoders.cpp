// Encoders for LIST/ARRAY (PostgreSQL arrays), STRUCT (records), MAP (DuckDB's text) and UNION.
#include "common/duckdb_handles.hpp"
#include "types/encoder_base.hpp"

#include <utility>
#include <vector>

namespace duckgres::types {

namespace {

//! LIST and ARRAY: "{1,2,NULL}"; nested sequences nest unquoted as "{{1,2},{3}}".
class SequenceEncoder : public EncoderBase {
public:
    explicit SequenceEncoder(std::unique_ptr<EncoderBase> child) : child_(std::move(child)) {}

    bool WritesArray() const override { return true; }

    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {
        const auto [offset, length] = Range(row);
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
        return std::make_unique<ListEncoder>(CreateEncoder(child.Get()));
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
