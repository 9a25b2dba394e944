/* Find your pace: five slow, even rates from 6.5 down to 4.5 breaths a minute, about a minute
 * each, each rated for comfort with one key (or a click). The most comfortable rate is kept
 * as Settings.your_pace, "Your pace" in the picker. The rules (rates, lengths, the choice)
 * are the core's (attune/pace.h); this screen breathes, asks and shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attune/pace.h"
#include "recording.h"
#include "userdata.h"
#include "scenes.h"


typedef enum PaceMode { MODE_BREATHING, MODE_RATING, MODE_RESULT } PaceMode;

typedef struct Pace {
    PaceSweep sweep;
    BreathSession sess;   /* this step's breathing */
    AtTimer timer;        /* this step's clock */
    FigureCues cues;
    BreathSessionState st;
    PaceMode mode;
    uint64_t before_ms;   /* breathing time of the steps already rated */
    int before_breaths;
    double result;        /* the pace kept (0: none felt comfortable enough) */
    double previous;      /* the pace there was before */
    UiButtons buttons;    /* the rating's, then the result's */
    bool entered, recorded;
} Pace;

static const char *const COMFORT[3] = {"1  Not comfortable", "2  All right", "3  Comfortable"};

static void start_step(App *a, Pace *p)
{
    p->sess = pace_sweep_session(&p->sweep, BREATH_READY_MS);
    timer_start(&p->timer, a->now);
    p->cues = (FigureCues){.last_step = -1};
    p->st = breath_session_at(&p->sess, 0);
    p->mode = MODE_BREATHING;
    a->dirty = true;
}

/* Breathing time and breaths so far, the step under way included. */
static void totals(App *a, const Pace *p, uint64_t *ms, int *breaths)
{
    *ms = p->before_ms;
    *breaths = p->before_breaths;
    if (p->mode == MODE_BREATHING) {
        BreathSessionState st = breath_session_at(&p->sess, timer_elapsed(&p->timer, a->now));
        *ms += st.breathing_ms;
        *breaths += (int)st.cycles_done;
    }
}

/* Once: when the sweep ends, or the user leaves it (nothing is kept then). */
static void pace_record(App *a, Pace *p, bool completed)
{
    if (!p->entered || p->recorded) return;
    p->recorded = true;
    uint64_t ms;
    int breaths;
    totals(a, p, &ms, &breaths);
    recording_end(a, ms, completed, breaths, NULL, NULL);
}

static void finish(App *a, Pace *p)
{
    p->result = pace_sweep_result(&p->sweep);
    if (p->result > 0) {
        Settings *st = &a->data.settings;
        st->your_pace = p->result;
        snprintf(st->last_pattern, sizeof st->last_pattern, "%s", PACE_ID);
        userdata_save_settings(a);
    }
    p->mode = MODE_RESULT;
    p->buttons = (UiButtons){.count = p->result > 0 ? 2 : 1, .hover = -1};
    audio_play(a, CUE_BELL);
    pace_record(a, p, true); /* the after check-in, if on, comes before the result */
}

static void rate(App *a, Pace *p, int comfort)
{
    if (!pace_sweep_rate(&p->sweep, comfort)) return;
    if (pace_sweep_done(&p->sweep)) finish(a, p);
    else start_step(a, p);
    a->dirty = true;
}

static void pace_update(App *a, void *s)
{
    Pace *p = s;
    if (p->mode != MODE_BREATHING) return;
    p->st = breath_session_at(&p->sess, timer_elapsed(&p->timer, a->now));
    if (p->st.done) {
        p->before_ms += p->st.breathing_ms;
        p->before_breaths += (int)p->st.cycles_done;
        pace_sweep_breathed(&p->sweep);
        p->mode = MODE_RATING;
        p->buttons = (UiButtons){.count = 3, .focus = 1, .hover = -1};
        audio_play(a, CUE_REST);
        a->dirty = true;
        return;
    }
    figure_cues_play(a, &p->cues, &p->st, &p->sweep.pattern);
}

static bool pace_animating(App *a, void *s)
{
    (void)a;
    Pace *p = s;
    return p->mode == MODE_BREATHING && !p->timer.paused;
}

static void leave(App *a, Pace *p)
{
    pace_record(a, p, false);
    scene_pop(a);
}

