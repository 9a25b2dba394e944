/* Settings: the user's choices in one calm column, each row a label and its value. Changes
 * apply at once and are saved at once; a muted line under the list says what the focused row
 * does. The data folder is shown last, read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reminders.h"
#include "scenes.h"
#include "userdata.h"

typedef enum {
    ROW_CHECKINS,
    ROW_SOUND,
    ROW_DAY_START,
    ROW_GOAL,
    ROW_TEXT_SIZE,
    ROW_REGION,
    ROW_THEME,
    ROW_QUICK_CHECKIN,
    ROW_MOTION,
    ROW_REMINDERS, /* opens the Reminders screen */
    ROW_COUNT /* the data folder row follows, outside the focusable list */
} Row;

static const UiItem ROWS[ROW_COUNT] = {
    {"Check-ins before and after practice", NULL},
    {"Sound", NULL},
    {"A new day starts at", NULL},
    {"Weekly goal", NULL},
    {"Text size", NULL},
    {"Help lines for", NULL},
    {"Theme", NULL},
    {"Ask before a quick calm", NULL},
    {"Reduced motion", NULL},
    {"Reminders", NULL},
};

static const char *const ABOUT[ROW_COUNT] = {
    "One question, 0 to 10, before and after each practice. Skipping is always fine.",
    "Soft tones for each breathing step. M turns sound on or off from any screen.",
    "A practice before this hour counts for the day before.",
    "Days a week you'd like to practise. Shown as progress, never as failure.",
    "Larger or smaller words on every screen.",
    "Which country's crisis and abuse lines Help shows first. Enter shows every region.",
    "Dark, light, or high contrast (the strongest difference between words and background).",
    "A quick calm starts at once and asks how you feel only afterwards. On: ask before too.",
    "Less movement on screen: the breathing circle keeps its size and brightens instead.",
    "A gentle nudge to breathe at the times you choose. Off unless you turn it on.",
};

#define NSIZES 8
/* From SETTINGS_TEXT_SIZE_MIN to SETTINGS_TEXT_SIZE_MAX (attune/settings.h). */
static const double TEXT_SIZES[NSIZES] = {0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0};

typedef struct SettingsScene {
    UiList list;
} SettingsScene;

/* The listed text size nearest to the current one (a hand-edited file may hold any). */
static int size_index(const App *a)
{
    int best = 0;
    double d = 1e9;
    for (int i = 0; i < NSIZES; i++) {
        double e = TEXT_SIZES[i] - a->data.settings.text_size;
        if (e < 0) e = -e;
        if (e < d) d = e, best = i;
    }
    return best;
}

static int step(int v, int dir, int lo, int hi, bool wrap)
{
    v += dir;
    if (v < lo) return wrap ? hi : lo;
    if (v > hi) return wrap ? lo : hi;
    return v;
}

/* Moves the row's value one step (dir -1 or +1); wrap: past the end goes round (Enter, click). */
static void change(App *a, Row row, int dir, bool wrap)
{
    Settings *s = &a->data.settings;
    switch (row) {
    case ROW_CHECKINS: s->checkins = !s->checkins; break;
    case ROW_SOUND:
        /* As the M key does: the sound itself, then userdata_settings_changed saves it. */
        audio_set_muted(a, !audio_muted(a));
        userdata_settings_changed(a);
        a->dirty = true;
        return;
    case ROW_DAY_START: s->day_start_hour = step(s->day_start_hour, dir, 0, 23, true); break;
    case ROW_GOAL: s->weekly_goal = step(s->weekly_goal, dir, 1, 7, wrap); break;
    case ROW_TEXT_SIZE: {
        int i = step(size_index(a), dir, 0, NSIZES - 1, wrap);
        s->text_size = TEXT_SIZES[i];
        a->text_size = (float)TEXT_SIZES[i];
        text_resize(a); /* fonts re-rasterise at the new size */
        break;
    }
    case ROW_MOTION: s->reduced_motion = !s->reduced_motion; break;
    case ROW_THEME:
        s->theme = (SettingsTheme)step((int)s->theme, dir, 0, SETTINGS_THEME_COUNT - 1, true);
        theme_apply(a); /* every screen, from the next frame */
        break;
    case ROW_QUICK_CHECKIN: s->quick_calm_checkin = !s->quick_calm_checkin; break;
    case ROW_REGION: {
        /* From the system's, through every region, to "everywhere else" (ZZ) and round. */
        const Resources *r = &a->content.res;
        int i = -1; /* -1: from the system */
        for (int k = 0; k < r->nregions; k++)
            if (!strcmp(s->region, r->regions[k].code)) i = k;
        if (!strcmp(s->region, "ZZ")) i = r->nregions;
        i = step(i, dir, -1, r->nregions, true);
        snprintf(s->region, sizeof s->region, "%s", i < 0 ? "" : i < r->nregions ? r->regions[i].code : "ZZ");
        a->region_arg[0] = 0;
        break;
    }
    case ROW_REMINDERS: reminders_push(a); return;
    default: return;
    }
    userdata_save_settings(a);
    a->dirty = true;
}

