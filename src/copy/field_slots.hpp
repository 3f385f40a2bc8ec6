// FieldSlots: fills a row of optional strings in place, keeping each string's memory between rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace duckgres::copy {

//! Rewrites `fields` one field at a time; strings of earlier rows are cleared and reused, so a COPY of
//! many rows does not allocate per field. The row holds exactly the fields written once the slots go away.
class FieldSlots {
public:
    explicit FieldSlots(std::vector<std::optional<std::string>> &fields) : fields_(fields) {}
    ~FieldSlots() { fields_.resize(count_); }
    FieldSlots(const FieldSlots &) = delete;
    FieldSlots &operator=(const FieldSlots &) = delete;

    //! The next field, empty and not NULL.
    std::string &Next() {
        if (count_ == fields_.size()) {
            fields_.emplace_back();
        }
        auto &slot = fields_[count_++];
        if (slot) {
            slot->clear();
        } else {
            slot.emplace();
        }
        return *slot;
    }
    //! Turns the field Next() gave last into NULL.
    void NullLast() { fields_[count_ - 1].reset(); }

private:
    std::vector<std::optional<std::string>> &fields_;
    size_t count_ = 0;
};

} // namespace duckgres::copy
