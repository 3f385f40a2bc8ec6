// WorkerToken: proof that code runs on a worker thread, which the session's blocking calls require.
#pragma once

namespace duckgres::session {

//! Only WorkerPool::Run makes one, for the work it runs on a worker thread; the session's blocking methods (every
//! call into DuckDB) take it by reference, so they cannot be called from an I/O thread by mistake: such a call does
//! not compile. Debug builds also assert the thread.
class WorkerToken {
public:
    WorkerToken(const WorkerToken &) = delete;
    WorkerToken &operator=(const WorkerToken &) = delete;

    //! Whether the calling thread is a WorkerPool's.
    static bool OnWorkerThread();

private:
    friend class WorkerPool;
    WorkerToken();
};

} // namespace duckgres::session
