// Small constructors of libpg_query parse-tree nodes, shared by the rewrite passes.
#pragma once

#include <google/protobuf/reflection.h>
#include <pg_query.pb.h>

#include <functional>

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

//! Visits every Node below `message`, children before parents, so a pass that replaces a node
//! (wrapping it in a cast, say) never sees its own output again. Uses protobuf reflection so
//! that every kind of node is reached.
inline void WalkNodes(google::protobuf::Message &message, const std::function<void(pg_query::Node &)> &visit) {
    const auto *reflection = message.GetReflection();
    std::vector<const google::protobuf::FieldDescriptor *> fields;
    reflection->ListFields(message, &fields);
    for (const auto *field : fields) {
        if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
            continue;
        }
        if (field->is_repeated()) {
            for (int i = 0; i < reflection->FieldSize(message, field); i++) {
                WalkNodes(*reflection->MutableRepeatedMessage(&message, field, i), visit);
            }
        } else {
            WalkNodes(*reflection->MutableMessage(&message, field), visit);
        }
    }
    if (auto *node = dynamic_cast<pg_query::Node *>(&message)) {
        visit(*node);
    }
}

//! The unqualified name of a qualified-name list (the last String item); empty if there is none.
inline std::string LastName(const google::protobuf::RepeatedPtrField<pg_query::Node> &names) {
    if (names.empty() || !names[names.size() - 1].has_string()) {
        return "";
    }
    return names[names.size() - 1].string().sval();
}

} // namespace duckgres::sql
