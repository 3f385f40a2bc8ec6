// In-process DuckDB baseline for bench/run.sh: connection, SELECT 1 and point-query rates, scans, COPY, GROUP BY.
//
// Usage (every subcommand prints "result=<number>" as its last stdout line; details go to stderr):
//   version                         DuckDB library version
//   load    DBFILE ROWS BIG_ROWS POINT_ROWS
//                                   create t (ROWS rows, 4 columns), big (BIG_ROWS rows, k and v) and point_t
//                                   (POINT_ROWS rows, id BIGINT PRIMARY KEY and v TEXT)
//   connect DBFILE SECONDS THREADS  duckdb_connect + duckdb_disconnect per second on an open database
//   select1 DBFILE SECONDS THREADS  duckdb_query("SELECT 1") per second, one connection per thread
//   select1p DBFILE SECONDS THREADS the same through a prepared statement (duckdb_execute_prepared)
//   point   DBFILE SECONDS THREADS POINT_ROWS
//                                   prepared SELECT v FROM point_t WHERE id = $1 per second, id uniformly random in
//                                   1..POINT_ROWS (duckdb_bind_int64 + duckdb_execute_prepared), one per thread
//   fetch   DBFILE REPEATS          best seconds to stream SELECT * FROM t and read every value (no text formatting)
//   copyout DBFILE REPEATS FILE     best seconds of COPY t TO FILE (FORMAT csv)
//   copyin  DBFILE REPEATS FILE     best seconds of COPY t_in FROM FILE (FORMAT csv) into a freshly created t_in
//   scan    DBFILE REPEATS [OUT]    best seconds (of REPEATS, after a warm-up) to stream SELECT * FROM t and write
//                                   it as text to OUT (default /dev/null): a row a line, fields split by '|'
//   groupby DBFILE REPEATS          best seconds (of REPEATS, after a warm-up) for
//                                   SELECT k, count(*), sum(v), avg(v) FROM big GROUP BY k
//   query   DBFILE SQL              run one statement; prints its first BIGINT value (for sanity checks)
#include <duckdb.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

[[noreturn]] void die(const std::string &what, const char *detail = nullptr) {
    std::fprintf(stderr, "duckdb_bench: %s%s%s\n", what.c_str(), detail ? ": " : "", detail ? detail : "");
    std::exit(1);
}

// Owns an open database and one connection; both are closed on destruction.
class Session {
public:
    explicit Session(const char *path) {
        char *error = nullptr;
        if (duckdb_open_ext(path, &db_, nullptr, &error) != DuckDBSuccess) {
            die("cannot open database", error);
        }
        if (duckdb_connect(db_, &conn_) != DuckDBSuccess) {
            die("cannot connect");
        }
    }
    ~Session() {
        duckdb_disconnect(&conn_);
        duckdb_close(&db_);
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    duckdb_database db() const { return db_; }
    duckdb_connection conn() const { return conn_; }

    // Runs a statement, reads every chunk of its result and returns the row count.
    uint64_t run(const std::string &sql, int64_t *first_bigint = nullptr) const {
        duckdb_result result;
        if (duckdb_query(conn_, sql.c_str(), &result) == DuckDBError) {
            std::fprintf(stderr, "duckdb_bench: statement failed: %s\n", sql.c_str());
            die("error", duckdb_result_error(&result));
        }
        uint64_t rows = 0;
        duckdb_data_chunk chunk;
        while ((chunk = duckdb_fetch_chunk(result)) != nullptr) {
            idx_t size = duckdb_data_chunk_get_size(chunk);
            if (first_bigint != nullptr && rows == 0 && size > 0 &&
                duckdb_column_type(&result, 0) == DUCKDB_TYPE_BIGINT) {
                *first_bigint =
                    static_cast<int64_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(chunk, 0)))[0];
            }
            rows += size;
            duckdb_destroy_data_chunk(&chunk);
        }
        duckdb_destroy_result(&result);
        return rows;
    }

private:
    duckdb_database db_ = nullptr;
    duckdb_connection conn_ = nullptr;
};

// ---- load ------------------------------------------------------------------------------------------------------

