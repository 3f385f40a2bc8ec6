// The table of PostgreSQL parameters Duckgres knows, and per-session SET/RESET bookkeeping.
#include "session/session_settings.hpp"

#include "common/ascii.hpp"

#include "session/setting_units.hpp"
#include "types/text_search.hpp"
#include "types/time_zone.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace duckgres::session {

namespace {

using T = SettingType;
using C = SettingContext;

// Every parameter of PostgreSQL 15, by name, as its documentation (chapter 20) and pg_settings describe them: type,
// default as SHOW prints it, context, and for numbers the base unit and range, for enums the values. Paths and values
// initdb or the platform choose (data_directory, port, lc_messages...) are PostgreSQL's built-in ones or the values
// Duckgres reports.
// clang-format off
constexpr SettingDefinition kPostgresParameters[] = {
    {"allow_in_place_tablespaces", T::Bool, "off", C::Superuser},
    {"allow_system_table_mods", T::Bool, "off", C::Superuser},
    {"application_name", T::String, "", C::User},
    {"archive_cleanup_command", T::String, "", C::Sighup},
    {"archive_command", T::String, "", C::Sighup},
    {"archive_library", T::String, "", C::Sighup},
    {"archive_mode", T::Enum, "off", C::Postmaster, "", 0, 0, "always,on,off"},
    {"archive_timeout", T::Integer, "0", C::Sighup, "s", 0, 1073741823},
    {"array_nulls", T::Bool, "on", C::User},
    {"authentication_timeout", T::Integer, "1min", C::Sighup, "s", 1, 600},
    {"autovacuum", T::Bool, "on", C::Sighup},
    {"autovacuum_analyze_scale_factor", T::Real, "0.1", C::Sighup, "", 0, 100},
    {"autovacuum_analyze_threshold", T::Integer, "50", C::Sighup, "", 0, 2147483647},
    {"autovacuum_freeze_max_age", T::Integer, "200000000", C::Postmaster, "", 100000, 2000000000},
    {"autovacuum_max_workers", T::Integer, "3", C::Postmaster, "", 1, 262143},
    {"autovacuum_multixact_freeze_max_age", T::Integer, "400000000", C::Postmaster, "", 10000, 2000000000},
    {"autovacuum_naptime", T::Integer, "1min", C::Sighup, "s", 1, 2147483},
    {"autovacuum_vacuum_cost_delay", T::Real, "2ms", C::Sighup, "ms", -1, 100},
    {"autovacuum_vacuum_cost_limit", T::Integer, "-1", C::Sighup, "", -1, 10000},
    {"autovacuum_vacuum_insert_scale_factor", T::Real, "0.2", C::Sighup, "", 0, 100},
    {"autovacuum_vacuum_insert_threshold", T::Integer, "1000", C::Sighup, "", -1, 2147483647},
    {"autovacuum_vacuum_scale_factor", T::Real, "0.2", C::Sighup, "", 0, 100},
    {"autovacuum_vacuum_threshold", T::Integer, "50", C::Sighup, "", 0, 2147483647},
    {"autovacuum_work_mem", T::Integer, "-1", C::Sighup, "kB", -1, 2147483647},
    {"backend_flush_after", T::Integer, "0", C::User, "8kB", 0, 256},
    {"backslash_quote", T::Enum, "safe_encoding", C::User, "", 0, 0, "safe_encoding,on,off"},
    {"backtrace_functions", T::String, "", C::Superuser},
    {"bgwriter_delay", T::Integer, "200ms", C::Sighup, "ms", 10, 10000},
    {"bgwriter_flush_after", T::Integer, "512kB", C::Sighup, "8kB", 0, 256},
    {"bgwriter_lru_maxpages", T::Integer, "100", C::Sighup, "", 0, 1073741823},
    {"bgwriter_lru_multiplier", T::Real, "2", C::Sighup, "", 0, 10},
    {"block_size", T::Integer, "8192", C::Internal, "", 8192, 8192},
    {"bonjour", T::Bool, "off", C::Postmaster},
    {"bonjour_name", T::String, "", C::Postmaster},
    {"bytea_output", T::Enum, "hex", C::User, "", 0, 0, "escape,hex"},
    {"check_function_bodies", T::Bool, "on", C::User},
    {"checkpoint_completion_target", T::Real, "0.9", C::Sighup, "", 0, 1},
    {"checkpoint_flush_after", T::Integer, "256kB", C::Sighup, "8kB", 0, 256},
    {"checkpoint_timeout", T::Integer, "5min", C::Sighup, "s", 30, 86400},
    {"checkpoint_warning", T::Integer, "30s", C::Sighup, "s", 0, 2147483647},
    {"client_connection_check_interval", T::Integer, "0", C::User, "ms", 0, 2147483647},
    {"client_encoding", T::String, "UTF8", C::User},
    {"client_min_messages", T::Enum, "notice", C::User, "", 0, 0, "debug5,debug4,debug3,debug2,debug1,log,notice,warning,error"},
    {"cluster_name", T::String, "", C::Postmaster},
    {"commit_delay", T::Integer, "0", C::Superuser, "", 0, 100000},
    {"commit_siblings", T::Integer, "5", C::User, "", 0, 1000},
    {"compute_query_id", T::Enum, "auto", C::Superuser, "", 0, 0, "auto,regress,on,off"},
    {"config_file", T::String, "", C::Postmaster},
    {"constraint_exclusion", T::Enum, "partition", C::User, "", 0, 0, "partition,on,off"},
    {"cpu_index_tuple_cost", T::Real, "0.005", C::User, "", 0, 1.79769e+308},
    {"cpu_operator_cost", T::Real, "0.0025", C::User, "", 0, 1.79769e+308},
    {"cpu_tuple_cost", T::Real, "0.01", C::User, "", 0, 1.79769e+308},
    {"cursor_tuple_fraction", T::Real, "0.1", C::User, "", 0, 1},
    {"data_checksums", T::Bool, "off", C::Internal},
    {"data_directory", T::String, "", C::Postmaster},
    {"data_directory_mode", T::Integer, "0700", C::Internal, "", 0, 511},
    {"data_sync_retry", T::Bool, "off", C::Postmaster},
    {"DateStyle", T::String, "ISO, MDY", C::User},
    {"db_user_namespace", T::Bool, "off", C::Sighup},
    {"deadlock_timeout", T::Integer, "1s", C::Superuser, "ms", 1, 2147483647},
    {"debug_assertions", T::Bool, "off", C::Internal},
    {"debug_discard_caches", T::Integer, "0", C::Superuser, "", 0, 0},
    {"debug_pretty_print", T::Bool, "on", C::User},
    {"debug_print_parse", T::Bool, "off", C::User},
    {"debug_print_plan", T::Bool, "off", C::User},
    {"debug_print_rewritten", T::Bool, "off", C::User},
    {"default_statistics_target", T::Integer, "100", C::User, "", 1, 10000},
    {"default_table_access_method", T::String, "heap", C::User},
    {"default_tablespace", T::String, "", C::User},
    {"default_text_search_config", T::String, "pg_catalog.english", C::User},
    {"default_toast_compression", T::Enum, "pglz", C::User, "", 0, 0, "pglz,lz4"},
    {"default_transaction_deferrable", T::Bool, "off", C::User},
    {"default_transaction_isolation", T::Enum, "read committed", C::User, "", 0, 0, "serializable,repeatable read,read committed,read uncommitted"},
    {"default_transaction_read_only", T::Bool, "off", C::User},
    {"dynamic_library_path", T::String, "$libdir", C::Superuser},
    {"dynamic_shared_memory_type", T::Enum, "posix", C::Postmaster, "", 0, 0, "posix,sysv,mmap"},
    {"effective_cache_size", T::Integer, "4GB", C::User, "8kB", 1, 2147483647},
    {"effective_io_concurrency", T::Integer, "1", C::User, "", 0, 1000},
    {"enable_async_append", T::Bool, "on", C::User},
    {"enable_bitmapscan", T::Bool, "on", C::User},
    {"enable_gathermerge", T::Bool, "on", C::User},
    {"enable_hashagg", T::Bool, "on", C::User},
    {"enable_hashjoin", T::Bool, "on", C::User},
    {"enable_incremental_sort", T::Bool, "on", C::User},
    {"enable_indexonlyscan", T::Bool, "on", C::User},
    {"enable_indexscan", T::Bool, "on", C::User},
    {"enable_material", T::Bool, "on", C::User},
    {"enable_memoize", T::Bool, "on", C::User},
    {"enable_mergejoin", T::Bool, "on", C::User},
    {"enable_nestloop", T::Bool, "on", C::User},
    {"enable_parallel_append", T::Bool, "on", C::User},
    {"enable_parallel_hash", T::Bool, "on", C::User},
    {"enable_partition_pruning", T::Bool, "on", C::User},
    {"enable_partitionwise_aggregate", T::Bool, "off", C::User},
    {"enable_partitionwise_join", T::Bool, "off", C::User},
    {"enable_seqscan", T::Bool, "on", C::User},
    {"enable_sort", T::Bool, "on", C::User},
    {"enable_tidscan", T::Bool, "on", C::User},
    {"escape_string_warning", T::Bool, "on", C::User},
    {"event_source", T::String, "PostgreSQL", C::Postmaster},
    {"exit_on_error", T::Bool, "off", C::User},
    {"extension_destdir", T::String, "", C::Superuser},
    {"external_pid_file", T::String, "", C::Postmaster},
    {"extra_float_digits", T::Integer, "1", C::User, "", -15, 3},
    {"force_parallel_mode", T::Enum, "off", C::User, "", 0, 0, "off,on,regress"},
    {"from_collapse_limit", T::Integer, "8", C::User, "", 1, 2147483647},
    {"fsync", T::Bool, "on", C::Sighup},
    {"full_page_writes", T::Bool, "on", C::Sighup},
    {"geqo", T::Bool, "on", C::User},
    {"geqo_effort", T::Integer, "5", C::User, "", 1, 10},
    {"geqo_generations", T::Integer, "0", C::User, "", 0, 2147483647},
    {"geqo_pool_size", T::Integer, "0", C::User, "", 0, 2147483647},
    {"geqo_seed", T::Real, "0", C::User, "", 0, 1},
    {"geqo_selection_bias", T::Real, "2", C::User, "", 1.5, 2},
    {"geqo_threshold", T::Integer, "12", C::User, "", 2, 2147483647},
    {"gin_fuzzy_search_limit", T::Integer, "0", C::User, "", 0, 2147483647},
    {"gin_pending_list_limit", T::Integer, "4MB", C::User, "kB", 64, 2147483647},
    {"hash_mem_multiplier", T::Real, "2", C::User, "", 1, 1000},
    {"hba_file", T::String, "", C::Postmaster},
    {"hot_standby", T::Bool, "on", C::Postmaster},
    {"hot_standby_feedback", T::Bool, "off", C::Sighup},
    {"huge_page_size", T::Integer, "0", C::Postmaster, "kB", 0, 2147483647},
    {"huge_pages", T::Enum, "try", C::Postmaster, "", 0, 0, "off,on,try"},
    {"ident_file", T::String, "", C::Postmaster},
    {"idle_in_transaction_session_timeout", T::Integer, "0", C::User, "ms", 0, 2147483647},
    {"idle_session_timeout", T::Integer, "0", C::User, "ms", 0, 2147483647},
    {"ignore_checksum_failure", T::Bool, "off", C::Superuser},
    {"ignore_invalid_pages", T::Bool, "off", C::Postmaster},
    {"ignore_system_indexes", T::Bool, "off", C::Backend},
    {"in_hot_standby", T::Bool, "off", C::Internal},
    {"integer_datetimes", T::Bool, "on", C::Internal},
    {"IntervalStyle", T::Enum, "postgres", C::User, "", 0, 0, "postgres,postgres_verbose,sql_standard,iso_8601"},
    {"is_superuser", T::Bool, "off", C::Internal},
    {"jit", T::Bool, "on", C::User},
    {"jit_above_cost", T::Real, "100000", C::User, "", -1, 1.79769e+308},
    {"jit_debugging_support", T::Bool, "off", C::SuperuserBackend},
    {"jit_dump_bitcode", T::Bool, "off", C::Superuser},
    {"jit_expressions", T::Bool, "on", C::User},
    {"jit_inline_above_cost", T::Real, "500000", C::User, "", -1, 1.79769e+308},
    {"jit_optimize_above_cost", T::Real, "500000", C::User, "", -1, 1.79769e+308},
    {"jit_profiling_support", T::Bool, "off", C::SuperuserBackend},
    {"jit_provider", T::String, "llvmjit", C::Postmaster},
    {"jit_tuple_deforming", T::Bool, "on", C::User},
    {"join_collapse_limit", T::Integer, "8", C::User, "", 1, 2147483647},
    {"krb_caseins_users", T::Bool, "off", C::Sighup},
    {"krb_server_keyfile", T::String, "FILE:/etc/postgresql-common/krb5.keytab", C::Sighup},
    {"lc_collate", T::String, "C.UTF-8", C::Internal},
    {"lc_ctype", T::String, "C.UTF-8", C::Internal},
    {"lc_messages", T::String, "C.UTF-8", C::Superuser},
    {"lc_monetary", T::String, "C.UTF-8", C::User},
    {"lc_numeric", T::String, "C.UTF-8", C::User},
    {"lc_time", T::String, "C.UTF-8", C::User},
    {"listen_addresses", T::String, "*", C::Postmaster},
    {"lo_compat_privileges", T::Bool, "off", C::Superuser},
    {"local_preload_libraries", T::String, "", C::User},
    {"lock_timeout", T::Integer, "0", C::User, "ms", 0, 2147483647},
    {"log_autovacuum_min_duration", T::Integer, "10min", C::Sighup, "ms", -1, 2147483647},
    {"log_checkpoints", T::Bool, "on", C::Sighup},
    {"log_connections", T::Bool, "off", C::SuperuserBackend},
    {"log_destination", T::String, "stderr", C::Sighup},
    {"log_directory", T::String, "log", C::Sighup},
    {"log_disconnections", T::Bool, "off", C::SuperuserBackend},
    {"log_duration", T::Bool, "off", C::Superuser},
    {"log_error_verbosity", T::Enum, "default", C::Superuser, "", 0, 0, "terse,default,verbose"},
    {"log_executor_stats", T::Bool, "off", C::Superuser},
    {"log_file_mode", T::Integer, "0600", C::Sighup, "", 0, 511},
    {"log_filename", T::String, "postgresql-%Y-%m-%d_%H%M%S.log", C::Sighup},
    {"log_hostname", T::Bool, "off", C::Sighup},
    {"log_line_prefix", T::String, "%m [%p] ", C::Sighup},
    {"log_lock_waits", T::Bool, "off", C::Superuser},
    {"log_min_duration_sample", T::Integer, "-1", C::Superuser, "ms", -1, 2147483647},
    {"log_min_duration_statement", T::Integer, "-1", C::Superuser, "ms", -1, 2147483647},
    {"log_min_error_statement", T::Enum, "error", C::Superuser, "", 0, 0, "debug5,debug4,debug3,debug2,debug1,info,notice,warning,error,log,fatal,panic"},
    {"log_min_messages", T::Enum, "warning", C::Superuser, "", 0, 0, "debug5,debug4,debug3,debug2,debug1,info,notice,warning,error,log,fatal,panic"},
    {"log_parameter_max_length", T::Integer, "-1", C::Superuser, "B", -1, 1073741823},
    {"log_parameter_max_length_on_error", T::Integer, "0", C::User, "B", -1, 1073741823},
    {"log_parser_stats", T::Bool, "off", C::Superuser},
    {"log_planner_stats", T::Bool, "off", C::Superuser},
    {"log_recovery_conflict_waits", T::Bool, "off", C::Sighup},
    {"log_replication_commands", T::Bool, "off", C::Superuser},
    {"log_rotation_age", T::Integer, "1d", C::Sighup, "min", 0, 35791394},
    {"log_rotation_size", T::Integer, "10MB", C::Sighup, "kB", 0, 2097151},
    {"log_startup_progress_interval", T::Integer, "10s", C::Sighup, "ms", 0, 2147483647},
    {"log_statement", T::Enum, "none", C::Superuser, "", 0, 0, "none,ddl,mod,all"},
    {"log_statement_sample_rate", T::Real, "1", C::Superuser, "", 0, 1},
    {"log_statement_stats", T::Bool, "off", C::Superuser},
    {"log_temp_files", T::Integer, "-1", C::Superuser, "kB", -1, 2147483647},
    {"log_timezone", T::String, "UTC", C::Sighup},
    {"log_transaction_sample_rate", T::Real, "0", C::Superuser, "", 0, 1},
    {"log_truncate_on_rotation", T::Bool, "off", C::Sighup},
    {"logging_collector", T::Bool, "off", C::Postmaster},
    {"logical_decoding_work_mem", T::Integer, "64MB", C::User, "kB", 64, 2147483647},
    {"maintenance_io_concurrency", T::Integer, "10", C::User, "", 0, 1000},
    {"maintenance_work_mem", T::Integer, "64MB", C::User, "kB", 1024, 2147483647},
    {"max_connections", T::Integer, "100", C::Postmaster, "", 1, 262143},
    {"max_files_per_process", T::Integer, "1000", C::Postmaster, "", 64, 2147483647},
    {"max_function_args", T::Integer, "100", C::Internal, "", 100, 100},
    {"max_identifier_length", T::Integer, "63", C::Internal, "", 63, 63},
    {"max_index_keys", T::Integer, "32", C::Internal, "", 32, 32},
    {"max_locks_per_transaction", T::Integer, "64", C::Postmaster, "", 10, 2147483647},
    {"max_logical_replication_workers", T::Integer, "4", C::Postmaster, "", 0, 262143},
    {"max_parallel_maintenance_workers", T::Integer, "2", C::User, "", 0, 1024},
    {"max_parallel_workers", T::Integer, "8", C::User, "", 0, 1024},
    {"max_parallel_workers_per_gather", T::Integer, "2", C::User, "", 0, 1024},
    {"max_pred_locks_per_page", T::Integer, "2", C::Sighup, "", 0, 2147483647},
    {"max_pred_locks_per_relation", T::Integer, "-2", C::Sighup, "", -2147483648, 2147483647},
    {"max_pred_locks_per_transaction", T::Integer, "64", C::Postmaster, "", 10, 2147483647},
    {"max_prepared_transactions", T::Integer, "0", C::Postmaster, "", 0, 262143},
    {"max_replication_slots", T::Integer, "10", C::Postmaster, "", 0, 262143},
    {"max_slot_wal_keep_size", T::Integer, "-1", C::Sighup, "MB", -1, 2147483647},
    {"max_stack_depth", T::Integer, "2MB", C::Superuser, "kB", 100, 2147483647},
    {"max_standby_archive_delay", T::Integer, "30s", C::Sighup, "ms", -1, 2147483647},
    {"max_standby_streaming_delay", T::Integer, "30s", C::Sighup, "ms", -1, 2147483647},
    {"max_sync_workers_per_subscription", T::Integer, "2", C::Sighup, "", 0, 262143},
    {"max_wal_senders", T::Integer, "10", C::Postmaster, "", 0, 262143},
    {"max_wal_size", T::Integer, "1GB", C::Sighup, "MB", 2, 2147483647},
    {"max_worker_processes", T::Integer, "8", C::Postmaster, "", 0, 262143},
    {"min_dynamic_shared_memory", T::Integer, "0", C::Postmaster, "MB", 0, 2147483647},
    {"min_parallel_index_scan_size", T::Integer, "512kB", C::User, "8kB", 0, 715827882},
    {"min_parallel_table_scan_size", T::Integer, "8MB", C::User, "8kB", 0, 715827882},
    {"min_wal_size", T::Integer, "80MB", C::Sighup, "MB", 2, 2147483647},
    {"old_snapshot_threshold", T::Integer, "-1", C::Postmaster, "min", -1, 86400},
    {"parallel_leader_participation", T::Bool, "on", C::User},
    {"parallel_setup_cost", T::Real, "1000", C::User, "", 0, 1.79769e+308},
    {"parallel_tuple_cost", T::Real, "0.1", C::User, "", 0, 1.79769e+308},
    {"password_encryption", T::Enum, "scram-sha-256", C::User, "", 0, 0, "md5,scram-sha-256"},
    {"plan_cache_mode", T::Enum, "auto", C::User, "", 0, 0, "auto,force_generic_plan,force_custom_plan"},
    {"port", T::Integer, "5432", C::Postmaster, "", 1, 65535},
    {"post_auth_delay", T::Integer, "0", C::Backend, "s", 0, 2147},
    {"pre_auth_delay", T::Integer, "0", C::Sighup, "s", 0, 60},
    {"primary_conninfo", T::String, "", C::Sighup},
    {"primary_slot_name", T::String, "", C::Sighup},
    {"promote_trigger_file", T::String, "", C::Sighup},
    {"quote_all_identifiers", T::Bool, "off", C::User},
    {"random_page_cost", T::Real, "4", C::User, "", 0, 1.79769e+308},
    {"recovery_end_command", T::String, "", C::Sighup},
    {"recovery_init_sync_method", T::Enum, "fsync", C::Sighup, "", 0, 0, "fsync,syncfs"},
    {"recovery_min_apply_delay", T::Integer, "0", C::Sighup, "ms", 0, 2147483647},
    {"recovery_prefetch", T::Enum, "try", C::Sighup, "", 0, 0, "off,on,try"},
    {"recovery_target", T::String, "", C::Postmaster},
    {"recovery_target_action", T::Enum, "pause", C::Postmaster, "", 0, 0, "pause,promote,shutdown"},
    {"recovery_target_inclusive", T::Bool, "on", C::Postmaster},
    {"recovery_target_lsn", T::String, "", C::Postmaster},
    {"recovery_target_name", T::String, "", C::Postmaster},
    {"recovery_target_time", T::String, "", C::Postmaster},
    {"recovery_target_timeline", T::String, "latest", C::Postmaster},
    {"recovery_target_xid", T::String, "", C::Postmaster},
    {"recursive_worktable_factor", T::Real, "10", C::User, "", 0.001, 1e+06},
    {"remove_temp_files_after_crash", T::Bool, "on", C::Sighup},
    {"restart_after_crash", T::Bool, "on", C::Sighup},
    {"restore_command", T::String, "", C::Sighup},
    {"restrict_nonsystem_relation_kind", T::String, "", C::User},
    {"row_security", T::Bool, "on", C::User},
    {"search_path", T::String, "\"$user\", public", C::User},
    {"segment_size", T::Integer, "1GB", C::Internal, "8kB", 131072, 131072},
    {"seq_page_cost", T::Real, "1", C::User, "", 0, 1.79769e+308},
    {"server_encoding", T::String, "UTF8", C::Internal},
    {"server_version", T::String, "15.18 (Debian 15.18-0+deb12u1)", C::Internal},
    {"server_version_num", T::Integer, "150018", C::Internal, "", 150018, 150018},
    {"session_authorization", T::String, "", C::Superuser},
    {"session_preload_libraries", T::String, "", C::Superuser},
    {"session_replication_role", T::Enum, "origin", C::Superuser, "", 0, 0, "origin,replica,local"},
    {"shared_buffers", T::Integer, "128MB", C::Postmaster, "8kB", 16, 1073741823},
    {"shared_memory_size", T::Integer, "143MB", C::Internal, "MB", 0, 2147483647},
    {"shared_memory_size_in_huge_pages", T::Integer, "72", C::Internal, "", -1, 2147483647},
    {"shared_memory_type", T::Enum, "mmap", C::Postmaster, "", 0, 0, "sysv,mmap"},
    {"shared_preload_libraries", T::String, "", C::Postmaster},
    {"ssl", T::Bool, "off", C::Sighup},
    {"ssl_ca_file", T::String, "", C::Sighup},
    {"ssl_cert_file", T::String, "server.crt", C::Sighup},
    {"ssl_ciphers", T::String, "HIGH:MEDIUM:+3DES:!aNULL", C::Sighup},
    {"ssl_crl_dir", T::String, "", C::Sighup},
    {"ssl_crl_file", T::String, "", C::Sighup},
    {"ssl_dh_params_file", T::String, "", C::Sighup},
    {"ssl_ecdh_curve", T::String, "prime256v1", C::Sighup},
    {"ssl_key_file", T::String, "server.key", C::Sighup},
    {"ssl_library", T::String, "OpenSSL", C::Internal},
    {"ssl_max_protocol_version", T::Enum, "", C::Sighup, "", 0, 0, ",TLSv1,TLSv1.1,TLSv1.2,TLSv1.3"},
    {"ssl_min_protocol_version", T::Enum, "TLSv1.2", C::Sighup, "", 0, 0, "TLSv1,TLSv1.1,TLSv1.2,TLSv1.3"},
    {"ssl_passphrase_command", T::String, "", C::Sighup},
    {"ssl_passphrase_command_supports_reload", T::Bool, "off", C::Sighup},
    {"ssl_prefer_server_ciphers", T::Bool, "on", C::Sighup},
    {"standard_conforming_strings", T::Bool, "on", C::User},
    {"statement_timeout", T::Integer, "0", C::User, "ms", 0, 2147483647},
    {"stats_fetch_consistency", T::Enum, "cache", C::User, "", 0, 0, "none,cache,snapshot"},
    {"superuser_reserved_connections", T::Integer, "3", C::Postmaster, "", 0, 262143},
    {"synchronize_seqscans", T::Bool, "on", C::User},
    {"synchronous_commit", T::Enum, "on", C::User, "", 0, 0, "local,remote_write,remote_apply,on,off"},
    {"synchronous_standby_names", T::String, "", C::Sighup},
    {"syslog_facility", T::Enum, "local0", C::Sighup, "", 0, 0, "local0,local1,local2,local3,local4,local5,local6,local7"},
    {"syslog_ident", T::String, "postgres", C::Sighup},
    {"syslog_sequence_numbers", T::Bool, "on", C::Sighup},
    {"syslog_split_messages", T::Bool, "on", C::Sighup},
    {"tcp_keepalives_count", T::Integer, "0", C::User, "", 0, 2147483647},
    {"tcp_keepalives_idle", T::Integer, "0", C::User, "s", 0, 2147483647},
    {"tcp_keepalives_interval", T::Integer, "0", C::User, "s", 0, 2147483647},
    {"tcp_user_timeout", T::Integer, "0", C::User, "ms", 0, 2147483647},
    {"temp_buffers", T::Integer, "8MB", C::User, "8kB", 100, 1073741823},
    {"temp_file_limit", T::Integer, "-1", C::Superuser, "kB", -1, 2147483647},
    {"temp_tablespaces", T::String, "", C::User},
    {"TimeZone", T::String, "UTC", C::User},
    {"timezone_abbreviations", T::String, "Default", C::User},
    {"trace_notify", T::Bool, "off", C::User},
    {"trace_recovery_messages", T::Enum, "log", C::Sighup, "", 0, 0, "debug5,debug4,debug3,debug2,debug1,log,notice,warning,error"},
    {"trace_sort", T::Bool, "off", C::User},
    {"track_activities", T::Bool, "on", C::Superuser},
    {"track_activity_query_size", T::Integer, "1kB", C::Postmaster, "B", 100, 1048576},
    {"track_commit_timestamp", T::Bool, "off", C::Postmaster},
    {"track_counts", T::Bool, "on", C::Superuser},
    {"track_functions", T::Enum, "none", C::Superuser, "", 0, 0, "none,pl,all"},
    {"track_io_timing", T::Bool, "off", C::Superuser},
    {"track_wal_io_timing", T::Bool, "off", C::Superuser},
    {"transaction_deferrable", T::Bool, "off", C::User},
    {"transaction_isolation", T::Enum, "read committed", C::User, "", 0, 0, "serializable,repeatable read,read committed,read uncommitted"},
    {"transaction_read_only", T::Bool, "off", C::User},
    {"transform_null_equals", T::Bool, "off", C::User},
    {"unix_socket_directories", T::String, "/var/run/postgresql", C::Postmaster},
    {"unix_socket_group", T::String, "", C::Postmaster},
    {"unix_socket_permissions", T::Integer, "0777", C::Postmaster, "", 0, 511},
    {"update_process_title", T::Bool, "on", C::Superuser},
    {"vacuum_cost_delay", T::Real, "0", C::User, "ms", 0, 100},
    {"vacuum_cost_limit", T::Integer, "200", C::User, "", 1, 10000},
    {"vacuum_cost_page_dirty", T::Integer, "20", C::User, "", 0, 10000},
    {"vacuum_cost_page_hit", T::Integer, "1", C::User, "", 0, 10000},
    {"vacuum_cost_page_miss", T::Integer, "2", C::User, "", 0, 10000},
    {"vacuum_defer_cleanup_age", T::Integer, "0", C::Sighup, "", 0, 1000000},
    {"vacuum_failsafe_age", T::Integer, "1600000000", C::User, "", 0, 2100000000},
    {"vacuum_freeze_min_age", T::Integer, "50000000", C::User, "", 0, 1000000000},
    {"vacuum_freeze_table_age", T::Integer, "150000000", C::User, "", 0, 2000000000},
    {"vacuum_multixact_failsafe_age", T::Integer, "1600000000", C::User, "", 0, 2100000000},
    {"vacuum_multixact_freeze_min_age", T::Integer, "5000000", C::User, "", 0, 1000000000},
    {"vacuum_multixact_freeze_table_age", T::Integer, "150000000", C::User, "", 0, 2000000000},
    {"wal_block_size", T::Integer, "8192", C::Internal, "", 8192, 8192},
    {"wal_buffers", T::Integer, "4MB", C::Postmaster, "8kB", -1, 262143},
    {"wal_compression", T::Enum, "off", C::Superuser, "", 0, 0, "pglz,lz4,zstd,on,off"},
    {"wal_consistency_checking", T::String, "", C::Superuser},
    {"wal_decode_buffer_size", T::Integer, "512kB", C::Postmaster, "B", 65536, 1073741823},
    {"wal_init_zero", T::Bool, "on", C::Superuser},
    {"wal_keep_size", T::Integer, "0", C::Sighup, "MB", 0, 2147483647},
    {"wal_level", T::Enum, "replica", C::Postmaster, "", 0, 0, "minimal,replica,logical"},
    {"wal_log_hints", T::Bool, "off", C::Postmaster},
    {"wal_receiver_create_temp_slot", T::Bool, "off", C::Sighup},
    {"wal_receiver_status_interval", T::Integer, "10s", C::Sighup, "s", 0, 2147483},
    {"wal_receiver_timeout", T::Integer, "1min", C::Sighup, "ms", 0, 2147483647},
    {"wal_recycle", T::Bool, "on", C::Superuser},
    {"wal_retrieve_retry_interval", T::Integer, "5s", C::Sighup, "ms", 1, 2147483647},
    {"wal_segment_size", T::Integer, "16MB", C::Internal, "B", 1048576, 1073741824},
    {"wal_sender_timeout", T::Integer, "1min", C::User, "ms", 0, 2147483647},
    {"wal_skip_threshold", T::Integer, "2MB", C::User, "kB", 0, 2147483647},
    {"wal_sync_method", T::Enum, "fdatasync", C::Sighup, "", 0, 0, "fsync,fdatasync,open_sync,open_datasync"},
    {"wal_writer_delay", T::Integer, "200ms", C::Sighup, "ms", 1, 10000},
    {"wal_writer_flush_after", T::Integer, "1MB", C::Sighup, "8kB", 0, 2147483647},
    {"work_mem", T::Integer, "4MB", C::User, "kB", 64, 2147483647},
    {"xmlbinary", T::Enum, "base64", C::User, "", 0, 0, "base64,hex"},
    {"xmloption", T::Enum, "content", C::User, "", 0, 0, "content,document"},
    {"zero_damaged_pages", T::Bool, "off", C::Superuser},
};
// clang-format on

//! What Duckgres does with a parameter beyond keeping it: the parameters it uses, reports or fixes.
struct DuckgresUse {
    const char *name;
    SettingEffect effect;
    bool reported;
    const char *default_value; //!< nullptr: PostgreSQL's
    const char *description;
};

constexpr DuckgresUse kDuckgresUses[] = {
    {"application_name", SettingEffect::Session, true, nullptr, "Sets the application name to be reported."},
    {"client_encoding", SettingEffect::Session, true, nullptr, "Sets the client's character set encoding."},
    {"DateStyle", SettingEffect::Session, true, nullptr, "Sets the display format for date and time values."},
    {"IntervalStyle", SettingEffect::Session, true, nullptr, "Sets the display format for interval values."},
    {"TimeZone", SettingEffect::Session, true, nullptr,
     "Sets the time zone for displaying and interpreting time stamps."},
    {"extra_float_digits", SettingEffect::Session, false, nullptr, "Sets the number of digits displayed for floats."},
    {"search_path", SettingEffect::Session, false, nullptr, "Sets the schema search order."},
    {"lock_timeout", SettingEffect::Session, false, nullptr,
     "Sets the maximum allowed duration of any wait for a lock."},
    {"statement_timeout", SettingEffect::Session, false, nullptr,
     "Sets the maximum allowed duration of any statement."},
    {"idle_in_transaction_session_timeout", SettingEffect::Session, false, nullptr,
     "Sets the maximum allowed idle time between queries, when in a transaction."},
    {"idle_session_timeout", SettingEffect::Session, false, nullptr,
     "Sets the maximum allowed idle time between queries, when not in a transaction."},
    {"standard_conforming_strings", SettingEffect::Session, true, nullptr,
     "Causes '...' strings to treat backslashes literally."},
    {"default_transaction_read_only", SettingEffect::Session, true, nullptr,
     "Sets the default read-only status of new transactions."},
    {"default_transaction_isolation", SettingEffect::Ignored, false, nullptr,
     "Sets the transaction isolation level of each new transaction."},
    {"transaction_isolation", SettingEffect::Ignored, false, nullptr,
     "Sets the current transaction's isolation level."},
    {"transaction_read_only", SettingEffect::Ignored, false, nullptr,
     "Sets the current transaction's read-only status."},
    {"transaction_deferrable", SettingEffect::Ignored, false, nullptr,
     "Whether to defer a read-only serializable transaction until it can be executed with no possible "
     "serialization failures."},
    {"client_min_messages", SettingEffect::Session, false, nullptr,
     "Sets the message levels that are sent to the client."},
    {"bytea_output", SettingEffect::Session, false, nullptr, "Sets the output format for bytea."},
    {"server_version", SettingEffect::ReadOnly, true, "15.0", "Shows the server version."},
    {"server_version_num", SettingEffect::ReadOnly, false, "150000", "Shows the server version as an integer."},
    {"server_encoding", SettingEffect::ReadOnly, true, nullptr, "Shows the server (database) character set encoding."},
    {"integer_datetimes", SettingEffect::ReadOnly, true, nullptr, "Shows whether datetimes are integer based."},
    {"is_superuser", SettingEffect::ReadOnly, true, "on", "Shows whether the current user is a superuser."},
    {"session_authorization", SettingEffect::ReadOnly, true, nullptr, "Sets the session user name."},
    {"in_hot_standby", SettingEffect::ReadOnly, true, nullptr, "Shows whether hot standby is currently active."},
};

//! Parameters whose value outside a transaction (and at its start) is another's: SHOW transaction_read_only
//! shows default_transaction_read_only until the transaction sets its own.
constexpr std::pair<std::string_view, std::string_view> kFollows[] = {
    {"transaction_read_only", "default_transaction_read_only"},
    {"transaction_isolation", "default_transaction_isolation"},
    {"transaction_deferrable", "default_transaction_deferrable"},
};

} // namespace

