// Unit tests for pg_hba.conf parsing (good lines, errors with line numbers) and rule matching, from tables of cases.
#include "auth/hba_file.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace duckgres::auth {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"/etc/dg/admins", "alice \"carol\"\n"},
    {"/etc/dg/dbs", "sales, hr # databases\n"},
};

AuthFileReader FilesReader() {
    return [](const std::string &path, std::string &error) -> std::optional<std::string> {
        auto it = kFiles.find(path);
        if (it == kFiles.end()) {
            error = "No such file or directory";
            return std::nullopt;
        }
        return it->second;
    };
}

HbaFile ParseHba(const std::string &text) {
    return HbaFile::Parse(text, "/etc/dg/pg_hba.conf", FilesReader());
}

std::string Tokens(const std::vector<AuthFileToken> &tokens) {
    std::string out;
    for (const auto &token : tokens) {
        out += (out.empty() ? "" : ",") + (token.quoted ? "\"" + token.text + "\"" : token.text);
    }
    return out;
}

//! "type dbs users address method [clientcert] [map]" of a parsed rule.
std::string Describe(const HbaRule &rule) {
    static const char *kTypes[] = {"local", "host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"};
    static const char *kClientCert[] = {"", " clientcert=verify-ca", " clientcert=verify-full"};
    std::string address;
    switch (rule.address_kind) {
    case HbaAddressKind::None:
        address = "-";
        break;
    case HbaAddressKind::All:
        address = "all";
        break;
    case HbaAddressKind::SameHost:
        address = "samehost";
        break;
    case HbaAddressKind::SameNet:
        address = "samenet";
        break;
    case HbaAddressKind::Range:
        address = rule.address.ToString() + "/" + rule.mask.ToString();
        break;
    }
    return std::string(kTypes[static_cast<int>(rule.connection_type)]) + " " + Tokens(rule.databases) + " " +
           Tokens(rule.users) + " " + address + " " + rule.method_name +
           kClientCert[static_cast<int>(rule.client_cert)] + (rule.map.empty() ? "" : " map=" + rule.map);
}

TEST(HbaFileTest, ParsesGoodLines) {
    const std::pair<const char *, const char *> cases[] = {
        {"host all all 127.0.0.1/32 scram-sha-256", "host all all 127.0.0.1/255.255.255.255 scram-sha-256"},
        {"hostssl db1,db2 u1,+admin 10.0.0.0/8 md5", "hostssl db1,db2 u1,+admin 10.0.0.0/255.0.0.0 md5"},
        {"hostnossl sameuser all 192.168.1.0 255.255.255.0 password",
         "hostnossl sameuser all 192.168.1.0/255.255.255.0 password"},
        {"host samerole,samegroup,replication all ::1/128 trust",
         "host samerole,samegroup,replication all ::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff trust"},
        {"host all all 2001:db8::/32 reject", "host all all 2001:db8::/ffff:ffff:: reject"},
        {"host all all fe80::1%lo/64 md5", "host all all fe80::1/ffff:ffff:ffff:ffff:: md5"},
        {"host all all 0/0 md5", "host all all 0.0.0.0/0.0.0.0 md5"},
        {"host all all 127.1/32 md5", "host all all 127.0.0.1/255.255.255.255 md5"},
        {"host all all all md5", "host all all all md5"},
        {"host all all samehost md5", "host all all samehost md5"},
        {"host all all samenet md5", "host all all samenet md5"},
        {"host \"all\" \"+admin\" all md5", "host \"all\" \"+admin\" all md5"},
        {"host \"db 1\",\"x,y\" all all md5", "host \"db 1\",\"x,y\" all all md5"},
        {"host all all \"127.0.0.1/32\" \"md5\"", "host all all 127.0.0.1/255.255.255.255 md5"},
        {"hostssl all all all cert", "hostssl all all all cert clientcert=verify-full"},
        {"hostssl all all all cert map=certmap clientcert=verify-full",
         "hostssl all all all cert clientcert=verify-full map=certmap"},
        {"hostssl all all all cert map=m1,clientcert=verify-full",
         "hostssl all all all cert clientcert=verify-full map=m1"},
        {"hostssl all all all scram-sha-256 clientcert=verify-ca",
         "hostssl all all all scram-sha-256 clientcert=verify-ca"},
        {"hostssl all all all md5 \"clientcert\"=verify-full", "hostssl all all all md5 clientcert=verify-full"},
        {"hostnogssenc all all all md5", "hostnogssenc all all all md5"},
        {"host @dbs @admins all md5", "host sales,hr alice,\"carol\" all md5"},
        {"host all all 127.0.0.1/32 \\\n    md5", "host all all 127.0.0.1/255.255.255.255 md5"},
        // Lines that never match may use methods and options Duckgres does not implement.
        {"local all all peer", "local all all - peer"},
        {"local all postgres peer map=omicron", "local all postgres - peer"},
        {"local all all ldap ldapserver=x", "local all all - ldap"},
        {"hostgssenc all all 0.0.0.0/0 gss include_realm=0", "hostgssenc all all 0.0.0.0/0.0.0.0 gss"},
    };
    for (const auto &[text, expected] : cases) {
        auto file = ParseHba(text);
        for (const auto &error : file.Errors()) {
            ADD_FAILURE() << text << ": " << error.ToString();
        }
        ASSERT_EQ(file.Rules().size(), 1u) << text;
        EXPECT_EQ(Describe(file.Rules()[0]), expected) << text;
        EXPECT_EQ(file.Rules()[0].line_number, 1) << text;
        EXPECT_EQ(file.Rules()[0].file, "/etc/dg/pg_hba.conf") << text;
    }
}

