/* Breathing: the pattern picker, with the chosen pattern's rhythm and the session length. It
 * opens on the last choice; "Your pace", found with Find your pace (pace.c), comes first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "scenes.h"
#include "userdata.h"

static const int MINUTES[] = {1, 3, 5, 10};
#define NMINUTES 4

/* ---------- picker ---------- */

typedef struct Picker {
    UiList list;
    UiButtons len;   /* session length in minutes */
    UiButtons fixed; /* the one length of an entry that has no choice ("4 breaths") */
    bool len_chosen; /* the user picked a length: keep it when moving between patterns */
    double built_pace; /* the Your pace the entries were built with */
    UiItem items[UI_LIST_MAX];
    const BreathPattern *pat[UI_LIST_MAX]; /* NULL: Find your pace */
} Picker;

static int minutes_index(int minutes)
{
    int best = 0;
    for (int i = 0; i < NMINUTES; i++)
        if (abs(MINUTES[i] - minutes) < abs(MINUTES[best] - minutes)) best = i;
    return best;
}

static const BreathPattern *focused(const Picker *p)
{
    return p->list.focus >= 0 && p->list.focus < p->list.count ? p->pat[p->list.focus] : NULL;
}

/* True when the focused entry has one length only: Find your pace, or a breath limit. */
static bool fixed_length(const Picker *p, char *label, size_t n)
{
    const BreathPattern *bp = focused(p);
    if (!bp) {
        snprintf(label, n, "About 5 min");
        return true;
    }
    if (bp->max_breaths > 0) {
        snprintf(label, n, "%d breaths", bp->max_breaths);
        return true;
    }
    return false;
}

static void picker_follow_pattern(Picker *p)
{
    const BreathPattern *bp = focused(p);
    if (!p->len_chosen && bp) p->len.focus = minutes_index(bp->minutes);
}

/* Your pace first, then every pattern, then Find your pace; focused on the last choice. */
static void picker_build(App *a, Picker *p)
{
    int n = 0;
    const BreathPattern *yp = breathe_your_pace(a);
    if (yp) p->pat[n++] = yp;
    for (int i = 0; i < a->content.npatterns && n < UI_LIST_MAX - 1; i++)
        p->pat[n++] = &a->content.patterns[i];
    p->pat[n++] = NULL;
    for (int i = 0; i < n; i++)
        p->items[i] = (UiItem){p->pat[i] ? p->pat[i]->title : "Find your pace", NULL};
    p->list = (UiList){.count = n, .hover = -1};
    p->built_pace = a->data.settings.your_pace;
    const Settings *st = &a->data.settings;
    for (int i = 0; i < n; i++)
        if (st->last_pattern[0] && p->pat[i] && !strcmp(p->pat[i]->id, st->last_pattern))
            p->list.focus = i;
    picker_follow_pattern(p);
}

/* A pace found (or found again) while the picker lay underneath: Your pace comes first now. */
static void picker_refresh(App *a, Picker *p)
{
    if (p->built_pace != a->data.settings.your_pace) picker_build(a, p);
}

static void picker_start(App *a, Picker *p, int i)
{
    const BreathPattern *bp = p->pat[i];
    if (!bp) {
        pace_push(a);
        return;
    }
    /* Remembered for next time: the picker opens on this choice. */
    Settings *st = &a->data.settings;
    snprintf(st->last_pattern, sizeof st->last_pattern, "%s", bp->id);
    int minutes = bp->max_breaths > 0 ? bp->minutes : MINUTES[p->len.focus];
    if (bp->max_breaths <= 0) st->last_minutes = minutes;
    userdata_save_settings(a);
    breathe_push(a, bp, minutes);
}

static void picker_event(App *a, void *s, const SDL_Event *e)
{
    Picker *p = s;
    picker_refresh(a, p);
    char label[32];
    bool fixed = fixed_length(p, label, sizeof label);
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            scene_pop(a);
            return;
        }
        if (k == SDLK_LEFT || k == SDLK_RIGHT) {
            if (fixed) return; /* one length only: nothing to choose */
            p->len.focus = (p->len.focus + (k == SDLK_LEFT ? NMINUTES - 1 : 1)) % NMINUTES;
            p->len_chosen = true;
            a->dirty = true;
            return;
        }
    }
    int b = e->type == SDL_KEYDOWN || fixed ? -1 : ui_buttons_event(a, &p->len, e);
    if (b >= 0) {
        p->len.focus = b;
        p->len_chosen = true;
        a->dirty = true;
        return;
    }
    int i = ui_list_event(a, &p->list, e);
    picker_follow_pattern(p);
    if (i >= 0 && i < p->list.count) picker_start(a, p, i);
}

/* "In 4 · Hold 7 · Out 8" */
static void rhythm_text(const BreathPattern *p, char *buf, size_t n)
{
    static const char *const short_name[BREATH_KIND_COUNT] = {"In", "Hold", "Out", "Rest"};
    size_t len = 0;
    buf[0] = 0;
    for (int i = 0; i < p->nsteps && len < n; i++) {
        const BreathStep *st = &p->steps[i];
        const char *name = i > 0 && st->kind == p->steps[i - 1].kind ? "top up" : short_name[st->kind];
        len += (size_t)snprintf(buf + len, n - len, "%s%s %g", i ? "  \u00b7  " : "", name, st->ms / 1000.0);
    }
}