int cmd_load(const char *path, long long rows, long long big_rows, long long point_rows) {
    Session s(path);
    double start = now_seconds();
    s.run("DROP TABLE IF EXISTS t");
    s.run("DROP TABLE IF EXISTS big");
    s.run("DROP TABLE IF EXISTS point_t");
    // The same statements run.sh sends to Duckgres and PostgreSQL.
    s.run("CREATE TABLE t AS SELECT i::bigint AS id, random()::float8 AS a, md5(i::text) AS b, "
          "date '2000-01-01' + (i % 10000)::int AS c FROM generate_series(1, " +
          std::to_string(rows) + ") AS s(i)");
    s.run("CREATE TABLE big AS SELECT (i % 1000)::int AS k, random()::float8 AS v FROM generate_series(1, " +
          std::to_string(big_rows) + ") AS s(i)");
    s.run("CREATE TABLE point_t (id bigint PRIMARY KEY, v text)");
    s.run("INSERT INTO point_t SELECT i, md5(i::text) FROM generate_series(1, " + std::to_string(point_rows) +
          ") AS s(i)");
    s.run("CHECKPOINT");
    std::fprintf(stderr, "loaded t (%lld rows), big (%lld rows) and point_t (%lld rows)\n", rows, big_rows, point_rows);
    std::printf("result=%.3f\n", now_seconds() - start);
    return 0;
}

// ---- connect / select1 / select1p / point: rate loops on THREADS threads ------------------------------------------

enum class RateKind { connect, select1, select1_prepared, point };

const char *rate_label(RateKind kind) {
    switch (kind) {
    case RateKind::connect:
        return "connect+disconnect";
    case RateKind::select1:
        return "SELECT 1";
    case RateKind::select1_prepared:
        return "prepared SELECT 1";
    case RateKind::point:
        return "prepared point query";
    }
    return "?";
}

// Reads the single row of a result back, as a client would: SELECT 1 must give the INTEGER 1, the point query one
// 32-character VARCHAR. Returns an error text, or nullptr.
const char *check_single_row(duckdb_result &result, RateKind kind) {
    const char *error = nullptr;
    duckdb_data_chunk chunk = duckdb_fetch_chunk(result);
    if (chunk == nullptr || duckdb_data_chunk_get_size(chunk) != 1) {
        error = kind == RateKind::point ? "point query did not return one row" : "SELECT 1 did not return one row";
    } else if (kind == RateKind::point) {
        auto *str = static_cast<duckdb_string_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(chunk, 0)));
        if (duckdb_string_t_length(*str) != 32) {
            error = "point query returned something else";
        }
    } else if (static_cast<int32_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(chunk, 0)))[0] != 1) {
        error = "SELECT 1 returned something else";
    }
    if (chunk != nullptr) {
        duckdb_destroy_data_chunk(&chunk);
    }
    return error;
}

