// StartupLimiter: bounds the connections that have not finished authentication, in all and per client address.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace duckgres::session {

//! The limits (max_startup_connections, max_startup_connections_per_address); 0 means none.
struct StartupLimits {
    int max_total = 200;
    int per_address = 50;
};

//! Whether a new connection may start, or which limit it is over.
enum class StartupAdmission : uint8_t { Admitted, OverTotal, OverAddress };

//! Thread-safe: the accept loop enters, sessions on every I/O thread leave (through StartupSlot).
class StartupLimiter {
public:
    explicit StartupLimiter(StartupLimits limits) : limits_(limits) {}

    //! Counts a new connection from `address` unless that breaks a limit. Every Admitted must be matched by one
    //! Leave().
    StartupAdmission TryEnter(const std::string &address);
    void Leave(const std::string &address);
    //! Connections counted now, in all and from `address`.
    int Count();
    int Count(const std::string &address);

private:
    StartupLimits limits_;
    std::mutex mutex_;
    int total_ = 0;
    std::map<std::string, int> addresses_;
};

//! One admitted connection's place in a StartupLimiter, given back by Release() or at destruction. Move-only;
//! a default-constructed slot holds nothing.
class StartupSlot {
public:
    StartupSlot() = default;
    StartupSlot(StartupLimiter &limiter, std::string address) : limiter_(&limiter), address_(std::move(address)) {}
    StartupSlot(StartupSlot &&other) noexcept
        : limiter_(std::exchange(other.limiter_, nullptr)), address_(std::move(other.address_)) {}
    StartupSlot &operator=(StartupSlot &&other) noexcept {
        if (this != &other) {
            Release();
            limiter_ = std::exchange(other.limiter_, nullptr);
            address_ = std::move(other.address_);
        }
        return *this;
    }
    StartupSlot(const StartupSlot &) = delete;
    StartupSlot &operator=(const StartupSlot &) = delete;
    ~StartupSlot() { Release(); }

    void Release() {
        if (limiter_) {
            std::exchange(limiter_, nullptr)->Leave(address_);
        }
    }

private:
    StartupLimiter *limiter_ = nullptr;
    std::string address_;
};

} // namespace duckgres::session
