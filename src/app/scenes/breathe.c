/* Breathing: the session with its circle, and the calm end screen (the picker is
 * breathe_picker.c).
 * Everything that moves is breath_session_at() of the session timer: no frame deltas.
 *
 * A pattern may carry a caution, shown before the first breath and acknowledged; a pattern
 * with max_breaths offers no longer session; an unpaced pattern ("Just notice your breath")
 * shows a resting circle and a quiet timer, never a step or a count. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attune/pace.h"
#include "recording.h"
#include "scenes.h"
#include "userdata.h"

/* ---------- Your pace ---------- */

static BreathPattern your_pace;
static char your_pace_when[200];

const BreathPattern *breathe_your_pace(App *a)
{
    if (!pace_your_pattern(a->data.settings.your_pace, &your_pace, your_pace_when,
                           sizeof your_pace_when))
        return NULL;
    return &your_pace;
}

static void breathe_again(App *a, const BreathPattern *p, int minutes);

/* ---------- session ---------- */

typedef struct Breathe {
    BreathPattern pattern; /* a copy: Your pace may be found again meanwhile */
    BreathSession sess;
    int minutes;
    AtTimer timer;
    FigureCues cues;    /* which step's cue has played */
    bool caution;       /* the pattern's caution is up: nothing has begun */
    bool done;
    BreathSessionState st;
    UiButtons buttons;  /* the caution's, then the end screen's */
    bool entered, recorded; /* on screen (clock running); handed to recording_end */
} Breathe;

/* Hands the session to the practice log: once, when it ends or the user leaves. Leaving at
 * the caution, before anything began, records nothing. */
static void breathe_record(App *a, Breathe *b, bool completed)
{
    if (!b->entered || b->recorded) return;
    b->recorded = true;
    if (b->caution) {
        recording_cancel(a);
        return;
    }
    BreathSessionState st = breath_session_at(&b->sess, timer_elapsed(&b->timer, a->now));
    recording_end(a, st.breathing_ms, completed, (int)st.cycles_done, NULL, NULL);
}

static void breathe_update(App *a, void *s)
{
    Breathe *b = s;
    if (b->done || b->caution) return;
    b->st = breath_session_at(&b->sess, timer_elapsed(&b->timer, a->now));
    if (b->entered && !b->st.done) recording_progress(a, b->st.breathing_ms, (int)b->st.cycles_done);
    if (b->st.done) {
        b->done = true;
        b->buttons = (UiButtons){.count = 2, .hover = -1};
        audio_play(a, CUE_BELL);
        breathe_record(a, b, true); /* the after check-in, if on, comes before "Well done" */
        a->dirty = true;
        return;
    }
    if (!b->pattern.unpaced) figure_cues_play(a, &b->cues, &b->st, &b->pattern);
}

static bool breathe_animating(App *a, void *s)
{
    (void)a;
    Breathe *b = s;
    return !b->done && !b->caution && !b->timer.paused;
}

static void breathe_begin(App *a, Breathe *b)
{
    b->caution = false;
    timer_start(&b->timer, a->now);
    b->st = breath_session_at(&b->sess, 0);
    a->dirty = true;
}

static void breathe_event(App *a, void *s, const SDL_Event *e)
{
    Breathe *b = s;
    if (b->caution) {
        if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
            breathe_record(a, b, false);
            scene_pop(a);
            return;
        }
        int i = ui_buttons_event(a, &b->buttons, e);
        if (i == 0) breathe_begin(a, b);
        else if (i == 1) breathe_record(a, b, false), scene_pop(a);
        return;
    }
    if (b->done) {
        if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
            scene_to_root(a);
            return;
        }
        int i = ui_buttons_event(a, &b->buttons, e);
        if (i == 0) breathe_again(a, &b->pattern, b->minutes), scene_pop(a);
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

/* A gentle highlighted panel for a caution: a warm tint of the surface, never an alarm (as
 * the grounding caution). Returns its height. */
static int caution_panel(App *a, const char *text, int x, int y, int w)
{
    const Theme *t = &a->theme;
    int pad = text_line(a, TEXT_SMALL) * 3 / 4;
    int inner = w - 2 * pad - pad / 2;
    SDL_Point sz = text_size(a, TEXT_BODY, text, inner);
    int h = sz.y + 2 * pad;
    SDL_Rect r = {x, y, w, h};
    draw_rrect(a, r, pad, color_mix(t->surface, t->step[BREATH_OUT], 0.06f));
    draw_rrect_outline(a, r, pad, 1, color_alpha(t->step[BREATH_OUT], 0.45f));
    draw_rrect(a, (SDL_Rect){x + pad / 2, y + pad, pad / 3 > 2 ? pad / 3 : 2, h - 2 * pad}, 2,
               color_alpha(t->step[BREATH_OUT], 0.8f));
    text_draw(a, TEXT_BODY, text, x + pad + pad / 2, y + pad, ALIGN_LEFT, t->text, inner);
    return h;
}

