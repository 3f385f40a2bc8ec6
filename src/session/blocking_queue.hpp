// BlockingQueue: a bounded hand-off between two worker threads (COPY FROM parsing and appending).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace duckgres::session {

//! A bounded FIFO for worker threads only (its calls block): the producer waits while it is full,
//! the consumer while it is empty. The producer ends it with Finish() (the consumer drains what is
//! left) or Abort() (the consumer stops at once); the consumer can Abort() to stop the producer.
template <class T>
class BlockingQueue {
public:
    explicit BlockingQueue(size_t capacity) : capacity_(capacity) {}

    //! False when the queue was aborted (the item is dropped).
    bool Push(T item) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return aborted_ || items_.size() < capacity_; });
        if (aborted_) {
            return false;
        }
        items_.push_back(std::move(item));
        changed_.notify_all();
        return true;
    }

    //! The next item; nullopt once finished and drained, or aborted.
    std::optional<T> Pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return aborted_ || finished_ || !items_.empty(); });
        return TakeFront();
    }

    //! The next item if one is waiting (never blocks).
    std::optional<T> TryPop() {
        std::lock_guard lock(mutex_);
        return TakeFront();
    }

    void Finish() { Set(finished_); }
    void Abort() { Set(aborted_); }

    //! True when the queue ended with Finish() and was not aborted.
    bool Finished() const {
        std::lock_guard lock(mutex_);
        return finished_ && !aborted_;
    }

private:
    //! The first item, if any and not aborted; the mutex is held.
    std::optional<T> TakeFront() {
        if (aborted_ || items_.empty()) {
            return std::nullopt;
        }
        std::optional<T> item(std::move(items_.front()));
        items_.pop_front();
        changed_.notify_all();
        return item;
    }

    void Set(bool &flag) {
        std::lock_guard lock(mutex_);
        flag = true;
        changed_.notify_all();
    }

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<T> items_;
    size_t capacity_;
    bool finished_ = false;
    bool aborted_ = false;
};

} // namespace duckgres::session
