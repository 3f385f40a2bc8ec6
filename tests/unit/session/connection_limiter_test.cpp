// Connection limits: which request is refused with which message, in the order PostgreSQL checks.
#include "session/connection_limiter.hpp"

#include <gtest/gtest.h>

using namespace duckgres;
using namespace duckgres::session;

namespace {

struct Step {
    const char *user;
    const char *database;
    const char *address;
    bool superuser;
    const char *refusal; //!< "" when admitted
};

ConnectionLimits TestLimits() {
    ConnectionLimits limits;
    limits.max_connections = 6;
    limits.superuser_reserved_connections = 2;
    limits.per_address = 2;
    limits.per_user = {{"capped", 1}, {"free", -1}};
    limits.per_database = {{"small", 2}};
    return limits;
}

TEST(ConnectionLimiterTest, RefusesInPostgresOrder) {
    const Step steps[] = {
        {"capped", "postgres", "10.0.0.1", false, ""},
        {"capped", "postgres", "10.0.0.1", false, "too many connections for role \"capped\""},
        {"free", "small", "10.0.0.1", false, ""},
        {"free", "small", "10.0.0.2", false, ""},
        {"free", "small", "10.0.0.2", false, "too many connections for database \"small\""},
        {"free", "postgres", "10.0.0.1", false, "too many connections from address \"10.0.0.1\""},
        {"free", "postgres", "10.0.0.3", false, ""},
        // Four sessions: the last two slots are for superusers.
        {"free", "postgres", "10.0.0.3", false,
         "remaining connection slots are reserved for non-replication superuser connections"},
        {"admin", "postgres", "10.0.0.3", true, ""},
        {"admin", "postgres", "10.0.0.4", true, ""},
        {"admin", "postgres", "10.0.0.4", true, "sorry, too many clients already"},
    };
    ConnectionLimiter limiter(TestLimits());
    int admitted = 0;
    for (const auto &step : steps) {
        auto refusal = limiter.Admit({step.user, step.database, step.address, step.superuser});
        if (*step.refusal) {
            ASSERT_TRUE(refusal) << step.refusal;
            EXPECT_EQ(refusal->sqlstate, "53300");
            EXPECT_EQ(refusal->severity, "FATAL");
            EXPECT_STREQ(refusal->what(), step.refusal);
        } else {
            EXPECT_FALSE(refusal) << refusal->what();
            admitted++;
        }
        EXPECT_EQ(limiter.Count(), admitted);
    }
}

TEST(ConnectionLimiterTest, ReleaseFreesEverySlot) {
    ConnectionLimiter limiter(TestLimits());
    ConnectionRequest capped{"capped", "small", "10.0.0.9", false};
    ASSERT_FALSE(limiter.Admit(capped));
    ASSERT_TRUE(limiter.Admit(capped));
    limiter.Release(capped);
    EXPECT_EQ(limiter.Count(), 0);
    EXPECT_FALSE(limiter.Admit(capped));
}

TEST(ConnectionLimiterTest, QueueIsBounded) {
    auto limits = TestLimits();
    limits.queue_size = 2;
    ConnectionLimiter limiter(limits);
    EXPECT_TRUE(limiter.EnterQueue());
    EXPECT_TRUE(limiter.EnterQueue());
    EXPECT_FALSE(limiter.EnterQueue());
    limiter.LeaveQueue();
    EXPECT_TRUE(limiter.EnterQueue());
}

} // namespace