static void render_caution(App *a, Breathe *b)
{
    const Theme *t = &a->theme;
    const BreathPattern *p = &b->pattern;
    int mw = text_measure(a);
    int y = a->h / 8;
    SDL_Rect r = text_draw(a, TEXT_TITLE, p->title, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += r.h + a->lay.unit;
    r = text_draw(a, TEXT_BODY, p->when, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->h / 20;
    r = text_draw(a, TEXT_SMALL, "Before you begin", (a->w - mw) / 2, y, ALIGN_LEFT, t->step[BREATH_OUT], 0);
    y += r.h + a->h / 100;
    y += caution_panel(a, p->caution, (a->w - mw) / 2, y, mw);
    static const char *const labels[2] = {"I understand, begin", "Not now"};
    int by = a->h - a->h / 6 - text_line(a, TEXT_BODY);
    if (by < y + a->lay.margin) by = y + a->lay.margin;
    ui_buttons_render(a, &b->buttons, labels, by);
    ui_hints(a, NULL, "Enter begin   Esc leave");
}

static void render_done(App *a, Breathe *b, float cx, float rmax)
{
    const Theme *t = &a->theme;
    const BreathPattern *p = &b->pattern;
    char buf[200], len[32];
    int y = a->h / 5;
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Well done", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.margin;
    ui_fmt_clock(len, sizeof len, b->st.breathing_ms);
    if (p->unpaced) snprintf(buf, sizeof buf, "%s of %s.", len, p->title);
    else
        snprintf(buf, sizeof buf, "%s of %s, %llu breaths.", len, p->title,
                 (unsigned long long)b->st.cycles_done);
    r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->lay.gap;
    text_draw(a, TEXT_BODY, "Notice how your body feels now, before you move on.", a->w / 2, y,
              ALIGN_CENTER, t->muted, text_measure(a));
    draw_disc(a, cx, a->h * 0.56f, rmax * 0.36f, color_alpha(t->step[0], 0.85f));
    static const char *const labels[2] = {"Breathe again", "Menu"};
    ui_buttons_render(a, &b->buttons, labels, (int)(a->h * 0.74f));
    ui_hints(a, NULL, "Enter choose   Esc menu");
}

/* A slow, irregular swell of the halo (periods of 29 s and 47 s, far slower than any breath,
 * so it never reads as a pace); with reduced motion the halo stays still and only the disc's
 * brightness drifts, once a minute. */
static void draw_resting(App *a, Breathe *b, float cx, float cy, float rmax)
{
    const Theme *t = &a->theme;
    double s = (double)b->st.breathing_ms / 1000.0;
    SDL_Color base = color_mix(t->surface, t->step[BREATH_IN], 0.88f); /* softer than a breath */
    SDL_Color disc = base;
    float glow = 0.5f;
    if (a->data.settings.reduced_motion) {
        float drift = (float)(0.5 - 0.5 * cos(2 * M_PI * s / 60.0));
        disc = color_mix(t->surface, t->step[BREATH_IN], 0.74f + 0.14f * drift);
    } else {
        glow = (float)(0.5 - 0.3 * cos(2 * M_PI * s / 29.0) - 0.2 * cos(2 * M_PI * s / 47.0));
    }
    SDL_Color halo = color_alpha(base, 0.05f + 0.12f * glow);
    figure_draw_rest(a, disc, halo, cx, cy, rmax);
}

static void breathe_render(App *a, void *s)
{
    Breathe *b = s;
    const Theme *t = &a->theme;
    const BreathPattern *p = &b->pattern;
    char buf[160];
    float cx = a->w / 2.0f, cy = a->h * 0.44f;
    float rmax = a->h * 0.28f;
    if (rmax > a->w * 0.3f) rmax = a->w * 0.3f;

    if (b->caution) {
        render_caution(a, b);
        return;
    }
    if (b->done) {
        render_done(a, b, cx, rmax);
        return;
    }

    text_draw(a, TEXT_SMALL, p->title, a->w / 2, a->lay.margin, ALIGN_CENTER, t->muted, 0);
    int m = a->lay.margin;
    int top = ui_bar_bottom(a); /* under the control bar */
    const char *ready_words = a->data.settings.reduced_motion
                                  ? "Sit comfortably. Breathe in when the circle starts to brighten."
                                  : "Sit comfortably. Breathe in when the circle starts to grow.";
    /* The words under the figure, and what pausing adds: at large text sizes the figure
     * makes room for them above the key hints. */
    int below = p->unpaced ? text_line(a, TEXT_BODY) * 3 : text_line(a, TEXT_DISPLAY);
    if (!p->unpaced && b->st.getting_ready) below += text_size(a, TEXT_SMALL, ready_words, text_measure(a)).y;
    if (b->timer.paused) below = SDL_max(below, text_line(a, TEXT_DISPLAY)) + text_line(a, TEXT_TITLE) + text_line(a, TEXT_SMALL);
    float room_top = (float)(top + text_line(a, TEXT_SMALL));
    float room_bottom = (float)(a->h - m - text_line(a, TEXT_SMALL) - m / 2 - below) - a->h * 0.03f;
    if (cy + rmax * 1.1f > room_bottom) {
        float span = room_bottom - room_top;
        if (rmax * 2.2f > span) rmax = SDL_max(span / 2.2f, a->h * 0.05f);
        cy = room_bottom - rmax * 1.1f;
    }
    int words_y = (int)(cy + rmax * 1.1f + a->h * 0.03f);
    if (p->unpaced) {
        /* Nothing to follow: no steps, no counts, only the time and a kind word. */
        draw_resting(a, b, cx, cy, rmax);
        text_draw(a, TEXT_BODY, "Let your breath come and go as it is.", a->w / 2, words_y,
                  ALIGN_CENTER, t->text, text_measure(a));
        text_draw(a, TEXT_SMALL, "When your mind wanders, gently come back to it.", a->w / 2,
                  words_y + text_line(a, TEXT_BODY) * 3 / 2, ALIGN_CENTER, t->muted, text_measure(a));
    } else {
        figure_draw_dim(a, &b->st, p, cx, cy, rmax, b->timer.paused);
        if (b->st.getting_ready) {
            SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Get ready", a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
            text_draw(a, TEXT_SMALL, ready_words, a->w / 2, r.y + r.h, ALIGN_CENTER, t->muted,
                      text_measure(a));
        } else {
            text_draw(a, TEXT_DISPLAY, breath_kind_words(b->st.phase.kind), a->w / 2, words_y,
                      ALIGN_CENTER, t->text, 0);
        }
        uint64_t shown = b->st.getting_ready ? 1 : b->st.phase.cycle + 1;
        snprintf(buf, sizeof buf, "Breath %llu of %llu", (unsigned long long)shown,
                 (unsigned long long)b->st.cycles_total);
        text_draw(a, TEXT_SMALL, buf, m, top, ALIGN_LEFT, t->muted, 0);
    }
    char left[32];
    ui_fmt_clock(left, sizeof left, b->st.left_ms);
    snprintf(buf, sizeof buf, "%s left", left);
    text_draw(a, TEXT_SMALL, buf, a->w - m, top, ALIGN_RIGHT, t->muted, 0);
    if (b->timer.paused) {
        int py = words_y + text_line(a, TEXT_DISPLAY);
        if (p->unpaced) py = words_y + text_line(a, TEXT_BODY) * 3;
        SDL_Rect r = text_draw(a, TEXT_TITLE, "Paused", a->w / 2, py, ALIGN_CENTER, t->text, 0);
        text_draw(a, TEXT_SMALL, "Press Space to go on", a->w / 2, r.y + r.h, ALIGN_CENTER, t->muted, 0);
    }
    ui_hints(a, audio_muted(a) ? "Sound off (M)" : "Sound on (M)",
             b->timer.paused ? "Space resume   Esc leave" : "Space pause   Esc leave");
}

/* The session starts when it appears (after the before check-in, if any), or once its
 * caution is acknowledged. */
static void breathe_enter(App *a, void *s)
{
    Breathe *b = s;
    b->entered = true;
    if (!b->caution) breathe_begin(a, b);
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

static int breathe_paused(App *a, void *s)
{
    (void)a;
    Breathe *b = s;
    return b->done || b->caution ? -1 : b->timer.paused;
}

static const SceneVT BREATHE = {
    .paused = breathe_paused,
    .bar = UI_BAR_LEAVE | UI_BAR_PAUSE | UI_BAR_HELP,
    .name = "breathe",
    .enter = breathe_enter,
    .event = breathe_event,
    .update = breathe_update,
    .render = breathe_render,
    .animating = breathe_animating,
    .free = breathe_free,
    .covered = breathe_covered,
};

static void push_session(App *a, const BreathPattern *p, int minutes, bool show_caution)
{
    Breathe *b = calloc(1, sizeof *b);
    if (!b) return;
    b->pattern = *p;
    b->minutes = minutes;
    /* Nothing to count down to when there is no pace to start on. */
    b->sess = breath_session(&b->pattern, minutes, p->unpaced ? 0 : BREATH_READY_MS);
    timer_start(&b->timer, a->now);
    b->cues.last_step = -1;
    b->caution = show_caution && p->caution;
    b->buttons = (UiButtons){.count = 2, .hover = -1};
    b->st = breath_session_at(&b->sess, 0);
    recording_begin(a, PRACTICE_BREATHING, p->id, &BREATHE, b);
}

void breathe_push(App *a, const BreathPattern *p, int minutes)
{
    push_session(a, p, minutes, true);
}

/* Right after a session of the same pattern: its caution was just acknowledged. */
static void breathe_again(App *a, const BreathPattern *p, int minutes)
{
    push_session(a, p, minutes, false);
}

void breathe_quick_push(App *a)
{
    const BreathPattern *p = content_pattern(&a->content, "quick-calm");
    if (!p && a->content.npatterns) p = &a->content.patterns[0];
    if (p) breathe_push(a, p, p->minutes);
}
