/* The breathing figure and its step cues, shared by the Breathe screen and the grounding
 * interludes so a breath looks and sounds the same wherever it appears. */
#include <stdio.h>

#include "app.h"

void draw_breath_figure(App *a, const BreathSessionState *st, const BreathPattern *p, float cx,
                        float cy, float rmax)
{
    const Theme *t = &a->theme;
    const BreathPhase *ph = &st->phase;
    float rmin = rmax * 0.36f;
    SDL_Color col;
    if (st->getting_ready) {
        col = t->step[BREATH_HOLD_EMPTY];
    } else {
        /* Cross-fade from the previous step's colour at the start of each step. */
        BreathKind prev = p->steps[(ph->step + p->nsteps - 1) % p->nsteps].kind;
        uint32_t into = ph->step_ms - ph->step_left_ms;
        float f = st->done ? 1.0f : (float)into / (float)t->colour_fade_ms;
        col = color_mix(t->step[prev], t->step[ph->kind], f);
    }
    float r = rmin + (rmax - rmin) * (float)ph->fill;
    /* The outline of a full breath, and a soft halo that breathes with the circle. */
    draw_arc(a, cx, cy, rmax, 2.0f, 0, 1, color_alpha(t->muted, 0.22f));
    draw_arc(a, cx, cy, r * 1.06f, r * 0.12f, 0, 1, color_alpha(col, 0.10f));
    draw_disc(a, cx, cy, r, col);
    if (!st->getting_ready && !st->done) {
        /* Progress through the step, a thin arc just outside the outline. */
        draw_arc(a, cx, cy, rmax + rmax * 0.06f, 3.0f, 0, (float)ph->progress, color_alpha(col, 0.8f));
    }
    if (st->done) return;
    /* Seconds left in the get-ready or in this step, in the middle of the circle. */
    char buf[16];
    uint32_t left = st->getting_ready ? st->ready_left_ms : ph->step_left_ms;
    snprintf(buf, sizeof buf, "%u", (left + 999) / 1000);
    SDL_Point sz = text_size(a, TEXT_TITLE, buf, 0);
    text_draw(a, TEXT_TITLE, buf, (int)cx, (int)cy - sz.y / 2, ALIGN_CENTER, t->on_accent, 0);
}

void breath_cues_play(App *a, BreathCues *c, const BreathSessionState *st, const BreathPattern *p)
{
    static const Cue STEP_CUE[BREATH_KIND_COUNT] = {CUE_IN, CUE_HOLD, CUE_OUT, CUE_REST};
    if (st->getting_ready || st->done) return;
    const BreathPhase *ph = &st->phase;
    if (ph->step == c->last_step && ph->cycle == c->last_cycle) return;
    int prev = (ph->step + p->nsteps - 1) % p->nsteps;
    /* A top-up inhale right after an inhale gets a lighter tick. */
    bool repeat = p->steps[prev].kind == ph->kind && c->last_step >= 0;
    audio_play(a, repeat ? CUE_TICK : STEP_CUE[ph->kind]);
    c->last_step = ph->step;
    c->last_cycle = ph->cycle;
}
