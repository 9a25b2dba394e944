/* Themes: dark, light and high contrast are chosen in Settings, apply at once to the
 * background, the words and the breathing figure, and are kept. In high contrast every string
 * on every main screen is at least 7:1 against what is drawn behind it (WCAG 2 contrast). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apptest.h"
#include "check.h"

/* Settings are the last tile of the menu; the theme row is the seventh. */
#define OPEN_THEME_ROW "wait 300\nkey End\nkey Return\nwait 400\nkey Home\n" \
                       "key Down\nkey Down\nkey Down\nkey Down\nkey Down\nkey Down\nwait 100\n"

static double channel(double v)
{
    v /= 255.0;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(const uint8_t *rgb)
{
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

static double contrast(const uint8_t *a, const uint8_t *b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) { double t = la; la = lb; lb = t; }
    return (la + 0.05) / (lb + 0.05);
}

static const uint8_t *pixel(const AtImage *img, int x, int y)
{
    if (x < 0) x = 0;
    if (y < 0) y = 0;
    if (x >= img->w) x = img->w - 1;
    if (y >= img->h) y = img->h - 1;
    return img->rgb + ((size_t)y * (size_t)img->w + (size_t)x) * 3;
}

static void the_formula_is_wcag(void)
{
    const uint8_t black[3] = {0, 0, 0}, white[3] = {255, 255, 255}, grey[3] = {0x77, 0x77, 0x77};
    CHECK_NEAR(contrast(black, white), 21.0, 1e-6);
    CHECK_NEAR(contrast(white, grey), 4.48, 0.01);
}

static void a_theme_is_chosen_in_settings_applied_at_once_and_kept(void)
{
    const char *dir = at_tmpdir(0);
    char data[600];
    snprintf(data, sizeof data, "%s/data", dir);
    const char *script = OPEN_THEME_ROW "shot $D/dark.bmp\ntexts $D/dark.json\n"
                         "key Right\nwait 100\nshot $D/light.bmp\ntexts $D/light.json\n"
                         "key Right\nwait 100\nshot $D/contrast.bmp\ntexts $D/contrast.json\n"
                         "key Escape\nwait 400\n";
    CHECK_INT(at_run(dir, "choose", data, script, ""), 0);
    cJSON *t = at_texts_of(dir, "dark");
    CHECK(at_texts_has(t, "Theme"));
    CHECK(at_texts_has(t, "Dark"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "light");
    CHECK(at_texts_has(t, "Light"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "contrast");
    CHECK(at_texts_has(t, "High contrast"));
    cJSON_Delete(t);
    AtImage dark = {0}, light = {0}, hc = {0};
    char path[700];
    snprintf(path, sizeof path, "%s/dark.bmp", dir);
    CHECK(at_load_bmp(path, &dark));
    snprintf(path, sizeof path, "%s/light.bmp", dir);
    CHECK(at_load_bmp(path, &light));
    snprintf(path, sizeof path, "%s/contrast.bmp", dir);
    CHECK(at_load_bmp(path, &hc));
    if (dark.rgb && light.rgb && hc.rgb) {
        const uint8_t *d = pixel(&dark, 4, 4), *l = pixel(&light, 4, 4), *c = pixel(&hc, 4, 4);
        CHECK(luminance(d) < 0.05);  /* a deep blue-grey */
        CHECK(luminance(l) > 0.8);   /* paper */
        CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0);
    }
    at_free_image(&dark);
    at_free_image(&light);
    at_free_image(&hc);
    snprintf(path, sizeof path, "%s/settings.json", data);
    char *s = at_read_file(path);
    cJSON *j = s ? cJSON_Parse(s) : NULL;
    free(s);
    const cJSON *theme = cJSON_GetObjectItemCaseSensitive(j, "theme");
    CHECK(cJSON_IsString(theme) && !strcmp(theme->valuestring, "contrast"));
    cJSON_Delete(j);

    /* Kept: the next start opens in high contrast. */
    CHECK_INT(at_run(dir, "again", data, "wait 300\nshot $D/again.bmp\n", ""), 0);
    AtImage again = {0};
    snprintf(path, sizeof path, "%s/again.bmp", dir);
    CHECK(at_load_bmp(path, &again));
    if (again.rgb) {
        const uint8_t *c = pixel(&again, 4, 4);
        CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0);
    }
    at_free_image(&again);
}

/* Every string of the screen NAME (texts and shot taken together) against the pixel at the
 * top-left corner of its box, which lies above the letters: what it is drawn on. */
static void check_screen_contrast(const char *dir, const char *name, double min, int *checked)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s.bmp", dir, name);
    AtImage img = {0};
    CHECK(at_load_bmp(path, &img));
    cJSON *t = at_texts_of(dir, name);
    CHECK(t != NULL);
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        if (cJSON_GetObjectItemCaseSensitive(it, "role")) continue; /* a control: its label is a string */
        const char *col = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "color"));
        unsigned r, g, b, al;
        if (!img.rgb || !col || sscanf(col, "#%02X%02X%02X%02X", &r, &g, &b, &al) != 4) {
            CHECK(!"every string has a colour");
            continue;
        }
        int x = (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(it, "x"));
        int y = (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(it, "y"));
        const uint8_t *bg = pixel(&img, x, y);
        double k = al / 255.0;
        uint8_t ink[3] = {(uint8_t)(r * k + bg[0] * (1 - k) + 0.5), (uint8_t)(g * k + bg[1] * (1 - k) + 0.5),
                          (uint8_t)(b * k + bg[2] * (1 - k) + 0.5)};
        double c = contrast(ink, bg);
        if (c < min) {
            fprintf(stderr, "  %s: \"%s\" %s on #%02X%02X%02X is %.2f:1\n", name,
                    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "text")), col, bg[0],
                    bg[1], bg[2], c);
            CHECK(c >= min);
        }
        (*checked)++;
    }
    cJSON_Delete(t);
    at_free_image(&img);
}

