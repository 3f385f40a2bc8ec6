// Small constructors of libpg_query parse-tree nodes, shared by the rewrite passes.
#pragma once

#include <pg_query.pb.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace duckgres::sql {

inline pg_query::Node StringConst(const std::string &value) {
    pg_query::Node node;
    node.mutable_a_const()->mutable_sval()->set_sval(value);
    return node;
}

inline pg_query::Node IntConst(int32_t value) {
    pg_query::Node node;
    node.mutable_a_const()->mutable_ival()->set_ival(value);
    return node;
}

//! A call of the function whose (possibly qualified) name is `names`, with `args`.
inline pg_query::Node FuncCallNode(std::initializer_list<std::string_view> names,
                                   std::initializer_list<pg_query::Node> args) {
    pg_query::Node node;
    auto *call = node.mutable_func_call();
    for (auto name : names) {
        call->add_funcname()->mutable_string()->set_sval(std::string(name));
    }
    for (const auto &arg : args) {
        *call->add_args() = arg;
    }
    call->set_funcformat(pg_query::COERCE_EXPLICIT_CALL);
    return node;
}

//! The unqualified name of a qualified-name list (the last String item); empty if there is none.
inline std::string LastName(const google::protobuf::RepeatedPtrField<pg_query::Node> &names) {
    if (names.empty() || !names[names.size() - 1].has_string()) {
        return "";
    }
    return names[names.size() - 1].string().sval();
}

} // namespace duckgres::sql