const std::vector<SettingDefinition> &SessionSettings::Definitions() {
    static const std::vector<SettingDefinition> definitions = [] {
        std::vector<SettingDefinition> all;
        for (auto definition : kPostgresParameters) {
            for (const auto &use : kDuckgresUses) {
                if (AsciiLower(use.name) == AsciiLower(definition.name)) {
                    definition.effect = use.effect;
                    definition.reported = use.reported;
                    definition.description = use.description;
                    if (use.default_value) {
                        definition.default_value = use.default_value;
                    }
                }
            }
            all.push_back(definition);
        }
        return all;
    }();
    return definitions;
}

const SettingDefinition *SessionSettings::Find(std::string_view name) {
    // Built once per process: lower-case name -> definition (hashed: looked up several times per statement).
    static const std::vector<std::string> lower_names = [] { // the index's keys, in Definitions() order
        std::vector<std::string> names;
        for (const auto &definition : Definitions()) {
            names.push_back(AsciiLower(definition.name));
        }
        return names;
    }();
    static const auto index = [] {
        std::unordered_map<std::string_view, const SettingDefinition *> by_name;
        for (size_t i = 0; i < lower_names.size(); i++) {
            by_name.emplace(lower_names[i], &Definitions()[i]);
        }
        return by_name;
    }();
    auto found = index.find(AsciiLowerView(name).View());
    return found == index.end() ? nullptr : found->second;
}