TEST(HbaFileTest, ParsesPostgresDefaultFile) {
    // The rules PostgreSQL 15's initdb writes (with its comments shortened).
    auto file = ParseHba("# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
                         "\n"
                         "# \"local\" is for Unix domain socket connections only\n"
                         "local   all             all                                     peer\n"
                         "# IPv4 local connections:\n"
                         "host    all             all             127.0.0.1/32            scram-sha-256\n"
                         "# IPv6 local connections:\n"
                         "host    all             all             ::1/128                 scram-sha-256\n"
                         "local   replication     all                                     peer\n"
                         "host    replication     all             127.0.0.1/32            scram-sha-256\n"
                         "host    replication     all             ::1/128                 scram-sha-256\n");
    EXPECT_TRUE(file.Errors().empty());
    ASSERT_EQ(file.Rules().size(), 6u);
    std::vector<int> lines;
    for (const auto &rule : file.Rules()) {
        lines.push_back(rule.line_number);
    }
    EXPECT_EQ(lines, (std::vector<int>{4, 6, 8, 9, 10, 11}));
}

TEST(HbaFileTest, ReportsEachMalformedLine) {
    // Messages as PostgreSQL 15 reports them (pg_hba_file_rules.error), except those about what Duckgres lacks.
    const std::pair<const char *, const char *> cases[] = {
        {"foo all all all md5", "invalid connection type \"foo\""},
        {"host,hostssl all all all md5", "multiple values specified for connection type"},
        {"host", "end-of-line before database specification"},
        {"host all", "end-of-line before role specification"},
        {"host all all", "end-of-line before IP address specification"},
        {"host all all 127.0.0.1/32", "end-of-line before authentication method"},
        {"host all all 127.0.0.1", "end-of-line before netmask specification"},
        {"host all all 127.0.0.1/32,::1/128 md5", "multiple values specified for host address"},
        {"host all all 127.0.0.1/33 md5", "invalid CIDR mask in address \"127.0.0.1/33\""},
        {"host all all ::1/129 md5", "invalid CIDR mask in address \"::1/129\""},
        {"host all all 127.0.0.1/ md5", "invalid CIDR mask in address \"127.0.0.1/\""},
        {"host all all 127.0.0.1/8x md5", "invalid CIDR mask in address \"127.0.0.1/8x\""},
        {"host all all example.com/24 md5", "specifying both host name and CIDR mask is invalid: \"example.com/24\""},
        {"host all all example.com md5",
         "host name \"example.com\" is not supported: Duckgres does not resolve host names in pg_hba.conf; use an IP "
         "address or range, samehost or samenet"},
        {"host all all .example.com md5",
         "host name \".example.com\" is not supported: Duckgres does not resolve host names in pg_hba.conf; use an "
         "IP address or range, samehost or samenet"},
        {"host all all \"samehost\" md5",
         "host name \"samehost\" is not supported: Duckgres does not resolve host names in pg_hba.conf; use an IP "
         "address or range, samehost or samenet"},
        {"host all all 127.0.0.1 trust", "invalid IP mask \"trust\": Name or service not known"},
        {"host all all 127.0.0.1 ffff:: md5", "IP address and mask do not match"},
        {"host all all 127.0.0.1 255.0.0.0,255.255.0.0 md5", "multiple values specified for netmask"},
        {"host all all all foo", "invalid authentication method \"foo\""},
        {"local all all foo", "invalid authentication method \"foo\""},
        {"host all all all trust,md5", "multiple values specified for authentication type"},
        {"host all all all ldap", "authentication method \"ldap\" is not supported by Duckgres"},
        {"host all all all peer", "authentication method \"peer\" is not supported by Duckgres"},
        {"hostssl all all all gss", "authentication method \"gss\" is not supported by Duckgres"},
        {"hostnogssenc all all all radius", "authentication method \"radius\" is not supported by Duckgres"},
        {"host all all all ident", "authentication method \"ident\" is not supported by Duckgres"},
        {"host all all all pam", "authentication method \"pam\" is not supported by Duckgres"},
        {"host all all all cert", "cert authentication is only supported on hostssl connections"},
        {"hostnossl all all all cert", "cert authentication is only supported on hostssl connections"},
        {"host all all all md5 clientcert=verify-full", "clientcert can only be configured for \"hostssl\" rows"},
        {"hostnossl all all all md5 clientcert=verify-ca", "clientcert can only be configured for \"hostssl\" rows"},
        {"hostssl all all all md5 clientcert=no-verify", "invalid value for clientcert: \"no-verify\""},
        {"hostssl all all all md5 clientcert=1", "invalid value for clientcert: \"1\""},
        {"hostssl all all all cert clientcert=verify-ca",
         "clientcert can only be set to \"verify-full\" when using \"cert\" authentication"},
        {"hostssl all all all md5 map=x", "authentication option \"map\" is only valid for authentication method cert"},
        {"host all all all md5 foo=bar", "unrecognized authentication option name: \"foo\""},
        {"host all all all md5 ldapserver=x", "unrecognized authentication option name: \"ldapserver\""},
        {"host all all all md5 map", "authentication option not in name=value format: map"},
        {"host all all all md5 \"\"", "authentication option not in name=value format: "},
        {"host all all all md5 \\\n foo", "authentication option not in name=value format: foo"},
        {"host @missing all all md5",
         "could not open secondary authentication file \"@missing\" as \"/etc/dg/missing\": No such file or "
         "directory"},
    };
    for (const auto &[text, expected] : cases) {
        auto file = ParseHba(std::string("# first line\n") + text);
        EXPECT_TRUE(file.Rules().empty()) << text;
        ASSERT_EQ(file.Errors().size(), 1u) << text;
        EXPECT_EQ(file.Errors()[0].ToString(), std::string("/etc/dg/pg_hba.conf:2: ") + expected) << text;
    }
}

