// WorkerPool: threads for blocking DuckDB calls, awaited from I/O coroutines.
#pragma once

#include <asio/awaitable.hpp>
#include <asio/co_spawn.hpp>
#include <asio/thread_pool.hpp>
#include <asio/use_awaitable.hpp>

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace duckgres::session {

//! Blocking work is handed to this pool so that I/O threads never wait on DuckDB.
class WorkerPool {
public:
    explicit WorkerPool(int threads) : pool_(threads) {}

    //! Runs `fn` on a worker thread; the awaiting coroutine resumes on its own executor with
    //! the result, or with the exception `fn` threw.
    //! GCC 12 destroys some temporaries of a co_await expression twice, so callers pass
    //! lambdas that capture only references or pointers, and no temporary here owns memory.
    template <class Fn>
    auto Run(Fn fn) -> asio::awaitable<std::invoke_result_t<Fn>> {
        using R = std::invoke_result_t<Fn>;
        Fn *work = &fn;
        co_return co_await asio::co_spawn(
            pool_.get_executor(), [work]() -> asio::awaitable<R> { co_return (*work)(); }, asio::use_awaitable);
    }

    void Join() { pool_.join(); }
    void Stop() { pool_.stop(); }

private:
    asio::thread_pool pool_;
};

} // namespace duckgres::session
