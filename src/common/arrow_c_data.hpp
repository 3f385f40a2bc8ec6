// The Arrow C data and stream interfaces (an ABI fixed by the Arrow specification) and an owner for one array.
#pragma once

#include <cstdint>
#include <utility>

// The specification asks every definition of these structs to sit behind these guards, so that
// headers from different projects can be included together.
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
    const char *format;
    const char *name;
    const char *metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema **children;
    struct ArrowSchema *dictionary;
    void (*release)(struct ArrowSchema *);
    void *private_data;
};

struct ArrowArray {
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void **buffers;
    struct ArrowArray **children;
    struct ArrowArray *dictionary;
    void (*release)(struct ArrowArray *);
    void *private_data;
};

#endif // ARROW_C_DATA_INTERFACE

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
    int (*get_schema)(struct ArrowArrayStream *, struct ArrowSchema *out);
    int (*get_next)(struct ArrowArrayStream *, struct ArrowArray *out);
    const char *(*get_last_error)(struct ArrowArrayStream *);
    void (*release)(struct ArrowArrayStream *);
    void *private_data;
};

#endif // ARROW_C_STREAM_INTERFACE

namespace duckgres {

//! Owns one exported ArrowArray until it is released or handed over with Release().
class ArrowArrayHandle {
public:
    ArrowArrayHandle() = default;
    explicit ArrowArrayHandle(ArrowArray array) : array_(array) {}
    ArrowArrayHandle(const ArrowArrayHandle &) = delete;
    ArrowArrayHandle &operator=(const ArrowArrayHandle &) = delete;
    ArrowArrayHandle(ArrowArrayHandle &&other) noexcept : array_(std::exchange(other.array_, ArrowArray{})) {}
    ArrowArrayHandle &operator=(ArrowArrayHandle &&other) noexcept {
        if (this != &other) {
            Reset();
            array_ = std::exchange(other.array_, ArrowArray{});
        }
        return *this;
    }
    ~ArrowArrayHandle() { Reset(); }

    void Reset() {
        if (array_.release) {
            array_.release(&array_);
        }
        array_ = ArrowArray{};
    }
    const ArrowArray &Get() const { return array_; }
    //! Gives up ownership: the receiver calls the array's release callback.
    ArrowArray Release() { return std::exchange(array_, ArrowArray{}); }
    explicit operator bool() const { return array_.release != nullptr; }

private:
    ArrowArray array_{};
};

} // namespace duckgres