TEST(HbaFileTest, CollectsEveryErrorAndKeepsGoodLines) {
    auto file = ParseHba("host all all 127.0.0.1/32 md5\n"
                         "host all all all ldap\n"
                         "# comment\n"
                         "hostssl all all all cert \\\n"
                         "    clientcert=verify-ca\n"
                         "host all all ::1/128 md5\n"
                         "bogus\n");
    ASSERT_EQ(file.Errors().size(), 3u);
    EXPECT_EQ(file.Errors()[0].line_number, 2);
    EXPECT_EQ(file.Errors()[1].line_number, 4);
    EXPECT_EQ(file.Errors()[2].ToString(), "/etc/dg/pg_hba.conf:7: invalid connection type \"bogus\"");
    ASSERT_EQ(file.Rules().size(), 2u);
    EXPECT_EQ(file.Rules()[0].line_number, 1);
    EXPECT_EQ(file.Rules()[1].line_number, 6);
}

TEST(HbaFileTest, LoadReportsUnreadableFile) {
    auto file = HbaFile::Load("/nonexistent/duckgres/pg_hba.conf");
    ASSERT_EQ(file.Errors().size(), 1u);
    EXPECT_EQ(file.Errors()[0].ToString(),
              "/nonexistent/duckgres/pg_hba.conf: could not open file: No such file or directory");
}

