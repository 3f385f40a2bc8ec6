// SET, RESET and SHOW of Session, and how the settings reach DuckDB and the encoders.
#include "session/session.hpp"

#include "common/ascii.hpp"

namespace duckgres::session {

asio::awaitable<void> Session::RunSet(const sql::ParsedStatement &statement) {
    auto *set = statement.As<sql::SetStatement>();
    auto *reset = statement.As<sql::ResetStatement>();
    if (statement.Is<sql::DiscardStatement>() || (reset && reset->name == "all")) {
        settings_.ResetAll();
    } else if (reset) {
        ChangeSetting(reset->name, std::nullopt, false);
    } else if (set->name.rfind("transaction", 0) == 0 || set->name == "session characteristics") {
        // SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...: READ ONLY / READ WRITE take
        // effect; an isolation level is reported (DuckDB's snapshot isolation serves them all).
        const bool characteristics = set->name == "session characteristics";
        if (set->isolation && characteristics) {
            settings_.Set("default_transaction_isolation", *set->isolation);
        } else if (set->isolation && !tx_.IsIdle()) {
            if (tx_.Queried()) {
                throw SqlError("25001", "SET TRANSACTION ISOLATION LEVEL must be called before any query");
            }
            settings_.SetLocal("transaction_isolation", *set->isolation);
        } else if (set->isolation && !set->read_only) {
            WriteNotice("WARNING", "25P01", "SET TRANSACTION can only be used in transaction blocks");
        }
        if (set->read_only && characteristics) {
            ChangeSetting("default_transaction_read_only", *set->read_only ? "on" : "off", false);
        } else if (set->read_only && tx_.IsIdle()) {
            WriteNotice("WARNING", "25P01", "SET TRANSACTION can only be used in transaction blocks");
        } else if (set->read_only) {
            if (!*set->read_only) {
                RefuseReadWrite("transaction_read_only");
            }
            tx_.SetReadOnly(*set->read_only);
            settings_.SetLocal("transaction_read_only", *set->read_only ? "on" : "off");
        }
    } else {
        ChangeSetting(set->name, set->value == "DEFAULT" ? std::nullopt : std::optional<std::string>(set->value),
                      set->is_local);
    }
    co_await ApplySettings();
    WriteComplete(statement.tag);
}

void Session::ChangeSetting(const std::string &name, const std::optional<std::string> &value, bool is_local) {
    AssertIoThread();
    if (SetTestHook(name, value)) {
        return;
    }
    auto *definition = SessionSettings::Find(name);
    if (!definition && SessionSettings::IsPlaceholder(name)) {
        if (!value) {
            settings_.Reset(name);
        } else if (auto error = is_local ? settings_.SetLocal(name, *value) : settings_.Set(name, *value)) {
            throw *error;
        }
        return;
    }
    if (!definition) {
        throw SqlError("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    if (auto refusal = SessionSettings::RefuseChange(*definition, login_.admitted && login_.admitted->superuser)) {
        throw *refusal;
    }
    if (definition->effect == SettingEffect::ReadOnly) {
        throw SqlError("55P02", "parameter \"" + name + "\" cannot be changed");
    }
    const auto before = settings_.Get(name);
    if (!value) {
        settings_.Reset(name);
    } else if (is_local && tx_.IsIdle()) {
        WriteNotice("WARNING", "25P01", "SET LOCAL can only be used in transaction blocks");
    } else {
        if (auto error = is_local ? settings_.SetLocal(name, *value) : settings_.Set(name, *value)) {
            throw *error;
        }
    }
    if (name == "default_transaction_read_only" && settings_.Get(name) != "on" && before == "on") {
        if (!login_.access.rights.write) {
            settings_.Set(name, "on");
            RefuseReadWrite(name);
        }
    }
    if (definition->effect == SettingEffect::Ignored) {
        WriteNotice("NOTICE", "00000",
                    "parameter \"" + name + "\" is accepted for compatibility and has no effect in Duckgres");
    }
}

void Session::RefuseReadWrite(const std::string &parameter) const {
    if (!login_.access.rights.write) {
        throw SqlError("42501", "permission denied to set parameter \"" + parameter + "\"",
                       "User \"" + login_.user + "\" has the role read_only: its transactions are read-only.");
    }
}

EngineSettings Session::WantedEngineSettings() const {
    return {*settings_.Get("TimeZone"),
            *settings_.Get("search_path"),
            login_.user,
            std::stoi(*settings_.Get("extra_float_digits")),
            *settings_.Get("DateStyle"),
            *settings_.Get("IntervalStyle"),
            *settings_.Get("bytea_output")};
}

asio::awaitable<void> Session::ApplySettings() {
    described_cache_.Clear(); // a statement may read differently now (search_path, ...)
    const auto settings = WantedEngineSettings();
    co_await OnWorker([&settings](StatementWork &work) { work.ApplySettings(settings); });
}

asio::awaitable<void> Session::ApplySettingChanges(sql::RewriteEffects &effects) {
    if (effects.setting_changes.empty()) {
        co_return;
    }
    std::exception_ptr failure; // the changes before a failing one stay made, and reach DuckDB
    try {
        for (const auto &change : std::exchange(effects.setting_changes, {})) {
            ChangeSetting(AsciiLower(change.name), change.value, change.is_local); // set_config()
        }
    } catch (...) {
        failure = std::current_exception();
    }
    co_await ApplySettings();
    if (failure) {
        std::rethrow_exception(failure);
    }
}

void Session::RunShow(const sql::ShowStatement &show, bool describe) {
    auto text_field = [](std::string name) {
        wire::FieldDescription field;
        field.name = std::move(name);
        field.type_oid = 25;
        return field;
    };
    auto &out = stream_.Out();
    if (show.name == "all") {
        std::vector<wire::FieldDescription> fields = {text_field("name"), text_field("setting"),
                                                      text_field("description")};
        if (describe) {
            wire::WriteRowDescription(out, fields);
        }
        for (const auto &definition : SessionSettings::Definitions()) {
            wire::DataRowWriter row(out);
            row.Begin(3);
            row.Value(definition.name);
            row.Value(*settings_.Get(definition.name));
            row.Value(definition.description);
            row.End();
        }
    } else {
        auto *definition = SessionSettings::Find(show.name);
        auto value = settings_.Get(show.name); // also a placeholder someone SET
        if (!value) {
            throw SqlError("42704", "unrecognized configuration parameter \"" + show.name + "\"");
        }
        std::vector<wire::FieldDescription> fields = {text_field(definition ? definition->name : show.name)};
        if (describe) {
            wire::WriteRowDescription(out, fields);
        }
        wire::DataRowWriter row(out);
        row.Begin(1);
        row.Value(*value);
        row.End();
    }
    WriteComplete("SHOW");
}

bool Session::ChangesSchemas(const sql::ParsedStatement &statement) {
    auto *generic = statement.As<sql::GenericStatement>();
    auto *multi_object = statement.As<sql::MultiObjectStatement>();
    return (generic && generic->schema_change) || (multi_object && multi_object->schema_change);
}

asio::awaitable<void> Session::AfterSchemaChange() {
    engine_.applied_search_path.clear(); // a schema of search_path may exist now, or no more
    co_await ApplySettings();
}

} // namespace duckgres::session
