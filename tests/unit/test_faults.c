/* The data folder under faults: a FIFO where a file should be, an import interrupted
 * part-way, a full disk, a read-only folder, and two processes writing at once. What a user
 * would notice: Attune never hangs, never keeps half of anything, and never damages what was
 * already saved.
 *
 * The full-disk and read-only cases need root and mount(8) (CI runs as root); without them
 * they are skipped with the reason printed. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attune/settings.h"
#include "attune/store.h"
#include "check.h"
#include "storetest.h"

static char root[4096];

static int run(const char *cmd)
{
    int rc = system(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_faults: hung (a FIFO was opened blocking?)\n";
    if (write(2, msg, sizeof msg - 1)) {}
    _exit(3);
}

static void a_fifo_in_place_of_the_log_or_settings_never_hangs(void)
{
    char dir[4096], path[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/fifo", root);
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    CHECK(mkfifo(path, 0600) == 0);
    alarm(10); /* a hang fails the test instead of stopping the suite */
    PracticeLog log = {0};
    AtDiag d = {0};
    CHECK(!log_load(dir, &log, NULL, &d));
    CHECK(d.count == 1 && strstr(d.msg[0], "practice.jsonl: cannot read your practice history: "
                                           "not a regular file"));
    PracticeRecord r = st_rec("2026-11-23", "08:00:00", 60, 60000, true);
    CHECK(!log_append(dir, &r, err, sizeof err));
    CHECK_CONTAINS(err, "practice.jsonl: not a regular file");

    st_path(path, sizeof path, dir, STORE_SETTINGS_FILE);
    CHECK(mkfifo(path, 0600) == 0);
    Settings s;
    diag_free(&d);
    CHECK(settings_load(dir, &s, &d) > 0);
    CHECK_INT(s.weekly_goal, 5);
    CHECK(d.count >= 1 && strstr(d.msg[0], "not a regular file"));
    alarm(0);
    diag_free(&d);
}

static void an_interrupted_import_is_invisible_and_cut_off_by_the_next_save(void)
{
    char dir[4096], path[4096], journal[4200], err[512];
    ST_FMT(dir, sizeof dir, "%s/journal", root);
    PracticeRecord a = st_rec("2026-11-20", "08:00:00", 60, 60000, true);
    CHECK(log_append(dir, &a, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    size_t before_len;
    char *before = st_read(path, &before_len);

    /* What a kill in the middle of an import leaves: the journal, and part of the lines. */
    ST_FMT(journal, sizeof journal, "%s.importing", path);
    char jtext[128];
    ST_FMT(jtext, sizeof jtext, "attune practice log journal\nlength %zu\n", before_len);
    st_write(journal, jtext, strlen(jtext), "wb");
    PracticeRecord b = st_rec("2026-11-21", "08:00:00", 60, 60000, true);
    char line[1024];
    ST_FMT(line, sizeof line,
           "{\"id\":\"%s\",\"date\":\"2026-11-21\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
           "\"kind\":\"breathing\",\"duration_ms\":60000,\"completed\":true}\n{\"id\":\"half",
           b.id);
    st_write(path, line, strlen(line), "ab");

    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, 1);
    CHECK(rep.import_pending);
    CHECK_INT(rep.torn, 0);
    log_free(&log);

    /* The next save removes the half import before adding its own line. */
    PracticeRecord c = st_rec("2026-11-22", "08:00:00", 60, 60000, true);
    CHECK(log_append(dir, &c, err, sizeof err));
    CHECK(!st_exists(journal));
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, 2);
    CHECK(!rep.import_pending);
    CHECK_INT(rep.torn, 0);
    CHECK(log_find(&log, a.id) == 0 && log_find(&log, c.id) == 1 && log_find(&log, b.id) < 0);
    char *after = st_read(path, NULL);
    CHECK(strncmp(after, before, before_len) == 0);
    free(after);
    free(before);
    log_free(&log);
}

