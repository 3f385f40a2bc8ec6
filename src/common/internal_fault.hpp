// InternalFault and DG_ASSERT: a broken invariant inside Duckgres, carrying the stack where it was found.
#pragma once

#include <cxxabi.h>
#include <execinfo.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

namespace duckgres {

//! The calling thread's stack, one frame a line, with demangled names where the binary exports them.
inline std::string CurrentStackTrace(int skip_frames = 1) {
    constexpr int kMaxFrames = 64;
    void *frames[kMaxFrames];
    int count = backtrace(frames, kMaxFrames);
    std::unique_ptr<char *, decltype(&std::free)> symbols(backtrace_symbols(frames, count), &std::free);
    std::string trace;
    for (int i = skip_frames; i < count && symbols; i++) {
        std::string line = symbols.get()[i];
        // "binary(mangled+0x12) [0x...]": demangle the part between '(' and '+'.
        auto open = line.find('(');
        auto plus = line.find('+', open);
        if (open != std::string::npos && plus != std::string::npos && plus > open + 1) {
            int status = 0;
            std::unique_ptr<char, decltype(&std::free)> name(
                abi::__cxa_demangle(line.substr(open + 1, plus - open - 1).c_str(), nullptr, nullptr, &status),
                &std::free);
            if (status == 0 && name) {
                line = line.substr(0, open + 1) + name.get() + line.substr(plus);
            }
        }
        trace += "  #" + std::to_string(i - skip_frames) + " " + line + "\n";
    }
    return trace;
}

//! Thrown when Duckgres finds its own state broken: the session it happens in ends (FATAL XX000), the
//! server and other sessions go on. Never used for bad input, which gets an SqlError.
class InternalFault : public std::logic_error {
public:
    //! `what` reaches the client; `location` (source file and line) only the server's log.
    explicit InternalFault(const std::string &what, std::string location = "")
        : std::logic_error(what), location_(std::move(location)), trace_(CurrentStackTrace(2)) {}
    const std::string &Location() const { return location_; }
    const std::string &Trace() const { return trace_; }

private:
    std::string location_;
    std::string trace_;
};

} // namespace duckgres

//! Checks an invariant in every build; a failure throws InternalFault (never aborts the server).
#define DG_ASSERT(condition)                                                                                           \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            throw ::duckgres::InternalFault("assertion failed: " #condition,                                           \
                                            std::string(__FILE__) + ":" + std::to_string(__LINE__));                   \
        }                                                                                                              \
    } while (0)