//! Connection facts for the matching tables. alice is in admin, bob in read_only; the server has 10.1.2.3/16,
//! 127.0.0.1/8, 2001:db8::5/64.
struct MatchCase {
    const char *rules;
    bool ssl;
    const char *client;
    const char *database;
    const char *user;
    int expected_line; //!< 0: no rule matches
};

const std::vector<InterfaceAddress> &Interfaces() {
    static const std::vector<InterfaceAddress> interfaces = {
        {*IpAddress::Parse("10.1.2.3"), *IpAddress::Parse("255.255.0.0")},
        {*IpAddress::Parse("127.0.0.1"), *IpAddress::Parse("255.0.0.0")},
        {*IpAddress::Parse("2001:db8::5"), *IpAddress::Parse("ffff:ffff:ffff:ffff::")},
    };
    return interfaces;
}

HbaConnection Connection(bool ssl, const char *client, const char *database, const char *user) {
    static const std::map<std::string, std::set<std::string>> kMembers = {{"alice", {"admin"}}, {"bob", {"read_only"}}};
    HbaConnection connection;
    connection.ssl = ssl;
    connection.client_address = *IpAddress::Parse(client);
    connection.database = database;
    connection.user = user;
    connection.is_member = [user = std::string(user)](const std::string &role) {
        auto it = kMembers.find(user);
        return it != kMembers.end() && it->second.count(role) > 0;
    };
    connection.interfaces = Interfaces();
    return connection;
}

void ExpectMatches(const std::vector<MatchCase> &cases) {
    for (const auto &c : cases) {
        auto file = ParseHba(c.rules);
        ASSERT_TRUE(file.Errors().empty()) << c.rules << ": " << file.Errors()[0].ToString();
        auto *rule = file.Match(Connection(c.ssl, c.client, c.database, c.user));
        EXPECT_EQ(rule ? rule->line_number : 0, c.expected_line)
            << c.rules << "\n  ssl=" << c.ssl << " client=" << c.client << " db=" << c.database << " user=" << c.user;
    }
}

TEST(HbaFileTest, MatchesConnectionTypeAndTls) {
    const char *rules = "local all all trust\n"
                        "hostgssenc all all all trust\n"
                        "hostssl all alice all md5\n"
                        "hostnossl all alice all md5\n"
                        "host all bob all md5\n"
                        "hostnogssenc all carol all md5\n"
                        "hostssl all dave all md5\n";
    ExpectMatches({
        {rules, true, "10.0.0.1", "d", "alice", 3},
        {rules, false, "10.0.0.1", "d", "alice", 4},
        {rules, true, "10.0.0.1", "d", "bob", 5},
        {rules, false, "10.0.0.1", "d", "bob", 5},
        {rules, true, "10.0.0.1", "d", "carol", 6},
        {rules, false, "10.0.0.1", "d", "carol", 6},
        {rules, true, "10.0.0.1", "d", "dave", 7},
        {rules, false, "10.0.0.1", "d", "dave", 0},
        {rules, false, "127.0.0.1", "d", "erin", 0}, // local and hostgssenc never match
        {"hostnossl all all all md5\nhostssl all all all md5", false, "10.0.0.1", "d", "u", 1},
        {"hostnossl all all all md5\nhostssl all all all md5", true, "10.0.0.1", "d", "u", 2},
    });
}

