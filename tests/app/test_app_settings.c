/* The Settings screen end to end, headless: it is the menu's last tile; check-ins turned off
 * there are not asked before or after a quick calm; the weekly goal and the day start reach
 * `attune stats --json`; the text size is kept; with reduced motion the breathing circle keeps
 * its size through an inhale and brightens instead. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apptest.h"
#include "check.h"

#define QUESTION "How stirred up do you feel right now?"
#define MENU_LINE "Take a breath. What would help right now?"

/* Settings are the last tile of the menu. */
#define OPEN_SETTINGS "wait 300\nkey End\nkey Return\nwait 400\n"

/* The data folder's settings.json, parsed (caller deletes). */
static cJSON *saved_settings(const char *data)
{
    char path[700];
    snprintf(path, sizeof path, "%s/settings.json", data);
    char *s = at_read_file(path);
    cJSON *j = s ? cJSON_Parse(s) : NULL;
    free(s);
    return j;
}

static double num(const cJSON *o, const char *a, const char *b)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, a);
    if (b) it = cJSON_GetObjectItemCaseSensitive(it, b);
    return cJSON_IsNumber(it) ? it->valuedouble : cJSON_IsTrue(it) ? 1 : cJSON_IsFalse(it) ? 0 : -999;
}

/* The height drawn for the first string equal to s, or -1. */
static int text_height(const cJSON *t, const char *s)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const cJSON *x = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (cJSON_IsString(x) && !strcmp(x->valuestring, s))
            return (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(it, "h"));
    }
    return -1;
}

/* A fresh data folder inside dir. */
static const char *data_in(const char *dir, char *buf, size_t n)
{
    snprintf(buf, n, "%s/data", dir);
    return buf;
}

static void check_ins_turned_off_in_settings_are_not_asked(void)
{
    const char *dir = at_tmpdir(0);
    char data[600];
    data_in(dir, data, sizeof data);
    const char *script = OPEN_SETTINGS "texts $D/screen.json\n"
                         "key End\nwait 100\ntexts $D/last.json\nkey Home\n"
                         "key Return\nwait 100\ntexts $D/off.json\n"
                         "key Escape\nwait 400\ntexts $D/menu.json\n"
                         "key Space\nwait 500\ntexts $D/start.json\n"
                         "wait 63000\ntexts $D/end.json\n";
    /* The quick calm would ask before it too, were check-ins on. */
    mkdir(data, 0700);
    at_write_settings(data, "{" AT_INTROS_SEEN ", \"quick_calm_checkin\": true}");
    CHECK_INT(at_run(dir, "off", data, script, ""), 0);
    cJSON *t = at_texts_of(dir, "screen");
    CHECK(at_texts_has(t, "Settings"));
    CHECK(at_texts_has(t, "Check-ins before and after practice"));
    CHECK(at_texts_has(t, "On"));
    CHECK(at_texts_contains(t, "Skipping is always fine."));
    CHECK(at_texts_has(t, "Weekly goal"));
    CHECK(at_texts_has(t, "5 days"));
    CHECK(at_texts_has(t, "4:00"));
    CHECK(at_texts_has(t, "100%"));
    CHECK(at_texts_has(t, "Your data folder"));
    CHECK(at_texts_has(t, data));
    CHECK(at_texts_contains(t, "Esc back"));
    cJSON_Delete(t);
    /* At 800x600 the rows scroll: the last ones are one key away. */
    t = at_texts_of(dir, "last");
    CHECK(at_texts_has(t, "Reduced motion"));
    CHECK(at_texts_has(t, "Help lines for"));
    CHECK(at_texts_contains(t, "(automatic)"));
    CHECK(at_texts_has(t, "Reminders"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "off");
    CHECK(at_texts_has(t, "Off"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, MENU_LINE));
    CHECK(at_texts_has(t, "Settings"));
    CHECK(!at_texts_has(t, "Quit"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "start");
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(!at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    t = at_texts_of(dir, "end");
    CHECK(at_texts_has(t, "Well done"));
    CHECK(!at_texts_has(t, QUESTION));
    cJSON_Delete(t);
    cJSON *j = saved_settings(data);
    CHECK(j != NULL);
    CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(j, "checkins")));
    cJSON_Delete(j);
}

static void weekly_goal_and_day_start_reach_the_stats(void)
{
    const char *dir = at_tmpdir(1);
    char data[600];
    data_in(dir, data, sizeof data);
    /* Rows: check-ins, sound, day start, weekly goal, text size, reduced motion. */
    const char *script = OPEN_SETTINGS "key Down\nkey Down\nkey Left\nkey Down\nkey Right\n"
                         "wait 100\ntexts $D/changed.json\nkey Escape\nwait 300\n";
    CHECK_INT(at_run(dir, "goal", data, script, ""), 0);
    cJSON *t = at_texts_of(dir, "changed");
    CHECK(at_texts_has(t, "3:00"));
    CHECK(at_texts_has(t, "6 days"));
    CHECK(at_texts_contains(t, "never as failure"));
    cJSON_Delete(t);
    CHECK_INT(at_run_cli(dir, "stats", data, "stats --json"), 0);
    char path[700];
    snprintf(path, sizeof path, "%s/stats.out", dir);
    char *out = at_read_file(path);
    cJSON *s = out ? cJSON_Parse(out) : NULL;
    free(out);
    CHECK(s != NULL);
    CHECK_INT(num(s, "week", "goal"), 6);
    CHECK_INT(num(s, "day_start_hour", NULL), 3);
    cJSON_Delete(s);

    /* Left stops at 1 day; Right and Enter each step up. */
    script = OPEN_SETTINGS "key Down\nkey Down\nkey Down\n"
             "key Left\nkey Left\nkey Left\nkey Left\nkey Left\nkey Left\nkey Left\n"
             "wait 100\ntexts $D/one.json\nkey Right\nkey Return\nwait 100\ntexts $D/three.json\n";
    CHECK_INT(at_run(dir, "goal2", data, script, ""), 0);
    t = at_texts_of(dir, "one");
    CHECK(at_texts_has(t, "1 day"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "three");
    CHECK(at_texts_has(t, "3 days"));
    cJSON_Delete(t);
}

static void text_size_changes_at_once_and_is_kept(void)
{
    const char *dir = at_tmpdir(2);
    char data[600];
    data_in(dir, data, sizeof data);
    const char *script = OPEN_SETTINGS "texts $D/before.json\n"
                         "key Down\nkey Down\nkey Down\nkey Down\nkey Right\nwait 100\n"
                         "texts $D/after.json\n";
    CHECK_INT(at_run(dir, "size", data, script, ""), 0);
    cJSON *t = at_texts_of(dir, "before");
    int before = text_height(t, "Settings");
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    int after = text_height(t, "Settings");
    CHECK(at_texts_has(t, "115%"));
    cJSON_Delete(t);
    printf("title height at 100%% %d px, at 115%% %d px\n", before, after);
    CHECK(before > 0);
    CHECK(after > before);
    cJSON *j = saved_settings(data);
    CHECK_NEAR(num(j, "text_size", NULL), 1.15, 1e-9);
    cJSON_Delete(j);
    /* The next start uses it. */
    CHECK_INT(at_run(dir, "again", data, OPEN_SETTINGS "texts $D/again.json\n", ""), 0);
    t = at_texts_of(dir, "again");
    CHECK_INT(text_height(t, "Settings"), after);
    CHECK(at_texts_has(t, "115%"));
    cJSON_Delete(t);
}

static const uint8_t *pixel(const AtImage *img, int x, int y)
{
    return img->rgb + ((size_t)y * (size_t)img->w + (size_t)x) * 3;
}

static int diff(const uint8_t *p, const uint8_t *q)
{
    return abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]);
}

