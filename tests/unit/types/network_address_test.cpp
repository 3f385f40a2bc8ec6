// inet/cidr/macaddr/macaddr8 input and output against PostgreSQL 15's results, from tables of cases.
#include "common/sql_error.hpp"
#include "types/network_address.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::types {
namespace {

struct InetCase {
    bool cidr;
    const char *input;
    const char *output; //!< the type's output; nullptr: 22P02
    const char *text;   //!< text(value): always with /n
};

const InetCase kInetCases[] = {
    {false, "192.168.1.5", "192.168.1.5", "192.168.1.5/32"},
    {false, "192.168.1.5/24", "192.168.1.5/24", "192.168.1.5/24"},
    {false, "10.1/16", "10.1.0.0/16", "10.1.0.0/16"},
    {false, "10.1", nullptr, nullptr},
    {false, "1.2.3.4.", "1.2.3.4", "1.2.3.4/32"},
    {false, "1.2.3.4.5", nullptr, nullptr},
    {false, "256.1.1.1", nullptr, nullptr},
    {false, "1.2.3.4/33", nullptr, nullptr},
    {false, "1.2.3.4/", nullptr, nullptr},
    {false, "010.001.0.1", "10.1.0.1", "10.1.0.1/32"},
    {false, " 1.2.3.4", nullptr, nullptr},
    {false, "", nullptr, nullptr},
    {false, "::", "::", "::/128"},
    {false, "::1", "::1", "::1/128"},
    {false, "::1/64", "::1/64", "::1/64"},
    {false, "2001:db8::1", "2001:db8::1", "2001:db8::1/128"},
    {false, "2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1", "2001:db8::1:0:0:1/128"},
    {false, "2001:db8:0:0:1::1/128", "2001:db8::1:0:0:1", "2001:db8::1:0:0:1/128"},
    {false, "::ffff:1.2.3.4", "::ffff:1.2.3.4", "::ffff:1.2.3.4/128"},
    {false, "::1.2.3.4", "::1.2.3.4", "::1.2.3.4/128"},
    {false, "::ffff:1.2.3.4/120", "::ffff:1.2.3.4/120", "::ffff:1.2.3.4/120"},
    {false, "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8/128"},
    {false, "1::2:0:0:3", "1::2:0:0:3", "1::2:0:0:3/128"},
    {false, "1:0:0:2:0:0:0:3", "1:0:0:2::3", "1:0:0:2::3/128"},
    {false, "1:2:3:4:5:6:7:8:9", nullptr, nullptr},
    {false, "1:::2", nullptr, nullptr},
    {false, ":1", nullptr, nullptr},
    {false, "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0/128"},
    {false, "12345::", nullptr, nullptr},
    {false, "::1/129", nullptr, nullptr},
    {false, "::1/01", nullptr, nullptr},
    {false, "fe80::1%eth0", nullptr, nullptr},
    {false, "::0.0.1.2", "::102", "::102/128"},
    {false, "0:0:0:0:0:0:0:2", "::2", "::2/128"},
    {true, "10.1.2.0/24", "10.1.2.0/24", "10.1.2.0/24"},
    {true, "10.1", "10.1.0.0/16", "10.1.0.0/16"},
    {true, "10", "10.0.0.0/8", "10.0.0.0/8"},
    {true, "192.168", "192.168.0.0/24", "192.168.0.0/24"},
    {true, "128", "128.0.0.0/16", "128.0.0.0/16"},
    {true, "224", "224.0.0.0/4", "224.0.0.0/4"},
    {true, "224.1", "224.1.0.0/16", "224.1.0.0/16"},
    {true, "240", "240.0.0.0/32", "240.0.0.0/32"},
    {true, "10.1.2", "10.1.2.0/24", "10.1.2.0/24"},
    {true, "0x0a01", "10.1.0.0/16", "10.1.0.0/16"},
    {true, "2001:db8::/32", "2001:db8::/32", "2001:db8::/32"},
    {true, "::/0", "::/0", "::/0"},
    {true, "10.1./16", nullptr, nullptr},
    {true, "1.2.3.4", "1.2.3.4/32", "1.2.3.4/32"},
};

TEST(NetworkAddress, ReadsAndWritesInetAndCidr) {
    for (const auto &row : kInetCases) {
        if (!row.output) {
            try {
                ParseInet(row.input, row.cidr);
                ADD_FAILURE() << "accepted " << row.input;
            } catch (const SqlError &error) {
                EXPECT_EQ(error.sqlstate, "22P02") << row.input;
                EXPECT_EQ(std::string(error.what()), std::string("invalid input syntax for type ") +
                                                         (row.cidr ? "cidr" : "inet") + ": \"" + row.input + "\"");
            }
            continue;
        }
        const InetValue value = ParseInet(row.input, row.cidr);
        EXPECT_EQ(FormatInet(value, row.cidr), row.output) << row.input;
        EXPECT_EQ(FormatInetWithMask(value), row.text) << row.input;
        EXPECT_EQ(FormatInet(DecodeInetStorage(EncodeInetStorage(value)), row.cidr), row.output) << row.input;
    }
}

TEST(NetworkAddress, CidrRefusesHostBits) {
    for (const char *input : {"10.1.2.3/24", "2001:db8::1/32", "1.2.3.4/16"}) {
        try {
            ParseInet(input, true);
            ADD_FAILURE() << "accepted " << input;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "22P02");
            EXPECT_EQ(std::string(error.what()), std::string("invalid cidr value: \"") + input + "\"");
            EXPECT_EQ(error.detail, "Value has bits set to right of mask.");
        }
    }
}