/* The focused entry: what it is, its rhythm and rate. */
static void picker_panel(App *a, const BreathPattern *bp, SDL_Rect panel)
{
    const Theme *t = &a->theme;
    int pad = a->lay.margin;
    char buf[300], rhythm[300];
    if (!bp) {
        if (a->data.settings.your_pace > 0)
            snprintf(buf, sizeof buf, "Your pace now: %.1f breaths a minute", a->data.settings.your_pace);
        UiBlock b[] = {
            {TEXT_TITLE, "Find your pace", t->text, 0},
            {TEXT_BODY,
             "Slow, even breathing at five rates, from 6.5 down to 4.5 breaths a minute, "
             "about a minute each. After each one, say how comfortable it felt.",
             t->muted, pad / 2},
            {TEXT_BODY, "The most comfortable becomes Your pace, first in this list.", t->step[0], pad / 2},
            {TEXT_SMALL, a->data.settings.your_pace > 0 ? buf : NULL, t->muted, pad / 2},
        };
        ui_detail(a, panel, b, 4, false);
        return;
    }
    if (bp->unpaced) {
        UiBlock b[] = {
            {TEXT_TITLE, bp->title, t->text, 0},
            {TEXT_BODY, bp->when, t->muted, pad / 2},
            {TEXT_BODY, "No pace to follow, nothing to count", t->step[0], pad},
            {TEXT_SMALL, "A resting circle and a quiet timer", t->muted, pad / 2},
        };
        ui_detail(a, panel, b, 4, false);
        return;
    }
    rhythm_text(bp, rhythm, sizeof rhythm);
    int len = snprintf(buf, sizeof buf, "%.1f breaths a minute", 60000.0 / bp->cycle_ms);
    if (bp->max_breaths > 0)
        len += snprintf(buf + len, sizeof buf - (size_t)len, ", %d at a time", bp->max_breaths);
    if (bp->user) snprintf(buf + len, sizeof buf - (size_t)len, "   (your pattern)");
    UiBlock b[] = {
        {TEXT_TITLE, bp->title, t->text, 0},
        {TEXT_BODY, bp->when, t->muted, pad / 2},
        {TEXT_BODY, rhythm, t->step[0], pad},
        {TEXT_SMALL, buf, t->muted, pad / 2},
    };
    ui_detail(a, panel, b, 4, false);
}

static void picker_render(App *a, void *s)
{
    Picker *p = s;
    picker_refresh(a, p);
    const Theme *t = &a->theme;
    int y = ui_header(a, "Breathe", NULL);
    static const char *const labels[NMINUTES] = {"1 min", "3 min", "5 min", "10 min"};
    /* The length buttons above the hints, however many rows they take. */
    int by = ui_buttons_top(a, &p->len, labels);
    int label_y = by - text_line(a, TEXT_SMALL) * 3 / 2;
    /* One general line for every pattern, from the shipped resources, above the length. */
    const char *gentle = a->content.res.breathing;
    int gap = a->lay.unit;
    int gentle_h = gentle ? text_size(a, TEXT_SMALL, gentle, text_measure(a)).y + gap : 0;
    SDL_Rect area, panel;
    ui_columns(a, p->items, p->list.count, y, label_y - gentle_h - a->lay.margin, &area, &panel);
    ui_list_render(a, &p->list, p->items, area);
    picker_panel(a, focused(p), panel);
    if (gentle)
        text_draw(a, TEXT_SMALL, gentle, a->w / 2, label_y - gentle_h, ALIGN_CENTER, t->muted,
                  text_measure(a));
    text_draw(a, TEXT_SMALL, "Length", a->w / 2, label_y, ALIGN_CENTER, t->muted, 0);
    char fixed[32];
    if (fixed_length(p, fixed, sizeof fixed)) {
        const char *one[1] = {fixed};
        p->fixed = (UiButtons){.count = 1, .focus = 0, .hover = -1};
        ui_buttons_render(a, &p->fixed, one, by);
        ui_hints(a, "Up/Down pattern   Enter start", "Esc back");
    } else {
        ui_buttons_render(a, &p->len, labels, by);
        ui_hints(a, "Up/Down pattern   Left/Right length   Enter start", "Esc back");
    }
}

static const SceneVT PICKER = {.name = "picker", .event = picker_event, .render = picker_render};

void breathe_picker_push(App *a)
{
    Picker *p = calloc(1, sizeof *p);
    if (!p) return;
    p->len = (UiButtons){.count = NMINUTES, .hover = -1};
    picker_build(a, p);
    const Settings *st = &a->data.settings;
    if (st->last_minutes > 0) {
        p->len.focus = minutes_index(st->last_minutes);
        p->len_chosen = true;
    }
    scene_push(a, &PICKER, p);
}
