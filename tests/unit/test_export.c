/* Export and import at their edges: an export never lands inside the data folder (however the
 * path is spelled, or through a link), follows a symbolic link to the real file, and never
 * drops a line; an import keeps what a newer Attune wrote, refuses a hostile file quickly with
 * a few messages, and is all in or all out when the disk fills. */
#include <errno.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attune/settings.h"
#include "attune/store.h"
#include "check.h"
#include "storetest.h"

static char root[4096];

static void fill(const char *dir, int n)
{
    char err[512];
    for (int i = 0; i < n; i++) {
        PracticeRecord r = st_rec("2026-10-01", "09:30:00", 120, 60000, true);
        CHECK(log_append(dir, &r, err, sizeof err));
    }
}

static bool any_msg(const AtDiag *d, const char *needle)
{
    for (int i = 0; i < d->count; i++)
        if (strstr(d->msg[i], needle)) return true;
    return false;
}

static void an_export_into_the_data_folder_is_refused_however_it_is_named(void)
{
    char data[4096], path[4096], link[4096], other[4096];
    ST_FMT(data, sizeof data, "%s/inside", root);
    fill(data, 3);
    st_path(path, sizeof path, data, STORE_LOG_FILE);
    size_t len0;
    char *log0 = st_read(path, &len0);
    ST_FMT(other, sizeof other, "%s/elsewhere", root);
    mkdir(other, 0700);
    ST_FMT(link, sizeof link, "%s/to-data", other);
    CHECK(symlink(data, link) == 0);

    char targets[6][4096];
    ST_FMT(targets[0], 4096, "%s/practice.jsonl", data);                 /* the log itself */
    ST_FMT(targets[1], 4096, "%s/../inside/./settings.json", data);      /* another spelling */
    ST_FMT(targets[2], 4096, "%s/patterns/mine.json", data);             /* a folder inside */
    ST_FMT(targets[3], 4096, "%s/practice.jsonl", link);                 /* through a link */
    ST_FMT(targets[4], 4096, "%s", data);                                /* the folder */
    ST_FMT(targets[5], 4096, "%s/backup-link", other);                   /* a link to the log */
    ST_FMT(path, sizeof path, "%s/patterns", data);
    mkdir(path, 0700);
    ST_FMT(path, sizeof path, "%s/practice.jsonl", data);
    CHECK(symlink(path, targets[5]) == 0);
    for (int i = 0; i < 6; i++) {
        AtDiag d = {0};
        CHECK(!store_export(data, targets[i], NULL, &d));
        CHECK(any_msg(&d, "inside your data folder"));
        if (check_failed) fprintf(stderr, "  target %d: %s\n", i, targets[i]);
        diag_free(&d);
    }
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(data, &log, &rep, NULL));
    CHECK_INT(log.count, 3);
    CHECK_INT(rep.unreadable, 0);
    log_free(&log);
    char *log1 = st_read(path, NULL);
    CHECK_STR(log1, log0);
    free(log0);
    free(log1);
}

static void an_export_through_a_link_replaces_the_file_it_names(void)
{
    char data[4096], sync[4096], real[4096], link[4096];
    ST_FMT(data, sizeof data, "%s/linked", root);
    fill(data, 2);
    ST_FMT(sync, sizeof sync, "%s/synced-backups", root);
    mkdir(sync, 0700);
    ST_FMT(real, sizeof real, "%s/attune.json", sync);
    st_write(real, "old backup", 10, "wb");
    ST_FMT(link, sizeof link, "%s/backup-link.json", root);
    CHECK(symlink("synced-backups/attune.json", link) == 0); /* relative, as people make them */
    AtDiag d = {0};
    int n = 0;
    CHECK(store_export(data, link, &n, &d));
    CHECK_INT(n, 2);
    struct stat st;
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode)); /* still a link... */
    char *text = st_read(real, NULL);
    CHECK_CONTAINS(text, "\"attune_export\":2"); /* ...and the real file is the new export */
    free(text);
    diag_free(&d);

    /* A dangling link: the file it names is created. */
    ST_FMT(real, sizeof real, "%s/new.json", sync);
    ST_FMT(link, sizeof link, "%s/dangling.json", root);
    CHECK(symlink(real, link) == 0);
    CHECK(store_export(data, link, NULL, &d));
    CHECK(st_exists(real));
    diag_free(&d);
}

/* A log written partly by a newer Attune, partly damaged: export keeps every line, and an
 * import into an empty folder brings back the same log, byte for byte (line order aside). */
