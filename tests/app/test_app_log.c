/* The practice log end to end, headless: a breathing session with its check-ins lands in
 * practice.jsonl and in `attune stats --json`; leaving early is recorded too; check-ins can be
 * turned off; export and import round-trip; a bad import changes nothing; a folder that cannot
 * be written never stops a practice; the Progress screen shows the streak. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apptest.h"
#include "attune/day.h"
#include "check.h"

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static char *read_in(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return at_read_file(path);
}

/* The log's records, one JSON object per non-blank line, as an array (caller deletes). */
static cJSON *load_log(const char *data)
{
    cJSON *arr = cJSON_CreateArray();
    char *text = read_in(data, "practice.jsonl");
    for (char *line = text ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        if (o) cJSON_AddItemToArray(arr, o);
        else cJSON_AddItemToArray(arr, cJSON_CreateString(line)); /* fails the checks below */
    }
    free(text);
    return arr;
}

static double num(const cJSON *o, const char *path)
{
    /* "a.b.c": nested keys; missing -> -999 */
    char buf[200];
    snprintf(buf, sizeof buf, "%s", path);
    const cJSON *it = o;
    for (char *k = strtok(buf, "."); k && it; k = strtok(NULL, "."))
        it = cJSON_GetObjectItemCaseSensitive(it, k);
    return cJSON_IsNumber(it) ? it->valuedouble : cJSON_IsTrue(it) ? 1 : cJSON_IsFalse(it) ? 0 : -999;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(it) ? it->valuestring : "";
}

/* The record of kind "rating" that rates practice id, or NULL. */
static const cJSON *rating_of(const cJSON *log, const char *id)
{
    const cJSON *r;
    cJSON_ArrayForEach(r, log)
        if (!strcmp(str(r, "kind"), "rating") && !strcmp(str(r, "practice"), id)) return r;
    return NULL;
}

static cJSON *stats_json(const char *dir, const char *data)
{
    if (at_run_cli(dir, "stats", data, "stats --json") != 0) return NULL;
    char *out = read_in(dir, "stats.out");
    cJSON *j = out ? cJSON_Parse(out) : NULL;
    free(out);
    return j;
}

#define QUESTION "How stirred up do you feel right now?"

static void breathing_with_check_ins_lands_in_the_log_and_in_stats(void)
{
    const char *dir = at_tmpdir(0);
    /* quick-calm: 3 s to get ready, then one minute. */
    const char *script = "wait 300\ntexts $D/before.json\n"
                         "key 7\nwait 2000\ntexts $D/ready.json\n"
                         "wait 62000\ntexts $D/after.json\n"
                         "key 3\nwait 400\ntexts $D/done.json\n";
    /* A quick calm asks before it only when the setting says so (it is right now otherwise). */
    at_write_settings(dir, "{" AT_INTROS_SEEN ", \"quick_calm_checkin\": true}");
    CHECK_INT(at_run(dir, "calm", dir, script, "breathe quick-calm"), 0);
    cJSON *t = at_texts_of(dir, "before");
    CHECK(at_texts_has(t, QUESTION));
    CHECK(at_texts_has(t, "0 = calm"));
    CHECK(!at_texts_has(t, "Get ready")); /* the breathing waits for the answer */
    cJSON_Delete(t);
    t = at_texts_of(dir, "ready");
    CHECK(at_texts_has(t, "Get ready"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, QUESTION));
    CHECK(at_texts_has(t, "Before you move on"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "done");
    CHECK(at_texts_has(t, "Well done"));
    cJSON_Delete(t);

    /* The practice, saved when it ended; then the answer to the after check-in, a record of
     * its own that names the practice. */
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 2);
    const cJSON *r = cJSON_GetArrayItem(log, 0);
    CHECK_STR(str(r, "kind"), "breathing");
    CHECK_STR(str(r, "content"), "quick-calm");
    CHECK_INT(num(r, "completed"), 1);
    CHECK_INT(num(r, "before"), 7);
    CHECK_INT(num(r, "after"), -999);
    const cJSON *rating = rating_of(log, str(r, "id"));
    CHECK(rating == cJSON_GetArrayItem(log, 1));
    CHECK_INT(num(rating, "after"), 3);
    CHECK_INT(strlen(str(rating, "id")), 32);
    CHECK(strcmp(str(rating, "id"), str(r, "id")) != 0);
    CHECK_INT(num(r, "duration_ms"), 60000);
    CHECK(num(r, "count") >= 5);
    CHECK_INT(strlen(str(r, "id")), 32);
    CHECK(day_parse(str(r, "date")) != DAY_NONE);
    cJSON_Delete(log);

    cJSON *s = stats_json(dir, dir);
    CHECK(s != NULL);
    CHECK_INT(num(s, "total.sessions"), 1);
    CHECK_INT(num(s, "total.completed"), 1);
    CHECK_INT(num(s, "practices.breathing.sessions"), 1);
    CHECK_INT(num(s, "practices.breathing.minutes"), 1);
    CHECK_INT(num(s, "streak.current"), 1);
    CHECK_INT(num(s, "checkins.rated"), 1);
    CHECK_NEAR(num(s, "checkins.average_before"), 7, 1e-9);
    CHECK_NEAR(num(s, "checkins.average_after"), 3, 1e-9);
    CHECK_NEAR(num(s, "checkins.average_change"), -4, 1e-9);
    cJSON_Delete(s);

    /* The same figures in words. */
    CHECK_INT(at_run_cli(dir, "text", dir, "stats"), 0);
    char *out = read_in(dir, "text.out");
    CHECK_CONTAINS(out, "This week");
    CHECK_CONTAINS(out, "4.0 calmer on average");
    free(out);
}

