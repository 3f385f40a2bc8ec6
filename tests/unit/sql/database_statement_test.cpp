// Table-driven tests of CREATE / DROP / ALTER DATABASE classification and CREATE DATABASE's option checks.
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

//! The one statement of `sql`, which must be a DatabaseStatement.
DatabaseStatement DatabaseCommand(const char *sql) {
    auto parsed = ParseQuery(sql);
    EXPECT_EQ(parsed.statements.size(), 1u) << sql;
    const auto *command = parsed.statements.at(0).As<DatabaseStatement>();
    EXPECT_NE(command, nullptr) << sql;
    return command ? *command : DatabaseStatement{};
}

struct AcceptedCase {
    const char *sql;
    DatabaseStatement::Action action;
    const char *name;
    const char *other; //!< the new name (rename) or the template (create)
    const char *owner;
    bool if_exists;
    bool force;
};

TEST(DatabaseStatement, ReadsWhatPostgresAccepts) {
    using Action = DatabaseStatement::Action;
    const AcceptedCase cases[] = {
        {"create database d", Action::Create, "d", "", "", false, false},
        {"CREATE DATABASE \"My.Db\"", Action::Create, "My.Db", "", "", false, false},
        {"create database d with template = template0 encoding = 'UTF8' locale_provider = libc locale = 'C.UTF-8'",
         Action::Create, "d", "", "", false, false},
        {"create database d template template1 encoding 'utf-8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'",
         Action::Create, "d", "", "", false, false},
        {"create database d template template0 locale 'en_US.UTF-8' lc_collate 'C'", Action::Create, "d", "", "", false,
         false},
        {"create database d template other_db owner alice", Action::Create, "d", "other_db", "alice", false, false},
        {"create database d encoding 6 connection limit -1 tablespace pg_default strategy file_copy", Action::Create,
         "d", "", "", false, false},
        {"create database d allow_connections true is_template false icu_locale 'und' collation_version '1'",
         Action::Create, "d", "", "", false, false},
        {"drop database d", Action::Drop, "d", "", "", false, false},
        {"drop database if exists d", Action::Drop, "d", "", "", true, false},
        {"drop database d with (force)", Action::Drop, "d", "", "", false, true},
        {"alter database d rename to e", Action::Rename, "d", "e", "", false, false},
    };
    for (const auto &c : cases) {
        const auto command = DatabaseCommand(c.sql);
        EXPECT_FALSE(command.refusal.has_value()) << c.sql << ": " << command.refusal->what();
        EXPECT_EQ(command.action, c.action) << c.sql;
        EXPECT_EQ(command.name, c.name) << c.sql;
        EXPECT_EQ(c.action == Action::Rename ? command.new_name : command.template_name, c.other) << c.sql;
        EXPECT_EQ(command.owner, c.owner) << c.sql;
        EXPECT_EQ(command.if_exists, c.if_exists) << c.sql;
        EXPECT_EQ(command.force, c.force) << c.sql;
    }
}

struct RefusedCase {
    const char *sql;
    const char *sqlstate;
    const char *message;
};

TEST(DatabaseStatement, RefusesAsPostgresDoesWhenRun) {
    const RefusedCase cases[] = {
        {"create database d with colour = 'blue'", "42601", "option \"colour\" not recognized"},
        {"create database d template template0 template template1", "42601", "conflicting or redundant options"},
        {"create database d locale 'C' lc_ctype 'C'", "22023",
         "new collation (C) is incompatible with the collation of the template database (C.UTF-8)"},
        {"create database d lc_collate 'C.UTF-8' lc_ctype 'en_US.UTF-8'", "22023",
         "new LC_CTYPE (en_US.UTF-8) is incompatible with the LC_CTYPE of the template database (C.UTF-8)"},
        {"create database d encoding 'klingon'", "42704", "klingon is not a valid encoding name"},
        {"create database d encoding 99", "42704", "99 is not a valid encoding code"},
        {"create database d encoding 8", "0A000", "encoding 8 is not supported"},
        {"create database d encoding 'latin1'", "0A000", "encoding \"LATIN1\" is not supported"},
        {"create database d strategy fancy", "22023", "invalid create database strategy \"fancy\""},
        {"create database d locale_provider = builtin", "22023", "unrecognized locale provider: builtin"},
        {"create database d tablespace fast_disk", "42704", "tablespace \"fast_disk\" does not exist"},
        {"create database d connection limit -5", "22023", "invalid connection limit: -5"},
        {"create database d connection limit 10", "0A000", "CREATE DATABASE option CONNECTION_LIMIT is not supported"},
        {"create database d allow_connections false", "0A000",
         "CREATE DATABASE option ALLOW_CONNECTIONS is not supported"},
        {"create database d is_template true", "0A000", "CREATE DATABASE option IS_TEMPLATE is not supported"},
        {"create database d oid 20000", "0A000", "CREATE DATABASE option OID is not supported"},
    };
    for (const auto &c : cases) {
        const auto command = DatabaseCommand(c.sql);
        ASSERT_TRUE(command.refusal.has_value()) << c.sql;
        EXPECT_EQ(command.refusal->sqlstate, c.sqlstate) << c.sql;
        EXPECT_STREQ(command.refusal->what(), c.message) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