static void export_keeps_every_line_and_import_brings_them_back(void)
{
    char a[4096], b[4096], path[4096], file[4096], err[512];
    ST_FMT(a, sizeof a, "%s/every-a", root);
    ST_FMT(b, sizeof b, "%s/every-b", root);
    ST_FMT(file, sizeof file, "%s/every.json", root);
    mkdir(a, 0700);
    st_path(path, sizeof path, a, STORE_LOG_FILE);
    const char *lines =
        "{\"id\":\"new1\",\"date\":\"2026-11-20\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"breathing\",\"duration_ms\":60000,\"completed\":true,\"mood\":{\"tag\":\"rain\"}}\n"
        "{\"id\":\"new2\",\"date\":\"2026-11-21\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"journal\",\"text\":\"from a newer Attune\"}\n"
        "not json at all \"quoted\" \\ back\n"
        "\xff\xfe binary \x01 junk\n";
    st_write(path, lines, strlen(lines), "wb");
    Settings s;
    settings_defaults(&s);
    CHECK(settings_save(a, &s, err, sizeof err));
    char spath[4096];
    st_path(spath, sizeof spath, a, STORE_SETTINGS_FILE);
    char *st = st_read(spath, NULL);
    char *brace = strrchr(st, '}');
    *brace = 0;
    char set[4096];
    ST_FMT(set, sizeof set, "%s,\n\t\"newer_key\":\t[1, 2]\n}\n", st);
    st_write(spath, set, strlen(set), "wb");
    free(st);

    AtDiag d = {0};
    int n = 0;
    CHECK(store_export(a, file, &n, &d));
    CHECK_INT(n, 1);
    char *text = st_read(file, NULL);
    CHECK_CONTAINS(text, "\"mood\":{\"tag\":\"rain\"}");          /* unknown keys, as they are */
    CHECK_CONTAINS(text, "\"unreadable\":[\n\"{\\\"id\\\":\\\"new2\\\"");
    CHECK_CONTAINS(text, "\"not json at all \\\"quoted\\\" \\\\ back\"");
    CHECK_CONTAINS(text, "{\"base64\":\"");
    CHECK_CONTAINS(text, "\"newer_key\":[1,2]");
    free(text);
    diag_free(&d);

    ImportResult res;
    CHECK(store_import(b, file, &res, &d));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "  import: %s\n", d.msg[i]);
    CHECK_INT(res.added, 1);
    CHECK_INT(res.other_added, 3);
    CHECK(res.settings_used);
    char bpath[4096];
    st_path(bpath, sizeof bpath, b, STORE_LOG_FILE);
    char *back = st_read(bpath, NULL);
    CHECK_STR(back, lines);
    free(back);
    st_path(bpath, sizeof bpath, b, STORE_SETTINGS_FILE);
    back = st_read(bpath, NULL);
    CHECK_CONTAINS(back, "\"newer_key\":\t[1, 2]");
    free(back);

    /* Importing again adds nothing: records by id, kept lines by their text. */
    CHECK(store_import(b, file, &res, &d));
    CHECK_INT(res.added, 0);
    CHECK_INT(res.other_added, 0);
    CHECK_INT(res.already_there, 1);
    back = st_read(path, NULL);
    st_path(bpath, sizeof bpath, b, STORE_LOG_FILE);
    char *again = st_read(bpath, NULL);
    CHECK_STR(again, back);
    free(back);
    free(again);
    diag_free(&d);
}

/* An older Attune could not read a rating and kept it under "unreadable": this one imports it
 * as the record it is, once. */
static void a_line_an_older_attune_kept_unread_comes_in_as_a_record(void)
{
    char data[4096], file[4096];
    ST_FMT(data, sizeof data, "%s/older", root);
    ST_FMT(file, sizeof file, "%s/older.json", root);
    const char *text =
        "{\"attune_export\":1,\"records\":[\n"
        "{\"id\":\"p1\",\"date\":\"2026-11-20\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"breathing\",\"duration_ms\":60000,\"completed\":true}],\n"
        "\"unreadable\":[\"{\\\"id\\\":\\\"r1\\\",\\\"date\\\":\\\"2026-11-20\\\",\\\"time\\\":"
        "\\\"08:02:00\\\",\\\"utc_offset_min\\\":60,\\\"kind\\\":\\\"rating\\\",\\\"practice\\\":"
        "\\\"p1\\\",\\\"after\\\":4}\"]}\n";
    st_write(file, text, strlen(text), "wb");
    AtDiag d = {0};
    ImportResult res;
    CHECK(store_import(data, file, &res, &d));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "  import: %s\n", d.msg[i]);
    CHECK_INT(res.added, 1);
    CHECK_INT(res.other_added, 1);
    CHECK(store_import(data, file, &res, &d));
    CHECK_INT(res.added + res.other_added, 0);
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(data, &log, &rep, NULL));
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.duplicates, 0);
    CHECK(log.count == 1 && log.rec[0].after == 4);
    log_free(&log);
    diag_free(&d);
}