/* "Breathe again" right after answering how it went: that answer is the new "before", so the
 * same question is not asked twice in a row. */
static void breathing_again_reuses_the_last_after_answer_as_the_next_before(void)
{
    const char *dir = at_tmpdir(7);
    const char *script = "wait 300\nkey 7\n"      /* before: 7 */
                         "wait 70000\ntexts $D/after.json\n"
                         "key 3\nwait 400\n"      /* after: 3, then "Well done" */
                         "key Return\nwait 400\ntexts $D/again.json\n" /* Breathe again */
                         "wait 30000\nkey Escape\nwait 400\ntexts $D/asked.json\nkey s\n";
    CHECK_INT(at_run(dir, "again", dir, script, "breathe box --minutes 1"), 0);
    cJSON *t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    t = at_texts_of(dir, "again");
    CHECK(!at_texts_has(t, QUESTION));
    CHECK(at_texts_has(t, "Get ready"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "asked"); /* 30 s: long enough to be asked how it went */
    CHECK(at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    /* The first practice, its after answer (a record of its own), the second practice; the
     * second's after question was skipped, so nothing rates it. */
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 3);
    CHECK_INT(num(cJSON_GetArrayItem(log, 0), "before"), 7);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(log, 1), "kind")), "rating");
    CHECK_INT(num(cJSON_GetArrayItem(log, 1), "after"), 3);
    CHECK_INT(num(cJSON_GetArrayItem(log, 2), "before"), 3);
    CHECK_INT(num(cJSON_GetArrayItem(log, 2), "after"), -999);
    cJSON_Delete(log);
}

static void leaving_early_is_recorded_as_not_completed(void)
{
    /* 30 s in: long enough to be asked how it went. */
    const char *dir = at_tmpdir(1);
    const char *script = "key s\nwait 30000\nkey Escape\nwait 300\ntexts $D/after.json\n"
                         "key t\nwait 300\ntexts $D/support.json\nkey Return\nwait 300\n"
                         "texts $D/menu.json\n";
    CHECK_INT(at_run(dir, "leave", dir, script, "breathe box"), 0);
    cJSON *t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    /* A 10 after a practice: one calm line says where support is, without alarm. */
    t = at_texts_of(dir, "support");
    CHECK(at_texts_contains(t, "support is one key away: F1"));
    CHECK(!at_texts_contains(t, "!"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, "Take a breath. What would help right now?"));
    cJSON_Delete(t);
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 2);
    const cJSON *r = cJSON_GetArrayItem(log, 0);
    CHECK_INT(num(r, "completed"), 0);
    CHECK_INT(num(r, "duration_ms"), 27000); /* breathing time, after the 3 s to get ready */
    CHECK_INT(num(r, "before"), -999);       /* skipped: left out */
    CHECK_INT(num(rating_of(log, str(r, "id")), "after"), 10);
    cJSON_Delete(log);

    /* 5 s in: recorded, without asking again. */
    dir = at_tmpdir(2);
    script = "key s\nwait 5000\nkey Escape\nwait 300\ntexts $D/menu.json\n";
    CHECK_INT(at_run(dir, "short", dir, script, "breathe box"), 0);
    t = at_texts_of(dir, "menu");
    CHECK(!at_texts_has(t, QUESTION));
    CHECK(at_texts_has(t, "Take a breath. What would help right now?"));
    cJSON_Delete(t);
    log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 1);
    CHECK_INT(num(cJSON_GetArrayItem(log, 0), "completed"), 0);
    CHECK_INT(num(cJSON_GetArrayItem(log, 0), "duration_ms"), 2000);
    cJSON_Delete(log);
}

