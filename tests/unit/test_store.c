/* The data folder: the append-only log, settings, export and import. What a user would
 * notice: history that survives torn writes and garbage, files nobody else can read, clear
 * messages when the folder cannot be written, and imports that never half-happen. */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/settings.h"
#include "attune/store.h"
#include "check.h"
#include "storetest.h"

static char root[4096];

static const char *sub(char *buf, const char *name)
{
    ST_FMT(buf, 4096, "%s/%s", root, name);
    return buf;
}

static int mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
}

static bool any_msg(const AtDiag *d, const char *needle)
{
    for (int i = 0; i < d->count; i++)
        if (strstr(d->msg[i], needle)) return true;
    return false;
}

static PracticeRecord full_record(void)
{
    PracticeRecord r = st_rec("2026-11-23", "18:45:01", 60, 183500, true);
    snprintf(r.id, sizeof r.id, "0123456789abcdef0123456789abcdef");
    r.count = 11;
    r.before = 7;
    r.after = 3;
    return r;
}

static void records_have_a_stable_one_line_format(void)
{
    PracticeRecord r = full_record();
    cJSON *j = practice_to_json(&r);
    char *s = cJSON_PrintUnformatted(j);
    CHECK_STR(s, "{\"id\":\"0123456789abcdef0123456789abcdef\",\"date\":\"2026-11-23\","
                 "\"time\":\"18:45:01\",\"utc_offset_min\":60,\"kind\":\"breathing\","
                 "\"content\":\"box\",\"duration_ms\":183500,\"completed\":true,\"count\":11,"
                 "\"before\":7,\"after\":3}");
    cJSON_free(s);
    cJSON_Delete(j);

    r.kind = PRACTICE_CARDS;
    r.before = r.after = -1;
    r.content[0] = 0;
    snprintf(r.partner_a, sizeof r.partner_a, "Ana");
    snprintf(r.partner_b, sizeof r.partner_b, "Zoë \"Z\"");
    j = practice_to_json(&r);
    s = cJSON_PrintUnformatted(j);
    CHECK_CONTAINS(s, "\"kind\":\"cards\",\"duration_ms\"");
    CHECK_CONTAINS(s, "\"count\":11,\"partners\":[\"Ana\",\"Zoë \\\"Z\\\"\"]}");
    CHECK(!strstr(s, "before"));
    cJSON_free(s);
    cJSON_Delete(j);

    /* ids: 32 hex digits, all different */
    char a[PRACTICE_ID_LEN + 1], b[PRACTICE_ID_LEN + 1];
    practice_new_id(a);
    practice_new_id(b);
    CHECK_INT(strlen(a), 32);
    CHECK_INT(strspn(a, "0123456789abcdef"), 32);
    CHECK(strcmp(a, b) != 0);
    PracticeRecord n;
    practice_init(&n, PRACTICE_GROUNDING, "five-senses", time(NULL));
    CHECK_INT(n.before, -1);
    CHECK_INT(strlen(n.date), 10);
    CHECK_STR(n.content, "five-senses");
    CHECK(!practice_is_couple(&n));
}

static void appends_create_a_private_folder_and_load_back(void)
{
    char dir[4096], path[4096], err[512];
    sub(dir, "fresh/nested/data");
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL)); /* missing folder: an empty history */
    CHECK(rep.missing);
    CHECK_INT(log.count, 0);

    PracticeRecord r = full_record();
    CHECK(log_append(dir, &r, err, sizeof err));
    PracticeRecord r2 = st_rec("2026-11-24", "07:00:00", 60, 60000, false);
    snprintf(r2.partner_a, sizeof r2.partner_a, "Ana");
    snprintf(r2.partner_b, sizeof r2.partner_b, "Ben");
    CHECK(log_append(dir, &r2, err, sizeof err));
    CHECK_INT(mode_of(dir), 0700);
    CHECK_INT(mode_of(sub(path, "fresh")), 0700);
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    CHECK_INT(mode_of(path), 0600);

    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK(!rep.missing);
    CHECK_INT(rep.loaded, 2);
    CHECK_INT(rep.torn + rep.unreadable + rep.duplicates, 0);
    CHECK_INT(d.count, 0);
    CHECK_INT(log.count, 2);
    CHECK_STR(log.rec[0].id, r.id);
    CHECK_INT(log.rec[0].duration_ms, 183500);
    CHECK_INT(log.rec[0].before, 7);
    CHECK_INT(log.rec[0].after, 3);
    CHECK_STR(log.rec[1].partner_b, "Ben");
    CHECK(practice_is_couple(&log.rec[1]));
    CHECK_INT(log.rec[1].before, -1);
    CHECK_INT(log_find(&log, r2.id), 1);
    size_t len;
    char *text = st_read(path, &len);
    CHECK_INT(text[len - 1], '\n');
    free(text);
    log_free(&log);
    diag_free(&d);
}