int cmd_rate(const char *path, double seconds, int threads, RateKind kind, int64_t point_rows) {
    if (threads < 1 || threads > 256 || seconds <= 0 || (kind == RateKind::point && point_rows < 1)) {
        die("bad SECONDS, THREADS or POINT_ROWS");
    }
    Session s(path);
    std::atomic<bool> go{false};
    std::atomic<double> deadline{0};
    std::vector<long long> counts(threads, 0);
    std::vector<const char *> errors(threads, nullptr);
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; i++) {
        workers.emplace_back([&, i] {
            duckdb_connection conn = nullptr;
            duckdb_prepared_statement stmt = nullptr;
            if (kind != RateKind::connect && duckdb_connect(s.db(), &conn) != DuckDBSuccess) {
                errors[i] = "duckdb_connect failed";
                return;
            }
            if (kind == RateKind::select1_prepared || kind == RateKind::point) {
                const char *sql = kind == RateKind::point ? "SELECT v FROM point_t WHERE id = $1" : "SELECT 1";
                if (duckdb_prepare(conn, sql, &stmt) != DuckDBSuccess) {
                    std::fprintf(stderr, "duckdb_bench: prepare failed: %s\n", duckdb_prepare_error(stmt));
                    errors[i] = "duckdb_prepare failed";
                    duckdb_destroy_prepare(&stmt);
                    duckdb_disconnect(&conn);
                    return;
                }
            }
            std::mt19937_64 rng(0x5eed + static_cast<uint64_t>(i));
            std::uniform_int_distribution<int64_t> ids(1, std::max<int64_t>(point_rows, 1));
            while (!go.load()) {
                std::this_thread::yield();
            }
            double end = deadline.load();
            long long n = 0;
            while (now_seconds() < end) {
                if (kind == RateKind::connect) {
                    duckdb_connection c;
                    if (duckdb_connect(s.db(), &c) != DuckDBSuccess) {
                        errors[i] = "duckdb_connect failed";
                        break;
                    }
                    duckdb_disconnect(&c);
                    n++;
                    continue;
                }
                duckdb_result result;
                duckdb_state state;
                if (kind == RateKind::select1) {
                    state = duckdb_query(conn, "SELECT 1", &result);
                } else {
                    if (kind == RateKind::point && duckdb_bind_int64(stmt, 1, ids(rng)) != DuckDBSuccess) {
                        errors[i] = "duckdb_bind_int64 failed";
                        break;
                    }
                    state = duckdb_execute_prepared(stmt, &result);
                }
                if (state == DuckDBError) {
                    std::fprintf(stderr, "duckdb_bench: %s failed: %s\n", rate_label(kind),
                                 duckdb_result_error(&result));
                    errors[i] = "statement failed";
                } else {
                    errors[i] = check_single_row(result, kind);
                }
                duckdb_destroy_result(&result);
                if (errors[i] != nullptr) {
                    break;
                }
                n++;
            }
            counts[i] = n;
            if (stmt != nullptr) {
                duckdb_destroy_prepare(&stmt);
            }
            if (conn != nullptr) {
                duckdb_disconnect(&conn);
            }
        });
    }
    double start = now_seconds();
    deadline.store(start + seconds);
    go.store(true);
    long long total = 0;
    for (int i = 0; i < threads; i++) {
        workers[i].join();
    }
    for (int i = 0; i < threads; i++) {
        total += counts[i];
        if (errors[i] != nullptr) {
            die(errors[i]);
        }
    }
    double elapsed = now_seconds() - start;
    std::fprintf(stderr, "%s: %lld in %.2f s with %d thread(s)\n", rate_label(kind), total, elapsed, threads);
    std::printf("result=%.1f\n", static_cast<double>(total) / elapsed);
    return 0;
}

// ---- scan: stream table t and format every value as text, psql -A -t style ---------------------------------------

// Buffered writer that counts the bytes it wrote.
class TextSink {
public:
    explicit TextSink(FILE *out) : out_(out), buf_(1 << 16) {}
    ~TextSink() { flush(); }

    void put(const char *data, size_t n) {
        if (len_ + n > buf_.size()) {
            flush();
            if (n > buf_.size()) {
                std::fwrite(data, 1, n, out_);
                bytes_ += n;
                return;
            }
        }
        std::memcpy(buf_.data() + len_, data, n);
        len_ += n;
    }
    void put(char c) { put(&c, 1); }
    void flush() {
        if (len_ > 0) {
            std::fwrite(buf_.data(), 1, len_, out_);
            bytes_ += len_;
            len_ = 0;
        }
        std::fflush(out_);
    }
    uint64_t bytes() const { return bytes_; }

private:
    FILE *out_;
    std::vector<char> buf_;
    size_t len_ = 0;
    uint64_t bytes_ = 0;
};

template <typename T>
size_t format_number(char *out, size_t cap, T v) {
    // Integers: decimal. Doubles: shortest text that reads back exactly, as PostgreSQL 15 prints float8.
    return static_cast<size_t>(std::to_chars(out, out + cap, v).ptr - out);
}

size_t format_date(char *out, size_t cap, duckdb_date d) {
    duckdb_date_struct s = duckdb_from_date(d);
    return static_cast<size_t>(std::snprintf(out, cap, "%04d-%02d-%02d", s.year, s.month, s.day));
}

