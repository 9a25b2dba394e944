/* Breathing: the pattern picker, the session with its circle, and the calm end screen.
 * Everything that moves is breath_session_at() of the session timer: no frame deltas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "recording.h"
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

/* ---------- session ---------- */

typedef struct Breathe {
    BreathSession sess;
    int minutes;
    AtTimer timer;
    FigureCues cues;    /* which step's cue has played */
    bool done;
    BreathSessionState st;
    UiButtons end_buttons;
    bool entered, recorded; /* on screen (clock running); handed to recording_end */
} Breathe;

/* Hands the session to the practice log: once, when it ends or the user leaves. */
static void breathe_record(App *a, Breathe *b, bool completed)
{
    if (!b->entered || b->recorded) return;
    b->recorded = true;
    BreathSessionState st = breath_session_at(&b->sess, timer_elapsed(&b->timer, a->now));
    recording_end(a, st.breathing_ms, completed, (int)st.cycles_done, NULL, NULL);
}

static void breathe_update(App *a, void *s)
{
    Breathe *b = s;
    if (b->done) return;
    b->st = breath_session_at(&b->sess, timer_elapsed(&b->timer, a->now));
    if (b->st.done) {
        b->done = true;
        b->end_buttons.focus = 0;
        audio_play(a, CUE_BELL);
        breathe_record(a, b, true); /* the after check-in, if on, comes before "Well done" */
        a->dirty = true;
        return;
    }
    figure_cues_play(a, &b->cues, &b->st, b->sess.pattern);
}

static bool breathe_animating(App *a, void *s)
{
    (void)a;
    Breathe *b = s;
    return !b->done && !b->timer.paused;
}

static void breathe_event(App *a, void *s, const SDL_Event *e)
{
    Breathe *b = s;
    if (b->done) {
        if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
            scene_to_root(a);
            return;
        }
        int i = ui_buttons_event(a, &b->end_buttons, e);
        if (i == 0) breathe_push(a, b->sess.pattern, b->minutes), scene_pop(a);
        else if (i == 1) scene_to_root(a);
        return;
    }
    if (e->type != SDL_KEYDOWN) return;
    switch (e->key.keysym.sym) {
    case SDLK_ESCAPE:
        breathe_record(a, b, false); /* leaving early still counts as practice */
        scene_pop(a);
        break;
    case SDLK_SPACE:
        if (b->timer.paused) timer_resume(&b->timer, a->now);
        else timer_pause(&b->timer, a->now);
        a->dirty = true;
        break;
    default: break;
    }
}

static void breathe_render(App *a, void *s)
{
    Breathe *b = s;
    const Theme *t = &a->theme;
    const BreathPattern *p = b->sess.pattern;
    char buf[160];
    float cx = a->w / 2.0f, cy = a->h * 0.44f;
    float rmax = a->h * 0.28f;
    if (rmax > a->w * 0.3f) rmax = a->w * 0.3f;

    if (b->done) {
        int y = a->h / 5;
        SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Well done", a->w / 2, y, ALIGN_CENTER, t->text, 0);
        y += r.h + a->lay.margin;
        char len[32];
        ui_fmt_clock(len, sizeof len, b->st.breathing_ms);
        snprintf(buf, sizeof buf, "%s of %s, %llu breaths.", len, p->title,
                 (unsigned long long)b->st.cycles_done);
        r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, 0);
        y += r.h + a->lay.gap;
        r = text_draw(a, TEXT_BODY, "Notice how your body feels now, before you move on.", a->w / 2, y,
                      ALIGN_CENTER, t->muted, text_measure(a));
        draw_disc(a, cx, a->h * 0.56f, rmax * 0.36f, color_alpha(t->step[0], 0.85f));
        static const char *const labels[2] = {"Breathe again", "Menu"};
        ui_buttons_render(a, &b->end_buttons, labels, (int)(a->h * 0.74f));
        ui_hints(a, NULL, "Enter choose   Esc menu");
        return;
    }

    figure_draw(a, &b->st, p, cx, cy, rmax);
    text_draw(a, TEXT_SMALL, p->title, a->w / 2, a->lay.margin, ALIGN_CENTER, t->muted, 0);
    int words_y = (int)(cy + rmax * 1.1f + a->h * 0.03f);
    if (b->st.getting_ready) {
        SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Get ready", a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
        text_draw(a, TEXT_SMALL,
                  a->data.settings.reduced_motion
                      ? "Sit comfortably. Breathe in when the circle starts to brighten."
                      : "Sit comfortably. Breathe in when the circle starts to grow.",
                  a->w / 2, r.y + r.h, ALIGN_CENTER, t->muted, 0);
    } else {
        text_draw(a, TEXT_DISPLAY, breath_kind_words(b->st.phase.kind), a->w / 2, words_y, ALIGN_CENTER,
                  t->text, 0);
    }
    int m = a->lay.margin;
    int top = m + text_line(a, TEXT_SMALL);
    uint64_t shown = b->st.getting_ready ? 1 : b->st.phase.cycle + 1;
    snprintf(buf, sizeof buf, "Breath %llu of %llu", (unsigned long long)shown,
             (unsigned long long)b->st.cycles_total);
    text_draw(a, TEXT_SMALL, buf, m, top, ALIGN_LEFT, t->muted, 0);
    char left[32];
    ui_fmt_clock(left, sizeof left, b->st.left_ms);
    snprintf(buf, sizeof buf, "%s left", left);
    text_draw(a, TEXT_SMALL, buf, a->w - m, top, ALIGN_RIGHT, t->muted, 0);
    if (b->timer.paused) {
        SDL_Rect r = text_draw(a, TEXT_TITLE, "Paused", a->w / 2, words_y + text_line(a, TEXT_DISPLAY),
                               ALIGN_CENTER, t->text, 0);
        text_draw(a, TEXT_SMALL, "Press Space to go on", a->w / 2, r.y + r.h, ALIGN_CENTER, t->muted, 0);
    }
    ui_hints(a, audio_muted(a) ? "Sound off (M)" : "Sound on (M)",
             b->timer.paused ? "Space resume   Esc leave" : "Space pause   Esc leave");
}

/* The session starts when it appears (after the before check-in, if any). */
static void breathe_enter(App *a, void *s)
{
    Breathe *b = s;
    timer_start(&b->timer, a->now);
    b->entered = true;
}

/* Under help the session's time stands still (a pause stays a pause). */
static void breathe_covered(App *a, void *s, bool covered)
{
    Breathe *b = s;
    timer_hold(&b->timer, a->now, covered);
}

static void breathe_free(App *a, void *s)
{
    breathe_record(a, s, false); /* the window closed mid-session: keep what was done */
    free(s);
}

static const SceneVT BREATHE = {
    .name = "breathe",
    .enter = breathe_enter,
    .event = breathe_event,
    .update = breathe_update,
    .render = breathe_render,
    .animating = breathe_animating,
    .free = breathe_free,
    .covered = breathe_covered,
};

void breathe_push(App *a, const BreathPattern *p, int minutes)
{
    Breathe *b = calloc(1, sizeof *b);
    if (!b) return;
    b->minutes = minutes;
    b->sess = breath_session(p, minutes, BREATH_READY_MS);
    timer_start(&b->timer, a->now);
    b->cues.last_step = -1;
    b->end_buttons = (UiButtons){.count = 2, .hover = -1};
    b->st = breath_session_at(&b->sess, 0);
    recording_begin(a, PRACTICE_BREATHING, p->id, &BREATHE, b);
}
