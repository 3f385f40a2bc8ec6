// StatementGate: admission control, a limit on the statements running at once on one database.
#pragma once

#include <asio/post.hpp>
#include <asio/steady_timer.hpp>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace duckgres::session {

//! Lets `limit` statements run at once; the others wait in arrival order. Thread-safe.
class StatementGate {
public:
    //! One statement waiting for its turn; `timer` (on the waiting session's I/O thread) is canceled to wake it.
    struct Waiter {
        std::shared_ptr<asio::steady_timer> timer;
        bool granted = false; //!< guarded by the gate's mutex
    };

    explicit StatementGate(int limit) : limit_(limit) {}

    //! Takes a turn at once when one is free and nobody waits; otherwise queues `waiter` and returns false.
    bool TryEnter(const std::shared_ptr<Waiter> &waiter) {
        std::lock_guard lock(mutex_);
        if (running_ < limit_ && queue_.empty()) {
            running_++;
            return true;
        }
        queue_.push_back(waiter);
        return false;
    }
    //! Takes a turn when one is free and nobody waits; never queues (NOWAIT).
    bool TryEnterNow() {
        std::lock_guard lock(mutex_);
        if (running_ < limit_ && queue_.empty()) {
            running_++;
            return true;
        }
        return false;
    }
    //! A write lock's holder that gave up waiting committed writes without it (Session::TakeWriteLock): a
    //! transaction holding the lock meanwhile may have seen data change under it.
    void NoteBypass() { bypasses_.fetch_add(1, std::memory_order_relaxed); }
    uint64_t Bypasses() const { return bypasses_.load(std::memory_order_relaxed); }
    //! Whether a queued waiter has been given its turn.
    bool Granted(const std::shared_ptr<Waiter> &waiter) {
        std::lock_guard lock(mutex_);
        return waiter->granted;
    }
    //! Gives up a queued waiter's place (a canceled statement), or its turn when it was granted meanwhile.
    void Withdraw(const std::shared_ptr<Waiter> &waiter) {
        std::unique_lock lock(mutex_);
        if (!waiter->granted) {
            std::erase(queue_, waiter);
            return;
        }
        lock.unlock();
        Leave();
    }
    //! Ends a turn: hands it to the first waiter, if any.
    void Leave() {
        std::lock_guard lock(mutex_);
        if (queue_.empty()) {
            running_--;
            return;
        }
        auto next = queue_.front();
        queue_.pop_front();
        next->granted = true;
        asio::post(next->timer->get_executor(), [next]() { next->timer->cancel(); });
    }

private:
    const int limit_;
    std::mutex mutex_;
    int running_ = 0;
    std::deque<std::shared_ptr<Waiter>> queue_;
    std::atomic<uint64_t> bypasses_{0};
};

//! The gate of each database, made on first use; null for databases without a limit.
class StatementGates {
public:
    //! `limit_for(database)`: the limit of a database, 0 or less for none.
    explicit StatementGates(std::function<int(const std::string &)> limit_for) : limit_for_(std::move(limit_for)) {}

    std::shared_ptr<StatementGate> For(const std::string &database) {
        std::lock_guard lock(mutex_);
        auto found = gates_.find(database);
        if (found == gates_.end()) {
            int limit = limit_for_(database);
            found = gates_.emplace(database, limit > 0 ? std::make_shared<StatementGate>(limit) : nullptr).first;
        }
        return found->second;
    }

private:
    std::function<int(const std::string &)> limit_for_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<StatementGate>> gates_;
};

} // namespace duckgres::session
