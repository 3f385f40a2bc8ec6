// Reads CREATE / DROP / ALTER DATABASE into a DatabaseStatement, checking CREATE DATABASE's options as PostgreSQL 15.
#include "sql/database_statement.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "copy/encoding_names.hpp"

#include <pg_query.pb.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace duckgres::sql {

namespace {

//! An option's value as written: a name, a string or a number (DEFAULT and a missing value: empty).
std::string OptionText(const pg_query::DefElem &option) {
    if (!option.has_arg()) {
        return "";
    }
    const auto &arg = option.arg();
    if (arg.has_string()) {
        return arg.string().sval();
    }
    if (arg.has_integer()) {
        return std::to_string(arg.integer().ival());
    }
    if (arg.has_a_const()) {
        const auto &value = arg.a_const();
        if (value.has_sval()) {
            return value.sval().sval();
        }
        if (value.has_ival()) {
            return std::to_string(value.ival().ival());
        }
        if (value.has_boolval()) {
            return value.boolval().boolval() ? "true" : "false";
        }
    }
    if (arg.has_type_name() && arg.type_name().names_size() > 0) {
        return arg.type_name().names(arg.type_name().names_size() - 1).string().sval();
    }
    return "";
}

//! A boolean option's value as PostgreSQL reads it (true/false/on/off/1/0, and no value: true).
bool OptionBool(const pg_query::DefElem &option) {
    const std::string text = AsciiLower(OptionText(option));
    if (text.empty() || text == "true" || text == "on" || text == "1") {
        return true;
    }
    if (text == "false" || text == "off" || text == "0") {
        return false;
    }
    throw SqlError("22023", option.defname() + " requires a Boolean value");
}

void CheckEncoding(const std::string &value) {
    const bool numeric =
        !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return IsAsciiDigit(c) || c == '-'; });
    if (numeric) {
        // PostgreSQL's encoding codes: 6 is UTF8, 0 to 40 the others it can store.
        constexpr int kUtf8 = 6;
        constexpr int kLastServerEncoding = 40;
        const int code = value.size() < 4 ? std::stoi(value) : -1;
        if (code < 0 || code > kLastServerEncoding) {
            throw SqlError("42704", value + " is not a valid encoding code");
        }
        if (code != kUtf8) {
            throw SqlError("0A000", "encoding " + value + " is not supported", "Duckgres databases are UTF8.");
        }
        return;
    }
    const auto canonical = copy::CanonicalEncodingName(value);
    if (!canonical) {
        throw SqlError("42704", value + " is not a valid encoding name");
    }
    if (*canonical != "UTF8") {
        throw SqlError("0A000", "encoding \"" + *canonical + "\" is not supported", "Duckgres databases are UTF8.");
    }
}

//! How one CREATE DATABASE option is taken: checked, kept in `out`, or refused.
struct CreateOption {
    std::string_view name;
    void (*apply)(const pg_query::DefElem &option, DatabaseStatement &out);
};

void RefuseUnlessDefault(const pg_query::DefElem &option, bool is_default, const char *advice) {
    if (!is_default) {
        throw SqlError("0A000", "CREATE DATABASE option " + AsciiUpper(option.defname()) + " is not supported", "",
                       advice);
    }
}

void KeepLocale(const pg_query::DefElem &option, DatabaseStatement &out) {
    out.locales[option.defname()] = OptionText(option);
}

//! The collation every database has, as pg_database shows it.
constexpr std::string_view kDatabaseLocale = "C.UTF-8";

//! Throws PostgreSQL's 22023 when the first of `options` given names another locale than the template's.
void CheckTemplateLocale(const DatabaseStatement &out, const std::string &what, const std::string &of_what,
                         std::initializer_list<const char *> options) {
    for (const char *name : options) {
        const auto found = out.locales.find(name);
        if (found == out.locales.end() || found->second.empty()) {
            continue;
        }
        if (found->second != kDatabaseLocale) {
            throw SqlError("22023",
                           "new " + what + " (" + found->second + ") is incompatible with the " + of_what +
                               " of the template database (" + std::string(kDatabaseLocale) + ")",
                           "",
                           "Use the same " + of_what + " as in the template database, or use template0 as template.");
        }
        return;
    }
}