static void check_ins_turned_off_skip_the_questions(void)
{
    const char *dir = at_tmpdir(3);
    at_checkins_off(dir);
    const char *script = "wait 500\ntexts $D/start.json\nwait 63000\ntexts $D/end.json\n";
    CHECK_INT(at_run(dir, "off", dir, script, "breathe quick-calm"), 0);
    cJSON *t = at_texts_of(dir, "start");
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(!at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    t = at_texts_of(dir, "end");
    CHECK(at_texts_has(t, "Well done"));
    cJSON_Delete(t);
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 1);
    const cJSON *r = cJSON_GetArrayItem(log, 0);
    CHECK_INT(num(r, "completed"), 1);
    CHECK_INT(num(r, "before"), -999);
    CHECK_INT(num(r, "after"), -999);
    cJSON_Delete(log);
}

static const char THREE_RECORDS[] =
    "{\"id\":\"aaa1\",\"date\":\"2026-03-01\",\"time\":\"09:00:00\",\"utc_offset_min\":60,"
    "\"kind\":\"breathing\",\"content\":\"box\",\"duration_ms\":240000,\"completed\":true,\"count\":15,"
    "\"before\":6,\"after\":2}\n"
    "{\"id\":\"aaa2\",\"date\":\"2026-03-02\",\"time\":\"21:30:00\",\"utc_offset_min\":60,"
    "\"kind\":\"grounding\",\"duration_ms\":300000,\"completed\":true,\"count\":5}\n"
    "{\"id\":\"aaa3\",\"date\":\"2026-03-03\",\"time\":\"01:10:00\",\"utc_offset_min\":60,"
    "\"kind\":\"cards\",\"content\":\"01-notice\",\"duration_ms\":600000,\"completed\":false,\"count\":4,"
    "\"partners\":[\"Sam\",\"Alex\"]}\n";

static void export_and_import_round_trip_without_duplicates(void)
{
    const char *from = at_tmpdir(4);
    const char *to = at_tmpdir(5);
    const char *elsewhere = at_tmpdir(6); /* never inside a data folder */
    char file[700], args[800];
    write_file(from, "practice.jsonl", THREE_RECORDS);
    write_file(from, "settings.json", "{\"weekly_goal\": 3, \"checkins\": false}\n");
    snprintf(file, sizeof file, "%s/backup.json", elsewhere);
    snprintf(args, sizeof args, "export '%s'", file);
    CHECK_INT(at_run_cli(from, "export", from, args), 0);
    char *out = read_in(from, "export.out");
    CHECK_CONTAINS(out, "Exported 3 practices");
    free(out);

    snprintf(args, sizeof args, "import '%s'", file);
    CHECK_INT(at_run_cli(from, "import1", to, args), 0);
    out = read_in(from, "import1.out");
    CHECK_CONTAINS(out, "Imported 3 practices.");
    CHECK_CONTAINS(out, "Settings were taken from the file");
    free(out);
    cJSON *a = load_log(from), *b = load_log(to);
    CHECK_INT(cJSON_GetArraySize(b), 3);
    for (int i = 0; i < 3 && i < cJSON_GetArraySize(b); i++) {
        const cJSON *x = cJSON_GetArrayItem(a, i), *y = cJSON_GetArrayItem(b, i);
        CHECK(cJSON_Compare(x, y, true));
    }
    cJSON_Delete(a);
    cJSON_Delete(b);
    char *settings = read_in(to, "settings.json");
    CHECK(settings && strstr(settings, "\"weekly_goal\":\t3"));
    free(settings);

    /* Again: everything is already there. */
    CHECK_INT(at_run_cli(from, "import2", to, args), 0);
    out = read_in(from, "import2.out");
    CHECK_CONTAINS(out, "Imported 0 practices (3 were already here).");
    free(out);
    b = load_log(to);
    CHECK_INT(cJSON_GetArraySize(b), 3);
    cJSON_Delete(b);

    /* The imported history shows in the stats (the couple session counts as cards). */
    cJSON *s = stats_json(from, to);
    CHECK_INT(num(s, "total.sessions"), 3);
    CHECK_INT(num(s, "practices.cards.sessions"), 1);
    CHECK_INT(num(s, "couple.sessions"), 1);
    CHECK_INT(num(s, "week.goal"), 3);
    cJSON_Delete(s);

    /* Missing FILE is a usage error. */
    CHECK_INT(at_run_cli(from, "nofile", to, "export"), 2);
}

