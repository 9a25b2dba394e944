/* The breathing screen end to end, headless: the circle grows with the inhale and shrinks with
 * the exhale, the words follow the steps, and a session ends calmly on a whole breath. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apptest.h"
#include "check.h"

/* Radius of the filled breathing circle: the bright run along a row 40 px below the centre
 * (clear of the countdown digits), from the chord's half-width. */
static double circle_radius(const AtImage *img)
{
    int cx = img->w / 2, cy = (int)(img->h * 0.44f) + 40;
    int x = cx;
    while (x < img->w) {
        const uint8_t *p = img->rgb + ((size_t)cy * (size_t)img->w + (size_t)x) * 3;
        if (p[0] + p[1] + p[2] < 330) break;
        x++;
    }
    double hw = x - cx;
    return hw > 0 ? sqrt(hw * hw + 40.0 * 40.0) : 0;
}

/* These tests time the breathing from the start: no check-in question before it. */
static void circle_is_bigger_after_the_inhale_than_after_the_exhale(void)
{
    const char *dir = at_tmpdir(0);
    at_checkins_off(dir);
    /* Box breathing: 3 s to get ready, then in 4 s, hold 4 s, out 4 s, rest 4 s. */
    const char *script =
        "wait 6900\n"           /* 100 ms before the end of the first inhale */
        "shot $D/in.bmp\n"
        "texts $D/in.json\n"
        "wait 1100\n"           /* into the hold */
        "texts $D/hold.json\n"
        "wait 6900\n"           /* 100 ms before the end of the exhale */
        "shot $D/out.bmp\n"
        "texts $D/out.json\n"
        "wait 1000\n"
        "texts $D/rest.json\n";
    char path[600];
    CHECK_INT(at_run(dir, "box", dir, script, "breathe box --minutes 1"), 0);

    AtImage in = {0}, out = {0};
    snprintf(path, sizeof path, "%s/in.bmp", dir);
    CHECK(at_load_bmp(path, &in));
    snprintf(path, sizeof path, "%s/out.bmp", dir);
    CHECK(at_load_bmp(path, &out));
    if (in.rgb && out.rgb) {
        double r_in = circle_radius(&in), r_out = circle_radius(&out);
        printf("circle radius after the inhale %.1f px, after the exhale %.1f px\n", r_in, r_out);
        CHECK(r_out > 20);
        CHECK(r_in > r_out * 2);
    }
    at_free_image(&in);
    at_free_image(&out);

    const char *names[4] = {"in", "hold", "out", "rest"};
    const char *words[4] = {"Breathe in", "Hold", "Breathe out", "Rest"};
    for (int i = 0; i < 4; i++) {
        cJSON *t = at_texts_of(dir, names[i]);
        CHECK(t != NULL);
        CHECK(at_texts_has(t, words[i]));
        for (int j = 0; j < 4; j++)
            if (j != i) CHECK(!at_texts_has(t, words[j]));
        cJSON_Delete(t);
    }
}