SessionSettings::SessionSettings() {
    ResetAll();
}

std::string SessionSettings::DefaultOf(std::string_view key, const SettingDefinition &definition) const {
    auto configured = defaults_.find(key);
    return configured != defaults_.end() ? configured->second : definition.default_value;
}

std::optional<std::string> SessionSettings::Get(const std::string &name) const {
    AsciiLowerView lower(name); // no copy: called for every statement
    const auto key = lower.View();
    if (auto it = values_.find(key); it != values_.end()) {
        return it->second;
    }
    if (const auto *definition = Find(key)) {
        for (const auto &[parameter, follows] : kFollows) {
            if (parameter == key && !defaults_.count(key)) {
                return Get(std::string(follows));
            }
        }
        return DefaultOf(key, *definition);
    }
    auto custom = custom_.find(key);
    return custom == custom_.end() ? std::nullopt : std::optional<std::string>(custom->second);
}

std::optional<SqlError> SessionSettings::RefuseChange(const SettingDefinition &definition, bool superuser) {
    struct Rule {
        SettingContext context;
        bool superusers_too; //!< false: only other users are refused
        const char *sqlstate;
        const char *why; //!< after `parameter "name" `
    };
    static constexpr Rule kRules[] = {
        {SettingContext::Internal, true, "55P02", "cannot be changed"},
        {SettingContext::Postmaster, true, "55P02", "cannot be changed without restarting the server"},
        {SettingContext::Sighup, true, "55P02", "cannot be changed now"},
        {SettingContext::SuperuserBackend, true, "55P02", "cannot be set after connection start"},
        {SettingContext::Backend, true, "55P02", "cannot be set after connection start"},
        {SettingContext::Superuser, false, "42501", nullptr},
    };
    for (const auto &rule : kRules) {
        if (rule.context == definition.context && (rule.superusers_too || !superuser)) {
            const std::string name(definition.name);
            return rule.why ? SqlError(rule.sqlstate, "parameter \"" + name + "\" " + rule.why)
                            : SqlError(rule.sqlstate, "permission denied to set parameter \"" + name + "\"");
        }
    }
    return std::nullopt;
}