static void a_bad_import_changes_nothing_and_says_where(void)
{
    const char *dir = at_tmpdir(6);
    write_file(dir, "practice.jsonl", THREE_RECORDS);
    write_file(dir, "bad.json",
               "{\"attune_export\": 1, \"records\": [\n"
               " {\"id\":\"new1\",\"date\":\"2026-04-01\",\"time\":\"09:00:00\",\"utc_offset_min\":0,"
               "\"kind\":\"breathing\",\"duration_ms\":60000,\"completed\":true},\n"
               " {\"id\":\"new2\",\"date\":\"April 2nd\",\"time\":\"09:00:00\",\"utc_offset_min\":0,"
               "\"kind\":\"breathing\",\"duration_ms\":60000,\"completed\":true}\n]}\n");
    char args[800];
    snprintf(args, sizeof args, "import '%s/bad.json'", dir);
    CHECK_INT(at_run_cli(dir, "bad", dir, args), 1);
    char *err = read_in(dir, "bad.err");
    CHECK_CONTAINS(err, "bad.json");
    CHECK_CONTAINS(err, "records[1].date");
    free(err);
    char *log = read_in(dir, "practice.jsonl");
    CHECK_STR(log, THREE_RECORDS);
    free(log);
    /* Not JSON at all. */
    write_file(dir, "worse.json", "{\"attune_export\": 1, \"records\": [");
    snprintf(args, sizeof args, "import '%s/worse.json'", dir);
    CHECK_INT(at_run_cli(dir, "worse", dir, args), 1);
    err = read_in(dir, "worse.err");
    CHECK_CONTAINS(err, "worse.json");
    free(err);
    log = read_in(dir, "practice.jsonl");
    CHECK_STR(log, THREE_RECORDS);
    free(log);
}

