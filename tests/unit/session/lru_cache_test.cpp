// LruCache: remembers values by key, forgets the least recently used beyond its capacity.
#include "common/lru_cache.hpp"

#include <gtest/gtest.h>

namespace duckgres {
namespace {

TEST(LruCache, ForgetsTheLeastRecentlyUsed) {
    LruCache<const int> cache(2);
    EXPECT_EQ(cache.Find("a"), nullptr);
    cache.Insert("a", std::make_shared<const int>(1));
    cache.Insert("b", std::make_shared<const int>(2));
    ASSERT_NE(cache.Find("a"), nullptr); // a is now the most recently used
    cache.Insert("c", std::make_shared<const int>(3));
    EXPECT_EQ(cache.Size(), 2u);
    EXPECT_EQ(cache.Find("b"), nullptr);
    EXPECT_EQ(*cache.Find("a"), 1);
    EXPECT_EQ(*cache.Find("c"), 3);
}

TEST(LruCache, ReplacesAndClears) {
    LruCache<const int> cache(2);
    cache.Insert("a", std::make_shared<const int>(1));
    cache.Insert("a", std::make_shared<const int>(5));
    EXPECT_EQ(cache.Size(), 1u);
    EXPECT_EQ(*cache.Find("a"), 5);
    cache.Clear();
    EXPECT_EQ(cache.Size(), 0u);
    EXPECT_EQ(cache.Find("a"), nullptr);
}

TEST(LruCache, ZeroCapacityKeepsNothing) {
    LruCache<const int> cache(0);
    cache.Insert("a", std::make_shared<const int>(1));
    EXPECT_EQ(cache.Find("a"), nullptr);
}

} // namespace
} // namespace duckgres