static void value_text(const App *a, Row row, char *buf, size_t n)
{
    const Settings *s = &a->data.settings;
    switch (row) {
    case ROW_CHECKINS: snprintf(buf, n, "%s", s->checkins ? "On" : "Off"); break;
    case ROW_SOUND: snprintf(buf, n, "%s", audio_muted(a) ? "Off" : "On"); break;
    case ROW_DAY_START: snprintf(buf, n, "%d:00", s->day_start_hour); break;
    case ROW_GOAL: snprintf(buf, n, "%d day%s", s->weekly_goal, s->weekly_goal == 1 ? "" : "s"); break;
    case ROW_TEXT_SIZE: snprintf(buf, n, "%d%%", (int)(TEXT_SIZES[size_index(a)] * 100 + 0.5)); break;
    case ROW_MOTION: snprintf(buf, n, "%s", s->reduced_motion ? "On" : "Off"); break;
    case ROW_THEME: {
        static const char *const NAMES[SETTINGS_THEME_COUNT] = {"Dark", "Light", "High contrast"};
        snprintf(buf, n, "%s", (unsigned)s->theme < SETTINGS_THEME_COUNT ? NAMES[s->theme] : NAMES[0]);
        break;
    }
    case ROW_QUICK_CHECKIN: snprintf(buf, n, "%s", s->quick_calm_checkin ? "On" : "Off"); break;
    case ROW_REGION: {
        const HelpRegion *g = help_region(a);
        snprintf(buf, n, "%s%s", g ? g->name : "?", s->region[0] ? "" : " (automatic)");
        break;
    }
    case ROW_REMINDERS: {
        RemindPlan p;
        char dir[1100], times[64];
        snprintf(buf, n, "%s", reminders_read(&p, dir, sizeof dir) ? remind_format_times(&p, times, sizeof times) : "Off");
        for (char *c = buf; *c; c++)
            if (*c == ',') *c = ' ';
        break;
    }
    default: buf[0] = 0; break;
    }
}

static void prefs_event(App *a, void *v, const SDL_Event *e)
{
    SettingsScene *s = v;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE:
        case SDLK_BACKSPACE: scene_pop(a); return;
        case SDLK_LEFT: change(a, (Row)s->list.focus, -1, false); return;
        case SDLK_RIGHT: change(a, (Row)s->list.focus, +1, false); return;
        case SDLK_SPACE: change(a, (Row)s->list.focus, +1, true); return;
        default: break;
        }
    }
    int i = ui_list_event(a, &s->list, e);
    if (i == ROW_REGION) help_regions_push(a); /* every region's lines, to choose from */
    else if (i >= 0) change(a, (Row)i, +1, true);
}

/* Height of the longest explanation, so the list above it never moves as focus changes. */
static int about_height(App *a, int w)
{
    int h = 0;
    for (int i = 0; i < ROW_COUNT; i++) {
        int hi = text_size(a, TEXT_SMALL, ABOUT[i], w).y;
        if (hi > h) h = hi;
    }
    return h;
}