static void a_folder_that_cannot_be_written_never_stops_a_practice(void)
{
    /* Root ignores permissions, so the folder sits under a regular file: nothing can be made. */
    const char *dir = at_tmpdir(7);
    char data[700];
    write_file(dir, "afile", "not a folder\n");
    snprintf(data, sizeof data, "%s/afile/sub", dir);
    const char *script = "key 5\nwait 64000\nkey 2\nwait 400\ntexts $D/notice.json\n"
                         "key Return\nwait 400\ntexts $D/done.json\n";
    CHECK_INT(at_run(dir, "ro", data, script, "breathe quick-calm"), 0);
    char *err = read_in(dir, "ro.err");
    CHECK_CONTAINS(err, "couldn't save this practice");
    CHECK_CONTAINS(err, "afile/sub");
    free(err);
    cJSON *t = at_texts_of(dir, "notice");
    CHECK(at_texts_has(t, "Couldn't save this practice"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "done");
    CHECK(at_texts_has(t, "Well done"));
    cJSON_Delete(t);
    /* The terminal commands say why, too. */
    CHECK_INT(at_run_cli(dir, "rostats", data, "stats"), 1);
    err = read_in(dir, "rostats.err");
    CHECK_CONTAINS(err, "afile/sub");
    free(err);
}

static void fmt_day(int day, char *out) { day_format(day, out); }

static void progress_screen_shows_the_streak_and_the_week(void)
{
    const char *dir = at_tmpdir(0);
    /* Practised 6, 5 and 4 days ago, then yesterday and today: current 2, longest 3. The clock
     * starts at noon, far from the day start, so the test cannot race it. */
    int today = day_parse("2026-05-20");
    static const int AGO[5] = {6, 5, 4, 1, 0};
    char text[4000] = "", date[11];
    size_t n = 0;
    for (int i = 0; i < 5; i++) {
        fmt_day(today - AGO[i], date);
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "{\"id\":\"h%d\",\"date\":\"%s\",\"time\":\"12:00:00\",\"utc_offset_min\":0,"
                              "\"kind\":\"breathing\",\"duration_ms\":180000,\"completed\":true,\"count\":9,"
                              "\"before\":%d,\"after\":%d}\n",
                              i, date, 6 + i % 2, 3);
    }
    write_file(dir, "practice.jsonl", text);
    /* In the menu's two columns, Progress sits up and to the left of Settings, the last tile
     * (the Journal beside it is just above). */
    const char *script = "key End\nkey Up\nkey Left\nkey Return\nwait 400\ntexts $D/stats.json\n"
                         "shot $D/stats.png\nkey Home\ntexts $D/today.json\n"
                         "key Escape\nwait 400\ntexts $D/menu.json\n";
    CHECK_INT(at_run(dir, "progress", dir, script, "--now 2026-05-20T12:00"), 0);
    cJSON *t = at_texts_of(dir, "stats");
    CHECK(at_texts_has(t, "Progress"));
    CHECK(at_texts_has(t, "2"));
    CHECK(at_texts_has(t, "Days in a row"));
    CHECK(at_texts_has(t, "3"));
    CHECK(at_texts_has(t, "Longest streak"));
    CHECK(at_texts_has(t, "Rest days saved"));
    CHECK(at_texts_contains(t, "This week"));
    CHECK(at_texts_contains(t, "of 5 days"));
    CHECK(at_texts_has(t, "2 days in a row. Keep it gentle."));
    CHECK(at_texts_contains(t, "calmer after practice"));
    CHECK(!at_texts_contains(t, "lost"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "today");
    CHECK(at_texts_contains(t, "(today): 3 minutes, 1 practice"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, "Take a breath. What would help right now?"));
    cJSON_Delete(t);
}

/* One minute of quick calm started at a given local time (no check-ins), in data folder dir. */
static int quick_calm_at(const char *dir, const char *name, const char *when)
{
    char args[200];
    snprintf(args, sizeof args, "--now %s breathe quick-calm --minutes 1", when);
    return at_run(dir, name, dir, "wait 64000\n", args);
}

static cJSON *stats_at(const char *dir, const char *when)
{
    char args[200];
    snprintf(args, sizeof args, "stats --json --now %s", when);
    if (at_run_cli(dir, "stats", dir, args) != 0) return NULL;
    char *out = read_in(dir, "stats.out");
    cJSON *j = out ? cJSON_Parse(out) : NULL;
    free(out);
    return j;
}

static const char *last_practice(const cJSON *stats)
{
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(stats, "streak");
    return str(k, "last_practice");
}

/* With the day starting at 4:00, a practice begun at 03:59 belongs to the evening before, even
 * though it ends after 4:00; one begun at 04:00 belongs to the new day. Both runs and the
 * stats take their date and time from --now, so nothing depends on when the test runs. */
static void a_practice_at_0359_counts_for_the_day_before_and_at_0400_for_the_new_day(void)
{
    const char *dir = at_tmpdir(5);
    at_checkins_off(dir);
    CHECK_INT(quick_calm_at(dir, "early", "2026-03-08T03:59"), 0);
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 1);
    CHECK_STR(str(cJSON_GetArrayItem(log, 0), "date"), "2026-03-08");
    CHECK_STR(str(cJSON_GetArrayItem(log, 0), "time"), "03:59:00");
    cJSON_Delete(log);
    cJSON *st = stats_at(dir, "2026-03-08T12:00");
    CHECK_STR(str(st, "today"), "2026-03-08");
    CHECK_STR(last_practice(st), "2026-03-07");
    CHECK_INT(num(st, "streak.practised_today"), 0);
    CHECK_INT(num(st, "streak.current"), 1);
    cJSON_Delete(st);
    /* Asked at 03:59, the practice is today's. */
    st = stats_at(dir, "2026-03-08T03:59");
    CHECK_STR(str(st, "today"), "2026-03-07");
    CHECK_INT(num(st, "streak.practised_today"), 1);
    cJSON_Delete(st);

    CHECK_INT(quick_calm_at(dir, "on-time", "2026-03-08T04:00"), 0);
    log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 2);
    CHECK_STR(str(cJSON_GetArrayItem(log, 1), "time"), "04:00:00");
    cJSON_Delete(log);
    st = stats_at(dir, "2026-03-08T12:00");
    CHECK_STR(last_practice(st), "2026-03-08");
    CHECK_INT(num(st, "streak.practised_today"), 1);
    CHECK_INT(num(st, "streak.current"), 2);
    CHECK_INT(num(st, "streak.practised_days"), 2);
    cJSON_Delete(st);
}