size_t format_timestamp(char *out, size_t cap, duckdb_timestamp ts) {
    duckdb_timestamp_struct s = duckdb_from_timestamp(ts);
    int n = std::snprintf(out, cap, "%04d-%02d-%02d %02d:%02d:%02d", s.date.year, s.date.month, s.date.day, s.time.hour,
                          s.time.min, s.time.sec);
    if (s.time.micros != 0) {
        n += std::snprintf(out + n, cap - static_cast<size_t>(n), ".%06d", static_cast<int>(s.time.micros));
        while (out[n - 1] == '0') {
            n--;
        }
    }
    return static_cast<size_t>(n);
}

// Appends the text of row `row` of a vector of type `type`; NULL is an empty field, as psql -A prints it.
void put_value(TextSink &sink, duckdb_type type, void *data, uint64_t *validity, idx_t row) {
    if (validity != nullptr && !duckdb_validity_row_is_valid(validity, row)) {
        return;
    }
    char tmp[64];
    size_t n = 0;
    switch (type) {
    case DUCKDB_TYPE_BOOLEAN:
        tmp[n++] = static_cast<bool *>(data)[row] ? 't' : 'f';
        break;
    case DUCKDB_TYPE_SMALLINT:
        n = format_number(tmp, sizeof tmp, static_cast<int16_t *>(data)[row]);
        break;
    case DUCKDB_TYPE_INTEGER:
        n = format_number(tmp, sizeof tmp, static_cast<int32_t *>(data)[row]);
        break;
    case DUCKDB_TYPE_BIGINT:
        n = format_number(tmp, sizeof tmp, static_cast<int64_t *>(data)[row]);
        break;
    case DUCKDB_TYPE_FLOAT:
        n = format_number(tmp, sizeof tmp, static_cast<float *>(data)[row]);
        break;
    case DUCKDB_TYPE_DOUBLE:
        n = format_number(tmp, sizeof tmp, static_cast<double *>(data)[row]);
        break;
    case DUCKDB_TYPE_DATE:
        n = format_date(tmp, sizeof tmp, static_cast<duckdb_date *>(data)[row]);
        break;
    case DUCKDB_TYPE_TIMESTAMP:
        n = format_timestamp(tmp, sizeof tmp, static_cast<duckdb_timestamp *>(data)[row]);
        break;
    case DUCKDB_TYPE_VARCHAR: {
        duckdb_string_t *str = &static_cast<duckdb_string_t *>(data)[row];
        sink.put(duckdb_string_t_data(str), duckdb_string_t_length(*str));
        return;
    }
    default:
        die("scan: unsupported column type " + std::to_string(type));
    }
    sink.put(tmp, n);
}

// Streams the result of `sql` (a streaming result, like a server sending rows as they come) into `out` as text.
double scan_once(duckdb_connection conn, const char *sql, FILE *out, uint64_t &rows, uint64_t &bytes) {
    double start = now_seconds();
    duckdb_prepared_statement stmt;
    if (duckdb_prepare(conn, sql, &stmt) != DuckDBSuccess) {
        die("prepare failed", duckdb_prepare_error(stmt));
    }
    duckdb_pending_result pending;
    if (duckdb_pending_prepared_streaming(stmt, &pending) != DuckDBSuccess) {
        die("pending failed", duckdb_pending_error(pending));
    }
    duckdb_result result;
    if (duckdb_execute_pending(pending, &result) != DuckDBSuccess) {
        die("execute failed", duckdb_result_error(&result));
    }
    idx_t ncols = duckdb_column_count(&result);
    std::vector<duckdb_type> types(ncols);
    std::vector<void *> data(ncols);
    std::vector<uint64_t *> validity(ncols);
    for (idx_t c = 0; c < ncols; c++) {
        types[c] = duckdb_column_type(&result, c);
    }
    TextSink sink(out);
    rows = 0;
    duckdb_data_chunk chunk;
    while ((chunk = duckdb_fetch_chunk(result)) != nullptr) {
        idx_t size = duckdb_data_chunk_get_size(chunk);
        for (idx_t c = 0; c < ncols; c++) {
            duckdb_vector vec = duckdb_data_chunk_get_vector(chunk, c);
            data[c] = duckdb_vector_get_data(vec);
            validity[c] = duckdb_vector_get_validity(vec);
        }
        for (idx_t r = 0; r < size; r++) {
            for (idx_t c = 0; c < ncols; c++) {
                if (c > 0) {
                    sink.put('|');
                }
                put_value(sink, types[c], data[c], validity[c], r);
            }
            sink.put('\n');
        }
        rows += size;
        duckdb_destroy_data_chunk(&chunk);
    }
    if (const char *error = duckdb_result_error(&result)) {
        die("scan failed", error);
    }
    sink.flush();
    bytes = sink.bytes();
    duckdb_destroy_result(&result);
    duckdb_destroy_pending(&pending);
    duckdb_destroy_prepare(&stmt);
    return now_seconds() - start;
}