static void pace_event(App *a, void *s, const SDL_Event *e)
{
    Pace *p = s;
    SDL_Keycode k = e->type == SDL_KEYDOWN ? e->key.keysym.sym : SDLK_UNKNOWN;
    switch (p->mode) {
    case MODE_BREATHING:
        if (k == SDLK_ESCAPE) leave(a, p);
        else if (k == SDLK_SPACE) {
            if (p->timer.paused) timer_resume(&p->timer, a->now);
            else timer_pause(&p->timer, a->now);
            a->dirty = true;
        }
        return;
    case MODE_RATING: {
        if (k == SDLK_ESCAPE) {
            leave(a, p);
            return;
        }
        if (k >= SDLK_1 && k <= SDLK_3) {
            rate(a, p, (int)(k - SDLK_1) + 1);
            return;
        }
        if (k >= SDLK_KP_1 && k <= SDLK_KP_3) {
            rate(a, p, (int)(k - SDLK_KP_1) + 1);
            return;
        }
        int i = ui_buttons_event(a, &p->buttons, e);
        if (i >= 0 && i < 3) rate(a, p, i + 1);
        return;
    }
    case MODE_RESULT: {
        if (k == SDLK_ESCAPE) {
            scene_pop(a);
            return;
        }
        int i = ui_buttons_event(a, &p->buttons, e);
        if (i < 0) return;
        const BreathPattern *yp = p->result > 0 ? breathe_your_pace(a) : NULL;
        if (i == 0 && yp) breathe_push(a, yp, yp->minutes);
        scene_pop(a);
        return;
    }
    }
}

