/* Breathing: the session with its circle, and the calm end screen (the picker is in
 * breathe_picker.c). Everything that moves is breath_session_at() of the session timer. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "recording.h"
#include "scenes.h"

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