static void now_must_be_a_local_date_and_time(void)
{
    const char *dir = at_tmpdir(6);
    CHECK_INT(at_run_cli(dir, "bad-now", dir, "stats --now 2026-02-30T10:00"), 2);
    CHECK_INT(at_run_cli(dir, "no-now", dir, "stats --now"), 2);
    char *err = read_in(dir, "bad-now.err");
    CHECK_CONTAINS(err, "--now needs a local date and time");
    free(err);
}

static void sound_and_the_last_pattern_are_remembered(void)
{
    const char *dir = at_tmpdir(1);
    /* M on the menu; then the picker's second pattern, 3 minutes, and straight back out. */
    const char *script = "key m\nkey Right\nkey Return\nwait 300\nkey Down\nkey Right\nkey Return\n"
                         "wait 300\nkey s\nwait 300\n";
    CHECK_INT(at_run(dir, "remember", dir, script, ""), 0);
    char *s = read_in(dir, "settings.json");
    cJSON *j = s ? cJSON_Parse(s) : NULL;
    free(s);
    CHECK(j != NULL);
    CHECK_INT(num(j, "muted"), 1);
    CHECK(strlen(str(j, "last_pattern")) > 0);
    CHECK(num(j, "last_minutes") > 0);
    cJSON_Delete(j);
    /* The session the app was closed in is kept too. */
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 1);
    cJSON_Delete(log);
}

