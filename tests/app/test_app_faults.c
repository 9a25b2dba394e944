/* The real binary when its data folder cannot be written (mounted read-only, or a full disk)
 * or cannot be a folder at all: the practice goes on to its end, the person is told once,
 * calmly, that it could not be saved, nothing saved before is touched, and the next start
 * works. The mounts need root (CI runs as root); without them those cases are skipped with
 * the reason printed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apptest.h"
#include "attune/settings.h"
#include "attune/store.h"
#include "check.h"

#define NOTICE "Couldn't save this practice"
#define QUESTION "How stirred up do you feel right now?"

static char *read_in(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return at_read_file(path);
}

/* Saved practices and settings in data, as before the fault: one, or with fill_page as many
 * as leave no room for another line in the log's last 4 KiB page (a full tmpfs still lets a
 * file grow within the page it has). Returns how many. */
static int seed(const char *data, bool fill_page)
{
    char err[512], path[800];
    int n = 0;
    struct stat st = {0};
    snprintf(path, sizeof path, "%s/%s", data, STORE_LOG_FILE);
    do {
        PracticeRecord r;
        practice_init(&r, PRACTICE_BREATHING, "box", 1795000000);
        r.duration_ms = 180000;
        r.completed = true;
        CHECK(log_append(data, &r, err, sizeof err));
        n++;
        stat(path, &st);
    } while (fill_page && 4096 - st.st_size % 4096 > 150 && n < 100);
    Settings s;
    settings_defaults(&s);
    s.weekly_goal = 3;
    CHECK(settings_save(data, &s, err, sizeof err));
    return n;
}

/* A practice with both check-ins where nothing can be saved: told once, and it goes on. */
static void practise_unsaved(const char *dir, const char *data, const char *name)
{
    const char *script = "key 5\nwait 64000\ntexts $D/asked.json\n"
                         "key 3\nwait 400\ntexts $D/told.json\n"
                         "key Return\nwait 400\ntexts $D/after.json\n"
                         "key Escape\nwait 400\nkey space\nwait 300\nkey s\nwait 64000\n"
                         "key 2\nwait 400\ntexts $D/second.json\n";
    CHECK_INT(at_run(dir, name, data, script, "breathe quick-calm"), 0);
    cJSON *t = at_texts_of(dir, "asked");
    CHECK(at_texts_has(t, QUESTION)); /* the practice went on to its end */
    cJSON_Delete(t);
    t = at_texts_of(dir, "told");
    CHECK(at_texts_has(t, NOTICE));
    CHECK(at_texts_contains(t, "still counts while Attune is open"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, "Well done"));
    CHECK(!at_texts_has(t, NOTICE));
    cJSON_Delete(t);
    t = at_texts_of(dir, "second"); /* a second practice, not saved either: not told again */
    CHECK(!at_texts_has(t, NOTICE));
    cJSON_Delete(t);
}

/* After the fault: the history is as it was, and Attune starts and saves again. */
static void next_start_works(const char *dir, const char *data, const char *before_log, int had)
{
    char *log = read_in(data, STORE_LOG_FILE);
    CHECK_STR(log, before_log);
    free(log);
    CHECK_INT(at_run_cli(dir, "stats", data, "stats --json"), 0);
    char *out = read_in(dir, "stats.out");
    CHECK_CONTAINS(out, "\"goal\":\t3");
    free(out);
    CHECK_INT(at_run(dir, "again", data, "key s\nwait 64000\nkey s\nwait 300\n", "breathe quick-calm"), 0);
    PracticeLog l = {0};
    LogReport rep;
    CHECK(log_load(data, &l, &rep, NULL));
    CHECK_INT(l.count, had + 1);
    CHECK_INT(rep.torn + rep.unreadable, 0);
    log_free(&l);
}