static void session_gets_ready_then_ends_on_a_whole_breath(void)
{
    const char *dir = at_tmpdir(1);
    at_checkins_off(dir);
    char path[600];
    /* 4-7-8 for 1 minute: 19 s breaths, so 4 breaths = 76 s, once its caution is read. */
    const char *script = "key Return\nwait 1000\ntexts $D/ready.json\n"
                         "wait 77900\ntexts $D/last.json\n"
                         "wait 200\ntexts $D/done.json\nshot $D/done.png\n";
    CHECK_INT(at_run(dir, "478", dir, script, "breathe 478 --minutes 1"), 0);
    cJSON *t = at_texts_of(dir, "ready");
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(at_texts_has(t, "2"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "last");
    CHECK(at_texts_has(t, "Breathe out"));
    CHECK(at_texts_has(t, "Breath 4 of 4"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "done");
    CHECK(at_texts_has(t, "Well done"));
    CHECK(at_texts_contains(t, "1:16 of 4-7-8, 4 breaths"));
    cJSON_Delete(t);
    snprintf(path, sizeof path, "%s/done.png", dir);
    char *png = at_read_file(path);
    CHECK(png && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    free(png);
}

static void space_pauses_and_the_clock_stops(void)
{
    const char *dir = at_tmpdir(2);
    at_checkins_off(dir);
    const char *script =
             "wait 4000\nkey Space\nwait 60000\ntexts $D/paused.json\n"
             "key Space\nwait 3000\ntexts $D/resumed.json\n";
    CHECK_INT(at_run(dir, "pause", dir, script, "breathe box --minutes 1"), 0);
    cJSON *t = at_texts_of(dir, "paused");
    CHECK(at_texts_has(t, "Paused"));
    CHECK(at_texts_has(t, "Breathe in")); /* still in the first inhale after a minute */
    cJSON_Delete(t);
    t = at_texts_of(dir, "resumed");
    CHECK(at_texts_has(t, "Hold")); /* 1 s + 3 s of breathing: the hold began */
    CHECK(!at_texts_has(t, "Paused"));
    cJSON_Delete(t);
}

static void menu_reaches_the_picker_and_help(void)
{
    const char *dir = at_tmpdir(3);
    const char *script =
             "texts $D/menu.json\nkey Right\nkey Return\nwait 300\ntexts $D/picker.json\n"
             "key F1\ntexts $D/help.json\nkey PageDown\ntexts $D/help2.json\n"
             "key Escape\nkey Escape\nwait 300\n"
             "texts $D/back.json\n";
    CHECK_INT(at_run(dir, "menu", dir, script, "--region CA"), 0);
    cJSON *t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, "Quick calm"));
    CHECK(at_texts_has(t, "Breathe"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "picker");
    CHECK(at_texts_has(t, "Box breathing"));
    CHECK(at_texts_has(t, "10 min"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "help");
    /* The region's lines come first, at body size, then the safety note; the rest scrolls. */
    const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(t, "texts"), 1);
    CHECK(first && !strcmp(cJSON_GetObjectItemCaseSensitive(first, "text")->valuestring,
                           "Support in Canada"));
    CHECK(at_texts_contains(t, "9-8-8"));
    CHECK(at_texts_contains(t, "Assaulted Women's Helpline"));
    CHECK(at_texts_contains(t, "not yours to accept"));
    CHECK(at_texts_has(t, "Other regions"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "help2");
    CHECK(at_texts_contains(t, "practice, not therapy"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "Take a breath. What would help right now?"));
    cJSON_Delete(t);
}

/* Help over a session stops its clock: 20 s under help, and the breath is where it was. */
static void help_holds_the_session(void)
{
    const char *dir = at_tmpdir(7);
    at_checkins_off(dir);
    const char *script = "wait 5000\ntexts $D/before.json\nkey F1\nwait 20000\nkey Escape\n"
                         "wait 500\ntexts $D/after.json\n";
    CHECK_INT(at_run(dir, "help", dir, script, "breathe box --minutes 1"), 0);
    cJSON *t = at_texts_of(dir, "before");
    CHECK(at_texts_has(t, "Breathe in"));
    CHECK(at_texts_has(t, "Breath 1 of 4"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, "Breathe in")); /* 5.5 s in: still the first inhale */
    CHECK(at_texts_has(t, "Breath 1 of 4"));
    CHECK(!at_texts_has(t, "Paused"));
    cJSON_Delete(t);
}

static void command_line_errors_exit_with_2(void)
{
    const char *dir = at_tmpdir(4);
    CHECK_INT(at_run_cli(dir, "unknown", dir, "breathe no-such-pattern"), 2);
    char path[600];
    snprintf(path, sizeof path, "%s/unknown.err", dir);
    char *err = at_read_file(path);
    CHECK_CONTAINS(err, "no-such-pattern");
    free(err);
    CHECK_INT(at_run_cli(dir, "flag", dir, "--no-such-flag"), 2);
    CHECK_INT(at_run_cli(dir, "minutes", dir, "breathe box --minutes 0"), 2);
    CHECK_INT(at_run_cli(dir, "version", dir, "--version"), 0);
    CHECK_INT(at_run_cli(dir, "list", dir, "list"), 0);
    snprintf(path, sizeof path, "%s/list.out", dir);
    char *out = at_read_file(path);
    CHECK_CONTAINS(out, "box");
    CHECK_CONTAINS(out, "seven-eleven");
    free(out);
    /* A bad script line is reported with its file and line number. */
    CHECK_INT(at_run(dir, "bad", dir, "wait 10\nfly away\n", ""), 1);
    snprintf(path, sizeof path, "%s/bad.err", dir);
    err = at_read_file(path);
    CHECK_CONTAINS(err, "bad.script:2: unknown command");
    free(err);
}

static void user_patterns_load_beside_the_shipped_ones(void)
{
    const char *dir = at_tmpdir(5);
    char path[600];
    snprintf(path, sizeof path, "%s/patterns", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/patterns/mine.json", dir);
    FILE *f = fopen(path, "w");
    fputs("{\"patterns\": [\n"
          " {\"id\": \"slow-3-6\", \"title\": \"My slow breath\", \"when\": \"Evenings.\",\n"
          "  \"steps\": [{\"kind\": \"in\", \"ms\": 3000}, {\"kind\": \"out\", \"ms\": 6000}]},\n"
          " {\"id\": \"broken\", \"title\": \"Broken\", \"when\": \"Never.\",\n"
          "  \"steps\": [{\"kind\": \"in\", \"ms\": 3000}, {\"kind\": \"exhale\", \"ms\": 6000}]}\n"
          "]}\n", f);
    fclose(f);
    CHECK_INT(at_run_cli(dir, "list", dir, "list"), 0);
    snprintf(path, sizeof path, "%s/list.out", dir);
    char *out = at_read_file(path);
    CHECK_CONTAINS(out, "slow-3-6");
    CHECK_CONTAINS(out, "box");
    free(out);
    snprintf(path, sizeof path, "%s/list.err", dir);
    char *err = at_read_file(path);
    CHECK_CONTAINS(err, "patterns/mine.json: patterns[1].steps[1].kind: expected one of in|hold|out|hold-empty");
    free(err);
}

/* Between events only what moves is redrawn (the figure, and strings that change). Frame by
 * frame through a get-ready, an inhale, a hold and an exhale, the screen must equal the same
 * moment drawn whole: F2 does nothing here, but any key makes the next frame whole. */
/* Each step of a breath sounds its own cue as it begins (a rising pair for in, a note for the
 * hold, a falling pair for out, another note for the rest), and a bell closes the session;
 * muted, nothing sounds. Scripted mode records the cues instead of playing them. */
static void each_step_sounds_its_own_cue_as_it_begins(void)
{
    const char *dir = at_tmpdir(8);
    at_checkins_off(dir);
    /* Box breathing for a minute: 3 s to get ready, then 4 breaths of 4 x 4 s. */
    CHECK_INT(at_run(dir, "cues", dir, "wait 68000\nsounds $D/sounds.json\n", "breathe box --minutes 1"), 0);
    cJSON *j = at_texts_of(dir, "sounds");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(j, "sounds");
    static const char *const CUE[4] = {"in", "hold", "out", "rest"};
    CHECK_INT(cJSON_GetArraySize(list), 17); /* 16 steps and the bell */
    for (int i = 0; i < cJSON_GetArraySize(list); i++) {
        const cJSON *it = cJSON_GetArrayItem(list, i);
        const cJSON *cue = cJSON_GetObjectItemCaseSensitive(it, "cue");
        double at = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(it, "time_ms"));
        const char *want = i < 16 ? CUE[i % 4] : "bell";
        if (!cJSON_IsString(cue) || strcmp(cue->valuestring, want) != 0 || at < 3000 + 4000.0 * i ||
            at > 3000 + 4000.0 * i + 17) {
            printf("sound %d: %s at %.0f ms, expected %s at %d ms\n", i,
                   cJSON_IsString(cue) ? cue->valuestring : "?", at, want, 3000 + 4000 * i);
            CHECK(false);
        }
    }
    cJSON_Delete(j);
    CHECK_INT(at_run(dir, "muted", dir, "wait 10000\nsounds $D/muted.json\n", "--mute breathe box"), 0);
    j = at_texts_of(dir, "muted");
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "sounds")), 0);
    cJSON_Delete(j);
}

