// Builds RowDescription fields and interprets format codes.
#include "session/row_description.hpp"

#include "common/sql_error.hpp"
#include "types/type_mapping.hpp"

namespace duckgres::session {

wire::FieldDescription DescribeField(const std::string &name, duckdb_logical_type type, int16_t format) {
    auto pg_type = types::MapLogicalType(type);
    wire::FieldDescription field;
    field.name = name;
    field.type_oid = pg_type.oid;
    field.type_size = pg_type.typlen;
    field.type_modifier = pg_type.typmod;
    field.format = format;
    return field;
}

int16_t FormatFor(const std::vector<int16_t> &formats, size_t column) {
    if (formats.empty()) {
        return 0;
    }
    return formats.size() == 1 ? formats[0] : formats[column];
}

void CheckFormats(const std::vector<int16_t> &formats, size_t columns, const char *what) {
    if (formats.size() > 1 && formats.size() != columns) {
        throw SqlError("08P01", "bind message has " + std::to_string(formats.size()) + " " + what + " formats but " +
                                    std::to_string(columns) + " " + what + "s");
    }
    for (auto format : formats) {
        if (format != 0 && format != 1) {
            throw SqlError("22023", "unsupported format code: " + std::to_string(format));
        }
    }
}

} // namespace duckgres::session