static void run_screen(const char *dir, const char *data, const char *name, const char *script,
                       const char *args)
{
    char full[600];
    snprintf(full, sizeof full, "%sshot $D/%s.bmp\ntexts $D/%s.json\n", script, name, name);
    CHECK_INT(at_run(dir, name, data, full, args), 0);
}

static void screens_in(const char *theme, double min)
{
    const char *dir = at_tmpdir(1);
    char data[600], json[300];
    snprintf(data, sizeof data, "%s/data", dir);
    mkdir(data, 0700);
    snprintf(json, sizeof json, "{" AT_INTROS_SEEN ", \"checkins\": false, \"theme\": \"%s\"}", theme);
    at_write_settings(data, json);
    static const char *const names[] = {"menu", "breathe", "hold", "cards", "progress", "settings", "ground"};
    run_screen(dir, data, names[0], "wait 500\n", "");
    run_screen(dir, data, names[1], "wait 4500\n", "breathe box");
    run_screen(dir, data, names[2], "wait 8500\n", "breathe box");
    run_screen(dir, data, names[3], "wait 600\n", "cards 1");
    run_screen(dir, data, names[4], "wait 600\n", "progress");
    run_screen(dir, data, names[5], "wait 300\nkey End\nkey Return\nwait 400\n", "");
    run_screen(dir, data, names[6], "wait 600\n", "ground");
    int checked = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        check_screen_contrast(dir, names[i], min, &checked);
    CHECK(checked > 30);
}

static void high_contrast_text_is_at_least_7_to_1_on_every_main_screen(void)
{
    screens_in("contrast", 7.0);
}

static void light_text_is_at_least_4_5_to_1_on_every_main_screen(void)
{
    screens_in("light", 4.5);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(the_formula_is_wcag);
    RUN(a_theme_is_chosen_in_settings_applied_at_once_and_kept);
    RUN(high_contrast_text_is_at_least_7_to_1_on_every_main_screen);
    RUN(light_text_is_at_least_4_5_to_1_on_every_main_screen);
    return check_report();
}
