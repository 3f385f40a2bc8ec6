// Binary result-read benchmark for bench/run.sh: fetches a whole query result in binary format through libpq.
//
// Usage: binary_read CONNINFO REPEATS EXPECTED_ROWS [SQL]
//   Connects once (sslmode=disable is appended), then runs SQL (default "SELECT * FROM t") REPEATS + 1 times, the
//   first untimed as a warm-up. Each run is PQsendQueryParams with resultFormat = 1 (every column binary) in
//   chunked-rows mode when libpq has it (libpq 17+), otherwise single-row mode; every value of every row is decoded
//   (int2/4/8, float4/8, bool, date as integers or doubles, text-like types by length) into a checksum. The time of a
//   run is the wall clock from sending the query to the end of its result; connecting is not included.
//   Prints details to stderr and "result=<best seconds>" to stdout; exits 1 on any error or a wrong row count.
#define _POSIX_C_SOURCE 200809L // clock_gettime under -std=c11

#include <libpq-fe.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK_ROWS 10000

// Type OIDs from PostgreSQL's pg_type.
enum { BOOLOID = 16, INT8OID = 20, INT2OID = 21, INT4OID = 23, FLOAT4OID = 700, FLOAT8OID = 701, DATEOID = 1082 };

typedef struct {
    long long rows;
    long long nulls;
    uint64_t int_sum;    // integers and dates, wrapping
    double float_sum;    // float4 and float8
    uint64_t byte_count; // length of every other value (text, varchar, ...)
} checksum;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t read_be(const unsigned char *p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

// Decodes every value of every row of one (single-row or chunk) result. Returns 0 on success.
static int consume(const PGresult *res, checksum *sum) {
    int nrows = PQntuples(res);
    int ncols = PQnfields(res);
    for (int c = 0; c < ncols; c++) {
        if (PQfformat(res, c) != 1) {
            fprintf(stderr, "binary_read: column %d arrived in text format, not binary\n", c);
            return 1;
        }
    }
    for (int r = 0; r < nrows; r++) {
        for (int c = 0; c < ncols; c++) {
            if (PQgetisnull(res, r, c)) {
                sum->nulls++;
                continue;
            }
            const unsigned char *v = (const unsigned char *)PQgetvalue(res, r, c);
            int len = PQgetlength(res, r, c);
            Oid type = PQftype(res, c);
            int want = type == BOOLOID                        ? 1
                       : type == INT2OID                      ? 2
                       : type == INT4OID || type == DATEOID   ? 4
                       : type == FLOAT4OID                    ? 4
                       : type == INT8OID || type == FLOAT8OID ? 8
                                                              : -1;
            if (want > 0 && len != want) {
                fprintf(stderr, "binary_read: column %d (type %u) value of %d bytes, expected %d\n", c, type, len,
                        want);
                return 1;
            }
            switch (type) {
            case BOOLOID:
                sum->int_sum += v[0] != 0;
                break;
            case INT2OID:
                sum->int_sum += (uint64_t)(int64_t)(int16_t)read_be(v, 2);
                break;
            case INT4OID:
            case DATEOID: // days since 2000-01-01
                sum->int_sum += (uint64_t)(int64_t)(int32_t)read_be(v, 4);
                break;
            case INT8OID:
                sum->int_sum += read_be(v, 8);
                break;
            case FLOAT4OID: {
                uint32_t bits = (uint32_t)read_be(v, 4);
                float f;
                memcpy(&f, &bits, sizeof f);
                sum->float_sum += f;
                break;
            }
            case FLOAT8OID: {
                uint64_t bits = read_be(v, 8);
                double d;
                memcpy(&d, &bits, sizeof d);
                sum->float_sum += d;
                break;
            }
            default:
                sum->byte_count += (uint64_t)len;
                break;
            }
        }
    }
    sum->rows += nrows;
    return 0;
}

// One run of the query; returns its wall-clock seconds, or a negative number on error.
static double run_once(PGconn *conn, const char *sql, checksum *sum, const char **mode) {
    memset(sum, 0, sizeof *sum);
    double start = now_seconds();
    if (!PQsendQueryParams(conn, sql, 0, NULL, NULL, NULL, NULL, 1)) {
        fprintf(stderr, "binary_read: PQsendQueryParams failed: %s", PQerrorMessage(conn));
        return -1;
    }
#ifdef LIBPQ_HAS_CHUNK_MODE
    int ok = PQsetChunkedRowsMode(conn, CHUNK_ROWS);
    *mode = "chunked rows (10000)";
#else
    int ok = PQsetSingleRowMode(conn);
    *mode = "single-row";
#endif
    if (!ok) {
        fprintf(stderr, "binary_read: cannot switch to %s mode\n", *mode);
        return -1;
    }
    int failed = 0;
    PGresult *res;
    while ((res = PQgetResult(conn)) != NULL) {
        switch (PQresultStatus(res)) {
        case PGRES_SINGLE_TUPLE:
#ifdef LIBPQ_HAS_CHUNK_MODE
        case PGRES_TUPLES_CHUNK:
#endif
        case PGRES_TUPLES_OK: // the final, empty result (or the whole result if the mode did not apply)
            if (!failed && consume(res, sum) != 0) {
                failed = 1;
            }
            break;
        default:
            if (!failed) {
                fprintf(stderr, "binary_read: query failed: %s", PQresultErrorMessage(res));
            }
            failed = 1;
            break;
        }
        PQclear(res);
    }
    double elapsed = now_seconds() - start;
    return failed ? -1 : elapsed;
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: binary_read CONNINFO REPEATS EXPECTED_ROWS [SQL]\n");
        return 2;
    }
    int repeats = atoi(argv[2]);
    long long expected = atoll(argv[3]);
    const char *sql = argc == 5 ? argv[4] : "SELECT * FROM t";
    if (repeats < 1) {
        fprintf(stderr, "binary_read: bad REPEATS\n");
        return 2;
    }
    size_t len = strlen(argv[1]) + 32;
    char *conninfo = malloc(len);
    snprintf(conninfo, len, "%s sslmode=disable", argv[1]);
    PGconn *conn = PQconnectdb(conninfo);
    free(conninfo);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "binary_read: cannot connect: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return 1;
    }
    double best = -1;
    for (int i = 0; i <= repeats; i++) { // run 0 is an untimed warm-up
        checksum sum;
        const char *mode = "";
        double t = run_once(conn, sql, &sum, &mode);
        if (t < 0) {
            PQfinish(conn);
            return 1;
        }
        fprintf(stderr,
                "binary_read %s%d (%s mode): %lld rows, %lld nulls, int sum %" PRIu64 ", float sum %.6g, %" PRIu64
                " text bytes, %.3f s\n",
                i ? "" : "warm-up ", i, mode, sum.rows, sum.nulls, sum.int_sum, sum.float_sum, sum.byte_count, t);
        if (sum.rows != expected) {
            fprintf(stderr, "binary_read: %lld rows instead of %lld\n", sum.rows, expected);
            PQfinish(conn);
            return 1;
        }
        if (i > 0 && (best < 0 || t < best)) {
            best = t;
        }
    }
    PQfinish(conn);
    printf("result=%.6f\n", best);
    return 0;
}
