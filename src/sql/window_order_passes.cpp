// Rewrite pass giving a window statistic over a whole partition the row order PostgreSQL's plan feeds it.
#include "sql/window_order_passes.hpp"

#include "sql/node_builders.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! The sort keys PostgreSQL sorts a window's rows by: its PARTITION BY expressions, then its ORDER BY.
struct WindowSort {
    std::vector<Node> keys;       //!< SortBy nodes
    std::vector<std::string> ids; //!< each key's text without parse locations, to compare keys
};

//! `message` without its parse locations, serialized: equal for the same expression written twice.
std::string KeyId(const google::protobuf::Message &message) {
    std::unique_ptr<google::protobuf::Message> copy(message.New());
    copy->CopyFrom(message);
    std::vector<google::protobuf::Message *> pending{copy.get()};
    while (!pending.empty()) {
        auto *current = pending.back();
        pending.pop_back();
        const auto *reflection = current->GetReflection();
        std::vector<const google::protobuf::FieldDescriptor *> fields;
        reflection->ListFields(*current, &fields);
        for (const auto *field : fields) {
            if (field->name() == "location") {
                reflection->ClearField(current, field);
            } else if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
                if (field->is_repeated()) {
                    for (int i = 0; i < reflection->FieldSize(*current, field); i++) {
                        pending.push_back(reflection->MutableRepeatedMessage(current, field, i));
                    }
                } else {
                    pending.push_back(reflection->MutableMessage(current, field));
                }
            }
        }
    }
    return copy->SerializeAsString();
}

void AddKey(WindowSort &sort, Node key) {
    sort.ids.push_back(KeyId(key));
    sort.keys.push_back(std::move(key));
}

//! The sort of `window`, resolving `OVER w` and `OVER (w ...)` through the query's WINDOW clause; nullopt for an
//! unknown name.
std::optional<WindowSort> SortOf(const pg_query::WindowDef &window,
                                 const std::map<std::string, const pg_query::WindowDef *> &named) {
    const pg_query::WindowDef *base = nullptr;
    for (const auto *name : {&window.name(), &window.refname()}) {
        if (!name->empty()) {
            const auto found = named.find(*name);
            if (found == named.end()) {
                return std::nullopt;
            }
            base = found->second;
        }
    }
    const auto &partition =
        base != nullptr && window.partition_clause_size() == 0 ? base->partition_clause() : window.partition_clause();
    const auto &order =
        base != nullptr && window.order_clause_size() == 0 ? base->order_clause() : window.order_clause();
    WindowSort sort;
    for (const auto &expression : partition) {
        Node key;
        *key.mutable_sort_by()->mutable_node() = expression;
        key.mutable_sort_by()->set_sortby_dir(pg_query::SORTBY_DEFAULT);
        key.mutable_sort_by()->set_sortby_nulls(pg_query::SORTBY_NULLS_DEFAULT);
        AddKey(sort, std::move(key));
    }
    for (const auto &key : order) {
        AddKey(sort, key);
    }
    return sort;
}

bool StartsWith(const WindowSort &sort, const WindowSort &prefix) {
    if (prefix.ids.size() > sort.ids.size()) {
        return false;
    }
    for (size_t i = 0; i < prefix.ids.size(); i++) {
        if (sort.ids[i] != prefix.ids[i]) {
            return false;
        }
    }
    return true;
}

//! Whether `call` is a whole-partition single-state statistic without an order of its own (see the header).
bool IsUnorderedWholePartitionStatistic(const pg_query::FuncCall &call) {
    const std::string name = LastName(call.funcname());
    return name.starts_with("duckgres_float8_") && name.ends_with("_single_state") && call.has_over() &&
           call.agg_order_size() == 0 && call.over().order_clause_size() == 0 && call.over().name().empty() &&
           call.over().refname().empty();
}

} // namespace

bool OrderWholePartitionStatistics(Node &node, PassContext &) {
    if (!node.has_select_stmt()) {
        return false;
    }
    auto &select = *node.mutable_select_stmt();
    std::map<std::string, const pg_query::WindowDef *> named;
    for (const auto &window : select.window_clause()) {
        if (window.has_window_def()) {
            named[window.window_def().name()] = &window.window_def();
        }
    }
    std::vector<WindowSort> sorts;
    std::vector<pg_query::FuncCall *> targets;
    const auto not_a_subquery = [](const Node &inner) { return !inner.has_select_stmt(); };
    const auto collect = [&](Node &inner) {
        if (!inner.has_func_call() || !inner.func_call().has_over()) {
            return;
        }
        if (IsUnorderedWholePartitionStatistic(inner.func_call())) {
            targets.push_back(inner.mutable_func_call());
        } else if (auto sort = SortOf(inner.func_call().over(), named)) {
            sorts.push_back(std::move(*sort));
        }
    };
    for (auto &target : *select.mutable_target_list()) {
        WalkNodes(target, collect, not_a_subquery);
    }
    for (auto &key : *select.mutable_sort_clause()) {
        WalkNodes(key, collect, not_a_subquery);
    }
    bool changed = false;
    for (auto *call : targets) {
        const auto own = SortOf(call->over(), named);
        std::vector<const WindowSort *> longer;
        for (const auto &sort : sorts) {
            if (sort.ids.size() > own->ids.size() && StartsWith(sort, *own)) {
                longer.push_back(&sort);
            }
        }
        if (longer.empty()) {
            continue;
        }
        const auto *longest = *std::max_element(
            longer.begin(), longer.end(), [](const auto *a, const auto *b) { return a->ids.size() < b->ids.size(); });
        if (!std::all_of(longer.begin(), longer.end(), [&](const auto *sort) { return StartsWith(*longest, *sort); })) {
            continue; // PostgreSQL's order among unrelated sorts follows its planner: not followed
        }
        for (const auto &key : longest->keys) {
            *call->add_agg_order() = key;
        }
        changed = true;
    }
    return changed;
}

} // namespace duckgres::sql
