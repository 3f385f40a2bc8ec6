// Lists the embedded catalog scripts and the relation and function names they create.
#include "catalog/catalog_scripts.hpp"

#include "common/ascii.hpp"

namespace duckgres::catalog {

namespace {

//! The identifier (lower-cased) after each line of `sql` that starts with one of `prefixes`.
std::vector<std::string> NamesAfter(std::string_view sql, std::initializer_list<std::string_view> prefixes) {
    std::vector<std::string> names;
    while (!sql.empty()) {
        auto end = sql.find('\n');
        std::string_view line = sql.substr(0, end);
        sql = end == std::string_view::npos ? std::string_view() : sql.substr(end + 1);
        for (auto prefix : prefixes) {
            if (!line.starts_with(prefix)) {
                continue;
            }
            std::string name;
            for (char c : line.substr(prefix.size())) {
                if (!IsAsciiAlnum(c) && c != '_') {
                    break;
                }
                name += AsciiToLower(c);
            }
            names.push_back(name);
        }
    }
    return names;
}

bool IsStatic(const EmbeddedFile &file) {
    return std::string_view(file.name).starts_with("static/");
}

} // namespace

std::span<const EmbeddedFile> Scripts() {
    return {kEmbeddedFiles, kEmbeddedFileCount};
}

const CatalogNames &CatalogNames::Get() {
    static const CatalogNames names(Scripts());
    return names;
}

std::vector<std::string> StaticTables(const EmbeddedFile &file) {
    return IsStatic(file) ? NamesAfter(file.contents, {"CREATE TABLE "}) : std::vector<std::string>{};
}

CatalogNames::CatalogNames(std::span<const EmbeddedFile> scripts) {
    for (const auto &file : scripts) {
        if (IsStatic(file)) {
            for (auto &name : StaticTables(file)) {
                relations_.insert(name);
            }
            continue;
        }
        for (auto &name : NamesAfter(file.contents, {"CREATE VIEW ", "CREATE OR REPLACE VIEW ", "CREATE TABLE "})) {
            relations_.insert(name);
        }
        for (auto &name : NamesAfter(file.contents, {"CREATE MACRO ", "CREATE OR REPLACE MACRO "})) {
            functions_.insert(name);
        }
    }
}

} // namespace duckgres::catalog
