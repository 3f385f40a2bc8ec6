// ValueEncoder::Create: picks a nested, scalar or fallback encoder for a DuckDB logical type.
#include "types/encoder_base.hpp"
#include "types/type_mapping.hpp"

namespace duckgres::types {

namespace {

//! For types without a text encoding: every value is reported as NULL rather than as garbage.
class UnsupportedEncoder final : public EncoderBase {
public:
    bool IsNull(idx_t row) const override { return true; }
    void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const override {}
    void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const override {}
};

std::unique_ptr<EncoderBase> CreateUnmappedEncoder(duckdb_logical_type type) {
    if (auto nested = CreateNestedEncoder(type)) {
        return nested;
    }
    if (auto scalar = CreateScalarEncoder(type)) {
        return scalar;
    }
    return std::make_unique<UnsupportedEncoder>();
}

} // namespace

std::unique_ptr<EncoderBase> CreateEncoder(duckdb_logical_type type) {
    std::unique_ptr<EncoderBase> encoder = CreateUnmappedEncoder(type);
    encoder->SetPgOid(MapLogicalType(type).oid);
    return encoder;
}

std::unique_ptr<ValueEncoder> ValueEncoder::Create(duckdb_logical_type type) {
    return CreateEncoder(type);
}

} // namespace duckgres::types
