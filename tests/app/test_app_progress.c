/* Progress, headless: the calendar's tooltip stays inside its panel at 800x600 and 1280x720;
 * one day is highlighted at a time, whether the pointer or the keys chose it; a click or Enter on
 * a day shows what was practised that day (minutes, check-ins), and Close or Esc puts the totals
 * back; rest days are marked and said in plain words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

/* Seven days of practice from 20 February earn a rest day, which covers 27 February; then
 * practice on 28 February to 4 March (1 March: box breathing at 09:00, rated 6 before, 2 after).
 * Today is Thursday 5 March. */
static void write_history(const char *dir)
{
    char path[700];
    snprintf(path, sizeof path, "%s/practice.jsonl", dir);
    FILE *f = fopen(path, "w");
    if (!f) return;
    static const char *const DAYS[] = {"2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-02-24",
                                       "2026-02-25", "2026-02-26", "2026-02-28", "2026-03-02", "2026-03-03",
                                       "2026-03-04"};
    for (size_t i = 0; i < sizeof DAYS / sizeof DAYS[0]; i++)
        fprintf(f,
                "{\"id\":\"d%zu\",\"date\":\"%s\",\"time\":\"12:00:00\",\"utc_offset_min\":60,\"kind\":\"grounding\","
                "\"content\":\"senses\",\"duration_ms\":180000,\"completed\":true,\"count\":5}\n",
                i, DAYS[i]);
    fputs("{\"id\":\"m1\",\"date\":\"2026-03-01\",\"time\":\"09:00:00\",\"utc_offset_min\":60,\"kind\":\"breathing\","
          "\"content\":\"box\",\"duration_ms\":240000,\"completed\":true,\"count\":15,\"before\":6,\"after\":2}\n",
          f);
    fclose(f);
}

static const char ARGS[] = "progress --now 2026-03-05T10:00";

static int run(const char *dir, const char *name, const char *script, const char *window)
{
    char args[200];
    snprintf(args, sizeof args, "--window %s %s", window, ARGS);
    return at_run(dir, name, dir, script, args);
}

/* Strings that start with a weekday's full name: the tooltip and the day's title. */
static int day_strings(const cJSON *t, const char **first)
{
    static const char *const WD[] = {"Monday ", "Tuesday ", "Wednesday ", "Thursday ", "Friday ", "Saturday ", "Sunday "};
    int n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        if (cJSON_GetObjectItemCaseSensitive(e, "role")) continue;
        const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "text"));
        for (int i = 0; s && i < 7; i++)
            if (!strncmp(s, WD[i], strlen(WD[i]))) {
                if (!n && first) *first = s;
                n++;
            }
    }
    return n;
}

/* The calendar panel's inside, from its title (top left), its scale ("more", right) and the
 * rest-day legend (bottom). */
static AtRect calendar_inside(const cJSON *t)
{
    AtRect title = at_rect(at_text_entry(t, "Last 26 weeks", true));
    AtRect more = at_rect(at_text_entry(t, "more", true));
    AtRect legend = at_rect(at_text_entry(t, "Rest day:", false));
    return (AtRect){title.x, title.y, more.x + more.w - title.x, legend.y + legend.h - title.y};
}

static void tooltip_inside(const cJSON *t, const char *where)
{
    const char *tip = NULL;
    CHECK_INT(day_strings(t, &tip), 1);
    if (!tip) return;
    AtRect box = calendar_inside(t), r = at_rect(at_text_entry(t, tip, true));
    bool in = r.x >= box.x && r.y >= box.y && r.x + r.w <= box.x + box.w && r.y + r.h <= box.y + box.h;
    if (!in)
        fprintf(stderr, "  %s: \"%s\" (%d,%d %dx%d) leaves the calendar (%d,%d %dx%d)\n", where, tip, r.x, r.y, r.w,
                r.h, box.x, box.y, box.w, box.h);
    CHECK(in);
}

/* The centre of the day in week column col (0..25) and row (0 Monday .. 6 Sunday). */
static void day_point(const cJSON *t, int col, int row, int *x, int *y)
{
    AtRect c = at_rect(at_button(t, "Calendar: choose a day"));
    int pitch = (c.w - c.h) / 19; /* w = 26 pitch - gap, h = 7 pitch - gap */
    *x = c.x + col * pitch + pitch * 2 / 5;
    *y = c.y + row * pitch + pitch * 2 / 5;
}

static void tooltip_stays_inside_the_calendar(void)
{
    static const char *const WINDOWS[] = {"800x600", "1280x720"};
    for (int w = 0; w < 2; w++) {
        const char *dir = at_tmpdir(0);
        write_history(dir);
        /* Today sits at the right edge; the first week at the left; Monday at the top. */
        char script[1200] = "wait 300\ntexts $D/rest.json\nkey Home\nwait 100\ntexts $D/today.json\nkey Up\nkey Up\nkey Up\n";
        for (int i = 0; i < 25; i++) strcat(script, "key Left\n");
        strcat(script, "wait 100\ntexts $D/corner.json\nkey Down\nkey Down\nkey Down\nkey Down\nkey Down\nkey Down\n"
                       "wait 100\ntexts $D/bottom.json\nshot $D/tip.png\n");
        CHECK_INT(run(dir, "tip", script, WINDOWS[w]), 0);
        cJSON *t = at_texts_of(dir, "rest");
        CHECK_INT(day_strings(t, NULL), 0); /* nothing highlighted until asked */
        CHECK(at_button(t, "Calendar: choose a day") != NULL);
        cJSON_Delete(t);
        static const char *const SHOTS[] = {"today", "corner", "bottom"};
        for (int i = 0; i < 3; i++) {
            t = at_texts_of(dir, SHOTS[i]);
            tooltip_inside(t, SHOTS[i]);
            if (i == 0) CHECK(at_texts_contains(t, "Thursday 5 March (today)"));
            cJSON_Delete(t);
        }
        /* The pointer too: the first day, top left. */
        t = at_texts_of(dir, "rest");
        int x, y;
        day_point(t, 0, 0, &x, &y);
        cJSON_Delete(t);
        snprintf(script, sizeof script, "wait 300\nmove %d %d\nwait 100\ntexts $D/hover.json\n", x, y);
        CHECK_INT(run(dir, "hover", script, WINDOWS[w]), 0);
        t = at_texts_of(dir, "hover");
        tooltip_inside(t, "hover");
        CHECK(at_texts_contains(t, "Monday "));
        cJSON_Delete(t);
    }
}

