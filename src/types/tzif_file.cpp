// Reads the header, transitions, local time types and footer of a TZif file.
#include "types/tzif_file.hpp"

namespace duckgres::types {

namespace {

struct TzifCounts {
    uint32_t isut = 0;
    uint32_t isstd = 0;
    uint32_t leap = 0;
    uint32_t time = 0;
    uint32_t type = 0;
    uint32_t chars = 0;
};

//! Big-endian reads over a byte range; any out-of-bounds read marks the reader failed.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

    bool Ok() const { return ok_; }
    size_t Position() const { return pos_; }
    std::string_view Rest() const { return ok_ ? bytes_.substr(pos_) : std::string_view(); }

    uint64_t ReadBigEndian(size_t width) {
        if (!ok_ || bytes_.size() - pos_ < width) {
            ok_ = false;
            return 0;
        }
        uint64_t value = 0;
        for (size_t i = 0; i < width; i++) {
            value = (value << 8) | static_cast<uint8_t>(bytes_[pos_ + i]);
        }
        pos_ += width;
        return value;
    }
    void Skip(uint64_t n) {
        if (!ok_ || bytes_.size() - pos_ < n) {
            ok_ = false;
            return;
        }
        pos_ += n;
    }

private:
    std::string_view bytes_;
    size_t pos_ = 0;
    bool ok_ = true;
};

bool ReadHeader(ByteReader &reader, char &version, TzifCounts &counts) {
    if (reader.Rest().substr(0, 4) != "TZif") {
        return false;
    }
    reader.Skip(4);
    version = static_cast<char>(reader.ReadBigEndian(1));
    reader.Skip(15);
    counts.isut = static_cast<uint32_t>(reader.ReadBigEndian(4));
    counts.isstd = static_cast<uint32_t>(reader.ReadBigEndian(4));
    counts.leap = static_cast<uint32_t>(reader.ReadBigEndian(4));
    counts.time = static_cast<uint32_t>(reader.ReadBigEndian(4));
    counts.type = static_cast<uint32_t>(reader.ReadBigEndian(4));
    counts.chars = static_cast<uint32_t>(reader.ReadBigEndian(4));
    return reader.Ok() && counts.type > 0;
}

uint64_t DataBlockSize(const TzifCounts &c, uint64_t time_size) {
    return c.time * time_size + c.time + c.type * 6ULL + c.chars + c.leap * (time_size + 4) + c.isstd + c.isut;
}

bool ReadDataBlock(ByteReader &reader, const TzifCounts &counts, size_t time_size, TzifData &data) {
    data.transition_times.resize(counts.time);
    for (auto &time : data.transition_times) {
        const uint64_t raw = reader.ReadBigEndian(time_size);
        time = time_size == 8 ? static_cast<int64_t>(raw) : static_cast<int32_t>(static_cast<uint32_t>(raw));
    }
    data.transition_types.resize(counts.time);
    for (auto &type : data.transition_types) {
        type = static_cast<uint8_t>(reader.ReadBigEndian(1));
        if (type >= counts.type) {
            return false;
        }
    }
    data.type_offsets.resize(counts.type);
    std::vector<uint8_t> abbreviation_indexes(counts.type);
    for (uint32_t i = 0; i < counts.type; i++) {
        data.type_offsets[i] = static_cast<int32_t>(static_cast<uint32_t>(reader.ReadBigEndian(4)));
        reader.Skip(1); // isdst
        abbreviation_indexes[i] = static_cast<uint8_t>(reader.ReadBigEndian(1));
    }
    const std::string_view chars = reader.Rest().substr(0, counts.chars);
    reader.Skip(counts.chars + counts.leap * (time_size + 4ULL) + counts.isstd + counts.isut);
    for (uint8_t index : abbreviation_indexes) {
        // NUL-terminated strings in the designation characters; a bad index gives an empty abbreviation.
        const std::string_view from = index < chars.size() ? chars.substr(index) : std::string_view();
        data.type_abbreviations.emplace_back(from.substr(0, from.find('\0')));
    }
    data.has_leap_seconds = counts.leap > 0;
    return reader.Ok();
}

} // namespace

std::optional<TzifData> ParseTzif(std::string_view bytes) {
    ByteReader reader(bytes);
    char version = 0;
    TzifCounts counts;
    if (!ReadHeader(reader, version, counts)) {
        return std::nullopt;
    }
    TzifData data;
    if (version == '\0') {
        if (!ReadDataBlock(reader, counts, 4, data)) {
            return std::nullopt;
        }
        return data;
    }
    reader.Skip(DataBlockSize(counts, 4)); // the v1 block repeats the data with 32-bit times
    if (!ReadHeader(reader, version, counts) || !ReadDataBlock(reader, counts, 8, data)) {
        return std::nullopt;
    }
    std::string_view rest = reader.Rest();
    if (rest.size() >= 2 && rest[0] == '\n') {
        const size_t end = rest.find('\n', 1);
        if (end != std::string_view::npos) {
            data.footer = std::string(rest.substr(1, end - 1));
        }
    }
    return data;
}

} // namespace duckgres::types