bool SessionSettings::IsMilliseconds(const std::string &name) {
    const auto *definition = Find(name);
    return definition && definition->type == SettingType::Integer && std::string_view(definition->unit) == "ms";
}

int64_t SessionSettings::Milliseconds(const std::string &name) const {
    auto value = Get(name);
    std::string error, hint;
    return value ? ParseMilliseconds(name, *value, error, hint).value_or(0) : 0;
}

namespace {

//! A value of the parameter's PostgreSQL type, as SHOW prints it; sets `error` (and maybe `hint`) when invalid.
std::string NormalizeByType(const SettingDefinition &definition, const std::string &value, std::string &error,
                            std::string &hint) {
    switch (definition.type) {
    case SettingType::Bool:
        if (auto parsed = ParseBoolSetting(value)) {
            return *parsed ? "on" : "off";
        }
        error = "parameter \"" + std::string(definition.name) + "\" requires a Boolean value";
        return "";
    case SettingType::Integer:
    case SettingType::Real: {
        NumericSetting numeric{definition.name, definition.type == SettingType::Integer, definition.unit,
                               definition.min_value, definition.max_value};
        auto parsed = ParseNumericSetting(numeric, value, error, hint);
        return parsed ? FormatNumericSetting(numeric, *parsed) : "";
    }
    case SettingType::Enum: {
        if (auto matched = MatchEnumSetting(definition.enum_values, value)) {
            return *matched;
        }
        error = "invalid value for parameter \"" + std::string(definition.name) + "\": \"" + value + "\"";
        hint = "Available values: " + std::string(definition.enum_values) + ".";
        for (size_t comma = hint.find(','); comma != std::string::npos; comma = hint.find(',', comma + 2)) {
            hint.insert(comma + 1, " ");
        }
        return "";
    }
    case SettingType::String:
        break;
    }
    return value;
}

//! DateStyle's key words: an output style, an input order, or DEFAULT (both of "ISO, MDY").
struct DateStyleWord {
    const char *word;
    const char *style; //!< nullptr: the word sets no style
    const char *order; //!< nullptr: the word sets no order
};
constexpr DateStyleWord kDateStyleWords[] = {
    {"iso", "ISO", nullptr},       {"sql", "SQL", nullptr},      {"postgres", "Postgres", nullptr},
    {"german", "German", nullptr}, {"ymd", nullptr, "YMD"},      {"dmy", nullptr, "DMY"},
    {"euro", nullptr, "DMY"},      {"european", nullptr, "DMY"}, {"mdy", nullptr, "MDY"},
    {"us", nullptr, "MDY"},        {"noneuro", nullptr, "MDY"},  {"noneuropean", nullptr, "MDY"},
    {"default", "ISO", "MDY"},
};

//! DateStyle as SHOW prints it ("SQL, DMY") after `lower_value` is applied to `current`: a part not given keeps its
//! current value, except that German without an order means DMY. Sets `error` for unknown or conflicting words.
std::string CanonicalDateStyle(const std::string &value, const std::string &lower_value, const std::string &current,
                               std::string &error) {
    std::string style;
    std::string order;
    bool valid = true;
    size_t start = 0;
    while (valid && start <= lower_value.size()) {
        const size_t end = std::min(lower_value.find(',', start), lower_value.size());
        std::string word = lower_value.substr(start, end - start);
        word.erase(0, word.find_first_not_of(' '));
        word.erase(word.find_last_not_of(' ') + 1);
        start = end + 1;
        const auto *match = std::find_if(std::begin(kDateStyleWords), std::end(kDateStyleWords),
                                         [&word](const DateStyleWord &entry) { return word == entry.word; });
        if (match == std::end(kDateStyleWords)) {
            valid = false;
            break;
        }
        const bool is_default = match->style != nullptr && match->order != nullptr;
        if (match->style != nullptr && !(is_default && !style.empty())) {
            valid = valid && (style.empty() || is_default || style == match->style);
            style = match->style;
        }
        if (match->order != nullptr && !(is_default && !order.empty())) {
            valid = valid && (order.empty() || is_default || order == match->order);
            order = match->order;
        }
    }
    if (!valid) {
        error = "invalid value for parameter \"DateStyle\": \"" + value + "\"";
        return "";
    }
    const size_t comma = current.find(", ");
    if (style.empty()) {
        style = current.substr(0, comma);
    }
    if (order.empty()) {
        order = style == "German" ? "DMY" : current.substr(comma + 2);
    }
    return style + ", " + order;
}

} // namespace