static void many_records_go_in_all_or_nothing(void)
{
    char dir[4096], path[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/many", root);
    PracticeRecord recs[3] = {st_rec("2026-11-20", "08:00:00", 60, 60000, true),
                              st_rec("2026-11-21", "08:00:00", 60, 60000, true),
                              st_rec("2026-11-22", "08:00:00", 60, 60000, true)};
    recs[2].before = 42; /* invalid: refused before anything is written */
    CHECK(!log_append_many(dir, recs, 3, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    CHECK(!st_exists(path));
    recs[2].before = 4;
    CHECK(log_append_many(dir, recs, 3, err, sizeof err));
    ST_FMT(path, sizeof path, "%s/%s.importing", dir, STORE_LOG_FILE);
    CHECK(!st_exists(path));
    PracticeLog log = {0};
    CHECK(log_load(dir, &log, NULL, NULL));
    CHECK_INT(log.count, 3);
    log_free(&log);
}

/* Two processes appending at once: every line whole, none interleaved, none lost. */
static void two_processes_appending_never_tear_a_record(void)
{
    char dir[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/two", root);
    enum { N = 300 };
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        if (kids[k] == 0) {
            for (int i = 0; i < N; i++) {
                PracticeRecord r = st_rec("2026-11-20", "08:00:00", 60, 60000 + (uint32_t)i, true);
                /* Long names make long lines: more room to interleave if anything could. */
                memset(r.partner_a, 'a' + k, PRACTICE_NAME_MAX);
                memset(r.partner_b, 'x' + k, PRACTICE_NAME_MAX);
                if (!log_append(dir, &r, err, sizeof err)) _exit(1);
                if (i % 50 == 0) {
                    /* ...and now and then several at once, journaled. */
                    PracticeRecord two[2] = {r, r};
                    practice_new_id(two[0].id);
                    practice_new_id(two[1].id);
                    if (!log_append_many(dir, two, 2, err, sizeof err)) _exit(1);
                }
            }
            _exit(0);
        }
    }
    for (int k = 0; k < 2; k++) {
        int status = 0;
        waitpid(kids[k], &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, 2 * (N + 2 * (N / 50)));
    CHECK_INT(rep.torn, 0);
    CHECK_INT(rep.unreadable, 0);
    CHECK_INT(rep.duplicates, 0);
    log_free(&log);
}

/* Saves until the disk is full: the failed save is cut back off, so nothing is torn, every
 * acknowledged record is there, and settings keep their last good version. */
static void a_full_disk_keeps_everything_already_saved(void)
{
    char dir[4096], err[512], cmd[8300];
    ST_FMT(dir, sizeof dir, "%s/full", root);
    mkdir(dir, 0700);
    if (geteuid() != 0 || mount("tmpfs", dir, "tmpfs", 0, "size=64k,mode=0700") != 0) {
        printf("skipped: full disk: cannot mount a 64 KiB tmpfs here (%s)\n",
               geteuid() != 0 ? "not root" : strerror(errno));
        return;
    }
    Settings s;
    settings_defaults(&s);
    s.weekly_goal = 3;
    CHECK(settings_save(dir, &s, err, sizeof err));
    int acked = 0;
    bool failed = false;
    for (int i = 0; i < 5000 && !failed; i++) {
        PracticeRecord r = st_rec("2026-11-20", "08:00:00", 60, 60000, true);
        memset(r.partner_a, 'a', PRACTICE_NAME_MAX);
        memset(r.partner_b, 'b', PRACTICE_NAME_MAX);
        if (log_append(dir, &r, err, sizeof err)) acked++;
        else failed = true;
    }
    CHECK(failed);
    CHECK_CONTAINS(err, "No space left on device");
    /* Several at once, when even one does not fit: nothing of them stays. */
    PracticeRecord many[20];
    for (int i = 0; i < 20; i++) many[i] = st_rec("2026-11-21", "08:00:00", 60, 60000, true);
    CHECK(!log_append_many(dir, many, 20, err, sizeof err));
    s.weekly_goal = 6;
    CHECK(!settings_save(dir, &s, err, sizeof err));
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, acked);
    CHECK_INT(rep.torn, 0);
    CHECK_INT(rep.unreadable, 0);
    CHECK(!rep.import_pending);
    CHECK_INT(settings_load(dir, &s, NULL), 0);
    CHECK_INT(s.weekly_goal, 3);
    CHECK_INT(st_count_prefix(dir, "settings.json.tmp"), 0);
    log_free(&log);
    printf("full disk: %d records saved before it filled\n", acked);
    ST_FMT(cmd, sizeof cmd, "umount '%s'", dir);
    CHECK_INT(run(cmd), 0);
}

/* A data folder mounted read-only: saves fail with a clear reason, nothing changes. */
static void a_read_only_folder_fails_clearly_and_changes_nothing(void)
{
    char dir[4096], err[512], path[4096];
    ST_FMT(dir, sizeof dir, "%s/ro", root);
    PracticeRecord r = st_rec("2026-11-20", "08:00:00", 60, 60000, true);
    CHECK(log_append(dir, &r, err, sizeof err));
    Settings s;
    settings_defaults(&s);
    s.weekly_goal = 3;
    CHECK(settings_save(dir, &s, err, sizeof err));
    if (geteuid() != 0 || mount(dir, dir, NULL, MS_BIND, NULL) != 0) {
        printf("skipped: read-only folder: cannot bind-mount here (%s)\n",
               geteuid() != 0 ? "not root" : strerror(errno));
        return;
    }
    if (mount(NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0) {
        printf("skipped: read-only folder: cannot remount read-only (%s)\n", strerror(errno));
        umount(dir);
        return;
    }
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    size_t len0;
    char *log0 = st_read(path, &len0);
    PracticeRecord r2 = st_rec("2026-11-21", "08:00:00", 60, 60000, true);
    CHECK(!log_append(dir, &r2, err, sizeof err));
    CHECK_CONTAINS(err, "Read-only file system");
    s.weekly_goal = 6;
    CHECK(!settings_save(dir, &s, err, sizeof err));
    CHECK_CONTAINS(err, "Read-only file system");
    char *log1 = st_read(path, NULL);
    CHECK_STR(log1, log0);
    CHECK_INT(settings_load(dir, &s, NULL), 0);
    CHECK_INT(s.weekly_goal, 3);
    free(log0);
    free(log1);
    CHECK(umount(dir) == 0);
}

int main(void)
{
    st_tmpdir(root, sizeof root, "faults");
    signal(SIGALRM, on_alarm);
    RUN(a_fifo_in_place_of_the_log_or_settings_never_hangs);
    RUN(an_interrupted_import_is_invisible_and_cut_off_by_the_next_save);
    RUN(many_records_go_in_all_or_nothing);
    RUN(two_processes_appending_never_tear_a_record);
    RUN(a_full_disk_keeps_everything_already_saved);
    RUN(a_read_only_folder_fails_clearly_and_changes_nothing);
    int rc = check_report();
    if (rc == 0) st_rmrf(root);
    return rc;
}