TEST(HbaFileTest, MatchesAddresses) {
    const char *cidr = "host all all 192.168.0.0/16 md5\n"
                       "host all all 10.0.0.1/32 md5\n"
                       "host all all 172.16.0.0 255.240.0.0 md5\n"
                       "host all all 2001:db8:1::/48 md5\n"
                       "host all all ::1/128 md5\n"
                       "host all all fe80::/10 md5\n";
    const char *same = "host all all samehost md5\n"
                       "host all all samenet md5\n";
    ExpectMatches({
        {cidr, false, "192.168.44.5", "d", "u", 1},
        {cidr, false, "192.169.0.1", "d", "u", 0},
        {cidr, false, "10.0.0.1", "d", "u", 2},
        {cidr, false, "10.0.0.2", "d", "u", 0},
        {cidr, false, "172.31.255.255", "d", "u", 3},
        {cidr, false, "172.32.0.1", "d", "u", 0},
        {cidr, false, "2001:db8:1:ffff::1", "d", "u", 4},
        {cidr, false, "2001:db8:2::1", "d", "u", 0},
        {cidr, false, "::1", "d", "u", 5},
        {cidr, false, "fe80::abcd", "d", "u", 6},
        // Dual-stack sockets report IPv4 peers as IPv4-mapped IPv6: they match IPv4 rules, not IPv6 ones.
        {cidr, false, "::ffff:192.168.1.1", "d", "u", 1},
        {cidr, false, "::ffff:10.0.0.1", "d", "u", 2},
        {"host all all ::/0 md5\nhost all all 0.0.0.0/0 md5", false, "::ffff:10.9.9.9", "d", "u", 2},
        {"host all all ::/0 md5\nhost all all 0.0.0.0/0 md5", false, "2001:db8::9", "d", "u", 1},
        {"host all all all md5", false, "203.0.113.7", "d", "u", 1},
        {"host all all all md5", false, "2001:db8::7", "d", "u", 1},
        {same, false, "10.1.2.3", "d", "u", 1},
        {same, false, "::ffff:127.0.0.1", "d", "u", 1},
        {same, false, "2001:db8::5", "d", "u", 1},
        {same, false, "10.1.200.200", "d", "u", 2},
        {same, false, "127.9.9.9", "d", "u", 2},
        {same, false, "2001:db8::ffff", "d", "u", 2},
        {same, false, "10.2.0.1", "d", "u", 0},
        {same, false, "2001:db9::1", "d", "u", 0},
    });
}

TEST(HbaFileTest, MatchesDatabasesAndUsers) {
    ExpectMatches({
        {"host db1,db2 all all md5", false, "10.0.0.1", "db2", "u", 1},
        {"host db1,db2 all all md5", false, "10.0.0.1", "db3", "u", 0},
        {"host DB1 all all md5", false, "10.0.0.1", "db1", "u", 0}, // names are case-sensitive
        {"host all all all md5", false, "10.0.0.1", "anything", "u", 1},
        {"host sameuser all all md5", false, "10.0.0.1", "alice", "alice", 1},
        {"host sameuser all all md5", false, "10.0.0.1", "alice", "bob", 0},
        {"host samerole all all md5", false, "10.0.0.1", "admin", "alice", 1},
        {"host samerole all all md5", false, "10.0.0.1", "admin", "bob", 0},
        {"host samerole all all md5", false, "10.0.0.1", "bob", "bob", 1}, // a user is a member of its own role
        {"host samegroup all all md5", false, "10.0.0.1", "read_only", "bob", 1},
        {"host replication all all md5", false, "10.0.0.1", "replication", "u", 0},
        {"host \"replication\" all all md5", false, "10.0.0.1", "replication", "u", 1},
        {"host \"all\" all all md5", false, "10.0.0.1", "db", "u", 0},
        {"host \"all\" all all md5", false, "10.0.0.1", "all", "u", 1},
        {"host \"sameuser\" all all md5", false, "10.0.0.1", "sameuser", "u", 1},
        {"host \"db 1\" all all md5", false, "10.0.0.1", "db 1", "u", 1},
        {"host @dbs all all md5", false, "10.0.0.1", "hr", "u", 1},
        {"host @dbs all all md5", false, "10.0.0.1", "ops", "u", 0},
        {"host all u1,u2 all md5", false, "10.0.0.1", "d", "u2", 1},
        {"host all u1,u2 all md5", false, "10.0.0.1", "d", "u3", 0},
        {"host all +admin all md5", false, "10.0.0.1", "d", "alice", 1},
        {"host all +admin all md5", false, "10.0.0.1", "d", "bob", 0},
        {"host all +admin all md5", false, "10.0.0.1", "d", "admin", 1},
        {"host all \"+admin\" all md5", false, "10.0.0.1", "d", "alice", 0},
        {"host all \"+admin\" all md5", false, "10.0.0.1", "d", "+admin", 1},
        {"host all \"all\" all md5", false, "10.0.0.1", "d", "u", 0},
        {"host all @admins all md5", false, "10.0.0.1", "d", "carol", 1},
        {"host all @admins all md5", false, "10.0.0.1", "d", "bob", 0},
        {"host all \"@admins\" all md5", false, "10.0.0.1", "d", "@admins", 1},
    });
}