static void a_torn_last_line_is_dropped_and_never_rewritten(void)
{
    char dir[4096], path[4096], err[512];
    sub(dir, "torn");
    PracticeRecord r = full_record();
    CHECK(log_append(dir, &r, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    const char *tail = "{\"id\":\"aa\",\"date\":\"2026-11-2";
    st_write(path, tail, strlen(tail), "ab");
    size_t before_len;
    char *before = st_read(path, &before_len);

    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.torn, 1);
    CHECK_INT(rep.unreadable, 0);
    CHECK_INT(d.count, 0); /* an interrupted write is not the user's problem */
    size_t after_len;
    char *after = st_read(path, &after_len);
    CHECK_INT(after_len, before_len);
    CHECK(memcmp(before, after, before_len) == 0);
    free(after);
    log_free(&log);

    /* The next append starts on a new line, so the torn part cannot spoil it. */
    PracticeRecord r2 = st_rec("2026-11-24", "08:00:00", 60, 90000, false);
    CHECK(log_append(dir, &r2, err, sizeof err));
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(log.count, 2);
    CHECK_INT(rep.torn, 1);
    CHECK_INT(rep.unreadable, 0);
    after = st_read(path, &after_len);
    CHECK(memcmp(before, after, before_len) == 0); /* only ever appended to */
    CHECK_INT(after[before_len], '\n');
    free(after);
    free(before);
    log_free(&log);

    /* Cut anywhere, a record is a torn line, never a garbage one; NUL bytes (power cut) too. */
    cJSON *j = practice_to_json(&r2);
    char *line = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    size_t ll = strlen(line);
    int torn = 0, bad = 0;
    for (size_t cut = 1; cut < ll; cut++) {
        char d2[4096];
        ST_FMT(d2, sizeof d2, "%s/cut", root);
        st_rmrf(d2);
        mkdir(d2, 0700);
        st_path(path, sizeof path, d2, STORE_LOG_FILE);
        st_write(path, line, cut, "wb");
        st_write(path, "\n", 1, "ab");
        st_write(path, "\0\0\0\0\n", 5, "ab");
        CHECK(log_load(d2, &log, &rep, NULL));
        torn += rep.torn;
        bad += rep.unreadable;
        log_free(&log);
    }
    CHECK_INT(torn, 2 * (int)(ll - 1));
    CHECK_INT(bad, 0);
    cJSON_free(line);
    diag_free(&d);
}

static void garbage_lines_are_skipped_counted_and_told(void)
{
    char dir[4096], path[4096], err[512];
    sub(dir, "garbage");
    PracticeRecord r = full_record();
    CHECK(log_append(dir, &r, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    const char *junk =
        "hello there\n"
        "\n"
        "   \n"
        "[1,2,3]\n"
        "{\"id\":\"abc\",\"date\":\"2026-02-30\",\"time\":\"10:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"breathing\",\"duration_ms\":1000,\"completed\":true}\n"
        "{\"id\":\"abd\",\"date\":\"2026-02-03\",\"time\":\"10:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"yoga\",\"duration_ms\":1000,\"completed\":true,\"before\":11}\n"
        "{\"a\":1} trailing\n";
    st_write(path, junk, strlen(junk), "ab");
    PracticeRecord r2 = st_rec("2026-11-24", "08:00:00", 60, 90000, false);
    CHECK(log_append(dir, &r2, err, sizeof err));
    size_t blen;
    char *before = st_read(path, &blen);

    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(log.count, 2);
    CHECK_INT(rep.unreadable, 5);
    CHECK_INT(rep.torn, 0);
    CHECK(any_msg(&d, "practice.jsonl: line 2: not valid JSON"));
    CHECK(any_msg(&d, "line 5: not a record (expected a JSON object)"));
    CHECK(any_msg(&d, "line 6: date: expected YYYY-MM-DD"));
    CHECK(any_msg(&d, "line 7: kind: expected one of breathing|grounding|cards"));
    CHECK(any_msg(&d, "line 7: before: 11 is out of range (0 to 10)"));
    CHECK(any_msg(&d, "line 8: not valid JSON"));
    char sum[256];
    CHECK_STR(log_report_summary(&rep, sum, sizeof sum),
              "5 lines of your practice history could not be read and were skipped; "
              "the file was left as it is.");
    size_t alen;
    char *after = st_read(path, &alen);
    CHECK_INT(alen, blen);
    CHECK(memcmp(before, after, blen) == 0);
    free(before);
    free(after);
    log_free(&log);
    diag_free(&d);

    /* Many bad lines: the messages stop at LOG_MAX_MESSAGES plus a count. */
    for (int i = 0; i < 30; i++) st_write(path, "nope\n", 5, "ab");
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(rep.unreadable, 35);
    /* 10 lines described (one of them twice), then the rest as a count */
    CHECK_INT(d.count, 12);
    CHECK(any_msg(&d, "25 more unreadable lines"));
    log_free(&log);
    diag_free(&d);
}

static void an_empty_file_is_an_empty_history(void)
{
    char dir[4096], path[4096];
    sub(dir, "empty");
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    st_write(path, "", 0, "wb");
    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK(!rep.missing);
    CHECK_INT(log.count, 0);
    CHECK_INT(rep.lines + rep.torn + rep.unreadable, 0);
    CHECK_INT(d.count, 0);
    char sum[256];
    CHECK_STR(log_report_summary(&rep, sum, sizeof sum), "");
    log_free(&log);
}

static void repeated_ids_keep_the_first_record(void)
{
    char dir[4096], err[512];
    sub(dir, "dups");
    PracticeRecord r = full_record();
    CHECK(log_append(dir, &r, err, sizeof err));
    PracticeRecord other = st_rec("2026-11-25", "08:00:00", 60, 90000, false);
    CHECK(log_append(dir, &other, err, sizeof err));
    PracticeRecord again = r;
    again.duration_ms = 5;
    CHECK(log_append(dir, &again, err, sizeof err)); /* a retried append */
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, 2);
    CHECK_INT(rep.duplicates, 1);
    CHECK_INT(rep.unreadable, 0);
    CHECK_INT(log.rec[0].duration_ms, 183500);
    CHECK_STR(log.rec[1].id, other.id);
    log_free(&log);
}

static void invalid_records_are_refused_before_writing(void)
{
    char dir[4096], path[4096], err[512];
    sub(dir, "refused");
    PracticeRecord r = full_record();
    snprintf(r.date, sizeof r.date, "2026-02-30");
    CHECK(!log_append(dir, &r, err, sizeof err));
    CHECK_CONTAINS(err, "date: expected YYYY-MM-DD");
    r = full_record();
    r.after = 12;
    CHECK(!log_append(dir, &r, err, sizeof err));
    CHECK_CONTAINS(err, "after");
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    CHECK(!st_exists(path));
}

static void an_unwritable_folder_fails_clearly_and_loses_nothing(void)
{
    char dir[4096], file[4096], err[512], path[4096];
    /* A data folder path under a regular file: ENOTDIR, even for root. */
    sub(file, "not-a-folder");
    st_write(file, "keep me", strlen("keep me"), "wb");
    ST_FMT(dir, sizeof dir, "%s/data", file);
    PracticeRecord r = full_record();
    CHECK(!log_append(dir, &r, err, sizeof err));
    CHECK_CONTAINS(err, "could not save to ");
    CHECK_CONTAINS(err, "Not a directory");
    Settings s;
    settings_defaults(&s);
    CHECK(!settings_save(dir, &s, err, sizeof err));
    CHECK_CONTAINS(err, "Not a directory");
    PracticeLog log = {0};
    AtDiag d = {0};
    CHECK(!log_load(dir, &log, NULL, &d)); /* reported, and the app gets an empty log */
    CHECK_INT(log.count, 0);
    CHECK(any_msg(&d, "Not a directory"));
    CHECK(settings_load(dir, &s, &d) > 0);
    CHECK_INT(s.weekly_goal, 5); /* defaults: the app can run */
    char *kept = st_read(file, NULL);
    CHECK_STR(kept, "keep me");
    free(kept);
    diag_free(&d);

    /* The log's name taken by a folder: appending fails, other data stays. */
    sub(dir, "blocked");
    mkdir(dir, 0700);
    CHECK(settings_save(dir, &s, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    mkdir(path, 0700);
    CHECK(!log_append(dir, &r, err, sizeof err));
    CHECK_CONTAINS(err, "Is a directory");
    CHECK_INT(settings_load(dir, &s, NULL), 0);

    /* A real read-only folder, where permissions apply (not for root). */
    if (geteuid() == 0) {
        printf("note: running as root; the chmod 0500 case is covered by ENOTDIR/EISDIR above\n");
        return;
    }
    sub(dir, "readonly");
    PracticeRecord first = full_record();
    CHECK(log_append(dir, &first, err, sizeof err));
    s.weekly_goal = 3;
    CHECK(settings_save(dir, &s, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    chmod(path, 0400);
    chmod(dir, 0500);
    PracticeRecord second = st_rec("2026-11-24", "08:00:00", 60, 90000, false);
    CHECK(!log_append(dir, &second, err, sizeof err));
    CHECK_CONTAINS(err, "Permission denied");
    s.weekly_goal = 6;
    CHECK(!settings_save(dir, &s, err, sizeof err));
    CHECK(log_load(dir, &log, NULL, NULL));
    CHECK_INT(log.count, 1);
    CHECK_INT(settings_load(dir, &s, NULL), 0);
    CHECK_INT(s.weekly_goal, 3);
    log_free(&log);
    chmod(dir, 0700);
}

static void settings_round_trip_with_a_backup_and_unknown_keys(void)
{
    char dir[4096], path[4096], bak[4096], err[512];
    sub(dir, "settings");
    Settings s;
    AtDiag d = {0};
    CHECK_INT(settings_load(dir, &s, &d), 0); /* missing: defaults, quietly */
    CHECK(s.checkins);
    CHECK_INT(s.day_start_hour, 4);
    CHECK_INT(s.weekly_goal, 5);
    CHECK_NEAR(s.text_size, 1.0, 0);
    CHECK_STR(s.last_pattern, "");

    s.muted = true;
    s.day_start_hour = 5;
    s.text_size = 1.25;
    s.theme = SETTINGS_THEME_CONTRAST;
    snprintf(s.last_pattern, sizeof s.last_pattern, "4-7-8");
    s.last_minutes = 10;
    LevelProgress *lp = settings_level(&s, "01-notice");
    lp->seen = 12;
    lp->connected = 7;
    CHECK(settings_level(&s, "Bad Id") == NULL);
    CHECK(settings_save(dir, &s, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_SETTINGS_FILE);
    ST_FMT(bak, sizeof bak, "%s.bak", path);
    CHECK_INT(mode_of(path), 0600);
    CHECK(!st_exists(bak)); /* nothing to back up the first time */

    /* A newer Attune added a key: it survives our save. */
    char *text = st_read(path, NULL);
    char *brace = strrchr(text, '}');
    *brace = 0;
    char edited[8192];
    ST_FMT(edited, sizeof edited, "%s,\"future_key\":{\"x\":[1,2]}}\n", text);
    free(text);
    st_write(path, edited, strlen(edited), "wb");

    Settings t;
    CHECK_INT(settings_load(dir, &t, &d), 0);
    CHECK(t.muted);
    CHECK_INT(t.day_start_hour, 5);
    CHECK_NEAR(t.text_size, 1.25, 1e-12);
    CHECK_INT(t.theme, SETTINGS_THEME_CONTRAST);
    CHECK_STR(t.last_pattern, "4-7-8");
    CHECK_INT(t.last_minutes, 10);
    CHECK_INT(t.nlevels, 1);
    CHECK_INT(settings_find_level(&t, "01-notice")->connected, 7);
    t.weekly_goal = 4;
    CHECK(settings_save(dir, &t, err, sizeof err));
    text = st_read(path, NULL);
    CHECK_CONTAINS(text, "\"future_key\":");
    CHECK_CONTAINS(text, "\"weekly_goal\":\t4");
    free(text);
    text = st_read(bak, NULL);
    CHECK_STR(text, edited); /* the previous version, exactly */
    free(text);
    CHECK_INT(mode_of(bak), 0600);
    CHECK_INT(st_count_prefix(dir, "settings.json.tmp"), 0);

    /* A bad value keeps that setting's default and names the key. */
    const char *bad = "{\"weekly_goal\": 9, \"muted\": true, \"theme\": \"neon\"}";
    st_write(path, bad, strlen(bad), "wb");
    CHECK_INT(settings_load(dir, &t, &d), 2);
    CHECK_INT(t.weekly_goal, 5);
    CHECK(t.muted);
    CHECK(any_msg(&d, "settings.json: weekly_goal: 9 is out of range (1 to 7)"));
    CHECK(any_msg(&d, "settings.json: theme: expected one of dark|light|contrast"));
    diag_free(&d);
}

static void an_unreadable_settings_file_is_kept_aside_never_overwritten(void)
{
    char dir[4096], path[4096], err[512];
    sub(dir, "unreadable");
    Settings s;
    settings_defaults(&s);
    s.weekly_goal = 3;
    CHECK(settings_save(dir, &s, err, sizeof err));
    s.weekly_goal = 6;
    CHECK(settings_save(dir, &s, err, sizeof err)); /* .bak now holds goal 3 */
    st_path(path, sizeof path, dir, STORE_SETTINGS_FILE);
    const char *junk = "{\"weekly_goal\": 6,\n  oops";
    st_write(path, junk, strlen(junk), "wb");

    AtDiag d = {0};
    Settings t;
    CHECK(settings_load(dir, &t, &d) > 0);
    CHECK_INT(t.weekly_goal, 3); /* from settings.json.bak */
    CHECK(any_msg(&d, "settings.json could not be read (line 2, column "));
    CHECK(any_msg(&d, ": not valid JSON); it was kept as settings.json.unreadable-"));
    CHECK(any_msg(&d, "Using your previous settings from settings.json.bak."));
    CHECK_INT(st_count_prefix(dir, "settings.json.unreadable-"), 1);
    CHECK(!st_exists(path));
    diag_free(&d);

    /* Saving never writes over a file it cannot read: that one is kept aside too. */
    st_write(path, "garbage", 7, "wb");
    CHECK(settings_save(dir, &t, err, sizeof err));
    CHECK_INT(st_count_prefix(dir, "settings.json.unreadable-"), 2);
    CHECK_INT(settings_load(dir, &t, &d), 0);
    CHECK_INT(t.weekly_goal, 3);
    /* Both kept-aside files still hold what they held. */
    int found = 0;
    DIR *dd = opendir(dir);
    struct dirent *e;
    while ((e = readdir(dd))) {
        if (strncmp(e->d_name, "settings.json.unreadable-", 25)) continue;
        char p[8192];
        ST_FMT(p, sizeof p, "%s/%s", dir, e->d_name);
        char *c = st_read(p, NULL);
        found += !strcmp(c, junk) || !strcmp(c, "garbage");
        free(c);
    }
    closedir(dd);
    CHECK_INT(found, 2);

    /* No backup either: defaults, and the user is told. */
    sub(dir, "unreadable2");
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, STORE_SETTINGS_FILE);
    st_write(path, "[1]", 3, "wb");
    CHECK(settings_load(dir, &t, &d) > 0);
    CHECK(any_msg(&d, "(expected a JSON object)"));
    CHECK(any_msg(&d, "Using default settings."));
    CHECK_INT(t.weekly_goal, 5);
    diag_free(&d);
}

static void fill_dir(const char *dir, int n)
{
    char err[512];
    for (int i = 0; i < n; i++) {
        char date[11];
        snprintf(date, sizeof date, "2026-10-%02d", i % 28 + 1);
        PracticeRecord r = st_rec(date, "09:30:00", 120, 60000u * (unsigned)(i + 1), i % 2);
        r.kind = (PracticeKind)(i % 3);
        r.before = i % 11;
        if (i % 4 == 0) {
            snprintf(r.partner_a, sizeof r.partner_a, "Ana");
            snprintf(r.partner_b, sizeof r.partner_b, "Łukasz");
        }
        CHECK(log_append(dir, &r, err, sizeof err));
    }
}

static char *log_json(const char *dir)
{
    PracticeLog log = {0};
    log_load(dir, &log, NULL, NULL);
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < log.count; i++) cJSON_AddItemToArray(arr, practice_to_json(&log.rec[i]));
    char *s = cJSON_PrintUnformatted(arr);
    cJSON_Delete(arr);
    log_free(&log);
    return s;
}

static void export_and_import_round_trip(void)
{
    char a[4096], b[4096], c[4096], file[4096], err[512];
    sub(a, "export-a");
    sub(b, "export-b");
    sub(c, "export-c");
    sub(file, "backup.json");
    fill_dir(a, 25);
    Settings s;
    settings_defaults(&s);
    s.weekly_goal = 4;
    settings_level(&s, "02-regulate")->seen = 9;
    settings_level(&s, "02-regulate")->connected = 2;
    CHECK(settings_save(a, &s, err, sizeof err));

    AtDiag d = {0};
    int n = 0;
    CHECK(store_export(a, file, &n, &d));
    CHECK_INT(n, 25);
    CHECK_INT(d.count, 0);
    CHECK_INT(mode_of(file), 0600);
    char *text = st_read(file, NULL);
    CHECK_CONTAINS(text, "{\"attune_export\":2,\"exported\":\"");
    CHECK_CONTAINS(text, "\"records\":[\n{\"id\":");
    free(text);

    /* Into an empty folder: everything, settings included. */
    ImportResult res;
    CHECK(store_import(b, file, &res, &d));
    CHECK_INT(res.in_file, 25);
    CHECK_INT(res.added, 25);
    CHECK_INT(res.already_there, 0);
    CHECK(res.settings_used);
    char *ja = log_json(a), *jb = log_json(b);
    CHECK_STR(jb, ja);
    cJSON_free(jb);
    Settings t;
    CHECK_INT(settings_load(b, &t, NULL), 0);
    CHECK_INT(t.weekly_goal, 4);

    /* Again: nothing new. */
    CHECK(store_import(b, file, &res, &d));
    CHECK_INT(res.added, 0);
    CHECK_INT(res.already_there, 25);
    jb = log_json(b);
    CHECK_STR(jb, ja);
    cJSON_free(jb);

    /* Into a folder with its own records and settings: merged; ours kept, levels maxed. */
    fill_dir(c, 3);
    Settings ours;
    settings_defaults(&ours);
    ours.weekly_goal = 7;
    settings_level(&ours, "02-regulate")->seen = 20;
    CHECK(settings_save(c, &ours, err, sizeof err));
    CHECK(store_import(c, file, &res, &d));
    CHECK_INT(res.added, 25);
    CHECK(!res.settings_used);
    CHECK_INT(res.levels_merged, 1);
    CHECK_INT(settings_load(c, &t, NULL), 0);
    CHECK_INT(t.weekly_goal, 7);
    CHECK_INT(settings_find_level(&t, "02-regulate")->seen, 20);
    CHECK_INT(settings_find_level(&t, "02-regulate")->connected, 2);
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(c, &log, &rep, NULL));
    CHECK_INT(log.count, 28);
    CHECK_INT(rep.duplicates, 0);
    log_free(&log);
    cJSON_free(ja);
    CHECK_INT(d.count, 0);

    /* The same id twice in one file: imported once. */
    char e[4096];
    sub(e, "export-e");
    PracticeRecord r = full_record();
    cJSON *one = practice_to_json(&r);
    char *line = cJSON_PrintUnformatted(one);
    cJSON_Delete(one);
    char twice[2048];
    ST_FMT(twice, sizeof twice, "{\"attune_export\":1,\"records\":[%s,%s]}", line, line);
    cJSON_free(line);
    st_write(file, twice, strlen(twice), "wb");
    CHECK(store_import(e, file, &res, &d));
    CHECK_INT(res.in_file, 2);
    CHECK_INT(res.added, 1);
    CHECK_INT(res.already_there, 1);
    CHECK(!res.settings_used); /* the file had none: ours stay missing, defaults apply */
    CHECK(log_load(e, &log, &rep, NULL));
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.duplicates, 0);
    log_free(&log);
    diag_free(&d);
}

static void a_bad_import_changes_nothing_and_says_why(void)
{
    char dir[4096], file[4096], path[4096], spath[4096], err[512];
    sub(dir, "import-target");
    sub(file, "bad-backup.json");
    fill_dir(dir, 4);
    Settings s;
    settings_defaults(&s);
    CHECK(settings_save(dir, &s, err, sizeof err));
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    st_path(spath, sizeof spath, dir, STORE_SETTINGS_FILE);
    size_t llen, slen;
    char *log_before = st_read(path, &llen), *set_before = st_read(spath, &slen);

    /* Export something good, then break records[2].date. */
    char src[4096];
    sub(src, "import-src");
    fill_dir(src, 5);
    CHECK(store_export(src, file, NULL, NULL));
    PracticeLog sl = {0};
    log_load(src, &sl, NULL, NULL);
    char *text = st_read(file, NULL);
    char *at = strstr(text, sl.rec[2].id);
    at = strstr(at, "\"date\":\"") + 8;
    memcpy(at, "2026/10/03", 10);
    st_write(file, text, strlen(text), "wb");
    free(text);
    log_free(&sl);

    AtDiag d = {0};
    ImportResult res;
    CHECK(!store_import(dir, file, &res, &d));
    CHECK(d.count >= 2);
    char want[4200];
    ST_FMT(want, sizeof want, "%s: records[2].date: expected YYYY-MM-DD", file);
    CHECK(any_msg(&d, want));
    CHECK(any_msg(&d, "nothing was imported"));
    CHECK_INT(res.added, 0);
    diag_free(&d);

    /* Not JSON, not an export, a missing file, bad settings: all refused. */
    st_write(file, "{\"attune_export\":1,\n\"records\":[", strlen("{\"attune_export\":1,\n\"records\":["), "wb");
    CHECK(!store_import(dir, file, &res, &d));
    CHECK(any_msg(&d, "line 2, column 12: not valid JSON"));
    st_write(file, "{\"records\":[]}", strlen("{\"records\":[]}"), "wb");
    CHECK(!store_import(dir, file, &res, &d));
    CHECK(any_msg(&d, "attune_export: missing: this is not an Attune export"));
    st_write(file, "{\"attune_export\":1,\"records\":[],\"settings\":{\"weekly_goal\":0}}", strlen("{\"attune_export\":1,\"records\":[],\"settings\":{\"weekly_goal\":0}}"), "wb");
    CHECK(!store_import(dir, file, &res, &d));
    CHECK(any_msg(&d, "settings.weekly_goal: 0 is out of range (1 to 7)"));
    st_write(file, "{\"attune_export\":9,\"records\":[]}", strlen("{\"attune_export\":9,\"records\":[]}"), "wb");
    CHECK(!store_import(dir, file, &res, &d));
    CHECK(any_msg(&d, "comes from a newer Attune"));
    CHECK(!store_import(dir, sub(path, "no-such-file.json"), &res, &d));
    CHECK(any_msg(&d, "no-such-file.json: cannot read: No such file or directory"));

    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    size_t l2, s2;
    char *log_after = st_read(path, &l2), *set_after = st_read(spath, &s2);
    CHECK_INT(l2, llen);
    CHECK(memcmp(log_before, log_after, llen) == 0);
    CHECK_STR(set_after, set_before);
    free(log_before);
    free(log_after);
    free(set_before);
    free(set_after);
    diag_free(&d);
}

int main(void)
{
    st_tmpdir(root, sizeof root, "store");
    RUN(records_have_a_stable_one_line_format);
    RUN(appends_create_a_private_folder_and_load_back);
    RUN(a_torn_last_line_is_dropped_and_never_rewritten);
    RUN(garbage_lines_are_skipped_counted_and_told);
    RUN(an_empty_file_is_an_empty_history);
    RUN(repeated_ids_keep_the_first_record);
    RUN(invalid_records_are_refused_before_writing);
    RUN(an_unwritable_folder_fails_clearly_and_loses_nothing);
    RUN(settings_round_trip_with_a_backup_and_unknown_keys);
    RUN(an_unreadable_settings_file_is_kept_aside_never_overwritten);
    RUN(export_and_import_round_trip);
    RUN(a_bad_import_changes_nothing_and_says_why);
    int rc = check_report();
    if (rc == 0) st_rmrf(root);
    return rc;
}