/* Ten thousand empty records (what took 6.2 GB and a minute at ten million): refused at once,
 * with a few messages, and memory that does not grow with the file. */
static void a_hostile_import_is_refused_quickly_with_a_few_messages(void)
{
    char data[4096], file[4096];
    ST_FMT(data, sizeof data, "%s/hostile", root);
    ST_FMT(file, sizeof file, "%s/hostile.json", root);
    enum { N = 300000 };
    size_t len = 0;
    char *text = malloc(64 + N * 3);
    len += (size_t)sprintf(text, "{\"attune_export\":1,\"records\":[");
    for (int i = 0; i < N; i++) {
        memcpy(text + len, i ? ",{}" : "{}", i ? 3 : 2);
        len += i ? 3 : 2;
    }
    len += (size_t)sprintf(text + len, "]}");
    st_write(file, text, len, "wb");
    free(text);
    struct rusage ru0, ru1;
    getrusage(RUSAGE_SELF, &ru0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    AtDiag d = {0};
    ImportResult res;
    CHECK(!store_import(data, file, &res, &d));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    getrusage(RUSAGE_SELF, &ru1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    CHECK(d.count <= 22);
    CHECK(any_msg(&d, "records[0].id: missing"));
    CHECK(any_msg(&d, "more problems (checking stopped there)"));
    CHECK(any_msg(&d, "nothing was imported"));
    CHECK(ms < 2000);
    CHECK(ru1.ru_maxrss - ru0.ru_maxrss < 16 * 1024); /* KiB: well under the 900 KB file x 10 */
    CHECK(!st_exists(data));
    printf("a hostile import of %d empty records: refused in %.0f ms, %d messages\n", N, ms,
           d.count);
    /* Not a list of records at all: said so. */
    st_write(file, "{\"attune_export\":2,\"records\":5}", 31, "wb");
    diag_free(&d);
    CHECK(!store_import(data, file, &res, &d));
    CHECK(any_msg(&d, "records: expected an array"));
    diag_free(&d);
    /* A version no whole number can hold (found by fuzzing: 1e309 is infinite). */
    const char *huge = "{\"attune_export\":1e309,\"records\":[]}";
    st_write(file, huge, strlen(huge), "wb");
    CHECK(!store_import(data, file, &res, &d));
    CHECK(any_msg(&d, "attune_export: expected a format version"));
    diag_free(&d);
}

/* An import onto a disk too small for it: nothing of it stays, the log is as it was. */
static void an_import_onto_a_full_disk_is_all_out(void)
{
    char data[4096], src[4096], file[4096], cmd[8300], path[4096];
    ST_FMT(data, sizeof data, "%s/import-full", root);
    ST_FMT(src, sizeof src, "%s/import-src", root);
    ST_FMT(file, sizeof file, "%s/big.json", root);
    fill(src, 600);
    AtDiag d = {0};
    CHECK(store_export(src, file, NULL, &d));
    mkdir(data, 0700);
    if (geteuid() != 0 || mount("tmpfs", data, "tmpfs", 0, "size=64k,mode=0700") != 0) {
        printf("skipped: import onto a full disk: cannot mount a 64 KiB tmpfs here (%s)\n",
               geteuid() != 0 ? "not root" : strerror(errno));
        diag_free(&d);
        return;
    }
    fill(data, 20);
    st_path(path, sizeof path, data, STORE_LOG_FILE);
    char *before = st_read(path, NULL);
    ImportResult res;
    CHECK(!store_import(data, file, &res, &d));
    CHECK(any_msg(&d, "No space left on device; nothing was imported"));
    char *after = st_read(path, NULL);
    CHECK_STR(after, before);
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(data, &log, &rep, NULL));
    CHECK_INT(log.count, 20);
    CHECK_INT(rep.torn, 0);
    CHECK(!rep.import_pending);
    CHECK_INT(st_count_prefix(data, "practice.jsonl.importing"), 0);
    log_free(&log);
    free(before);
    free(after);
    diag_free(&d);
    ST_FMT(cmd, sizeof cmd, "umount '%s'", data);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    st_tmpdir(root, sizeof root, "export");
    RUN(an_export_into_the_data_folder_is_refused_however_it_is_named);
    RUN(an_export_through_a_link_replaces_the_file_it_names);
    RUN(export_keeps_every_line_and_import_brings_them_back);
    RUN(a_line_an_older_attune_kept_unread_comes_in_as_a_record);
    RUN(a_hostile_import_is_refused_quickly_with_a_few_messages);
    RUN(an_import_onto_a_full_disk_is_all_out);
    int rc = check_report();
    if (rc == 0) st_rmrf(root);
    return rc;
}
