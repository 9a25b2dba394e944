/* Find your pace end to end: five rates, each rated with one key or a click; the most
 * comfortable is saved as your_pace and comes back as "Your pace", first in the picker and in
 * `attune list`, and breathable with `attune breathe your-pace`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

/* Each rate lasts at most 3 s of get-ready and 67 s of breaths; the rating stops the clock,
 * so waiting 70 s always ends on the question. */
#define STEP_WAIT "wait 70000\n"

static char *read_in(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return at_read_file(path);
}

/* "your_pace" in DIR/settings.json, or -1. */
static double saved_pace(const char *dir)
{
    char path[700];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    cJSON *j = at_load_texts(path);
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(j, "your_pace");
    double v = cJSON_IsNumber(p) ? p->valuedouble : -1;
    cJSON_Delete(j);
    return v;
}

static void find_your_pace_from_the_picker_keeps_the_most_comfortable(void)
{
    const char *dir = at_tmpdir(0);
    at_checkins_off(dir);
    /* Menu -> Breathe -> the last entry, Find your pace. Ratings for 6.5 .. 4.5: 1 3 2 3 1;
     * 6.0 and 5.0 tie as most comfortable, equally near 5.5: the faster, 6.0, is kept. */
    const char *script =
        "key Right\nkey Return\nwait 300\ntexts $D/before.json\n"
        "key End\nwait 300\ntexts $D/find.json\nkey Return\n"
        "wait 10000\ntexts $D/breathing.json\n"
        "wait 60000\ntexts $D/rate1.json\nkey 1\n"
        "wait 1000\ntexts $D/next.json\n"
        "wait 69000\nkey 3\n" STEP_WAIT "key 2\n" STEP_WAIT "key 3\n" STEP_WAIT
        "texts $D/rate5.json\nkey 1\nwait 300\ntexts $D/result.json\n"
        "key Escape\nwait 300\ntexts $D/after.json\n";
    CHECK_INT(at_run(dir, "sweep", dir, script, ""), 0);

    cJSON *t = at_texts_of(dir, "before");
    CHECK(at_texts_has(t, "Quick calm"));
    CHECK(!at_texts_has(t, "Your pace")); /* none found yet */
    cJSON_Delete(t);
    t = at_texts_of(dir, "find"); /* the last entry */
    CHECK(at_texts_has(t, "Find your pace"));
    CHECK(at_texts_has(t, "About 5 min"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "breathing");
    CHECK(at_texts_contains(t, "Pace 1 of 5"));
    CHECK(at_texts_contains(t, "6.5 a minute"));
    CHECK(at_texts_has(t, "Breathe in") || at_texts_has(t, "Breathe out"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "rate1");
    CHECK(at_texts_has(t, "How comfortable was that pace?"));
    CHECK(at_texts_has(t, "1  Not comfortable"));
    CHECK(at_texts_has(t, "3  Comfortable"));
    CHECK(!at_texts_has(t, "Breathe in"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "next");
    CHECK(at_texts_has(t, "A little slower"));
    CHECK(at_texts_contains(t, "Pace 2 of 5"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "rate5");
    CHECK(at_texts_contains(t, "Pace 5 of 5"));
    CHECK(at_texts_contains(t, "4.5 breaths a minute"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "result");
    CHECK(at_texts_has(t, "6.0 breaths a minute"));
    CHECK(at_texts_has(t, "Breathe at your pace"));
    cJSON_Delete(t);
    CHECK_NEAR(saved_pace(dir), 6.0, 1e-9);

    /* Back on the picker, Your pace comes first and is focused. */
    t = at_texts_of(dir, "after");
    int x, y_yours = -1, y_calm = -1, w, h;
    CHECK(at_text_rect(t, "Your pace", &x, &y_yours, &w, &h));
    CHECK(at_text_rect(t, "Quick calm", &x, &y_calm, &w, &h));
    CHECK(y_yours >= 0 && y_yours < y_calm);
    CHECK(at_texts_contains(t, "6.0 slow, even breaths a minute"));
    cJSON_Delete(t);

    char *log = read_in(dir, "practice.jsonl");
    CHECK_CONTAINS(log, "\"content\":\"find-your-pace\"");
    CHECK_CONTAINS(log, "\"completed\":true,\"count\":29"); /* 7 + 6 + 6 + 5 + 5 breaths */
    free(log);

    /* `attune list` names it first; `attune breathe your-pace` breathes it. */
    CHECK_INT(at_run_cli(dir, "list", dir, "list"), 0);
    char *out = read_in(dir, "list.out");
    CHECK_CONTAINS(out, "Breathing patterns:\n  your-pace ");
    CHECK_CONTAINS(out, "find-your-pace");
    free(out);
    CHECK_INT(at_run(dir, "yours", dir, "wait 4000\ntexts $D/yours.json\n", "breathe your-pace --minutes 1"), 0);
    t = at_texts_of(dir, "yours");
    CHECK(at_texts_has(t, "Your pace"));
    CHECK(at_texts_has(t, "Breath 1 of 6")); /* 10 s breaths for a minute */
    CHECK(at_texts_has(t, "Breathe in"));
    cJSON_Delete(t);
}

/* The answer is a click as well as a key. */
static void a_rating_can_be_clicked(void)
{
    const char *dir = at_tmpdir(1);
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "look", dir, STEP_WAIT "texts $D/rate.json\n", "breathe find-your-pace"), 0);
    cJSON *t = at_texts_of(dir, "rate");
    int x = 0, y = 0, w = 0, h = 0;
    CHECK(at_text_rect(t, "3  Comfortable", &x, &y, &w, &h));
    cJSON_Delete(t);
    char script[300];
    snprintf(script, sizeof script, STEP_WAIT "click %d %d\nwait 500\ntexts $D/next.json\n", x + w / 2,
             y + h / 2);
    CHECK_INT(at_run(dir, "click", dir, script, "breathe find-your-pace"), 0);
    t = at_texts_of(dir, "next");
    CHECK(at_texts_contains(t, "Pace 2 of 5"));
    cJSON_Delete(t);
}

/* Nothing comfortable, or leaving part-way: the pace there was stays. */
static void no_comfortable_rate_and_leaving_keep_the_pace_there_was(void)
{
    const char *dir = at_tmpdir(2);
    char path[700];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("{\"checkins\": false, \"your_pace\": 5}\n", f);
        fclose(f);
    }
    const char *script = STEP_WAIT "key 1\n" STEP_WAIT "key 1\n" STEP_WAIT "key 1\n" STEP_WAIT
                         "key 1\n" STEP_WAIT "key 1\nwait 300\ntexts $D/none.json\n";
    CHECK_INT(at_run(dir, "none", dir, script, "breathe find-your-pace"), 0);
    cJSON *t = at_texts_of(dir, "none");
    CHECK(at_texts_has(t, "None of these felt comfortable today"));
    CHECK(at_texts_contains(t, "Your pace stays as it was."));
    CHECK(!at_texts_has(t, "Breathe at your pace"));
    cJSON_Delete(t);
    CHECK_NEAR(saved_pace(dir), 5.0, 1e-9);

    script = STEP_WAIT "key 3\nwait 20000\nkey Escape\nwait 300\n";
    CHECK_INT(at_run(dir, "leave", dir, script, "breathe find-your-pace"), 0);
    CHECK_NEAR(saved_pace(dir), 5.0, 1e-9);
    char *log = read_in(dir, "practice.jsonl");
    CHECK_CONTAINS(log, "\"content\":\"find-your-pace\"");
    CHECK_CONTAINS(log, "\"completed\":false");
    free(log);

    /* Without a pace found, your-pace says how to find one. */
    const char *fresh = at_tmpdir(3);
    CHECK_INT(at_run_cli(fresh, "nopace", fresh, "breathe your-pace"), 2);
    char *err = read_in(fresh, "nopace.err");
    CHECK_CONTAINS(err, "no pace found yet");
    CHECK_CONTAINS(err, "find-your-pace");
    free(err);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(find_your_pace_from_the_picker_keeps_the_most_comfortable);
    RUN(a_rating_can_be_clicked);
    RUN(no_comfortable_rate_and_leaving_keep_the_pace_there_was);
    return check_report();
}