std::string SessionSettings::Normalize(const std::string &name, const std::string &value, std::string &error,
                                       std::string &hint) const {
    auto lower = AsciiLower(name);
    auto lower_value = AsciiLower(value);
    // Values may arrive quoted from startup packets (asyncpg sends 'utf-8').
    if (lower_value.size() >= 2 && lower_value.front() == '\'' && lower_value.back() == '\'') {
        lower_value = lower_value.substr(1, lower_value.size() - 2);
    }
    if (lower == "client_encoding") {
        if (lower_value != "utf8" && lower_value != "utf-8" && lower_value != "unicode") {
            error = "invalid value for parameter \"client_encoding\": \"" + value + "\"";
            return "";
        }
        return "UTF8";
    }
    if (lower == "datestyle") {
        return CanonicalDateStyle(value, lower_value, Get("datestyle").value_or("ISO, MDY"), error);
    }
    if (lower == "timezone") {
        if (!types::TimeZone::Load(value)) {
            error = "invalid value for parameter \"TimeZone\": \"" + value + "\"";
            return "";
        }
        return value;
    }
    if (lower == "default_text_search_config") {
        // The configurations Duckgres has, by their qualified name as PostgreSQL shows them.
        try {
            return types::ParseTsConfig(lower_value) == types::TsConfig::English ? "pg_catalog.english"
                                                                                 : "pg_catalog.simple";
        } catch (const SqlError &) {
            error = "invalid value for parameter \"default_text_search_config\": \"" + value + "\"";
            return "";
        }
    }
    if (lower == "standard_conforming_strings") {
        if (lower_value != "on" && lower_value != "true") {
            error = "non-standard string literals are not supported";
            return "";
        }
        return "on";
    }
    return NormalizeByType(*Find(name), value, error, hint);
}

