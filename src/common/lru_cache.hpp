// LruCache: a bounded map from strings to shared values; the least recently used entry goes first.
#pragma once

#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

namespace duckgres {

template <class Value>
class LruCache {
public:
    explicit LruCache(size_t capacity) : capacity_(capacity) {}

    //! The value of `key` (now the most recently used), or null.
    std::shared_ptr<Value> Find(const std::string &key) {
        auto found = index_.find(key);
        if (found == index_.end()) {
            return nullptr;
        }
        entries_.splice(entries_.begin(), entries_, found->second);
        return found->second->second;
    }

    //! Sets `key` to `value`, dropping the least recently used entry beyond the capacity.
    void Insert(const std::string &key, std::shared_ptr<Value> value) {
        if (auto found = index_.find(key); found != index_.end()) {
            entries_.erase(found->second);
            index_.erase(found);
        }
        if (capacity_ == 0) {
            return;
        }
        entries_.emplace_front(key, std::move(value));
        index_[key] = entries_.begin();
        if (entries_.size() > capacity_) {
            index_.erase(entries_.back().first);
            entries_.pop_back();
        }
    }

    void Clear() {
        entries_.clear();
        index_.clear();
    }

    size_t Size() const { return entries_.size(); }

private:
    using Entry = std::pair<std::string, std::shared_ptr<Value>>;
    size_t capacity_;
    std::list<Entry> entries_; //!< most recently used first
    std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

} // namespace duckgres