TEST(NetworkAddress, AbbreviatesCidr) {
    const std::pair<const char *, const char *> cases[] = {
        {"10.1.0.0/16", "10.1/16"},
        {"10.0.0.0/8", "10/8"},
        {"10.1.2.128/25", "10.1.2.128/25"},
        {"0.0.0.0/0", "0/0"},
        {"2001:db8::/32", "2001:db8/32"},
        {"::ffff:1.2.3.0/120", "::ffff:1.2.3/120"},
        {"::ffff:1.2.0.0/112", "::ffff:1.2/112"},
        {"1:0:0:0:0:0:0:0/16", "1::/16"},
        {"0:0:0:0:0:0:0:0/64", "::/64"},
    };
    for (const auto &[input, abbreviated] : cases) {
        EXPECT_EQ(AbbrevCidr(ParseInet(input, true)), abbreviated) << input;
    }
}

//! The storage bytes order values as PostgreSQL's btree does: family, network over the shorter mask, mask length,
//! whole address.
TEST(NetworkAddress, StorageOrderIsPostgresOrder) {
    const char *ordered[] = {"0.0.0.0/0",   "10.0.0.0/8",    "10.0.0.0/16", "10.0.0.5/16", "10.0.0.0",    "10.0.0.1",
                             "10.1.0.0/16", "10.1.2.3/16",   "10.1.2.0/24", "10.1.2.3",    "192.168.1.1", "::/0",
                             "::1",         "2001:db8::/32", "2001:db8::1", "ffff::/16"};
    for (size_t i = 0; i + 1 < std::size(ordered); i++) {
        EXPECT_LT(EncodeInetStorage(ParseInet(ordered[i], false)), EncodeInetStorage(ParseInet(ordered[i + 1], false)))
            << ordered[i] << " < " << ordered[i + 1];
    }
}

struct BinaryCase {
    const char *type;
    std::string bytes;    //!< PostgreSQL's binary format
    const char *text;     //!< the value read, as its type prints it; nullptr: an error
    const char *sqlstate; //!< of the error
};

using namespace std::string_literals;

const BinaryCase kBinaryCases[] = {
    {"inet", "\x02\x18\x00\x04\xc0\xa8\x01\x05"s, "192.168.1.5/24", ""},
    {"inet", "\x02\x20\x01\x04\x0a\x00\x00\x01"s, "10.0.0.1", ""},
    {"cidr", "\x02\x08\x01\x04\x0a\x00\x00\x00"s, "10.0.0.0/8", ""},
    {"inet", "\x03\x80\x00\x10"s + std::string(15, '\0') + "\x01", "::1", ""},
    {"cidr", "\x02\x08\x01\x04\x0a\x00\x00\x01"s, nullptr, "22P03"},
    {"inet", "\x04\x20\x00\x04\x0a\x00\x00\x01"s, nullptr, "22P03"},
    {"inet", "\x02\x21\x00\x04\x0a\x00\x00\x01"s, nullptr, "22P03"},
    {"inet", "\x02\x20\x00\x10\x0a\x00\x00\x01"s, nullptr, "22P03"},
    {"inet", "\x02\x20\x00\x04\x0a\x00"s, nullptr, "08P01"},
    {"macaddr", "\x08\x00\x2b\x01\x02\x03"s, "08:00:2b:01:02:03", ""},
    {"macaddr8", "\x08\x00\x2b\x01\x02\x03\x04\x05"s, "08:00:2b:01:02:03:04:05", ""},
    {"macaddr", "\x08\x00\x2b"s, nullptr, "22P03"},
};

