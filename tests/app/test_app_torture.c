/* Torture: the real binary killed (SIGKILL) at random moments, over and over, in one data
 * folder: during practices (scripted runs with check-ins, ratings and checkpoints), during
 * settings changes (sound toggled again and again), and during imports. After every kill:
 *  - every record Attune reported saved (ATTUNE_TRACE_SAVES) is in the log;
 *  - the log loads with nothing unreadable and no repeated id;
 *  - settings load cleanly (a save is atomic: the old or the new version, never a mix);
 *  - an import is all in or all out (and all in when it exited 0).
 *
 * ATTUNE_TORTURE_ROUNDS (default 100; `scripts/dev torture [N]` runs 1000) and
 * ATTUNE_TORTURE_SEED (default: time) reproduce a run. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "apptest.h"
#include "attune/settings.h"
#include "attune/store.h"
#include "check.h"
#include "storetest.h"

#define IMPORT_RECORDS 400
#define ROUNDS_PER_FOLDER 50 /* a fresh folder now and then keeps each check quick */

static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs `sh -c "exec CMD"` in the background. */
static pid_t spawn(const char *cmd)
{
    char exec_cmd[3000];
    snprintf(exec_cmd, sizeof exec_cmd, "exec %s", cmd);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", exec_cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Kills pid after delay_us (if it is still running); returns its wait status. */
static int kill_after(pid_t pid, unsigned delay_us)
{
    int status = 0;
    double until = now_s() + delay_us / 1e6;
    while (now_s() < until) {
        if (waitpid(pid, &status, WNOHANG) == pid) return status;
        usleep(500);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return status;
}

/* A moment to kill a run that lasts about `life` seconds (0: not known yet, let it run), of
 * which about `idle` go to starting and stopping a window, where nothing is written: most
 * kills land after that. */
static unsigned delay_for(double life, double idle)
{
    if (life <= 0) return 600u * 1000000u;
    double from = idle < life ? 0.7 * idle : 0;
    if (rnd() % 8 == 0) from = 0; /* now and then, anywhere */
    return (unsigned)(from * 1e6) + rnd() % (unsigned)((life * 1.1 - from) * 1e6 + 1);
}

/* The ids a run reported saved ("attune: saved ID" lines in its stderr), added to acked. */
typedef struct Ids {
    char (*id)[PRACTICE_ID_LEN + 1];
    int n, cap;
} Ids;

static void ids_add(Ids *s, const char *id)
{
    if (s->n == s->cap) s->id = realloc(s->id, (size_t)(s->cap = s->cap ? s->cap * 2 : 256) * sizeof *s->id);
    snprintf(s->id[s->n++], PRACTICE_ID_LEN + 1, "%s", id);
}

static void read_acks(const char *errfile, Ids *acked)
{
    char *text = at_read_file(errfile);
    for (char *p = text; p && (p = strstr(p, "attune: saved ")); p += 14) {
        char id[PRACTICE_ID_LEN + 1];
        if (sscanf(p + 14, "%32[a-z0-9_-]", id) == 1) ids_add(acked, id);
    }
    free(text);
}

/* An export file of IMPORT_RECORDS new records; their ids go to ids. */
static void make_import(const char *path, Ids *ids)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs("{\"attune_export\":2,\"records\":[\n", f);
    ids->n = 0;
    for (int i = 0; i < IMPORT_RECORDS; i++) {
        char date[11];
        snprintf(date, sizeof date, "2025-%02d-%02d", i % 12 + 1, i % 28 + 1);
        PracticeRecord r = st_rec(date, "09:00:00", 60, 60000u + (unsigned)i, i % 2);
        r.kind = (PracticeKind)(i % 3);
        cJSON *o = practice_to_json(&r);
        cJSON_AddStringToObject(o, "from_the_future", "kept as it is");
        char *line = cJSON_PrintUnformatted(o);
        fprintf(f, "%s%s\n", i ? "," : "", line);
        cJSON_free(line);
        cJSON_Delete(o);
        ids_add(ids, r.id);
    }
    fputs("],\"settings\":{\"levels\":{\"01-notice\":{\"seen\":3,\"connected\":1}}}}\n", f);
    fclose(f);
}

static const char *const PRACTICE_SCRIPTS[] = {
    /* quick calm with both check-ins, then sound toggled (a settings save) */
    "key 5\nwait 64000\nkey 3\nwait 300\nkey m\nwait 100\nkey m\nwait 100\n",
    /* five minutes of box breathing, long enough for checkpoints, left early, rated */
    "key s\nwait 200000\nkey Escape\nwait 300\nkey 4\nwait 300\n",
    /* two quick calms in a row, the second before answer reused */
    "key 6\nwait 64000\nkey 2\nwait 300\nkey Return\nwait 300\nkey 1\nwait 64000\nkey s\nwait 300\n",
};
static const char *const PRACTICE_ARGS[] = {"breathe quick-calm", "breathe box --minutes 5",
                                            "breathe quick-calm"};

int main(int argc, char **argv)
{
    at_init(argc, argv);
    const char *e = getenv("ATTUNE_TORTURE_ROUNDS");
    int rounds = e ? atoi(e) : 100;
    e = getenv("ATTUNE_TORTURE_SEED");
    unsigned seed = e ? (unsigned)strtoul(e, NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
    rng_state = seed;
    printf("torture: %d rounds, ATTUNE_TORTURE_SEED=%u\n", rounds, seed);
    fflush(stdout);
    setenv("ATTUNE_TRACE_SAVES", "1", 1);

    const char *work = at_tmpdir(0);
    char data[700] = "", cmd[2600], errfile[700], file[700];
    snprintf(errfile, sizeof errfile, "%s/run.err", work);
    snprintf(file, sizeof file, "%s/import.json", work);
    Ids acked = {0}, batch = {0};
    int kills = 0, kinds[3] = {0}, torn = 0, imports_in = 0, imports_out = 0, bad_rounds = 0;
    int folders = 0, acks_total = 0;
    double t0 = now_s(), t_run = 0;
    /* How long each kind of run lasts when left alone, learnt as it goes (the first of each
     * kind runs to its end): kills are spread over the whole of a run, however busy the
     * machine is. */
    double life[3] = {0, 0, 0};
    /* A run that only opens the window and closes it again. */
    char empty[700];
    snprintf(empty, sizeof empty, "%s/e.script", work);
    FILE *ef = fopen(empty, "w");
    fputs("wait 10\n", ef);
    fclose(ef);
    snprintf(cmd, sizeof cmd, "'%s' --data-dir '%s/idle' --window 640x480 --script '%s' 2>/dev/null >/dev/null",
             at_attune, work, empty);
    double t_idle = now_s();
    kill_after(spawn(cmd), 60u * 1000000u);
    double idle = now_s() - t_idle;
    for (int round = 0; round < rounds && bad_rounds < 5; round++) {
        if (round % ROUNDS_PER_FOLDER == 0) {
            snprintf(data, sizeof data, "%s/data-%d", work, folders++);
            acked.n = 0;
            torn = 0;
        }
        /* Half imports (quick: no window), a quarter each practices and settings changes. */
        uint32_t pick = rnd() % 4;
        int kind = pick < 2 ? 2 : (int)pick - 2, before = check_failed;
        kinds[kind]++;
        int status = 0;
        double t_round = now_s();
        if (kind == 0) { /* a practice */
            int which = (int)(rnd() % 3);
            char script[700];
            snprintf(script, sizeof script, "%s/p.script", work);
            FILE *f = fopen(script, "w");
            fputs(PRACTICE_SCRIPTS[which], f);
            fclose(f);
            snprintf(cmd, sizeof cmd, "'%s' --data-dir '%s' --window 640x480 --script '%s' %s 2>'%s' >/dev/null",
                     at_attune, data, script, PRACTICE_ARGS[which], errfile);
            status = kill_after(spawn(cmd), delay_for(life[0], idle));
        } else if (kind == 1) { /* settings changes: sound toggled 12 times, each one saved */
            char script[700];
            snprintf(script, sizeof script, "%s/s.script", work);
            FILE *f = fopen(script, "w");
            for (int i = 0; i < 12; i++) fputs("key m\nwait 30\n", f);
            fclose(f);
            snprintf(cmd, sizeof cmd, "'%s' --data-dir '%s' --window 640x480 --script '%s' 2>'%s' >/dev/null",
                     at_attune, data, script, errfile);
            status = kill_after(spawn(cmd), delay_for(life[1], idle));
        } else { /* an import */
            make_import(file, &batch);
            snprintf(cmd, sizeof cmd, "'%s' --data-dir '%s' import '%s' 2>'%s' >/dev/null",
                     at_attune, data, file, errfile);
            status = kill_after(spawn(cmd), delay_for(life[2], 0));
        }
        double took = now_s() - t_round;
        t_run += took;
        bool killed = WIFSIGNALED(status);
        if (!killed) life[kind] = life[kind] ? 0.7 * life[kind] + 0.3 * took : took;
        kills += killed;
        if (!killed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            fprintf(stderr, "round %d: attune exited with status %d\n", round, status);
            char *err = at_read_file(errfile);
            fprintf(stderr, "%s", err ? err : "");
            free(err);
            check_failed++;
        }
        int had = acked.n;
        read_acks(errfile, &acked);
        acks_total += acked.n - had;

        /* The log: loads, nothing unreadable or repeated, every acknowledged record there. */
        PracticeLog log = {0};
        LogReport rep;
        AtDiag d = {0};
        CHECK(log_load(data, &log, &rep, &d));
        for (int i = 0; i < d.count; i++) fprintf(stderr, "log: %s\n", d.msg[i]);
        CHECK_INT(rep.unreadable, 0);
        CHECK_INT(rep.duplicates, 0);
        CHECK(rep.torn - torn <= 1);
        torn = rep.torn;
        diag_free(&d);
        /* Acknowledged ids: practices (by id) or ratings/checkpoints (their lines count too). */
        int missing = 0;
        for (int i = 0; i < acked.n; i++) {
            if (log_find(&log, acked.id[i]) >= 0) continue;
            /* a rating or checkpoint: look for its line */
            char needle[64], path[800];
            snprintf(needle, sizeof needle, "{\"id\":\"%s\"", acked.id[i]);
            snprintf(path, sizeof path, "%s/%s", data, STORE_LOG_FILE);
            char *text = at_read_file(path);
            if (!text || !strstr(text, needle)) {
                missing++;
                fprintf(stderr, "round %d: acknowledged record %s is missing\n", round, acked.id[i]);
            }
            free(text);
        }
        CHECK_INT(missing, 0);
        if (kind == 2) {
            int in = 0;
            for (int i = 0; i < batch.n; i++) in += log_find(&log, batch.id[i]) >= 0;
            if (in == 0) imports_out++;
            else if (in == batch.n) imports_in++;
            else {
                fprintf(stderr, "round %d: an import is half in: %d of %d records\n", round, in,
                        batch.n);
                check_failed++;
            }
            if (!killed && in != batch.n) {
                fprintf(stderr, "round %d: an import that said done is not in\n", round);
                check_failed++;
            }
        }
        log_free(&log);

        /* Settings: load cleanly, never kept aside. */
        Settings s;
        d = (AtDiag){0};
        int problems = settings_load(data, &s, &d);
        for (int i = 0; i < d.count; i++) fprintf(stderr, "settings: %s\n", d.msg[i]);
        CHECK_INT(problems, 0);
        CHECK_INT(st_count_prefix(data, "settings.json.unreadable"), 0);
        diag_free(&d);
        if (check_failed != before) {
            fprintf(stderr, "  in round %d (%s; ATTUNE_TORTURE_SEED=%u)\n", round,
                    kind == 0 ? "practice" : kind == 1 ? "settings" : "import", seed);
            bad_rounds++;
        }
    }
    printf("%d rounds (%d practices, %d settings runs, %d imports): %d killed; imports all in %d, "
           "all out %d; %d records reported saved, all found; %.1f s (%.1f s running Attune)\n",
           rounds, kinds[0], kinds[1], kinds[2], kills, imports_in, imports_out, acks_total,
           now_s() - t0, t_run);
    CHECK(kills > rounds / 3); /* the kills really landed mid-way, most of the time */
    free(acked.id);
    free(batch.id);
    return check_report();
}
