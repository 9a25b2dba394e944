/* Breathing: the pattern picker, with the chosen pattern's rhythm, and the session length. The
 * picker opens on the last choice. */
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
    UiButtons len;
    bool len_chosen; /* the user picked a length: keep it when moving between patterns */
    UiItem items[UI_LIST_MAX];
} Picker;

static int minutes_index(int minutes)
{
    int best = 0;
    for (int i = 0; i < NMINUTES; i++)
        if (abs(MINUTES[i] - minutes) < abs(MINUTES[best] - minutes)) best = i;
    return best;
}

static void picker_follow_pattern(App *a, Picker *p)
{
    if (!p->len_chosen && p->list.focus < a->content.npatterns)
        p->len.focus = minutes_index(a->content.patterns[p->list.focus].minutes);
}

static void picker_event(App *a, void *s, const SDL_Event *e)
{
    Picker *p = s;
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            scene_pop(a);
            return;
        }
        if (k == SDLK_LEFT || k == SDLK_RIGHT) {
            p->len.focus = (p->len.focus + (k == SDLK_LEFT ? NMINUTES - 1 : 1)) % NMINUTES;
            p->len_chosen = true;
            a->dirty = true;
            return;
        }
    }
    int b = e->type == SDL_KEYDOWN ? -1 : ui_buttons_event(a, &p->len, e);
    if (b >= 0) {
        p->len.focus = b;
        p->len_chosen = true;
        a->dirty = true;
        return;
    }
    int i = ui_list_event(a, &p->list, e);
    picker_follow_pattern(a, p);
    if (i >= 0 && i < a->content.npatterns) {
        /* Remembered for next time: the picker opens on this choice. */
        Settings *st = &a->data.settings;
        snprintf(st->last_pattern, sizeof st->last_pattern, "%s", a->content.patterns[i].id);
        st->last_minutes = MINUTES[p->len.focus];
        userdata_save_settings(a);
        breathe_push(a, &a->content.patterns[i], MINUTES[p->len.focus]);
    }
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

static void picker_render(App *a, void *s)
{
    Picker *p = s;
    const Theme *t = &a->theme;
    int y = ui_header(a, "Breathe", NULL);
    static const char *const labels[NMINUTES] = {"1 min", "3 min", "5 min", "10 min"};
    int by = a->h - a->h / 6 - text_line(a, TEXT_BODY);
    SDL_Rect area, panel;
    ui_columns(a, p->items, p->list.count, y, by - a->h / 20, &area, &panel);
    int px = panel.x, pw = panel.w;
    ui_list_render(a, &p->list, p->items, area);
    if (p->list.focus < a->content.npatterns) {
        const BreathPattern *bp = &a->content.patterns[p->list.focus];
        draw_rrect(a, panel, a->lay.unit, t->surface);
        int pad = a->lay.margin, ty = y + pad;
        SDL_Rect r = text_draw(a, TEXT_TITLE, bp->title, px + pad, ty, ALIGN_LEFT, t->text, 0);
        ty += r.h + pad / 2;
        r = text_draw(a, TEXT_BODY, bp->when, px + pad, ty, ALIGN_LEFT, t->muted, pw - 2 * pad);
        ty += r.h + pad;
        char buf[200];
        rhythm_text(bp, buf, sizeof buf);
        r = text_draw(a, TEXT_BODY, buf, px + pad, ty, ALIGN_LEFT, t->step[0], pw - 2 * pad);
        ty += r.h + pad / 2;
        snprintf(buf, sizeof buf, "%.1f breaths a minute%s", 60000.0 / bp->cycle_ms,
                 bp->user ? "   (your pattern)" : "");
        text_draw(a, TEXT_SMALL, buf, px + pad, ty, ALIGN_LEFT, t->muted, 0);
    }
    text_draw(a, TEXT_SMALL, "Length", a->w / 2, by - text_line(a, TEXT_SMALL) * 3 / 2,
              ALIGN_CENTER, t->muted, 0);
    ui_buttons_render(a, &p->len, labels, by);
    ui_hints(a, "Up/Down pattern   Left/Right length   Enter start", "Esc back");
}

static const SceneVT PICKER = {.name = "picker", .event = picker_event, .render = picker_render};

void breathe_picker_push(App *a)
{
    Picker *p = calloc(1, sizeof *p);
    if (!p) return;
    int n = a->content.npatterns < UI_LIST_MAX ? a->content.npatterns : UI_LIST_MAX;
    for (int i = 0; i < n; i++)
        p->items[i] = (UiItem){a->content.patterns[i].title, NULL};
    p->list = (UiList){.count = n, .hover = -1};
    p->len = (UiButtons){.count = NMINUTES, .hover = -1};
    /* Open on the last choice, if it still exists. */
    const Settings *st = &a->data.settings;
    for (int i = 0; i < n; i++)
        if (st->last_pattern[0] && !strcmp(a->content.patterns[i].id, st->last_pattern)) p->list.focus = i;
    picker_follow_pattern(a, p);
    if (st->last_minutes > 0) {
        p->len.focus = minutes_index(st->last_minutes);
        p->len_chosen = true;
    }
    scene_push(a, &PICKER, p);
}
