// WorkerPool: a fixed set of threads, the most recently idle one woken first.
#include "session/worker_pool.hpp"

#include <cassert>

namespace duckgres::session {

namespace {

//! Set on the threads of every WorkerPool.
thread_local bool on_worker_thread = false;

} // namespace

bool WorkerToken::OnWorkerThread() {
    return on_worker_thread;
}

WorkerToken::WorkerToken() {
    assert(on_worker_thread && "a WorkerToken is made on a worker thread only");
}

WorkerPool::WorkerPool(int threads) {
    for (int i = 0; i < threads; i++) {
        workers_.push_back(std::make_unique<Worker>());
    }
    for (auto &worker : workers_) {
        threads_.emplace_back([this, &worker = *worker]() { Loop(worker); });
    }
}

WorkerPool::~WorkerPool() {
    Join();
}

void WorkerPool::Submit(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    if (idle_.empty()) {
        queue_.push_back(std::move(task));
        return;
    }
    Worker *worker = idle_.back();
    idle_.pop_back();
    worker->task = std::move(task);
    lock.unlock();
    worker->wake.notify_one();
}

void WorkerPool::Loop(Worker &worker) {
    on_worker_thread = true;
    std::unique_lock lock(mutex_);
    while (true) {
        if (!worker.task && !queue_.empty()) {
            worker.task = std::move(queue_.front());
            queue_.pop_front();
        }
        if (worker.task) {
            auto task = std::move(worker.task);
            worker.task = nullptr;
            lock.unlock();
            task();
            task = nullptr; // what it holds goes before the thread looks for more work
            lock.lock();
            continue;
        }
        if (stopping_) {
            return;
        }
        idle_.push_back(&worker);
        worker.wake.wait(lock, [&]() { return worker.task || stopping_; });
        if (!worker.task) {
            // Woken to stop: leave the idle list (other threads may still take queued tasks).
            std::erase(idle_, &worker);
        }
    }
}

size_t WorkerPool::IdleWorkers() {
    std::lock_guard lock(mutex_);
    return idle_.size();
}

void WorkerPool::Join() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
    }
    for (auto &worker : workers_) {
        worker->wake.notify_all();
    }
    for (auto &thread : threads_) {
        thread.join();
    }
}

} // namespace duckgres::session