const CreateOption kCreateOptions[] = {
    {"owner", [](const pg_query::DefElem &option, DatabaseStatement &out) { out.owner = OptionText(option); }},
    {"template",
     [](const pg_query::DefElem &option, DatabaseStatement &out) { out.template_name = OptionText(option); }},
    {"encoding",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         if (const auto value = OptionText(option); !value.empty()) {
             CheckEncoding(value);
         }
     }},
    {"strategy",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         const auto value = AsciiLower(OptionText(option));
         if (value != "wal_log" && value != "file_copy") {
             throw SqlError("22023", "invalid create database strategy \"" + OptionText(option) + "\"", "",
                            "Valid strategies are \"wal_log\", and \"file_copy\".");
         }
     }},
    // Every database sorts and classifies text the same way (C.UTF-8): any locale is accepted, as pg_dump writes
    // the one of the database it dumped.
    {"locale", KeepLocale},
    {"lc_collate", KeepLocale},
    {"lc_ctype", KeepLocale},
    {"icu_locale", [](const pg_query::DefElem &, DatabaseStatement &) {}},
    {"collation_version", [](const pg_query::DefElem &, DatabaseStatement &) {}},
    {"locale_provider",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         const auto value = AsciiLower(OptionText(option));
         if (value != "libc" && value != "icu") {
             throw SqlError("22023", "unrecognized locale provider: " + OptionText(option));
         }
     }},
    {"tablespace",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         const auto value = OptionText(option);
         if (!value.empty() && value != "pg_default") {
             throw SqlError("42704", "tablespace \"" + value + "\" does not exist");
         }
     }},
    {"connection_limit",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         const auto value = OptionText(option);
         if (!value.empty() && value[0] == '-' && value != "-1") {
             throw SqlError("22023", "invalid connection limit: " + value);
         }
         RefuseUnlessDefault(option, value.empty() || value == "-1",
                             "Set databases.<name>.max_connections in the server configuration.");
     }},
    {"allow_connections",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         RefuseUnlessDefault(option, OptionBool(option), "Every database of the server accepts connections.");
     }},
    {"is_template",
     [](const pg_query::DefElem &option, DatabaseStatement &) {
         RefuseUnlessDefault(option, !OptionBool(option), "Any database can be a template: TEMPLATE names it.");
     }},
    {"oid", [](const pg_query::DefElem &option,
               DatabaseStatement &) { RefuseUnlessDefault(option, false, "A database's OID follows from its name."); }},
};

} // namespace

DatabaseStatement CreateDatabaseOf(const pg_query::CreatedbStmt &stmt) {
    DatabaseStatement out;
    out.action = DatabaseStatement::Action::Create;
    out.name = stmt.dbname();
    std::set<std::string> seen;
    for (const auto &node : stmt.options()) {
        if (!node.has_def_elem()) {
            continue;
        }
        const auto &option = node.def_elem();
        const auto rule = std::find_if(std::begin(kCreateOptions), std::end(kCreateOptions),
                                       [&](const CreateOption &row) { return row.name == option.defname(); });
        if (rule == std::end(kCreateOptions)) {
            throw SqlError("42601", "option \"" + option.defname() + "\" not recognized");
        }
        if (!seen.insert(option.defname()).second) {
            throw SqlError("42601", "conflicting or redundant options");
        }
        rule->apply(option, out);
    }
    // Every database has the collation and character classes of PostgreSQL's C.UTF-8: a copy of one cannot have
    // others, as PostgreSQL refuses for a template other than template0.
    if (out.template_name != "template0") {
        CheckTemplateLocale(out, "collation", "collation", {"lc_collate", "locale"});
        CheckTemplateLocale(out, "LC_CTYPE", "LC_CTYPE", {"lc_ctype", "locale"});
    }
    if (out.template_name == "template0" || out.template_name == "template1") {
        out.template_name.clear();
    }
    return out;
}

DatabaseStatement DropDatabaseOf(const pg_query::DropdbStmt &stmt) {
    DatabaseStatement out;
    out.action = DatabaseStatement::Action::Drop;
    out.name = stmt.dbname();
    out.if_exists = stmt.missing_ok();
    for (const auto &node : stmt.options()) {
        if (node.has_def_elem()) {
            if (node.def_elem().defname() != "force") {
                throw SqlError("42601", "unrecognized DROP DATABASE option \"" + node.def_elem().defname() + "\"");
            }
            out.force = true;
        }
    }
    return out;
}

DatabaseStatement RenameDatabaseOf(const pg_query::RenameStmt &stmt) {
    DatabaseStatement out;
    out.action = DatabaseStatement::Action::Rename;
    out.name = stmt.subname();
    out.new_name = stmt.newname();
    return out;
}

} // namespace duckgres::sql