TEST(NetworkAddress, ReadsBinaryFormat) {
    for (const auto &row : kBinaryCases) {
        const std::string type = row.type;
        if (!row.text) {
            try {
                ReadNetworkBinary(type, row.bytes);
                ADD_FAILURE() << "accepted a " << type << " of " << row.bytes.size() << " bytes";
            } catch (const SqlError &error) {
                EXPECT_EQ(error.sqlstate, row.sqlstate) << type;
            }
            continue;
        }
        const std::string stored = ReadNetworkBinary(type, row.bytes);
        const std::string text =
            type.starts_with("mac") ? FormatMacaddr(stored) : FormatInet(DecodeInetStorage(stored), type == "cidr");
        EXPECT_EQ(text, row.text);
        EXPECT_EQ(ParseNetworkStorage(type, row.text), stored) << row.text;
    }
}

struct MacCase {
    bool eight;
    const char *input;
    const char *output;   //!< nullptr: an error
    const char *sqlstate; //!< of the error
};

const MacCase kMacCases[] = {
    {false, "08:00:2b:01:02:03", "08:00:2b:01:02:03", ""},
    {false, "08-00-2b-01-02-03", "08:00:2b:01:02:03", ""},
    {false, "08002b:010203", "08:00:2b:01:02:03", ""},
    {false, "08002b-010203", "08:00:2b:01:02:03", ""},
    {false, "0800.2b01.0203", "08:00:2b:01:02:03", ""},
    {false, "0800-2b01-0203", "08:00:2b:01:02:03", ""},
    {false, "08002b010203", "08:00:2b:01:02:03", ""},
    {false, " 8:0:2B:1:2:3 ", "08:00:2b:01:02:03", ""},
    {false, "08002b01020", "08:00:2b:01:02:00", ""},
    {false, "08:00:2b:01:02:0300", nullptr, "22003"},
    {false, "1ff:0:0:0:0:0", nullptr, "22003"},
    {false, "08:00:2b:01:02", nullptr, "22P02"},
    {false, "08:00:2b:01:02:03:04", nullptr, "22P02"},
    {false, "08:00-2b:01:02:03", nullptr, "22P02"},
    {true, "08:00:2b:01:02:03:04:05", "08:00:2b:01:02:03:04:05", ""},
    {true, "08-00-2b-01-02-03-04-05", "08:00:2b:01:02:03:04:05", ""},
    {true, "08002b:0102030405", "08:00:2b:01:02:03:04:05", ""},
    {true, "0800.2b01.0203.0405", "08:00:2b:01:02:03:04:05", ""},
    {true, "08002b0102030405", "08:00:2b:01:02:03:04:05", ""},
    {true, "08:00:2b:01:02:03", "08:00:2b:ff:fe:01:02:03", ""},
    {true, " 08:00:2b:01:02:03:04:05  ", "08:00:2b:01:02:03:04:05", ""},
    {true, "08:00:2b:01:02:03:0", "08:00:2b:ff:fe:01:02:03", ""},
    {true, "08:00:2b:01:02:03:04", nullptr, "22P02"},
    {true, "08:00-2b:01:02:03:04:05", nullptr, "22P02"},
    {true, "08:00:2b:01:02:03:04:05:06", nullptr, "22P02"},
    {true, "zz:00:2b:01:02:03", nullptr, "22P02"},
};

TEST(NetworkAddress, ReadsAndWritesMacaddr) {
    for (const auto &row : kMacCases) {
        auto parse = [&] {
            if (row.eight) {
                const auto bytes = ParseMacaddr8(row.input);
                return FormatMacaddr({reinterpret_cast<const char *>(bytes.data()), bytes.size()});
            }
            const auto bytes = ParseMacaddr(row.input);
            return FormatMacaddr({reinterpret_cast<const char *>(bytes.data()), bytes.size()});
        };
        if (!row.output) {
            try {
                parse();
                ADD_FAILURE() << "accepted " << row.input;
            } catch (const SqlError &error) {
                EXPECT_EQ(error.sqlstate, row.sqlstate) << row.input;
            }
            continue;
        }
        EXPECT_EQ(parse(), row.output) << row.input;
    }
}

} // namespace
} // namespace duckgres::types
