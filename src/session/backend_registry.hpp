// BackendRegistry: live sessions by backend process id, for CancelRequest and shutdown.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace duckgres::session {

//! What the registry can ask of a live session; implemented by Session.
class BackendHandle {
public:
    virtual ~BackendHandle() = default;
    //! Interrupts the running statement, if any (thread-safe).
    virtual void CancelStatement() = 0;
    //! Ends the session: at once when idle, after the running statement otherwise, or by
    //! interrupting it when `interrupt_running` (thread-safe).
    virtual void Terminate(bool interrupt_running) = 0;
};

class BackendRegistry {
public:
    //! Registers a session and returns its (process id, secret key).
    std::pair<int32_t, int32_t> Register(std::weak_ptr<BackendHandle> backend);
    void Unregister(int32_t process_id);
    //! Cancels the statement of `process_id` when `secret_key` matches (compared in constant
    //! time); a wrong key is ignored. Returns whether a cancel was issued.
    bool Cancel(int32_t process_id, int32_t secret_key);
    std::vector<std::shared_ptr<BackendHandle>> All();
    size_t Count();

private:
    struct Entry {
        int32_t secret_key;
        std::weak_ptr<BackendHandle> backend;
    };
    std::mutex mutex_;
    std::map<int32_t, Entry> backends_;
    int32_t next_process_id_ = 0;
};

} // namespace duckgres::session