/* Reads the device's opening and closing from a `sounds` file: times into at[] (negative for
 * a close), returns how many. */
static int device_events(cJSON *j, double *at, int max)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(j, "device");
    int n = 0;
    for (int i = 0; i < cJSON_GetArraySize(list) && n < max; i++) {
        const cJSON *it = cJSON_GetArrayItem(list, i);
        double t = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(it, "time_ms"));
        at[n++] = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "open")) ? t : -t;
    }
    return n;
}

/* An open audio device wakes SDL's audio thread every few milliseconds even in silence, so it
 * is open only around sound: never on a menu left alone; opened as a practice gets ready,
 * seconds before its first cue; closed again once the bell has rung and all is quiet. */
static void the_audio_device_is_open_only_around_sound(void)
{
    const char *dir = at_tmpdir(8);
    at_checkins_off(dir);
    double at[8];
    CHECK_INT(at_run(dir, "menu-quiet", dir, "wait 60000\nsounds $D/menu.json\n", ""), 0);
    cJSON *j = at_texts_of(dir, "menu");
    CHECK_INT(device_events(j, at, 8), 0);
    cJSON_Delete(j);
    /* Box breathing for a minute: the first cue at 3 s, the bell at 67 s. */
    CHECK_INT(at_run(dir, "around", dir, "wait 68000\nwait 30000\nsounds $D/around.json\n",
                     "breathe box --minutes 1"), 0);
    j = at_texts_of(dir, "around");
    int n = device_events(j, at, 8);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(at[0] >= 0 && at[0] <= 100);           /* open as the get-ready starts */
        CHECK(at[1] < -67000 && at[1] >= -67000 - 20000); /* closed a little after the bell */
    }
    cJSON_Delete(j);
}