static void render_breathing(App *a, Pace *p)
{
    const Theme *t = &a->theme;
    char buf[160];
    float cx = a->w / 2.0f, cy = a->h * 0.44f;
    float rmax = a->h * 0.28f;
    if (rmax > a->w * 0.3f) rmax = a->w * 0.3f;
    int step = p->sweep.step;
    figure_draw(a, &p->st, &p->sweep.pattern, cx, cy, rmax);
    text_draw(a, TEXT_SMALL, "Find your pace", a->w / 2, a->lay.margin, ALIGN_CENTER, t->muted, 0);
    int m = a->lay.margin, top = ui_bar_bottom(a); /* under the control bar */
    snprintf(buf, sizeof buf, "Pace %d of %d  \u00b7  %.1f a minute", step + 1, PACE_STEPS, pace_rate(step));
    text_draw(a, TEXT_SMALL, buf, m, top, ALIGN_LEFT, t->muted, 0);
    char left[32];
    ui_fmt_clock(left, sizeof left, p->st.left_ms);
    snprintf(buf, sizeof buf, "%s left at this pace", left);
    text_draw(a, TEXT_SMALL, buf, a->w - m, top, ALIGN_RIGHT, t->muted, 0);
    int words_y = (int)(cy + rmax * 1.1f + a->h * 0.03f);
    if (p->st.getting_ready) {
        const char *title = step == 0 ? "Get ready" : "A little slower";
        SDL_Rect r = text_draw(a, TEXT_DISPLAY, title, a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
        snprintf(buf, sizeof buf, "%.1f breaths a minute, even in and out. Breathe in when the circle starts to %s.",
                 pace_rate(step), a->data.settings.reduced_motion ? "brighten" : "grow");
        text_draw(a, TEXT_SMALL, buf, a->w / 2, r.y + r.h, ALIGN_CENTER, t->muted, text_measure(a));
    } else {
        text_draw(a, TEXT_DISPLAY, breath_kind_words(p->st.phase.kind), a->w / 2, words_y,
                  ALIGN_CENTER, t->text, 0);
    }
    if (p->timer.paused) {
        SDL_Rect r = text_draw(a, TEXT_TITLE, "Paused", a->w / 2, words_y + text_line(a, TEXT_DISPLAY),
                               ALIGN_CENTER, t->text, 0);
        text_draw(a, TEXT_SMALL, "Press Space to go on", a->w / 2, r.y + r.h, ALIGN_CENTER, t->muted, 0);
    }
    ui_hints(a, audio_muted(a) ? "Sound off (M)" : "Sound on (M)",
             p->timer.paused ? "Space resume   Esc leave" : "Space pause   Esc leave");
}

/* The three answers in a row, or one under another when a row would not fit (large text in a
 * small window). Returns their height; with draw false it only measures. */
static int rating_buttons(App *a, Pace *p, int y, bool draw)
{
    int pad = text_line(a, TEXT_BODY) / 2, total = 0;
    int bh = text_line(a, TEXT_BODY) + pad * 3 / 2;
    for (int i = 0; i < 3; i++) total += text_size(a, TEXT_BODY, COMFORT[i], 0).x + 5 * pad;
    if (total <= a->lay.wide) {
        if (draw) ui_buttons_render(a, &p->buttons, COMFORT, y);
        return bh;
    }
    for (int i = 0; i < 3 && draw; i++) {
        UiButtons one = {.count = 1, .focus = p->buttons.focus == i ? 0 : -1,
                         .hover = p->buttons.hover == i ? 0 : -1};
        ui_buttons_render(a, &one, &COMFORT[i], y + i * (bh + pad / 2));
        p->buttons.rect[i] = one.rect[0];
    }
    return 3 * bh + pad;
}

static void render_rating(App *a, Pace *p)
{
    const Theme *t = &a->theme;
    int step = p->sweep.step, mw = text_measure(a);
    static const char *const WHY =
        "There is no right answer. Easy and unhurried is comfortable; feeling short of air, or "
        "straining to stretch each breath, is not.";
    char buf[160];
    snprintf(buf, sizeof buf, "Pace %d of %d  \u00b7  %.1f breaths a minute", step + 1, PACE_STEPS,
             pace_rate(step));
    static const char QUESTION[] = "How comfortable was that pace?";
    /* Measured first: centred in the space above the key hints, the explanation left out when
     * it would not fit. */
    int gap = a->lay.gap, wide = a->h / 20;
    int bottom = a->h - a->lay.margin - text_line(a, TEXT_SMALL) - gap;
    int top = a->h / 20;
    int bh = rating_buttons(a, p, 0, false);
    int h = text_size(a, TEXT_SMALL, buf, 0).y + gap + text_size(a, TEXT_TITLE, QUESTION, mw).y;
    int why_h = gap + text_size(a, TEXT_BODY, WHY, mw).y;
    bool why = h + why_h + wide + bh <= bottom - top;
    h += (why ? why_h : 0) + wide + bh;
    int y = top + (bottom - top - h) / 3;
    if (y < top) y = top;
    SDL_Rect r = text_draw(a, TEXT_SMALL, buf, a->w / 2, y, ALIGN_CENTER, t->muted, 0);
    y += r.h + gap;
    r = text_draw(a, TEXT_TITLE, QUESTION, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += r.h;
    if (why) {
        r = text_draw(a, TEXT_BODY, WHY, a->w / 2, y + gap, ALIGN_CENTER, t->muted, mw);
        y += gap + r.h;
    }
    rating_buttons(a, p, y + wide, true);
    ui_hints(a, "1, 2 or 3 to answer", "Esc leave");
}

static void render_result(App *a, Pace *p)
{
    const Theme *t = &a->theme;
    int mw = text_measure(a), y = a->h / 6, gap = a->lay.margin;
    char buf[300];
    SDL_Rect r;
    if (p->result > 0) {
        r = text_draw(a, TEXT_SMALL, "Your pace", a->w / 2, y, ALIGN_CENTER, t->muted, 0);
        y += r.h + a->lay.tight;
        snprintf(buf, sizeof buf, "%.1f breaths a minute", p->result);
        r = text_draw(a, TEXT_TITLE, buf, a->w / 2, y, ALIGN_CENTER, t->text, mw);
        y += r.h + gap;
        r = text_draw(a, TEXT_BODY,
                      "It felt the most comfortable, so it is kept as Your pace, first in the "
                      "Breathe list. Comfort can change from day to day: find it again any time.",
                      a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    } else {
        r = text_draw(a, TEXT_TITLE, "None of these felt comfortable today", a->w / 2, y,
                      ALIGN_CENTER, t->text, mw);
        y += r.h + gap;
        snprintf(buf, sizeof buf,
                 "That is all right: slow breathing is not for every moment. Your own natural "
                 "breathing is fine, and Just notice your breath needs no pace at all.%s",
                 p->previous > 0 ? " Your pace stays as it was." : "");
        r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    }
    y += r.h + gap;
    int by = (int)(a->h * 0.66f);
    if (by < y) by = y;
    static const char *const found[2] = {"Breathe at your pace", "Done"};
    static const char *const none[1] = {"Done"};
    ui_buttons_render(a, &p->buttons, p->result > 0 ? found : none, by);
    ui_hints(a, NULL, "Enter choose   Esc back");
}

static void pace_render(App *a, void *s)
{
    Pace *p = s;
    switch (p->mode) {
    case MODE_BREATHING: render_breathing(a, p); break;
    case MODE_RATING: render_rating(a, p); break;
    case MODE_RESULT: render_result(a, p); break;
    }
}

static void pace_enter(App *a, void *s)
{
    Pace *p = s;
    p->entered = true;
    start_step(a, p);
}

static void pace_covered(App *a, void *s, bool covered)
{
    Pace *p = s;
    timer_hold(&p->timer, a->now, covered);
}

static void pace_free(App *a, void *s)
{
    pace_record(a, s, false); /* the window closed mid-way: keep what was breathed */
    free(s);
}

static int pace_paused(App *a, void *s)
{
    (void)a;
    Pace *p = s;
    return p->mode == MODE_BREATHING ? p->timer.paused : -1;
}

static const SceneVT PACE = {
    .paused = pace_paused,
    .bar = UI_BAR_LEAVE | UI_BAR_PAUSE | UI_BAR_HELP,
    .name = "pace",
    .enter = pace_enter,
    .event = pace_event,
    .update = pace_update,
    .render = pace_render,
    .animating = pace_animating,
    .free = pace_free,
    .covered = pace_covered,
};

void pace_push(App *a)
{
    Pace *p = calloc(1, sizeof *p);
    if (!p) return;
    pace_sweep_start(&p->sweep);
    p->previous = a->data.settings.your_pace;
    p->sess = pace_sweep_session(&p->sweep, BREATH_READY_MS);
    timer_start(&p->timer, a->now);
    p->st = breath_session_at(&p->sess, 0);
    recording_begin(a, PRACTICE_BREATHING, PACE_SWEEP_ID, &PACE, p);
}
