// CopyOptions: the options of a COPY statement, parsed and validated as PostgreSQL 15 does.
#include "copy/copy_options.hpp"

#include "common/ascii.hpp"

#include "common/sql_error.hpp"
#include "copy/encoding_names.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace duckgres::copy {

namespace {

//! What the statement spelled out, before defaults and cross-option checks.
struct GivenOptions {
    std::optional<CopyOptions::Format> format;
    std::optional<std::string> delimiter;
    std::optional<std::string> null_string;
    std::optional<bool> header;
    bool header_match = false;
    std::optional<std::string> quote;
    std::optional<std::string> escape;
    std::optional<std::vector<std::string>> force_quote;
    bool force_quote_all = false;
    std::optional<std::vector<std::string>> force_not_null;
    std::optional<std::vector<std::string>> force_null;
    std::optional<std::string> encoding;
    std::optional<bool> freeze;
};

//! Rejects a second occurrence of an option.
template <class T>
void CheckNotGiven(const std::optional<T> &slot) {
    if (slot.has_value()) {
        throw SqlError("42601", "conflicting or redundant options");
    }
}

//! The argument as PostgreSQL's defGetString() renders it; a missing argument is an error.
std::string StringArgument(const CopyOptionItem &item, const std::string &name) {
    if (item.value) {
        return *item.value;
    }
    if (item.star) {
        return "*";
    }
    if (item.list) {
        std::string joined;
        for (const auto &part : *item.list) {
            joined += joined.empty() ? part : "." + part;
        }
        return joined;
    }
    throw SqlError("42601", name + " requires a parameter");
}

//! true/false/on/off (any case), 0/1, or no argument (true); nullopt for anything else.
std::optional<bool> BooleanArgument(const CopyOptionItem &item) {
    if (!item.value && !item.list && !item.star) {
        return true;
    }
    if (!item.value) {
        return std::nullopt;
    }
    auto text = AsciiLower(*item.value);
    if (text == "true" || text == "on" || text == "1") {
        return true;
    }
    if (text == "false" || text == "off" || text == "0") {
        return false;
    }
    return std::nullopt;
}

std::vector<std::string> ColumnListArgument(const CopyOptionItem &item, const std::string &name) {
    if (!item.list) {
        throw SqlError("22023", "argument to option \"" + name + "\" must be a list of column names");
    }
    return *item.list;
}

CopyOptions::Format ParseFormat(const std::string &text) {
    if (text == "text") {
        return CopyOptions::Format::Text;
    }
    if (text == "csv") {
        return CopyOptions::Format::Csv;
    }
    if (text == "binary") {
        return CopyOptions::Format::Binary;
    }
    throw SqlError("22023", "COPY format \"" + text + "\" not recognized");
}

void ApplyHeader(const CopyOptionItem &item, CopyDirection direction, GivenOptions &given) {
    CheckNotGiven(given.header);
    if (auto value = BooleanArgument(item)) {
        given.header = *value;
        return;
    }
    if (item.value && AsciiLower(*item.value) == "match") {
        if (direction == CopyDirection::To) {
            throw SqlError("0A000", "cannot use \"match\" with HEADER in COPY TO");
        }
        given.header = true;
        given.header_match = true;
        return;
    }
    throw SqlError("42601", "header requires a Boolean value or \"match\"");
}

void ApplyEncoding(const CopyOptionItem &item, GivenOptions &given) {
    CheckNotGiven(given.encoding);
    auto canonical = CanonicalEncodingName(StringArgument(item, "encoding"));
    if (!canonical) {
        throw SqlError("22023", "argument to option \"encoding\" must be a valid encoding name");
    }
    if (*canonical != "UTF8") {
        throw SqlError("0A000", "COPY encoding \"" + *canonical + "\" is not supported, only UTF8");
    }
    given.encoding = *canonical;
}

//! Records one option, rejecting repeats and malformed arguments in statement order, as PostgreSQL does.
void ApplyItem(const CopyOptionItem &item, CopyDirection direction, GivenOptions &given) {
    auto name = AsciiLower(item.name);
    if (name == "format") {
        auto text = StringArgument(item, name); // PostgreSQL reads the argument before checking for a repeat
        CheckNotGiven(given.format);
        given.format = ParseFormat(text);
    } else if (name == "freeze") {
        CheckNotGiven(given.freeze);
        auto value = BooleanArgument(item);
        if (!value) {
            throw SqlError("42601", "freeze requires a Boolean value");
        }
        given.freeze = *value;
    } else if (name == "delimiter") {
        CheckNotGiven(given.delimiter);
        given.delimiter = StringArgument(item, name);
    } else if (name == "null") {
        CheckNotGiven(given.null_string);
        given.null_string = StringArgument(item, name);
    } else if (name == "header") {
        ApplyHeader(item, direction, given);
    } else if (name == "quote") {
        CheckNotGiven(given.quote);
        given.quote = StringArgument(item, name);
    } else if (name == "escape") {
        CheckNotGiven(given.escape);
        given.escape = StringArgument(item, name);
    } else if (name == "force_quote") {
        CheckNotGiven(given.force_quote);
        given.force_quote_all = item.star;
        given.force_quote = item.star ? std::vector<std::string>{} : ColumnListArgument(item, name);
    } else if (name == "force_not_null") {
        CheckNotGiven(given.force_not_null);
        given.force_not_null = ColumnListArgument(item, name);
    } else if (name == "force_null") {
        CheckNotGiven(given.force_null);
        given.force_null = ColumnListArgument(item, name);
    } else if (name == "encoding") {
        ApplyEncoding(item, given);
    } else {
        throw SqlError("42601", "option \"" + item.name + "\" not recognized");
    }
}

//! A single-byte option value, or the "must be a single one-byte character" error.
char SingleByte(const std::string &value, const char *what) {
    if (value.size() != 1) {
        throw SqlError("0A000", std::string("COPY ") + what + " must be a single one-byte character");
    }
    return value[0];
}

//! The cross-option checks of PostgreSQL 15's ProcessCopyOptions, in its order.
CopyOptions Validate(const GivenOptions &given, CopyDirection direction) {
    CopyOptions options;
    options.format = given.format.value_or(CopyOptions::Format::Text);
    bool csv = options.format == CopyOptions::Format::Csv;
    bool binary = options.format == CopyOptions::Format::Binary;
    bool from = direction == CopyDirection::From;
    if (binary && given.delimiter) {
        throw SqlError("42601", "cannot specify DELIMITER in BINARY mode");
    }
    if (binary && given.null_string) {
        throw SqlError("42601", "cannot specify NULL in BINARY mode");
    }
    std::string delimiter = given.delimiter.value_or(csv ? "," : "\t");
    options.null_string = given.null_string.value_or(csv ? "" : "\\N");
    options.delimiter = SingleByte(delimiter, "delimiter");
    if (options.delimiter == '\n' || options.delimiter == '\r') {
        throw SqlError("22023", "COPY delimiter cannot be newline or carriage return");
    }
    if (options.null_string.find_first_of("\r\n") != std::string::npos) {
        throw SqlError("22023", "COPY null representation cannot use newline or carriage return");
    }
    if (!csv && std::strchr("\\.abcdefghijklmnopqrstuvwxyz0123456789", options.delimiter) != nullptr) {
        throw SqlError("22023", "COPY delimiter cannot be \"" + delimiter + "\"");
    }
    options.header = given.header.value_or(false);
    options.header_match = given.header_match;
    if (binary && options.header) {
        throw SqlError("0A000", "cannot specify HEADER in BINARY mode");
    }
    if (!csv && given.quote) {
        throw SqlError("0A000", "COPY quote available only in CSV mode");
    }
    options.quote = SingleByte(given.quote.value_or("\""), "quote");
    if (csv && options.delimiter == options.quote) {
        throw SqlError("22023", "COPY delimiter and quote must be different");
    }
    if (!csv && given.escape) {
        throw SqlError("0A000", "COPY escape available only in CSV mode");
    }
    options.escape = given.escape ? SingleByte(*given.escape, "escape") : options.quote;
    if (given.force_quote && !csv) {
        throw SqlError("0A000", "COPY force quote available only in CSV mode");
    }
    if (given.force_quote && from) {
        throw SqlError("0A000", "COPY force quote only available using COPY TO");
    }
    if (given.force_not_null && !csv) {
        throw SqlError("0A000", "COPY force not null available only in CSV mode");
    }
    if (given.force_not_null && !from) {
        throw SqlError("0A000", "COPY force not null only available using COPY FROM");
    }
    if (given.force_null && !csv) {
        throw SqlError("0A000", "COPY force null available only in CSV mode");
    }
    if (given.force_null && !from) {
        throw SqlError("0A000", "COPY force null only available using COPY FROM");
    }
    if (options.null_string.find(options.delimiter) != std::string::npos) {
        throw SqlError("0A000", "COPY delimiter must not appear in the NULL specification");
    }
    if (csv && options.null_string.find(options.quote) != std::string::npos) {
        throw SqlError("0A000", "CSV quote character must not appear in the NULL specification");
    }
    options.force_quote = given.force_quote.value_or(std::vector<std::string>{});
    options.force_quote_all = given.force_quote_all;
    options.force_not_null = given.force_not_null.value_or(std::vector<std::string>{});
    options.force_null = given.force_null.value_or(std::vector<std::string>{});
    options.encoding = given.encoding.value_or("UTF8");
    options.freeze = given.freeze.value_or(false);
    return options;
}

//! Splits "a, b" into {"a", "b"} (surrounding spaces trimmed).
std::vector<std::string> SplitColumnList(const std::string &text) {
    std::vector<std::string> names;
    size_t start = 0;
    while (true) {
        auto comma = text.find(',', start);
        auto part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        auto first = part.find_first_not_of(' ');
        auto last = part.find_last_not_of(' ');
        names.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
        if (comma == std::string::npos) {
            return names;
        }
        start = comma + 1;
    }
}

} // namespace

CopyOptions ParseCopyOptions(const std::vector<CopyOptionItem> &items, CopyDirection direction) {
    GivenOptions given;
    for (const auto &item : items) {
        ApplyItem(item, direction, given);
    }
    return Validate(given, direction);
}

CopyOptions ParseCopyOptions(const std::vector<std::pair<std::string, std::string>> &options, CopyDirection direction) {
    std::vector<CopyOptionItem> items;
    items.reserve(options.size());
    for (const auto &[name, argument] : options) {
        CopyOptionItem item;
        item.name = name;
        auto lower = AsciiLower(name);
        if (lower == "force_quote" || lower == "force_not_null" || lower == "force_null") {
            if (argument == "*") {
                item.star = true;
            } else {
                item.list = SplitColumnList(argument);
            }
        } else if (!(argument.empty() && (lower == "header" || lower == "freeze"))) {
            item.value = argument;
        }
        items.push_back(std::move(item));
    }
    return ParseCopyOptions(items, direction);
}

} // namespace duckgres::copy
