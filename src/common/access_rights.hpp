// AccessRights: what a session's user may do, from its role and the server's grants.
#pragma once

#include <cstdint>

namespace duckgres {

//! What a statement, function or setting needs of the user running it.
enum class Privilege : uint8_t {
    Read,   //!< every user
    Write,  //!< read_write and admin: changes to data and schema (read_only users get 25006)
    Admin,  //!< admin: other users' sessions, server-wide settings and paths, CHECKPOINT
    Engine, //!< DuckDB's own statements, settings and functions: admins, when admin_engine_access grants it
    Never,  //!< nobody: it would break the server's hold on the engine (DuckDB transaction control)
};

//! The rights of one session, fixed when it logs in (role read_only, read_write or admin).
struct AccessRights {
    bool write = true;   //!< read_write and admin; read_only users run every transaction READ ONLY
    bool admin = true;   //!< admin: cancel or terminate others' sessions, see their queries, server paths
    bool engine = false; //!< admin with admin_engine_access: DuckDB's PRAGMA, SET GLOBAL, ATTACH, CALL...

    bool Allows(Privilege privilege) const {
        switch (privilege) {
        case Privilege::Read:
            return true;
        case Privilege::Write:
            return write;
        case Privilege::Admin:
            return admin;
        case Privilege::Engine:
            return engine;
        case Privilege::Never:
            return false;
        }
        return false;
    }
};

//! The hint of a refusal that the engine grant would lift.
inline constexpr const char *kEngineGrantHint =
    "Clients do not change DuckDB's settings, attached databases, extensions or files; an administrator can grant "
    "this to admins with admin_engine_access.";

} // namespace duckgres
