// WorkerPool: threads for blocking DuckDB calls, awaited from I/O coroutines.
#pragma once

#include "session/worker_token.hpp"

#include <asio/associated_executor.hpp>
#include <asio/async_result.hpp>
#include <asio/awaitable.hpp>
#include <asio/post.hpp>
#include <asio/use_awaitable.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace duckgres::session {

//! Blocking work is handed to this pool so that I/O threads never wait on DuckDB.
//! The most recently idle thread takes the next task: with a few statements at a time, the same warm threads (their
//! caches, DuckDB's per-thread state) do all the work and the others sleep.
class WorkerPool {
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    //! Runs `fn` on a worker thread; the awaiting coroutine resumes on its own executor with
    //! the result, or with the exception `fn` threw. `fn` takes the worker's `const WorkerToken &` (or nothing, for
    //! work that calls no blocking method).
    //! GCC 12 destroys some temporaries of a co_await expression twice, so callers pass
    //! lambdas that capture only references or pointers, and no temporary here owns memory.
    template <class Fn>
    auto Run(Fn fn) -> asio::awaitable<
        typename std::conditional_t<std::is_invocable_v<Fn &, const WorkerToken &>,
                                    std::invoke_result<Fn &, const WorkerToken &>, std::invoke_result<Fn &>>::type> {
        constexpr bool kTakesToken = std::is_invocable_v<Fn &, const WorkerToken &>;
        using R = typename std::conditional_t<kTakesToken, std::invoke_result<Fn &, const WorkerToken &>,
                                              std::invoke_result<Fn &>>::type;
        using Stored = std::conditional_t<std::is_void_v<R>, std::monostate, R>;
        std::optional<Stored> result;
        std::exception_ptr error;
        Fn *work = &fn;
        std::optional<Stored> *result_slot = &result;
        std::exception_ptr *error_slot = &error;
        co_await asio::async_initiate<const asio::use_awaitable_t<>, void()>(
            [this, work, result_slot, error_slot](auto handler) {
                using Handler = decltype(handler);
                auto owned = std::make_shared<Handler>(std::move(handler));
                Submit([owned, work, result_slot, error_slot]() {
                    try {
                        const WorkerToken token;
                        auto call = [&]() -> R {
                            if constexpr (kTakesToken) {
                                return (*work)(token);
                            } else {
                                return (*work)();
                            }
                        };
                        if constexpr (std::is_void_v<R>) {
                            call();
                            result_slot->emplace();
                        } else {
                            result_slot->emplace(call());
                        }
                    } catch (...) {
                        *error_slot = std::current_exception();
                    }
                    auto executor = asio::get_associated_executor(*owned);
                    asio::post(executor, [owned]() { (*owned)(); });
                });
            },
            asio::use_awaitable);
        if (error) {
            std::rethrow_exception(error);
        }
        if constexpr (!std::is_void_v<R>) {
            co_return std::move(*result);
        }
    }

    //! Runs the tasks already submitted, then ends the threads.
    void Join();
    //! Threads waiting for work now.
    size_t IdleWorkers();

private:
    struct Worker {
        std::condition_variable wake;
        std::function<void()> task;
    };

    void Submit(std::function<void()> task);
    void Loop(Worker &worker);

    std::mutex mutex_;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::vector<Worker *> idle_;              //!< most recently idle last
    std::deque<std::function<void()>> queue_; //!< tasks waiting for a thread
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace duckgres::session