int cmd_scan(const char *path, int repeats, const char *out_path) {
    Session s(path);
    FILE *out = std::fopen(out_path, "w");
    if (out == nullptr) {
        die("cannot open output file", out_path);
    }
    double best = 1e300;
    for (int i = 0; i <= repeats; i++) { // run 0 is an untimed warm-up
        uint64_t rows = 0, bytes = 0;
        double t = scan_once(s.conn(), "SELECT * FROM t", out, rows, bytes);
        std::fprintf(stderr, "scan %s%d: %" PRIu64 " rows, %" PRIu64 " bytes of text, %.3f s\n", i ? "" : "warm-up ", i,
                     rows, bytes, t);
        if (i > 0) {
            best = std::min(best, t);
        }
    }
    std::fclose(out);
    std::printf("result=%.6f\n", best);
    return 0;
}

// ---- fetch: stream table t and read every value, as a binary client would -----------------------------------------

struct FetchSum {
    uint64_t rows = 0;
    uint64_t nulls = 0;
    uint64_t int_sum = 0; // integers and dates (days since 1970-01-01), wrapping
    double float_sum = 0;
    uint64_t byte_count = 0; // VARCHAR lengths
};

void fetch_vector(duckdb_type type, void *data, uint64_t *validity, idx_t size, FetchSum &sum) {
    for (idx_t r = 0; r < size; r++) {
        if (validity != nullptr && !duckdb_validity_row_is_valid(validity, r)) {
            sum.nulls++;
            continue;
        }
        switch (type) {
        case DUCKDB_TYPE_BOOLEAN:
            sum.int_sum += static_cast<bool *>(data)[r];
            break;
        case DUCKDB_TYPE_SMALLINT:
            sum.int_sum += static_cast<uint64_t>(static_cast<int16_t *>(data)[r]);
            break;
        case DUCKDB_TYPE_INTEGER:
            sum.int_sum += static_cast<uint64_t>(static_cast<int32_t *>(data)[r]);
            break;
        case DUCKDB_TYPE_DATE:
            sum.int_sum += static_cast<uint64_t>(static_cast<duckdb_date *>(data)[r].days);
            break;
        case DUCKDB_TYPE_BIGINT:
            sum.int_sum += static_cast<uint64_t>(static_cast<int64_t *>(data)[r]);
            break;
        case DUCKDB_TYPE_FLOAT:
            sum.float_sum += static_cast<float *>(data)[r];
            break;
        case DUCKDB_TYPE_DOUBLE:
            sum.float_sum += static_cast<double *>(data)[r];
            break;
        case DUCKDB_TYPE_VARCHAR:
            sum.byte_count += duckdb_string_t_length(static_cast<duckdb_string_t *>(data)[r]);
            break;
        default:
            die("fetch: unsupported column type " + std::to_string(type));
        }
    }
}

