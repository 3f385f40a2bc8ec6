// Assigns backend keys and finds sessions for cancel and shutdown requests.
#include "session/backend_registry.hpp"

#include "auth/crypto.hpp"

#include <cstring>

namespace duckgres::session {

std::pair<int32_t, int32_t> BackendRegistry::Register(std::weak_ptr<BackendHandle> backend) {
    auto random = auth::RandomBytes(8);
    int32_t secret = 0;
    int32_t start = 0;
    std::memcpy(&secret, random.data(), 4);
    std::memcpy(&start, random.data() + 4, 4);
    std::lock_guard lock(mutex_);
    if (next_process_id_ == 0) {
        // Start somewhere unpredictable in the range PostgreSQL pids occupy.
        next_process_id_ = 1000 + static_cast<int32_t>(static_cast<uint32_t>(start) % 100000);
    }
    int32_t pid = next_process_id_;
    while (backends_.count(pid)) {
        pid = pid == INT32_MAX ? 1000 : pid + 1;
    }
    next_process_id_ = pid == INT32_MAX ? 1000 : pid + 1;
    backends_[pid] = Entry{secret, std::move(backend)};
    return {pid, secret};
}

void BackendRegistry::Unregister(int32_t process_id) {
    std::lock_guard lock(mutex_);
    backends_.erase(process_id);
}

bool BackendRegistry::Cancel(int32_t process_id, int32_t secret_key) {
    std::shared_ptr<BackendHandle> backend;
    {
        std::lock_guard lock(mutex_);
        auto it = backends_.find(process_id);
        if (it == backends_.end()) {
            return false;
        }
        std::string_view expected(reinterpret_cast<const char *>(&it->second.secret_key), 4);
        std::string_view given(reinterpret_cast<const char *>(&secret_key), 4);
        if (!auth::ConstantTimeEquals(expected, given)) {
            return false;
        }
        backend = it->second.backend.lock();
    }
    if (!backend) {
        return false;
    }
    backend->CancelStatement();
    return true;
}

std::vector<std::shared_ptr<BackendHandle>> BackendRegistry::All() {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<BackendHandle>> all;
    for (auto &[pid, entry] : backends_) {
        if (auto backend = entry.backend.lock()) {
            all.push_back(std::move(backend));
        }
    }
    return all;
}

size_t BackendRegistry::Count() {
    std::lock_guard lock(mutex_);
    return backends_.size();
}

} // namespace duckgres::session
