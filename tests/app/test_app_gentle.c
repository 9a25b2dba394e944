/* Breathing as taught, end to end: 4-7-8 stops at four breaths however long is asked, a
 * pattern's caution comes before the first breath, "Just notice your breath" paces nothing,
 * and the picker carries the general line about dizziness from the shipped resources. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

static char *read_in(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return at_read_file(path);
}

static void four_seven_eight_is_four_breaths_even_when_ten_minutes_are_asked(void)
{
    const char *dir = at_tmpdir(0);
    at_checkins_off(dir);
    /* Its caution first, then 3 s to get ready and 4 breaths of 19 s: done at 79 s. */
    const char *script = "key Return\nwait 1000\ntexts $D/ready.json\n"
                         "wait 77900\ntexts $D/last.json\n"
                         "wait 200\ntexts $D/done.json\n";
    CHECK_INT(at_run(dir, "ten", dir, script, "breathe 478 --minutes 10"), 0);
    char *err = read_in(dir, "ten.err");
    CHECK_CONTAINS(err, "4-7-8 is taught 4 breaths at a time, so this session is 4 breaths");
    CHECK(err && !strstr(strstr(err, "at a time") + 1, "at a time")); /* said once */
    free(err);
    cJSON *t = at_texts_of(dir, "ready");
    CHECK(at_texts_has(t, "Breath 1 of 4"));
    CHECK(at_texts_has(t, "1:16 left"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "last");
    CHECK(at_texts_has(t, "Breath 4 of 4"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "done");
    CHECK(at_texts_contains(t, "1:16 of 4-7-8, 4 breaths"));
    cJSON_Delete(t);
    char *log = read_in(dir, "practice.jsonl");
    CHECK_CONTAINS(log, "\"content\":\"478\",\"duration_ms\":76000,\"completed\":true,\"count\":4");
    free(log);

    /* Asked for no more than it allows, or for nothing at all: no note. */
    CHECK_INT(at_run(dir, "one", dir, "key Return\nwait 100\n", "breathe 478 --minutes 1"), 0);
    err = read_in(dir, "one.err");
    CHECK(err && !strstr(err, "breaths at a time"));
    free(err);
    CHECK_INT(at_run(dir, "plain", dir, "key Return\nwait 100\n", "breathe 478"), 0);
    err = read_in(dir, "plain.err");
    CHECK(err && !strstr(err, "breaths at a time"));
    free(err);
}

/* The picker offers 4-7-8 as "4 breaths", never as minutes that would do nothing. */
static void the_picker_offers_four_breaths_for_four_seven_eight(void)
{
    const char *dir = at_tmpdir(1);
    at_checkins_off(dir);
    /* Quick calm, Just notice, Box, then 4-7-8 */
    const char *script = "key Right\nkey Return\nwait 300\ntexts $D/first.json\n"
                         "key Down\nkey Down\nkey Down\nwait 300\ntexts $D/478.json\n"
                         "key Right\nkey Right\nkey Return\nwait 300\nkey Return\nwait 1000\n"
                         "texts $D/session.json\n";
    CHECK_INT(at_run(dir, "picker", dir, script, ""), 0);
    cJSON *t = at_texts_of(dir, "first");
    CHECK(at_texts_has(t, "10 min"));
    CHECK(!at_texts_has(t, "4 breaths"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "478");
    CHECK(at_texts_has(t, "4 breaths"));
    CHECK(!at_texts_has(t, "10 min"));
    CHECK(!at_texts_has(t, "1 min"));
    CHECK(at_texts_contains(t, "4 at a time"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "session");
    CHECK(at_texts_has(t, "Breath 1 of 4")); /* Left/Right changed nothing */
    cJSON_Delete(t);
}

static void a_caution_comes_before_the_first_breath(void)
{
    const char *dir = at_tmpdir(2);
    at_checkins_off(dir);
    /* Five seconds on the caution: nothing has begun, the clock has not run. */
    const char *script = "wait 5000\ntexts $D/caution.json\n"
                         "key Return\nwait 1000\ntexts $D/ready.json\n"
                         "wait 2500\ntexts $D/first.json\n";
    CHECK_INT(at_run(dir, "caution", dir, script, "breathe 478"), 0);
    cJSON *t = at_texts_of(dir, "caution");
    CHECK(at_texts_has(t, "Before you begin"));
    CHECK(at_texts_contains(t, "should never feel like a strain"));
    CHECK(at_texts_has(t, "I understand, begin"));
    CHECK(at_texts_has(t, "Not now"));
    CHECK(!at_texts_has(t, "Get ready"));
    CHECK(!at_texts_has(t, "Breathe in"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "ready");
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(at_texts_has(t, "2")); /* 1 s into the 3 s get-ready: the 5 s before did not count */
    CHECK(at_texts_has(t, "1:16 left"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "first");
    CHECK(at_texts_has(t, "Breathe in"));
    cJSON_Delete(t);

    /* Leaving at the caution records nothing; a pattern without one begins at once. */
    const char *left = at_tmpdir(5);
    at_checkins_off(left);
    CHECK_INT(at_run(left, "leave", left, "wait 2000\nkey Escape\nwait 300\ntexts $D/menu.json\n",
                     "breathe 478"), 0);
    t = at_texts_of(left, "menu");
    CHECK(at_texts_has(t, "Take a breath. What would help right now?"));
    cJSON_Delete(t);
    char *log = read_in(left, "practice.jsonl");
    CHECK(!log || !strstr(log, "478"));
    free(log);
    CHECK_INT(at_run(dir, "box", dir, "wait 1000\ntexts $D/box.json\n", "breathe box"), 0);
    t = at_texts_of(dir, "box");
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(!at_texts_has(t, "Before you begin"));
    cJSON_Delete(t);
}

/* Radius of the resting disc: the run of bright pixels from the centre along its row. */
static double disc_radius(const AtImage *img)
{
    int cx = img->w / 2, cy = (int)(img->h * 0.44f);
    int x = cx;
    while (x < img->w) {
        const uint8_t *p = img->rgb + ((size_t)cy * (size_t)img->w + (size_t)x) * 3;
        if (p[0] + p[1] + p[2] < 330) break;
        x++;
    }
    return x - cx;
}

static void just_notice_paces_nothing_and_shows_a_gentle_timer(void)
{
    const char *dir = at_tmpdir(3);
    at_checkins_off(dir);
    char script[1200] = "";
    size_t len = 0;
    /* Every 1.5 s for 15 s: the words, and the circle's size. */
    for (int i = 0; i < 10; i++)
        len += (size_t)snprintf(script + len, sizeof script - len,
                                "wait 1500\ntexts $D/t%d.json\nshot $D/s%d.bmp\n", i, i);
    snprintf(script + len, sizeof script - len, "wait 46000\ntexts $D/done.json\n");
    CHECK_INT(at_run(dir, "notice", dir, script, "breathe just-notice --minutes 1"), 0);
    static const char *const pacing[] = {"Breathe in", "Breathe out", "Hold", "Rest", "Get ready"};
    double r0 = -1;
    for (int i = 0; i < 10; i++) {
        char name[16];
        snprintf(name, sizeof name, "t%d", i);
        cJSON *t = at_texts_of(dir, name);
        CHECK(t != NULL);
        for (size_t k = 0; k < sizeof pacing / sizeof pacing[0]; k++) CHECK(!at_texts_has(t, pacing[k]));
        CHECK(!at_texts_contains(t, "Breath ")); /* no breath counts */
        CHECK(at_texts_has(t, "Just notice your breath"));
        char left[32];
        int s = 60 - (i + 1) * 3 / 2;
        snprintf(left, sizeof left, "0:%02d left", s);
        if (!at_texts_has(t, left)) fprintf(stderr, "    expected \"%s\" at %d ms\n", left, (i + 1) * 1500);
        CHECK(at_texts_has(t, left));
        cJSON_Delete(t);
        char path[700];
        snprintf(path, sizeof path, "%s/s%d.bmp", dir, i);
        AtImage img = {0};
        CHECK(at_load_bmp(path, &img));
        if (img.rgb) {
            double r = disc_radius(&img);
            if (r0 < 0) r0 = r;
            CHECK(r > 40);
            CHECK(fabs(r - r0) <= 1); /* the circle rests: it never grows or shrinks */
        }
        at_free_image(&img);
    }
    cJSON *t = at_texts_of(dir, "done");
    CHECK(at_texts_has(t, "Well done"));
    CHECK(at_texts_has(t, "1:00 of Just notice your breath."));
    CHECK(!at_texts_contains(t, "breaths"));
    cJSON_Delete(t);
    char *log = read_in(dir, "practice.jsonl");
    CHECK_CONTAINS(log, "\"content\":\"just-notice\",\"duration_ms\":60000,\"completed\":true,\"count\":0");
    free(log);
}

static const uint8_t *pixel(const AtImage *img, int x, int y)
{
    return img->rgb + ((size_t)y * (size_t)img->w + (size_t)x) * 3;
}

/* With reduced motion the resting circle keeps its size and its halo; only the disc's
 * brightness may drift, and very slowly. */
static void reduced_motion_rests_with_only_a_slow_drift(void)
{
    const char *dir = at_tmpdir(7);
    char path[700];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("{\"checkins\": false, \"reduced_motion\": true}\n", f);
        fclose(f);
    }
    const char *script = "wait 2000\nshot $D/a.bmp\nwait 1500\nshot $D/b.bmp\n"
                         "wait 8000\nshot $D/c.bmp\nwait 15000\nshot $D/d.bmp\n";
    CHECK_INT(at_run(dir, "still", dir, script, "breathe just-notice"), 0);
    AtImage img[4] = {{0}};
    bool ok = true;
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%c.bmp", dir, 'a' + i);
        ok &= at_load_bmp(path, &img[i]);
    }
    CHECK(ok);
    if (ok) {
        int cx = img[0].w / 2, cy = (int)(img[0].h * 0.44f);
        double r = disc_radius(&img[0]);
        CHECK(r > 40);
        int hx = cx + (int)(r * 1.12), dy = cy + 40; /* in the halo; in the disc */
        for (int i = 1; i < 4; i++) {
            CHECK(fabs(disc_radius(&img[i]) - r) <= 1);
            CHECK(memcmp(pixel(&img[i], hx, cy), pixel(&img[0], hx, cy), 3) == 0);
        }
        /* 1.5 s apart, the disc's colour moves by a few levels at most */
        for (int c = 0; c < 3; c++)
            CHECK(abs(pixel(&img[1], cx, dy)[c] - pixel(&img[0], cx, dy)[c]) <= 3);
    }
    for (int i = 0; i < 4; i++) at_free_image(&img[i]);
}

/* The resting circle is redrawn in part between events, like the breathing one: those frames
 * must equal the same moments drawn whole (any key, here F2, makes the next frame whole). */
static void resting_frames_drawn_in_part_equal_whole_frames(void)
{
    const char *dir = at_tmpdir(6);
    at_checkins_off(dir);
    const int moments[3] = {3000, 11000, 23000}; /* the glow swells and fades meanwhile */
    CHECK_INT(at_parts_equal_whole(dir, "", "breathe just-notice", moments, 3), 0);
}

/* The picker's one general line is the shipped resources' own words. */
static void the_picker_says_what_to_do_when_dizzy(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/levels/resources.json", at_source);
    cJSON *res = at_load_texts(path);
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(res, "resources"), "breathing");
    CHECK(cJSON_IsString(line));
    const char *dir = at_tmpdir(4);
    CHECK_INT(at_run(dir, "picker", dir, "key Right\nkey Return\nwait 300\ntexts $D/picker.json\n", ""), 0);
    cJSON *t = at_texts_of(dir, "picker");
    CHECK(cJSON_IsString(line) && at_texts_has(t, line->valuestring));
    CHECK(at_texts_contains(t, "dizzy"));
    cJSON_Delete(t);
    cJSON_Delete(res);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(four_seven_eight_is_four_breaths_even_when_ten_minutes_are_asked);
    RUN(the_picker_offers_four_breaths_for_four_seven_eight);
    RUN(a_caution_comes_before_the_first_breath);
    RUN(just_notice_paces_nothing_and_shows_a_gentle_timer);
    RUN(reduced_motion_rests_with_only_a_slow_drift);
    RUN(resting_frames_drawn_in_part_equal_whole_frames);
    RUN(the_picker_says_what_to_do_when_dizzy);
    return check_report();
}
