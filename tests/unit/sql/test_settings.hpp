// TestSettings: a sql::SettingSource over a map of values, for the rewriter's tests.
#pragma once

#include "common/ascii.hpp"
#include "sql/setting_source.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace duckgres::sql {

//! Parameters are the map's keys (lower case) and any name with a dot; `read_only` ones cannot be changed. A
//! change shows the value in upper case (a normalization the tests can tell from the value given).
class TestSettings : public SettingSource {
public:
    explicit TestSettings(std::map<std::string, std::string> values, std::set<std::string> read_only = {})
        : values_(std::move(values)), read_only_(std::move(read_only)) {}

    std::optional<std::string> Get(const std::string &name) const override {
        auto found = values_.find(AsciiLower(name));
        return found == values_.end() ? std::nullopt : std::optional<std::string>(found->second);
    }

    std::unique_ptr<SettingDraft> Draft() const override { return std::make_unique<TestDraft>(*this); }

private:
    class TestDraft : public SettingDraft {
    public:
        explicit TestDraft(const TestSettings &settings) : values_(settings.values_), read_only_(settings.read_only_) {}
        std::optional<std::string> Apply(const SettingChange &change) override {
            auto key = AsciiLower(change.name);
            if (failed_ || read_only_.count(key) || (!values_.count(key) && key.find('.') == std::string::npos)) {
                failed_ = true;
                return std::nullopt;
            }
            auto shown = change.value;
            std::transform(shown.begin(), shown.end(), shown.begin(), [](unsigned char c) { return std::toupper(c); });
            return values_[key] = shown;
        }

    private:
        std::map<std::string, std::string> values_;
        const std::set<std::string> &read_only_;
        bool failed_ = false;
    };

    std::map<std::string, std::string> values_;
    std::set<std::string> read_only_;
};

} // namespace duckgres::sql