double fetch_once(duckdb_connection conn, const char *sql, FetchSum &sum) {
    double start = now_seconds();
    duckdb_prepared_statement stmt;
    if (duckdb_prepare(conn, sql, &stmt) != DuckDBSuccess) {
        die("prepare failed", duckdb_prepare_error(stmt));
    }
    duckdb_pending_result pending;
    if (duckdb_pending_prepared_streaming(stmt, &pending) != DuckDBSuccess) {
        die("pending failed", duckdb_pending_error(pending));
    }
    duckdb_result result;
    if (duckdb_execute_pending(pending, &result) != DuckDBSuccess) {
        die("execute failed", duckdb_result_error(&result));
    }
    idx_t ncols = duckdb_column_count(&result);
    std::vector<duckdb_type> types(ncols);
    for (idx_t c = 0; c < ncols; c++) {
        types[c] = duckdb_column_type(&result, c);
    }
    sum = FetchSum{};
    duckdb_data_chunk chunk;
    while ((chunk = duckdb_fetch_chunk(result)) != nullptr) {
        idx_t size = duckdb_data_chunk_get_size(chunk);
        for (idx_t c = 0; c < ncols; c++) {
            duckdb_vector vec = duckdb_data_chunk_get_vector(chunk, c);
            fetch_vector(types[c], duckdb_vector_get_data(vec), duckdb_vector_get_validity(vec), size, sum);
        }
        sum.rows += size;
        duckdb_destroy_data_chunk(&chunk);
    }
    if (const char *error = duckdb_result_error(&result)) {
        die("fetch failed", error);
    }
    duckdb_destroy_result(&result);
    duckdb_destroy_pending(&pending);
    duckdb_destroy_prepare(&stmt);
    return now_seconds() - start;
}

int cmd_fetch(const char *path, int repeats) {
    Session s(path);
    double best = 1e300;
    for (int i = 0; i <= repeats; i++) { // run 0 is an untimed warm-up
        FetchSum sum;
        double t = fetch_once(s.conn(), "SELECT * FROM t", sum);
        std::fprintf(stderr,
                     "fetch %s%d: %" PRIu64 " rows, %" PRIu64 " nulls, int sum %" PRIu64 ", float sum %.6g, %" PRIu64
                     " text bytes, %.3f s\n",
                     i ? "" : "warm-up ", i, sum.rows, sum.nulls, sum.int_sum, sum.float_sum, sum.byte_count, t);
        if (i > 0) {
            best = std::min(best, t);
        }
    }
    std::printf("result=%.6f\n", best);
    return 0;
}

// ---- copyout / copyin: DuckDB's own COPY of a CSV file ------------------------------------------------------------

std::string sql_string(const std::string &text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') {
            out += c;
        }
    }
    return out + "'";
}

int cmd_copy(const char *path, int repeats, const std::string &file, bool in) {
    Session s(path);
    int64_t expected = 0;
    s.run("SELECT count(*) FROM t", &expected);
    const std::string options = " (FORMAT csv, HEADER false)";
    double best = 1e300;
    for (int i = 0; i <= repeats; i++) { // run 0 is an untimed warm-up
        if (in) {
            s.run("DROP TABLE IF EXISTS t_in");
            s.run("CREATE TABLE t_in (id bigint, a float8, b text, c date)");
        }
        double start = now_seconds();
        if (in) {
            s.run("COPY t_in FROM " + sql_string(file) + options);
        } else {
            s.run("COPY t TO " + sql_string(file) + options);
        }
        double t = now_seconds() - start;
        int64_t rows = 0;
        if (in) {
            s.run("SELECT count(*) FROM t_in", &rows);
            if (rows != expected) {
                die("copyin: wrong row count " + std::to_string(rows) + ", expected " + std::to_string(expected));
            }
        }
        std::fprintf(stderr, "copy%s %s%d: %lld rows, %.3f s\n", in ? "in" : "out", i ? "" : "warm-up ", i,
                     static_cast<long long>(in ? rows : expected), t);
        if (i > 0) {
            best = std::min(best, t);
        }
    }
    if (in) {
        s.run("DROP TABLE IF EXISTS t_in");
    }
    std::printf("result=%.6f\n", best);
    return 0;
}

// ---- groupby / query ----------------------------------------------------------------------------------------------