static void prefs_render(App *a, void *v)
{
    SettingsScene *s = v;
    const Theme *t = &a->theme;
    int y = ui_header(a, "Settings", NULL);
    int w = text_measure(a);
    int x = (a->w - w) / 2;
    int pad = a->lay.row_pad; /* as ui_list_render pads its rows */
    int small = text_line(a, TEXT_SMALL);

    /* Bottom up: key hints, the data folder, the explanation, then the list gets the rest. */
    int hints_top = a->h - a->lay.margin - small;
    int label_w = text_size(a, TEXT_BODY, "Your data folder", 0).x;
    int path_w = w - 4 * pad - label_w - 2 * pad;
    SDL_Point path = text_size(a, TEXT_SMALL, a->data_dir, path_w);
    int data_h = (path.y > text_line(a, TEXT_BODY) ? path.y : text_line(a, TEXT_BODY)) + 2 * pad;
    int about_h = about_height(a, w);
    int gap = a->lay.gap;
    int data_y = hints_top - gap - data_h;
    int about_y = data_y - gap - about_h;
    int list_bottom = about_y - gap;
    /* A list that scrolls keeps room for "more below" itself (ui_list_render). */
    int row_gap = pad / 2 + 2; /* as ui_list_render */

    SDL_Rect area = {x, y, w, list_bottom - y};
    /* A title gives way to its value (the row says the rest in the line under the list):
     * room for the value with its arrows, and for a scrollbar. */
    UiItem rows[ROW_COUNT];
    char titles[ROW_COUNT][96];
    int arrows = text_size(a, TEXT_BODY, "\xE2\x80\xB9", 0).x + text_size(a, TEXT_BODY, "\xE2\x80\xBA", 0).x;
    for (int i = 0; i < ROW_COUNT; i++) {
        char val[96];
        value_text(a, (Row)i, val, sizeof val);
        int room = w - 4 * pad - text_size(a, TEXT_BODY, val, 0).x - arrows - 3 * pad - a->lay.unit - row_gap;
        rows[i] = (UiItem){text_fit(a, TEXT_BODY, ROWS[i].title, room, titles[i], sizeof titles[i]), ROWS[i].sub};
    }
    ui_list_render(a, &s->list, rows, area);
    /* Values on the right of each visible row; the focused one shows it can change. */
    for (int k = 0; k < s->list.visible; k++) {
        int i = s->list.first + k;
        SDL_Rect r = s->list.rect[k];
        char val[96];
        value_text(a, (Row)i, val, sizeof val);
        bool focus = i == s->list.focus;
        int vx = r.x + r.w - 2 * pad;
        int vy = r.y + pad;
        if (focus) {
            SDL_Rect vr = text_draw(a, TEXT_BODY, "\xE2\x80\xBA", vx, vy, ALIGN_RIGHT, t->muted, 0);
            vr = text_draw(a, TEXT_BODY, val, vr.x - pad, vy, ALIGN_RIGHT, t->focus, 0);
            text_draw(a, TEXT_BODY, "\xE2\x80\xB9", vr.x - pad, vy, ALIGN_RIGHT, t->muted, 0);
        } else {
            text_draw(a, TEXT_BODY, val, vx, vy, ALIGN_RIGHT, t->muted, 0);
        }
    }

    /* What the focused row does, close under the list. */
    int rows_end = s->list.visible > 0 ? s->list.rect[s->list.visible - 1].y +
                                             s->list.rect[s->list.visible - 1].h
                                       : y;
    if (s->list.first + s->list.visible < s->list.count) rows_end += small;
    text_draw(a, TEXT_SMALL, ABOUT[s->list.focus], a->w / 2, rows_end + gap, ALIGN_CENTER, t->muted, w);

    /* The data folder: read-only, so no card behind it. */
    SDL_Rect dr = {x, data_y, w, data_h};
    draw_rrect_outline(a, dr, (text_line(a, TEXT_BODY) + 2 * pad) / 4, 1, t->surface_hi);
    text_draw(a, TEXT_BODY, "Your data folder", x + 2 * pad, data_y + pad, ALIGN_LEFT, t->muted, 0);
    text_draw(a, TEXT_SMALL, a->data_dir, x + w - 2 * pad,
              data_y + pad + (text_line(a, TEXT_BODY) - small) / 2, ALIGN_RIGHT, t->muted, path_w);

    ui_hints(a, "Up/Down choose   Left/Right or Enter change", "Esc back");
}

static const SceneVT SETTINGS = {
    .name = "settings",
    .event = prefs_event,
    .render = prefs_render,
};

void prefs_push(App *a)
{
    SettingsScene *s = calloc(1, sizeof *s);
    if (!s) return;
    s->list.count = ROW_COUNT;
    s->list.hover = -1;
    scene_push(a, &SETTINGS, s);
}
