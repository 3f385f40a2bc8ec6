// StartupExchange: a connection's startup: encryption and cancel requests, the startup packet, admission, the
// authentication exchange and the user's rights, up to the point where the session opens its database.
#pragma once

#include "config/server_config.hpp"
#include "session/message_stream.hpp"
#include "session/server_context.hpp"
#include "session/session_settings.hpp"
#include "session/startup_limiter.hpp"
#include "sql/access_check.hpp"
#include "wire/frontend_messages.hpp"

#include <asio/awaitable.hpp>

#include <optional>
#include <string>

namespace duckgres::session {

//! Who the client is, once the startup exchange has established it.
struct Login {
    std::string user;
    std::string database;
    //! What the user may do, from its role (and the server's grants), for `database`.
    sql::AccessContext access;
    //! Set while the session holds a connection slot (released when the session ends).
    std::optional<ConnectionRequest> admitted;
    //! Authentication was refused because the client's address is banned.
    bool refused_by_ban = false;
};

//! Runs on the session's I/O thread, before the command loop; throws a FATAL SqlError (or wire::ProtocolError,
//! asio::system_error) to end the connection. The steps, in order: ReadStartupPacket, Admit, Authenticate,
//! Authorize.
class StartupExchange {
public:
    //! `startup_slot`: the connection's place among those not yet authenticated, given back once it is.
    StartupExchange(ServerContext &context, MessageStream &stream, SessionSettings &settings, StartupSlot &startup_slot,
                    const std::string &peer, Login &login)
        : context_(context), stream_(stream), settings_(settings), startup_slot_(startup_slot), peer_(peer),
          login_(login) {}

    //! SSL/GSS negotiation, then the startup packet: its parameters become the session's defaults. False for a
    //! CancelRequest (handled: the connection ends).
    asio::awaitable<bool> ReadStartupPacket();
    //! Counts the session against the connection limits, waiting up to connection_queue_timeout for a slot;
    //! throws FATAL 53300 when over a limit.
    asio::awaitable<void> Admit();
    //! Runs the password exchange; a banned address's exchange fails whatever the password. Counts failures
    //! (28P01) against the client address, which may ban it.
    asio::awaitable<void> Authenticate();
    //! The user's rights from its role (and the server's grants), and its right to the database it asked for:
    //! FATAL 42501 for one outside its `databases`, whether or not that database exists.
    void Authorize();

private:
    asio::awaitable<void> ApplyStartupParameters(const wire::StartupMessage &startup);
    //! Counts a failed authentication (28P01) against the client's address, and bans it at the limit.
    void NoteAuthFailure(bool banned);
    //! The client's address without the port.
    std::string ClientAddress() const;
    //! The configuration of user `name`, or null (unknown, or no users configured).
    const config::UserConfig *ConfiguredUser(const std::string &name) const;

    ServerContext &context_;
    MessageStream &stream_;
    SessionSettings &settings_;
    StartupSlot &startup_slot_;
    const std::string &peer_;
    Login &login_;
};

} // namespace duckgres::session