/* The pointer over one day and the keys on another never show two: the last to move wins. */
static void one_day_is_highlighted_at_a_time(void)
{
    const char *dir = at_tmpdir(1);
    write_history(dir);
    CHECK_INT(run(dir, "find", "wait 300\ntexts $D/find.json\n", "1280x720"), 0);
    cJSON *t = at_texts_of(dir, "find");
    int x, y;
    day_point(t, 0, 0, &x, &y);
    cJSON_Delete(t);
    char script[600];
    snprintf(script, sizeof script,
             "wait 300\nmove %d %d\nwait 100\ntexts $D/a.json\nkey Home\nwait 100\ntexts $D/b.json\n"
             "move %d %d\nwait 100\ntexts $D/c.json\nmove 5 %d\nwait 100\ntexts $D/d.json\n",
             x, y, x + 1, y + 1, y);
    CHECK_INT(run(dir, "one", script, "1280x720"), 0);
    const char *s = NULL;
    t = at_texts_of(dir, "a"); /* the pointer's day */
    CHECK_INT(day_strings(t, &s), 1);
    CHECK(s && !strncmp(s, "Monday ", 7));
    cJSON_Delete(t);
    t = at_texts_of(dir, "b"); /* the keys moved: today alone */
    s = NULL;
    CHECK_INT(day_strings(t, &s), 1);
    CHECK(s && strstr(s, "(today)"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "c"); /* the pointer moved again: its day alone */
    s = NULL;
    CHECK_INT(day_strings(t, &s), 1);
    CHECK(s && !strncmp(s, "Monday ", 7));
    cJSON_Delete(t);
    t = at_texts_of(dir, "d"); /* off the days: none */
    CHECK_INT(day_strings(t, NULL), 0);
    cJSON_Delete(t);
}

/* A click on a day shows its practices; Close puts the totals back. Enter on a day by the keys
 * does the same, and Esc closes it before it leaves Progress. A rest day says what it is. */
static void a_day_shows_what_was_practised(void)
{
    const char *dir = at_tmpdir(2);
    write_history(dir);
    CHECK_INT(run(dir, "find", "wait 300\ntexts $D/find.json\n", "1280x720"), 0);
    cJSON *t = at_texts_of(dir, "find");
    CHECK(at_texts_has(t, "By practice"));
    CHECK(at_texts_contains(t, "Rest day: a day off"));
    int x, y;
    day_point(t, 24, 6, &x, &y); /* Sunday 1 March */
    cJSON_Delete(t);
    char script[600];
    snprintf(script, sizeof script, "wait 300\nmove %d %d\nclick %d %d\nwait 100\ntexts $D/day.json\nshot $D/day.png\n",
             x, y, x, y);
    CHECK_INT(run(dir, "click", script, "1280x720"), 0);
    t = at_texts_of(dir, "day");
    CHECK(at_texts_has(t, "Sunday 1 March"));
    CHECK(at_texts_has(t, "Box breathing, 4 minutes"));
    CHECK(at_texts_has(t, "09:00. How stirred up: 6 before, 2 after"));
    CHECK(!at_texts_has(t, "By practice"));
    AtRect close = at_rect(at_button(t, "Close"));
    CHECK(at_button(t, "Close") != NULL);
    cJSON_Delete(t);
    size_t n = strlen(script);
    snprintf(script + n, sizeof script - n, "click %d %d\nwait 100\ntexts $D/closed.json\n", close.x + close.w / 2,
             close.y + close.h / 2);
    CHECK_INT(run(dir, "close", script, "1280x720"), 0);
    t = at_texts_of(dir, "closed");
    CHECK(at_texts_has(t, "By practice"));
    CHECK(!at_texts_has(t, "Box breathing, 4 minutes"));
    cJSON_Delete(t);

    /* By the keys: today, back a week to Thursday 26 February, down to Friday 27, a rest day. */
    CHECK_INT(run(dir, "keys",
                  "wait 300\nkey Home\nkey Left\nkey Down\nwait 100\ntexts $D/tip.json\nkey Return\nwait 100\n"
                  "texts $D/rest.json\nkey Escape\nwait 100\ntexts $D/back.json\nkey Escape\nwait 400\n"
                  "texts $D/menu.json\n",
                  "1280x720"),
              0);
    t = at_texts_of(dir, "tip");
    CHECK(at_texts_has(t, "Friday 27 February: a rest day"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "rest");
    CHECK(at_texts_has(t, "Friday 27 February"));
    CHECK(at_texts_contains(t, "A rest day: a saved rest day covered it"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "By practice"));
    CHECK(at_texts_has(t, "Progress"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(!at_texts_has(t, "By practice"));
    cJSON_Delete(t);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(tooltip_stays_inside_the_calendar);
    RUN(one_day_is_highlighted_at_a_time);
    RUN(a_day_shows_what_was_practised);
    return check_report();
}