int cmd_groupby(const char *path, int repeats) {
    Session s(path);
    double best = 1e300;
    for (int i = 0; i <= repeats; i++) { // run 0 is an untimed warm-up
        double start = now_seconds();
        uint64_t groups = s.run("SELECT k, count(*), sum(v), avg(v) FROM big GROUP BY k");
        double t = now_seconds() - start;
        std::fprintf(stderr, "groupby %s%d: %" PRIu64 " groups, %.3f s\n", i ? "" : "warm-up ", i, groups, t);
        if (i > 0) {
            best = std::min(best, t);
        }
    }
    std::printf("result=%.6f\n", best);
    return 0;
}

int cmd_query(const char *path, const char *sql) {
    Session s(path);
    int64_t first = 0;
    s.run(sql, &first);
    std::printf("result=%" PRId64 "\n", first);
    return 0;
}

// ---- cancel ----------------------------------------------------------------------------------------------------

// Starts SQL on a thread, interrupts it after `after` seconds with duckdb_interrupt, and reports the median time
// from the interrupt to the query's return over `repeats` runs.
int cmd_cancel(const char *path, const char *sql, int repeats, double after) {
    Session s(path);
    std::vector<double> latencies;
    for (int i = 0; i < repeats; i++) {
        double returned = 0;
        std::thread runner([&]() {
            duckdb_result result;
            duckdb_query(s.conn(), sql, &result); // fails with "Interrupted"
            returned = now_seconds();
            duckdb_destroy_result(&result);
        });
        std::this_thread::sleep_for(std::chrono::duration<double>(after));
        double interrupted = now_seconds();
        duckdb_interrupt(s.conn());
        runner.join();
        latencies.push_back(returned - interrupted);
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("result=%.6f\n", latencies[latencies.size() / 2]);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    std::string cmd = argc >= 2 ? argv[1] : "";
    if (argc == 2 && cmd == "version") {
        std::printf("result=%s\n", duckdb_library_version());
        return 0;
    }
    if (argc == 6 && cmd == "load") {
        return cmd_load(argv[2], std::atoll(argv[3]), std::atoll(argv[4]), std::atoll(argv[5]));
    }
    if (argc == 5 && (cmd == "connect" || cmd == "select1" || cmd == "select1p")) {
        RateKind kind = cmd == "connect"   ? RateKind::connect
                        : cmd == "select1" ? RateKind::select1
                                           : RateKind::select1_prepared;
        return cmd_rate(argv[2], std::atof(argv[3]), std::atoi(argv[4]), kind, 0);
    }
    if (argc == 6 && cmd == "point") {
        return cmd_rate(argv[2], std::atof(argv[3]), std::atoi(argv[4]), RateKind::point, std::atoll(argv[5]));
    }
    if ((argc == 4 || argc == 5) && cmd == "scan") {
        return cmd_scan(argv[2], std::atoi(argv[3]), argc == 5 ? argv[4] : "/dev/null");
    }
    if (argc == 4 && cmd == "fetch") {
        return cmd_fetch(argv[2], std::atoi(argv[3]));
    }
    if (argc == 5 && (cmd == "copyout" || cmd == "copyin")) {
        return cmd_copy(argv[2], std::atoi(argv[3]), argv[4], cmd == "copyin");
    }
    if (argc == 4 && cmd == "groupby") {
        return cmd_groupby(argv[2], std::atoi(argv[3]));
    }
    if (argc == 4 && cmd == "query") {
        return cmd_query(argv[2], argv[3]);
    }
    if (argc == 6 && cmd == "cancel") {
        return cmd_cancel(argv[2], argv[3], std::atoi(argv[4]), std::atof(argv[5]));
    }
    std::fprintf(stderr, "usage: duckdb_bench version | load DB ROWS BIG_ROWS POINT_ROWS |\n"
                         "       connect|select1|select1p DB SECONDS THREADS | point DB SECONDS THREADS POINT_ROWS |\n"
                         "       scan DB REPEATS [OUT] | fetch DB REPEATS | copyout|copyin DB REPEATS FILE |\n"
                         "       groupby DB REPEATS | query DB SQL | cancel DB SQL REPEATS AFTER_SECONDS\n");
    return 2;
}
