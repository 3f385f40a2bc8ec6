// Unit tests for IpAddress parsing, formatting, masks and network comparison, and for the interface list.
#include "auth/interface_addresses.hpp"
#include "auth/ip_address.hpp"

#include <gtest/gtest.h>

namespace duckgres::auth {
namespace {

TEST(IpAddressTest, ParsesNumericAddressesOnly) {
    struct Case {
        const char *text;
        const char *expected; // nullptr: not a numeric address
    };
    const Case cases[] = {
        {"127.0.0.1", "127.0.0.1"},
        {"10.20.30.40", "10.20.30.40"},
        {"127.1", "127.0.0.1"}, // getaddrinfo's short forms, as PostgreSQL accepts them
        {"0", "0.0.0.0"},
        {"::1", "::1"},
        {"2001:DB8::5", "2001:db8::5"},
        {"::ffff:127.0.0.1", "::ffff:127.0.0.1"},
        {"fe80::1%lo", "fe80::1"},
        {"300.1.1.1", nullptr},
        {"example.com", nullptr},
        {"localhost", nullptr},
        {"", nullptr},
        {"1.2.3.4 ", nullptr},
    };
    for (const auto &c : cases) {
        auto address = IpAddress::Parse(c.text);
        if (c.expected == nullptr) {
            EXPECT_FALSE(address.has_value()) << c.text;
        } else {
            ASSERT_TRUE(address.has_value()) << c.text;
            EXPECT_EQ(address->ToString(), c.expected) << c.text;
        }
    }
    std::string error;
    EXPECT_FALSE(IpAddress::Parse("trust", &error));
    EXPECT_FALSE(error.empty());
}

TEST(IpAddressTest, UnmapsIpv4MappedIpv6) {
    const std::pair<const char *, const char *> cases[] = {
        {"::ffff:127.0.0.1", "127.0.0.1"}, {"::ffff:10.1.2.3", "10.1.2.3"}, {"::1", "::1"},
        {"::127.0.0.1", "::127.0.0.1"}, // IPv4-compatible, not mapped
        {"10.1.2.3", "10.1.2.3"},
    };
    for (const auto &[text, expected] : cases) {
        auto address = IpAddress::Parse(text);
        ASSERT_TRUE(address.has_value()) << text;
        EXPECT_EQ(address->Unmapped().ToString(), expected) << text;
    }
    EXPECT_EQ(IpAddress::Parse("::ffff:1.2.3.4")->Unmapped().family, IpFamily::V4);
}

TEST(IpAddressTest, PrefixMasks) {
    struct Case {
        IpFamily family;
        int bits;
        const char *expected; // nullptr: out of range
    };
    const Case cases[] = {
        {IpFamily::V4, 0, "0.0.0.0"},
        {IpFamily::V4, 8, "255.0.0.0"},
        {IpFamily::V4, 20, "255.255.240.0"},
        {IpFamily::V4, 32, "255.255.255.255"},
        {IpFamily::V4, 33, nullptr},
        {IpFamily::V4, -1, nullptr},
        {IpFamily::V6, 64, "ffff:ffff:ffff:ffff::"},
        {IpFamily::V6, 128, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
        {IpFamily::V6, 129, nullptr},
    };
    for (const auto &c : cases) {
        auto mask = IpAddress::PrefixMask(c.family, c.bits);
        if (c.expected == nullptr) {
            EXPECT_FALSE(mask.has_value()) << c.bits;
        } else {
            ASSERT_TRUE(mask.has_value()) << c.bits;
            EXPECT_EQ(mask->ToString(), c.expected) << c.bits;
        }
    }
}

TEST(IpAddressTest, SameNetwork) {
    struct Case {
        const char *a;
        const char *b;
        const char *mask;
        bool expected;
    };
    const Case cases[] = {
        {"10.1.2.3", "10.1.0.0", "255.255.0.0", true},
        {"10.2.2.3", "10.1.0.0", "255.255.0.0", false},
        {"10.1.2.3", "10.1.2.3", "255.255.255.255", true},
        {"1.2.3.4", "9.9.9.9", "0.0.0.0", true},
        {"10.1.2.3", "10.1.2.4", "255.255.255.255", false},
        {"2001:db8::5", "2001:db8::", "ffff:ffff::", true},
        {"2001:db9::5", "2001:db8::", "ffff:ffff::", false},
        {"10.1.2.3", "::", "::", false}, // families differ
        {"10.1.2.3", "10.1.2.3", "::", false},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(IpAddress::Parse(c.a)->SameNetwork(*IpAddress::Parse(c.b), *IpAddress::Parse(c.mask)), c.expected)
            << c.a << " " << c.b << " " << c.mask;
    }
}

TEST(InterfaceAddressesTest, ListsLoopback) {
    auto interfaces = ReadInterfaceAddresses();
    bool loopback = false;
    for (const auto &interface : interfaces) {
        EXPECT_EQ(interface.address.family, interface.netmask.family);
        if (interface.address.ToString() == "127.0.0.1") {
            loopback = true;
            EXPECT_EQ(interface.netmask.ToString(), "255.0.0.0");
        }
    }
    EXPECT_TRUE(loopback) << "127.0.0.1 not among " << interfaces.size() << " interface addresses";
}

} // namespace
} // namespace duckgres::auth
