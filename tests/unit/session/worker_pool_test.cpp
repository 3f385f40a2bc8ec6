// WorkerPool: results and exceptions reach the awaiting coroutine, work runs off the I/O thread, idle threads are
// reused most recent first, and tasks beyond the threads wait their turn.
#include "session/worker_pool.hpp"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

namespace duckgres::session {
namespace {

TEST(WorkerPool, ReturnsResultsAndExceptionsOnTheCallersThread) {
    WorkerPool pool(4);
    asio::io_context io;
    const auto io_thread = std::this_thread::get_id();
    int value = 0;
    std::string error;
    bool resumed_on_io = false;
    bool ran_elsewhere = false;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            value = co_await pool.Run([&]() {
                ran_elsewhere = std::this_thread::get_id() != io_thread;
                return 42;
            });
            co_await pool.Run([]() {});
            try {
                co_await pool.Run([]() -> int { throw std::runtime_error("failed on a worker"); });
            } catch (const std::runtime_error &e) {
                error = e.what();
            }
            resumed_on_io = std::this_thread::get_id() == io_thread;
        },
        asio::detached);
    io.run();
    EXPECT_EQ(value, 42);
    EXPECT_TRUE(ran_elsewhere);
    EXPECT_EQ(error, "failed on a worker");
    EXPECT_TRUE(resumed_on_io);
}

//! Blocking work takes the worker's token (only the pool makes one); the I/O thread is known not to be a worker's.
int BlockingWork(const WorkerToken &) {
    return WorkerToken::OnWorkerThread() ? 7 : -1;
}

TEST(WorkerPool, HandsWorkTheWorkersToken) {
    WorkerPool pool(2);
    asio::io_context io;
    int value = 0;
    bool io_thread_is_worker = true;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            value = co_await pool.Run([&](const WorkerToken &token) { return BlockingWork(token); });
            io_thread_is_worker = WorkerToken::OnWorkerThread();
        },
        asio::detached);
    io.run();
    EXPECT_EQ(value, 7);
    EXPECT_FALSE(io_thread_is_worker);
}

TEST(WorkerPool, OneAtATimeRunsOnOneWarmThread) {
    WorkerPool pool(8);
    asio::io_context io;
    std::set<std::thread::id> threads;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            for (int i = 0; i < 50; i++) {
                while (pool.IdleWorkers() < 8) { // the last task's thread is back in the idle list
                    std::this_thread::yield();
                }
                co_await pool.Run([&]() { threads.insert(std::this_thread::get_id()); });
            }
        },
        asio::detached);
    io.run();
    // Sequential tasks: the thread that just finished is the most recently idle and takes the next one.
    EXPECT_EQ(threads.size(), 1u);
}

TEST(WorkerPool, MoreTasksThanThreadsAllComplete) {
    std::atomic<int> done = 0;
    {
        WorkerPool pool(2);
        asio::io_context io;
        for (int i = 0; i < 6; i++) {
            asio::co_spawn(
                io,
                [&]() -> asio::awaitable<void> {
                    co_await pool.Run([&]() {
                        std::this_thread::sleep_for(std::chrono::milliseconds(20));
                        done++;
                    });
                },
                asio::detached);
        }
        io.run();
        EXPECT_EQ(done.load(), 6);
        pool.Join();
        pool.Join(); // twice is harmless
    }
    EXPECT_EQ(done.load(), 6);
}

} // namespace
} // namespace duckgres::session