static void unreadable_settings_are_kept_aside_and_the_menu_says_so(void)
{
    const char *dir = at_tmpdir(2);
    write_file(dir, "settings.json", "{\"checkins\": tru");
    /* Settings that could not be read start afresh, welcome included. */
    CHECK_INT(at_run(dir, "bad", dir, "wait 300\ntexts $D/welcome.json\nkey Return\nwait 300\n"
                     "texts $D/menu.json\nkey m\n", ""), 0);
    cJSON *t = at_texts_of(dir, "welcome");
    CHECK(at_texts_has(t, "Welcome to Attune"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_contains(t, "About your settings"));
    CHECK(at_texts_contains(t, "settings.json.unreadable-"));
    cJSON_Delete(t);
    char *err = read_in(dir, "bad.err");
    CHECK_CONTAINS(err, "could not be read");
    free(err);
    /* The file is kept as it was under its new name, and the new settings do not replace it. */
    char cmd[800];
    snprintf(cmd, sizeof cmd, "cat '%s'/settings.json.unreadable-* > '%s/kept.txt'", dir, dir);
    CHECK_INT(system(cmd), 0);
    char *kept = read_in(dir, "kept.txt");
    CHECK_STR(kept, "{\"checkins\": tru");
    free(kept);
}

/* Quick calm means right now: no question before it, from the command line or from the menu
 * (its tile, or Space); the question comes afterwards. Other practices still ask before. */
static void a_quick_calm_starts_at_once_and_asks_only_afterwards(void)
{
    const char *dir = at_tmpdir(0);
    const char *script = "wait 300\ntexts $D/start.json\n"
                         "wait 64000\ntexts $D/after.json\n"
                         "key 3\nwait 400\n";
    CHECK_INT(at_run(dir, "now", dir, script, "breathe"), 0);
    cJSON *t = at_texts_of(dir, "start");
    CHECK(!at_texts_has(t, QUESTION));
    CHECK(at_texts_has(t, "Get ready"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    cJSON *log = load_log(dir);
    const cJSON *r = cJSON_GetArrayItem(log, 0);
    CHECK_STR(str(r, "content"), "quick-calm");
    CHECK_INT(num(r, "before"), -999);
    CHECK_INT(num(rating_of(log, str(r, "id")), "after"), 3);
    cJSON_Delete(log);

    /* Space on the menu: straight into the breathing. */
    const char *dir2 = at_tmpdir(1);
    CHECK_INT(at_run(dir2, "space", dir2, "wait 300\nkey space\nwait 500\ntexts $D/s.json\n", ""), 0);
    t = at_texts_of(dir2, "s");
    CHECK(!at_texts_has(t, QUESTION));
    CHECK(at_texts_has(t, "Get ready"));
    cJSON_Delete(t);

    /* Box breathing still asks first. */
    const char *dir3 = at_tmpdir(2);
    CHECK_INT(at_run(dir3, "box", dir3, "wait 300\ntexts $D/b.json\n", "breathe box"), 0);
    t = at_texts_of(dir3, "b");
    CHECK(at_texts_has(t, QUESTION));
    cJSON_Delete(t);
}

/* Esc goes back, never forward: on the question before a practice it returns to the menu with
 * nothing started or recorded; S (or Skip) skips the question and starts it. */
static void esc_on_the_question_before_goes_back_and_s_skips(void)
{
    const char *dir = at_tmpdir(0);
    const char *script = "wait 300\ntexts $D/q.json\nkey Escape\nwait 500\ntexts $D/back.json\n"
                         "wait 5000\ntexts $D/later.json\n";
    CHECK_INT(at_run(dir, "esc", dir, script, "breathe box"), 0);
    cJSON *t = at_texts_of(dir, "q");
    CHECK(at_texts_has(t, QUESTION));
    CHECK(at_texts_contains(t, "Esc back"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(!at_texts_has(t, QUESTION));
    CHECK(!at_texts_has(t, "Get ready"));
    CHECK(at_texts_has(t, "Take a breath. What would help right now?")); /* the menu */
    cJSON_Delete(t);
    t = at_texts_of(dir, "later");
    CHECK(!at_texts_has(t, "Breathe in"));
    cJSON_Delete(t);
    cJSON *log = load_log(dir);
    CHECK_INT(cJSON_GetArraySize(log), 0);
    cJSON_Delete(log);

    const char *dir2 = at_tmpdir(1);
    CHECK_INT(at_run(dir2, "skip", dir2, "wait 300\nkey s\nwait 500\ntexts $D/s.json\n", "breathe box"), 0);
    t = at_texts_of(dir2, "s");
    CHECK(at_texts_has(t, "Get ready"));
    cJSON_Delete(t);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(breathing_with_check_ins_lands_in_the_log_and_in_stats);
    RUN(a_quick_calm_starts_at_once_and_asks_only_afterwards);
    RUN(esc_on_the_question_before_goes_back_and_s_skips);
    RUN(breathing_again_reuses_the_last_after_answer_as_the_next_before);
    RUN(leaving_early_is_recorded_as_not_completed);
    RUN(check_ins_turned_off_skip_the_questions);
    RUN(export_and_import_round_trip_without_duplicates);
    RUN(a_bad_import_changes_nothing_and_says_where);
    RUN(a_folder_that_cannot_be_written_never_stops_a_practice);
    RUN(progress_screen_shows_the_streak_and_the_week);
    RUN(a_practice_at_0359_counts_for_the_day_before_and_at_0400_for_the_new_day);
    RUN(now_must_be_a_local_date_and_time);
    RUN(sound_and_the_last_pattern_are_remembered);
    RUN(unreadable_settings_are_kept_aside_and_the_menu_says_so);
    return check_report();
}