static void frames_drawn_in_part_equal_whole_frames(void)
{
    const char *dir = at_tmpdir(6);
    at_checkins_off(dir);
    const int moments[] = {2000, 5000, 9000, 13500}; /* ms into box breathing */
    CHECK_INT(at_parts_equal_whole(dir, "", "breathe box --minutes 1", moments, (int)(sizeof moments / sizeof *moments)),
              0);
}

/* The colour of the filled circle, 40 px below its centre (clear of the countdown). */
static const uint8_t *circle_colour(const AtImage *img)
{
    int cx = img->w / 2, cy = (int)(img->h * 0.44f) + 40;
    return img->rgb + ((size_t)cy * (size_t)img->w + (size_t)cx) * 3;
}

/* The first "Breathe in" comes out of the get-ready: the circle goes from its slate blue to
 * teal and never shows the warm sand of breathing out, not even for one frame. Checked on
 * every frame around the first inhale, on the patterns that end in a breath out. */
static void the_first_inhale_never_flashes_the_exhale_colour(void)
{
    static const char *const patterns[] = {"box", "quick-calm", "coherent", "exhale-4-6"};
    for (size_t k = 0; k < sizeof patterns / sizeof *patterns; k++) {
        const char *dir = at_tmpdir(3);
        at_checkins_off(dir);
        char script[4000];
        size_t n = 0;
        n += (size_t)snprintf(script + n, sizeof script - n, "wait 2800\n");
        for (int f = 0; f < 30; f++) /* 2.8 s to 3.3 s, every frame */
            n += (size_t)snprintf(script + n, sizeof script - n, "shot $D/f%02d.bmp\nwait 17\n", f);
        char args[100];
        snprintf(args, sizeof args, "breathe %s", patterns[k]);
        CHECK_INT(at_run(dir, "first", dir, script, args), 0);
        int slate = 0, teal = 0;
        for (int f = 0; f < 30; f++) {
            char path[700];
            snprintf(path, sizeof path, "%s/f%02d.bmp", dir, f);
            AtImage img = {0};
            CHECK(at_load_bmp(path, &img));
            if (!img.rgb) continue;
            const uint8_t *c = circle_colour(&img);
            /* Dark theme: get-ready slate #7C8CA8, inhale teal #5FC9C3, exhale sand #E8B07A.
             * Every blend of slate into teal keeps red at most 0x7C and blue above green-0x30. */
            if (c[0] > 0x7C + 6) {
                fprintf(stderr, "  %s frame %d: #%02X%02X%02X\n", patterns[k], f, c[0], c[1], c[2]);
                CHECK(c[0] <= 0x7C + 6);
            }
            if (abs(c[0] - 0x7C) < 6 && abs(c[2] - 0xA8) < 6) slate++;
            if (abs(c[0] - 0x5F) < 6 && abs(c[1] - 0xC9) < 6) teal++;
            at_free_image(&img);
        }
        CHECK(slate > 0); /* the frames really span the change */
        CHECK(teal > 0);
    }
}

/* Paused, the circle dims. */
static void paused_dims_the_figure(void)
{
    const char *dir = at_tmpdir(2);
    at_checkins_off(dir);
    const char *script = "wait 6000\nshot $D/on.bmp\nkey Space\nwait 300\nshot $D/off.bmp\n";
    CHECK_INT(at_run(dir, "dim", dir, script, "breathe box"), 0);
    AtImage on = {0}, off = {0};
    char path[700];
    snprintf(path, sizeof path, "%s/on.bmp", dir);
    CHECK(at_load_bmp(path, &on));
    snprintf(path, sizeof path, "%s/off.bmp", dir);
    CHECK(at_load_bmp(path, &off));
    if (on.rgb && off.rgb) {
        const uint8_t *a = circle_colour(&on), *b = circle_colour(&off);
        CHECK(b[0] + b[1] + b[2] + 90 < a[0] + a[1] + a[2]);
    }
    at_free_image(&on);
    at_free_image(&off);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(circle_is_bigger_after_the_inhale_than_after_the_exhale);
    RUN(session_gets_ready_then_ends_on_a_whole_breath);
    RUN(space_pauses_and_the_clock_stops);
    RUN(the_first_inhale_never_flashes_the_exhale_colour);
    RUN(paused_dims_the_figure);
    RUN(menu_reaches_the_picker_and_help);
    RUN(help_holds_the_session);
    RUN(command_line_errors_exit_with_2);
    RUN(user_patterns_load_beside_the_shipped_ones);
    RUN(each_step_sounds_its_own_cue_as_it_begins);
    RUN(the_audio_device_is_open_only_around_sound);
    RUN(frames_drawn_in_part_equal_whole_frames);
    return check_report();
}
