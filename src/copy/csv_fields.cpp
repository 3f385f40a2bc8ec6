// SplitCsvFields: the fields of one logical line of COPY CSV format, unquoted, with NULL recognized.
#include "copy/csv_fields.hpp"

#include "common/sql_error.hpp"
#include "copy/field_slots.hpp"

namespace duckgres::copy {

void SplitCsvFields(std::string_view line, const CopyOptions &options, size_t expect_fields,
                    std::vector<std::optional<std::string>> &fields) {
    FieldSlots slots(fields);
    if (expect_fields == 0) {
        if (!line.empty()) {
            throw SqlError("22P04", "extra data after last expected column");
        }
        return;
    }
    size_t pos = 0;
    while (true) {
        size_t start = pos;
        size_t end = line.size();
        std::string &value = slots.Next();
        bool quoted = false;
        bool in_quote = false;
        bool more = false;
        while (true) {
            if (pos >= line.size()) {
                if (in_quote) {
                    throw SqlError("22P04", "unterminated CSV quoted field");
                }
                break;
            }
            char c = line[pos++];
            if (in_quote) {
                if (c == options.escape && pos < line.size() &&
                    (line[pos] == options.quote || line[pos] == options.escape)) {
                    value += line[pos++];
                } else if (c == options.quote) {
                    in_quote = false;
                } else {
                    value += c;
                }
            } else if (c == options.delimiter) {
                end = pos - 1;
                more = true;
                break;
            } else if (c == options.quote) {
                quoted = true;
                in_quote = true;
            } else {
                value += c;
            }
        }
        if (!quoted && line.substr(start, end - start) == options.null_string) {
            slots.NullLast();
        }
        if (!more) {
            return;
        }
    }
}

} // namespace duckgres::copy