std::optional<SqlError> SessionSettings::Set(const std::string &name, const std::string &value) {
    changed_ = true;
    if (!Find(name)) {
        if (IsPlaceholder(name)) {
            custom_[AsciiLower(name)] = value;
            return std::nullopt;
        }
        return SqlError("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    std::string error, hint;
    auto normalized = Normalize(name, value, error, hint);
    if (!error.empty()) {
        return SqlError("22023", error, "", hint);
    }
    local_saved_.erase(AsciiLower(name));
    values_[AsciiLower(name)] = normalized;
    return std::nullopt;
}

std::optional<SqlError> SessionSettings::SetDefault(const std::string &name, const std::string &value) {
    auto error = Set(name, value);
    if (!error) {
        auto key = AsciiLower(name);
        if (auto set = values_.find(key); set != values_.end()) {
            defaults_[key] = set->second;
            values_.erase(set);
        }
    }
    return error;
}

std::optional<SqlError> SessionSettings::SetLocal(const std::string &name, const std::string &value) {
    auto key = AsciiLower(name);
    auto previous = values_.find(key);
    std::optional<std::string> saved;
    if (previous != values_.end()) {
        saved = previous->second;
    }
    auto error = Set(name, value);
    if (!error) {
        local_saved_.emplace(key, saved);
    }
    return error;
}

void SessionSettings::Reset(const std::string &name) {
    changed_ = true;
    if (auto custom = custom_.find(AsciiLower(name)); custom != custom_.end()) {
        custom->second.clear(); // a reset placeholder stays defined, empty
    }
    if (Find(name)) {
        values_.erase(AsciiLower(name));
    }
}

void SessionSettings::ResetAll() {
    changed_ = true;
    // Read-only values the server set for this session (session_authorization, is_superuser) stay.
    for (auto it = values_.begin(); it != values_.end();) {
        const auto *definition = Find(it->first);
        it = definition && definition->effect == SettingEffect::ReadOnly ? std::next(it) : values_.erase(it);
    }
}

void SessionSettings::BeginTransaction() {
    transaction_start_ = values_;
    local_saved_.clear();
}

void SessionSettings::EndTransaction(bool committed) {
    changed_ = true;
    if (!committed && transaction_start_) {
        values_ = *transaction_start_;
    } else {
        for (auto &[key, value] : local_saved_) {
            if (value) {
                values_[key] = *value;
            } else {
                values_.erase(key);
            }
        }
    }
    local_saved_.clear();
    transaction_start_.reset();
}

std::vector<std::pair<std::string, std::string>> SessionSettings::TakeReportedChanges() {
    std::vector<std::pair<std::string, std::string>> changes;
    if (!changed_) {
        return changes; // the common case, checked after every statement
    }
    changed_ = false;
    for (const auto &definition : Definitions()) {
        if (!definition.reported) {
            continue;
        }
        auto key = AsciiLower(definition.name);
        auto value = Get(key).value_or("");
        auto it = reported_.find(key);
        if (it == reported_.end() || it->second != value) {
            reported_[key] = value;
            changes.emplace_back(definition.name, value);
        }
    }
    return changes;
}

std::pair<std::string, std::string> PgSettingsValue(const SettingDefinition &definition, const std::string &shown) {
    const bool numeric = definition.type == SettingType::Integer || definition.type == SettingType::Real;
    if (!numeric || *definition.unit == '\0') {
        return {shown, ""};
    }
    NumericSetting setting{definition.name, definition.type == SettingType::Integer, definition.unit,
                           definition.min_value, definition.max_value};
    std::string error, hint;
    auto value = ParseNumericSetting(setting, shown, error, hint);
    if (!value) {
        return {shown, definition.unit};
    }
    if (setting.integer) {
        return {std::to_string(static_cast<long long>(std::llround(*value))), definition.unit};
    }
    char text[64];
    std::snprintf(text, sizeof(text), "%g", *value);
    return {text, definition.unit};
}

} // namespace duckgres::session