TEST(HbaFileTest, FirstMatchWins) {
    const char *ordered = "hostssl all bob all reject\n"
                          "host sales +read_only 10.0.0.0/8 trust\n"
                          "host all bob 10.0.0.0/8 md5\n"
                          "host all all all scram-sha-256\n";
    ExpectMatches({
        {ordered, true, "10.0.0.1", "sales", "bob", 1},
        {ordered, false, "10.0.0.1", "sales", "bob", 2},
        {ordered, false, "10.0.0.1", "hr", "bob", 3},
        {ordered, false, "11.0.0.1", "sales", "bob", 4},
    });
    auto file = ParseHba(ordered);
    auto *rule = file.Match(Connection(false, "10.0.0.1", "hr", "bob"));
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->method, HbaMethod::Md5);
    rule = file.Match(Connection(true, "10.0.0.1", "hr", "bob"));
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->method, HbaMethod::Reject);
}

TEST(HbaFileTest, DefaultRules) {
    struct Case {
        bool ssl;
        const char *client;
        int expected_line;
    };
    const Case cases[] = {
        {false, "127.0.0.1", 1},   {true, "127.0.0.1", 1},   {false, "::ffff:127.0.0.1", 1}, {false, "::1", 2},
        {true, "::1", 2},          {false, "127.0.0.2", 1},  {false, "10.0.0.1", 0},         {true, "10.0.0.1", 3},
        {false, "2001:db8::1", 0}, {true, "2001:db8::1", 3}, {true, "::ffff:10.0.0.1", 3},
    };
    for (auto method : {HbaMethod::ScramSha256, HbaMethod::Md5, HbaMethod::Password}) {
        auto file = HbaFile::Default(method);
        EXPECT_TRUE(file.Errors().empty());
        EXPECT_TRUE(file.Warnings().empty() || method == HbaMethod::Password);
        for (const auto &c : cases) {
            auto *rule = file.Match(Connection(c.ssl, c.client, "postgres", "postgres"));
            EXPECT_EQ(rule ? rule->line_number : 0, c.expected_line) << c.client << " ssl=" << c.ssl;
            if (rule) {
                EXPECT_EQ(rule->method, method);
            }
        }
    }
}

TEST(HbaFileTest, RefusalMessagesAsPostgres) {
    // Texts observed from PostgreSQL 15.18 with psql (FATAL, SQLSTATE 28000).
    struct Case {
        bool ssl;
        const char *client;
        const char *no_match;
        const char *reject;
    };
    const Case cases[] = {
        {false, "127.0.0.1", "no pg_hba.conf entry for host \"127.0.0.1\", user \"u\", database \"x y\", no encryption",
         "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"u\", database \"x y\", no encryption"},
        {true, "127.0.0.1", "no pg_hba.conf entry for host \"127.0.0.1\", user \"u\", database \"x y\", SSL encryption",
         "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"u\", database \"x y\", SSL encryption"},
        {false, "::ffff:10.0.0.1",
         "no pg_hba.conf entry for host \"10.0.0.1\", user \"u\", database \"x y\", no encryption",
         "pg_hba.conf rejects connection for host \"10.0.0.1\", user \"u\", database \"x y\", no encryption"},
        {true, "2001:db8::1",
         "no pg_hba.conf entry for host \"2001:db8::1\", user \"u\", database \"x y\", SSL encryption",
         "pg_hba.conf rejects connection for host \"2001:db8::1\", user \"u\", database \"x y\", SSL encryption"},
    };
    for (const auto &c : cases) {
        auto connection = Connection(c.ssl, c.client, "x y", "u");
        EXPECT_EQ(HbaNoMatchMessage(connection), c.no_match);
        EXPECT_EQ(HbaRejectMessage(connection), c.reject);
    }
    EXPECT_STREQ(kHbaRejectSqlState, "28000");
}

TEST(HbaFileTest, Warnings) {
    auto file = ParseHba("host all all 127.0.0.1/32 trust\n"
                         "hostssl all all all password\n"
                         "host all all all password\n"
                         "hostnossl all all all password\n"
                         "local all all trust\n"
                         "host all all all scram-sha-256\n");
    EXPECT_EQ(file.Warnings(),
              (std::vector<std::string>{
                  "/etc/dg/pg_hba.conf:1: trust lets anyone matching this line connect without a password",
                  "/etc/dg/pg_hba.conf:3: password sends passwords in clear text on connections without TLS",
                  "/etc/dg/pg_hba.conf:4: password sends passwords in clear text on connections without TLS",
              }));
}

} // namespace
} // namespace duckgres::auth