static void a_read_only_data_folder(void)
{
    const char *dir = at_tmpdir(0);
    char data[700];
    snprintf(data, sizeof data, "%s/data", dir);
    int had = seed(data, false);
    char *before = read_in(data, STORE_LOG_FILE);
    if (geteuid() != 0 || mount(data, data, NULL, MS_BIND, NULL) != 0) {
        printf("skipped: read-only data folder: cannot bind-mount here (%s)\n",
               geteuid() != 0 ? "not root" : strerror(errno));
        free(before);
        return;
    }
    if (mount(NULL, data, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0) {
        printf("skipped: read-only data folder: cannot remount read-only (%s)\n", strerror(errno));
        umount(data);
        free(before);
        return;
    }
    practise_unsaved(dir, data, "ro");
    char *err = read_in(dir, "ro.err");
    CHECK_CONTAINS(err, "Read-only file system");
    free(err);
    CHECK(umount(data) == 0);
    next_start_works(dir, data, before, had);
    free(before);
}

static void a_full_disk(void)
{
    const char *dir = at_tmpdir(1);
    char data[700], filler[800];
    snprintf(data, sizeof data, "%s/data", dir);
    mkdir(data, 0700);
    if (geteuid() != 0 || mount("tmpfs", data, "tmpfs", 0, "size=64k,mode=0700") != 0) {
        printf("skipped: full disk: cannot mount a 64 KiB tmpfs here (%s)\n",
               geteuid() != 0 ? "not root" : strerror(errno));
        return;
    }
    int had = seed(data, true);
    char *before = read_in(data, STORE_LOG_FILE);
    /* Fill what is left. */
    snprintf(filler, sizeof filler, "%s/filler", data);
    int fd = open(filler, O_WRONLY | O_CREAT, 0600);
    char block[512] = {0};
    while (fd >= 0 && write(fd, block, sizeof block) > 0) {}
    while (fd >= 0 && write(fd, block, 1) > 0) {}
    if (fd >= 0) close(fd);
    practise_unsaved(dir, data, "full");
    char *err = read_in(dir, "full.err");
    CHECK_CONTAINS(err, "No space left on device");
    free(err);
    unlink(filler); /* room again */
    next_start_works(dir, data, before, had);
    free(before);
    CHECK(umount(data) == 0);
}

static void a_data_folder_that_is_a_file(void)
{
    const char *dir = at_tmpdir(2);
    char file[700], args[900], want[900];
    snprintf(file, sizeof file, "%s/not-a-folder", dir);
    FILE *f = fopen(file, "w");
    if (f) fclose(f);
    snprintf(want, sizeof want, "attune: the data folder %s cannot be used: it is a file, not a "
                                "folder (choose another with --data-dir DIR)\n", file);
    /* The terminal commands cannot go on: one line naming the path, exit 1. */
    const char *cmds[3] = {"stats", "export elsewhere.json", "import x.json"};
    for (int i = 0; i < 3; i++) {
        snprintf(args, sizeof args, "%s", cmds[i]);
        CHECK_INT(at_run_cli(dir, "file", file, args), 1);
        char *err = read_in(dir, "file.err");
        CHECK_STR(err, want);
        free(err);
    }
    /* A practice can: the same line once at start, and the menu says it too. */
    /* Nothing can be remembered there, so the first-start welcome comes first. */
    CHECK_INT(at_run(dir, "app", file, "wait 300\nkey Return\nwait 300\ntexts $D/menu.json\n", ""), 0);
    char *err = read_in(dir, "app.err");
    CHECK(err && strncmp(err, want, strlen(want)) == 0);
    CHECK(err && !strstr(err, "cannot read your settings"));
    free(err);
    cJSON *t = at_texts_of(dir, "menu");
    CHECK(at_texts_contains(t, "data folder can't be used"));
    cJSON_Delete(t);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(a_read_only_data_folder);
    RUN(a_full_disk);
    RUN(a_data_folder_that_is_a_file);
    return check_report();
}
