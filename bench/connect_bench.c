// Connection-rate benchmark for bench/run.sh: opens and closes libpq connections for T seconds and reports conn/s.
//
// Usage: connect_bench CONNINFO SECONDS [THREADS]
//   CONNINFO is a libpq connection string; sslmode=disable is appended so the figure is the cost of the
//   startup + authentication (SCRAM-SHA-256 for the servers run.sh starts) handshake without TLS.
//   Each thread connects, checks CONNECTION_OK, and disconnects, sequentially, until the time is up.
//   Prints details to stderr and "result=<connections per second>" to stdout; exits 1 if any attempt failed.
#define _POSIX_C_SOURCE 200809L // clock_gettime under -std=c11

#include <libpq-fe.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    const char *conninfo;
    double deadline;
    long long ok;
    long long failed;
    char first_error[512];
} worker;

static void *worker_main(void *p) {
    worker *w = p;
    while (now_seconds() < w->deadline) {
        PGconn *conn = PQconnectdb(w->conninfo);
        if (PQstatus(conn) == CONNECTION_OK) {
            w->ok++;
        } else {
            if (w->failed == 0) {
                snprintf(w->first_error, sizeof w->first_error, "%s", PQerrorMessage(conn));
            }
            w->failed++;
        }
        PQfinish(conn);
        if (w->failed > 0) {
            break; // a broken server would otherwise spin through failures and inflate nothing useful
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: connect_bench CONNINFO SECONDS [THREADS]\n");
        return 2;
    }
    double seconds = atof(argv[2]);
    int threads = argc == 4 ? atoi(argv[3]) : 1;
    if (seconds <= 0 || threads < 1 || threads > 64) {
        fprintf(stderr, "connect_bench: bad SECONDS or THREADS\n");
        return 2;
    }
    size_t len = strlen(argv[1]) + 32;
    char *conninfo = malloc(len);
    snprintf(conninfo, len, "%s sslmode=disable", argv[1]);

    worker *workers = calloc((size_t)threads, sizeof *workers);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    double start = now_seconds();
    for (int i = 0; i < threads; i++) {
        workers[i].conninfo = conninfo;
        workers[i].deadline = start + seconds;
        pthread_create(&ids[i], NULL, worker_main, &workers[i]);
    }
    long long ok = 0, failed = 0;
    const char *error = NULL;
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
        ok += workers[i].ok;
        failed += workers[i].failed;
        if (workers[i].failed > 0 && error == NULL) {
            error = workers[i].first_error;
        }
    }
    double elapsed = now_seconds() - start;
    fprintf(stderr, "connect_bench: %lld connections ok, %lld failed in %.2f s with %d thread(s)\n", ok, failed,
            elapsed, threads);
    if (failed > 0) {
        fprintf(stderr, "connect_bench: first failure: %s", error);
        return 1;
    }
    printf("result=%.1f\n", (double)ok / elapsed);
    free(ids);
    free(workers);
    free(conninfo);
    return 0;
}
