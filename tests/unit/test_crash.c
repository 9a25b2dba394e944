/* Crash safety: a writer process appends practice records and saves settings as fast as it
 * can, telling us over a pipe each time a write is acknowledged; we SIGKILL it at a random
 * moment, hundreds of times. Afterwards every acknowledged record must be in the log, the log
 * must load with at most one torn line per kill and nothing else wrong, and settings must
 * always load cleanly as the last acknowledged version or the one being written.
 *
 * ATTUNE_CRASH_ROUNDS (default 200) and ATTUNE_CRASH_SEED (default: time) reproduce a run. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attune/settings.h"
#include "attune/store.h"
#include "check.h"
#include "storetest.h"

#define LEVEL "crash-test"

static char dir[4096];

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

static void say(int fd, const char *msg)
{
    size_t n = strlen(msg);
    while (n) {
        ssize_t w = write(fd, msg, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) _exit(3);
        msg += w;
        n -= (size_t)w;
    }
}

/* The writer: never returns; dies by SIGKILL. No stdio: buffers would be shared with the parent. */
static void writer(int out)
{
    Settings s;
    settings_load(dir, &s, NULL);
    LevelProgress *lp = settings_level(&s, LEVEL);
    char err[512], msg[64];
    for (unsigned i = 0;; i++) {
        PracticeRecord r;
        practice_init(&r, (PracticeKind)(i % 3), "box", time(NULL));
        r.duration_ms = 60000 + i;
        r.completed = true;
        r.count = (int)i;
        r.before = (int)(i % 11);
        if (log_append(dir, &r, err, sizeof err)) {
            snprintf(msg, sizeof msg, "R%s\n", r.id);
            say(out, msg);
        }
        lp->seen++;
        lp->connected = lp->seen % 7;
        s.last_minutes = lp->seen % 60 + 1;
        if (settings_save(dir, &s, err, sizeof err)) {
            snprintf(msg, sizeof msg, "S%d\n", lp->seen);
            say(out, msg);
        } else {
            lp->seen--; /* not acknowledged: the next save tries the same version again */
        }
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The generation saved in settings, or -1 if settings did not load cleanly. */
static int settings_generation(void)
{
    Settings s;
    AtDiag d = {0};
    int problems = settings_load(dir, &s, &d);
    for (int i = 0; i < d.count; i++) fprintf(stderr, "settings: %s\n", d.msg[i]);
    diag_free(&d);
    if (problems) return -1;
    const LevelProgress *lp = settings_find_level(&s, LEVEL);
    int g = lp ? lp->seen : 0;
    if (lp && (lp->connected != g % 7 || s.last_minutes != g % 60 + 1)) return -1; /* mixed */
    return g;
}

int main(void)
{
    st_tmpdir(dir, sizeof dir, "crash");
    const char *e = getenv("ATTUNE_CRASH_ROUNDS");
    int rounds = e ? atoi(e) : 200;
    e = getenv("ATTUNE_CRASH_SEED");
    unsigned seed = e ? (unsigned)strtoul(e, NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
    rng_state = seed;
    printf("crash test: %d rounds, ATTUNE_CRASH_SEED=%u\n", rounds, seed);
    fflush(stdout);

    double t0 = now_s();
    char **acked = NULL;
    int nacked = 0, cap = 0, kills = 0, saves = 0, torn_before = 0, bad_rounds = 0;
    int mid_save = 0; /* kills after a settings rename but before its acknowledgement */
    int gen = 0; /* last acknowledged settings generation */
    for (int round = 0; round < rounds && bad_rounds < 5; round++) {
        int p[2];
        if (pipe(p) != 0) {
            perror("pipe");
            return 2;
        }
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 2;
        }
        if (pid == 0) {
            close(p[0]);
            writer(p[1]);
            _exit(0);
        }
        close(p[1]);
        /* The first settings save acknowledged (so each round does some of everything, however
         * busy the machine), then a random moment. */
        char buf[1 << 16];
        size_t len = 0;
        ssize_t r;
        buf[0] = 0;
        while (!strstr(buf, "S") &&
               ((r = read(p[0], buf + len, sizeof buf - 1 - len)) > 0 || (r < 0 && errno == EINTR)))
            if (r > 0) buf[len += (size_t)r] = 0;
        usleep(rnd() % 20001); /* 0 to 20 ms */
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        kills++;
        if (!WIFSIGNALED(status)) {
            fprintf(stderr, "round %d: the writer stopped by itself (status %d)\n", round, status);
            check_failed++;
        }

        /* Everything the writer acknowledged before it died. */
        while ((r = read(p[0], buf + len, sizeof buf - 1 - len)) > 0 || (r < 0 && errno == EINTR))
            if (r > 0) len += (size_t)r;
        close(p[0]);
        buf[len] = 0;
        int first_new = nacked;
        for (char *line = buf, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
            *nl = 0;
            if (line[0] == 'R') {
                if (nacked == cap) acked = realloc(acked, (size_t)(cap = cap ? cap * 2 : 1024) * sizeof *acked);
                acked[nacked++] = strdup(line + 1);
            } else if (line[0] == 'S') {
                gen = atoi(line + 1);
                saves++;
            }
        }

        /* The log: loads with at most one more torn line, nothing unreadable, nothing missing. */
        PracticeLog log = {0};
        LogReport rep;
        AtDiag d = {0};
        int before = check_failed;
        CHECK(log_load(dir, &log, &rep, &d));
        CHECK_INT(rep.unreadable, 0);
        CHECK_INT(rep.duplicates, 0);
        CHECK(rep.torn - torn_before <= 1);
        CHECK_INT(d.count, 0);
        for (int i = 0; i < d.count; i++) fprintf(stderr, "log: %s\n", d.msg[i]);
        torn_before = rep.torn;
        for (int i = first_new; i < nacked; i++)
            if (log_find(&log, acked[i]) < 0) {
                check_failed++;
                fprintf(stderr, "round %d: acknowledged record %s is missing\n", round, acked[i]);
            }
        log_free(&log);
        diag_free(&d);

        /* Settings: the acknowledged version or the one being written, never anything else. */
        int g = settings_generation();
        if (g != gen && g != gen + 1) {
            check_failed++;
            fprintf(stderr, "round %d: settings generation %d, acknowledged %d\n", round, g, gen);
        } else {
            check_passed++;
            mid_save += g == gen + 1;
        }
        gen = g > gen ? g : gen; /* written but unacknowledged counts as the base next round */
        CHECK_INT(st_count_prefix(dir, "settings.json.unreadable"), 0);
        if (check_failed != before) {
            fprintf(stderr, "  in round %d (ATTUNE_CRASH_SEED=%u)\n", round, seed);
            bad_rounds++;
        }
    }

    /* Every acknowledged record, across all rounds, is there exactly once. */
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    char **ids = malloc((size_t)(log.count ? log.count : 1) * sizeof *ids);
    for (int i = 0; i < log.count; i++) ids[i] = log.rec[i].id;
    qsort(ids, (size_t)log.count, sizeof *ids, cmp_str);
    int missing = 0;
    for (int i = 0; i < nacked; i++) {
        if (!bsearch(&acked[i], ids, (size_t)log.count, sizeof *ids, cmp_str)) missing++;
        free(acked[i]);
    }
    free(acked);
    free(ids);
    CHECK_INT(missing, 0);
    CHECK(nacked > rounds);    /* the writer really wrote: more than a record per round */
    CHECK(saves >= rounds);    /* and saved settings in every round */
    CHECK(rep.torn <= kills);
    CHECK(log.count >= nacked);
    /* Leftover temp files: at most the last killed writer's. */
    CHECK(st_count_prefix(dir, "settings.json.tmp-") <= 1);
    CHECK(st_count_prefix(dir, "settings.json.bak.tmp-") <= 1);
    log_free(&log);

    printf("%d kills (%d between a settings rename and its acknowledgement), %d records "
           "acknowledged (%d in the log), %d settings saves, %d torn lines, %.1f s\n",
           kills, mid_save, nacked, rep.loaded, saves, rep.torn, now_s() - t0);
    int rc = check_report();
    if (rc == 0) st_rmrf(dir);
    return rc;
}