/* Radius of the filled circle: along a row 40 px below the centre (clear of the countdown),
 * the run to the left of the same colour as the circle there, from the chord's half-width.
 * To the left, as the level bar stands on the right. */
static double disc_radius(const AtImage *img, int *brightness)
{
    int cx = img->w / 2, cy = (int)(img->h * 0.44f) + 40;
    const uint8_t *inside = pixel(img, cx - 10, cy);
    *brightness = inside[0] + inside[1] + inside[2];
    int x = cx - 10;
    while (x > 0 && diff(pixel(img, x, cy), inside) < 40) x--;
    double hw = cx - x;
    return sqrt(hw * hw + 40.0 * 40.0);
}

static void reduced_motion_keeps_the_circle_still_and_brightens_it(void)
{
    const char *dir = at_tmpdir(3);
    char data[600];
    data_in(dir, data, sizeof data);
    /* Check-ins off (the first row), then reduced motion on (the last but reminders). */
    const char *script = OPEN_SETTINGS "key Return\nkey Up\nkey Up\nkey Return\nwait 100\n"
                         "texts $D/motion.json\n";
    CHECK_INT(at_run(dir, "motion", data, script, ""), 0);
    cJSON *t = at_texts_of(dir, "motion");
    CHECK(at_texts_contains(t, "Less movement on screen"));
    cJSON_Delete(t);
    cJSON *j = saved_settings(data);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "reduced_motion")));
    CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(j, "checkins")));
    cJSON_Delete(j);

    /* Box breathing: 3 s to get ready, then a 4 s inhale; look 0.5 s and 3.5 s into it. */
    script = "wait 3500\nshot $D/early.bmp\ntexts $D/early.json\n"
             "wait 3000\nshot $D/late.bmp\ntexts $D/late.json\n";
    CHECK_INT(at_run(dir, "box", data, script, "breathe box --minutes 1"), 0);
    for (int i = 0; i < 2; i++) {
        t = at_texts_of(dir, i ? "late" : "early");
        CHECK(at_texts_has(t, "Breathe in"));
        cJSON_Delete(t);
    }
    AtImage early = {0}, late = {0};
    char path[700];
    snprintf(path, sizeof path, "%s/early.bmp", dir);
    CHECK(at_load_bmp(path, &early));
    snprintf(path, sizeof path, "%s/late.bmp", dir);
    CHECK(at_load_bmp(path, &late));
    if (early.rgb && late.rgb) {
        int b_early = 0, b_late = 0;
        double r_early = disc_radius(&early, &b_early), r_late = disc_radius(&late, &b_late);
        printf("reduced motion: radius %.1f px then %.1f px, brightness %d then %d\n", r_early,
               r_late, b_early, b_late);
        CHECK(r_early > 40);
        CHECK_NEAR(r_early, r_late, 1.5);
        CHECK(b_late > b_early + 60);
    }
    at_free_image(&early);
    at_free_image(&late);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(check_ins_turned_off_in_settings_are_not_asked);
    RUN(weekly_goal_and_day_start_reach_the_stats);
    RUN(text_size_changes_at_once_and_is_kept);
    RUN(reduced_motion_keeps_the_circle_still_and_brightens_it);
    return check_report();
}
