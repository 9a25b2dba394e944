/* The breathing figure and its step cues, shared by the Breathe screen and the grounding
 * interludes so a breath looks and sounds the same wherever it appears. The figure is a few
 * rings around one centre (rings.c draws them), with the seconds left in its middle. */
#include <math.h>
#include <stdio.h>

#include "rings.h"

/* Relative luminance (WCAG) of an opaque colour. */
static float luminance(SDL_Color c)
{
    const Uint8 ch[3] = {c.r, c.g, c.b};
    float l[3];
    for (int i = 0; i < 3; i++) {
        float v = ch[i] / 255.0f;
        l[i] = v <= 0.04045f ? v / 12.92f : powf((v + 0.055f) / 1.055f, 2.4f);
    }
    return 0.2126f * l[0] + 0.7152f * l[1] + 0.0722f * l[2];
}

/* The seconds left in the get-ready or in this step, in the middle of the circle: its text
 * and where it goes. */
static SDL_Rect countdown(App *a, const BreathSessionState *st, float cx, float cy, char *buf, size_t n)
{
    if (st->done) {
        buf[0] = 0;
        return (SDL_Rect){0, 0, 0, 0};
    }
    uint32_t left = st->getting_ready ? st->ready_left_ms : st->phase.step_left_ms;
    snprintf(buf, n, "%u", (left + 999) / 1000);
    SDL_Point sz = text_size(a, TEXT_TITLE, buf, 0);
    return (SDL_Rect){(int)cx - sz.x / 2, (int)cy - sz.y / 2, sz.x, sz.y};
}

/* Reduced motion: the circle keeps one size; the breath shows as its brightness, dim when
 * empty and full when full, and as a thin level bar beside it that fills and empties. The
 * dimmest circle stays light enough for the dark countdown on it (3:1, large text). */
static void reduced_figure(App *a, const BreathSessionState *st, SDL_Color col, float cx,
                           float cy, float rmax)
{
    const Theme *t = &a->theme;
    float fill = (float)st->phase.fill;
    float r = rmax * 0.62f;
    float ink = luminance(t->on_accent);
    float floor = 0.35f; /* the dimmest mix of the colour with the surface */
    while (floor < 1.0f && (luminance(color_mix(t->surface, col, floor)) + 0.05f) / (ink + 0.05f) < 3.0f)
        floor += 0.05f;
    if (floor > 1.0f) floor = 1.0f;
    SDL_Color lit = color_mix(t->surface, col, floor + (1.0f - floor) * fill);
    Shape sh[3];
    int n = 0;
    sh[n++] = rings_arc(r * 1.06f, r * 0.12f, 1, color_alpha(col, 0.04f + 0.08f * fill));
    sh[n++] = rings_disc(r, lit);
    if (!st->getting_ready && !st->done)
        sh[n++] = rings_arc(r * 1.16f, 3.0f, (float)st->phase.progress, color_alpha(col, 0.8f));
    /* The outermost edges: the halo, and the progress arc. */
    float ext = fmaxf(r * 1.12f, r * 1.16f + 1.5f) + DRAW_FEATHER + 1;
    rings_draw(a, sh, n, cx, cy, ext);
    /* The level bar, to the right: a rounded track and the breath filling it from below. */
    int bw = (int)(rmax * 0.045f);
    if (bw < 4) bw = 4;
    int bh = (int)(r * 1.6f);
    SDL_Rect track = {(int)(cx + r * 1.16f + rmax * 0.18f), (int)(cy - bh / 2.0f), bw, bh};
    draw_rrect(a, track, bw / 2, color_alpha(t->muted, 0.22f));
    int fh = (int)(bh * fill + 0.5f);
    if (fh > 0) {
        if (fh < bw) fh = bw; /* a rounded cap, even when nearly empty */
        draw_rrect(a, (SDL_Rect){track.x, track.y + bh - fh, bw, fh}, bw / 2, col);
    }
}

void figure_draw(App *a, const BreathSessionState *st, const BreathPattern *p, float cx, float cy,
                 float rmax)
{
    figure_draw_dim(a, st, p, cx, cy, rmax, false);
}

void figure_draw_dim(App *a, const BreathSessionState *st, const BreathPattern *p, float cx,
                     float cy, float rmax, bool dim)
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
        /* The very first step comes out of the get-ready, whose colour it blends from (not
         * from the colour of a previous breath that never was). */
        if (ph->cycle == 0 && ph->step == 0) prev = BREATH_HOLD_EMPTY;
        uint32_t into = ph->step_ms - ph->step_left_ms;
        float f = st->done ? 1.0f : (float)into / (float)t->colour_fade_ms;
        col = color_mix(t->step[prev], t->step[ph->kind], f);
    }
    /* Paused: the figure rests, dimmed towards the surface. */
    if (dim) col = color_mix(col, t->surface, 0.55f);
    char buf[16];
    SDL_Rect ink = countdown(a, st, cx, cy, buf, sizeof buf);
    if (a->data.settings.reduced_motion) {
        reduced_figure(a, st, col, cx, cy, rmax);
    } else {
        float r = rmin + (rmax - rmin) * (float)ph->fill;
        Shape sh[4];
        int n = 0;
        /* The outline of a full breath, and a soft halo that breathes with the circle. */
        sh[n++] = rings_arc(rmax, 2.0f, 1, color_alpha(t->muted, 0.22f));
        sh[n++] = rings_arc(r * 1.06f, r * 0.12f, 1, color_alpha(col, 0.10f));
        sh[n++] = rings_disc(r, col);
        /* Progress through the step, a thin arc just outside the outline. */
        if (!st->getting_ready && !st->done)
            sh[n++] = rings_arc(rmax + rmax * 0.06f, 3.0f, (float)ph->progress, color_alpha(col, 0.8f));
        /* The outermost edges over the breath: the halo at its fullest, the progress arc. */
        float ext = fmaxf(rmax * 1.12f, rmax * 1.06f + 1.5f) + DRAW_FEATHER + 1;
        rings_draw(a, sh, n, cx, cy, ext);
    }
    if (buf[0]) text_draw(a, TEXT_TITLE, buf, (int)cx, ink.y, ALIGN_CENTER, t->on_accent, 0);
}

void figure_draw_rest(App *a, SDL_Color disc_c, SDL_Color halo, float cx, float cy, float rmax)
{
    const Theme *t = &a->theme;
    float r = rmax * 0.62f;
    Shape sh[4];
    int n = 0;
    sh[n++] = rings_arc(rmax, 2.0f, 1, color_alpha(t->muted, 0.22f));
    /* The halo in two bands, fainter outwards: a glow rather than a ring. */
    SDL_Color outer = halo;
    outer.a = (Uint8)(halo.a * 0.45f + 0.5f);
    sh[n++] = rings_arc(r * 1.17f, r * 0.10f, 1, outer);
    sh[n++] = rings_arc(r * 1.06f, r * 0.12f, 1, halo);
    sh[n++] = rings_disc(r, disc_c);
    float ext = fmaxf(rmax + 1.0f, r * 1.22f) + DRAW_FEATHER + 1;
    rings_draw(a, sh, n, cx, cy, ext);
}

void figure_cues_play(App *a, FigureCues *c, const BreathSessionState *st, const BreathPattern *p)
{
    static const Cue STEP_CUE[BREATH_KIND_COUNT] = {CUE_IN, CUE_HOLD, CUE_OUT, CUE_REST};
    if (st->done) return;
    /* Cues are coming (the first one when the get-ready ends): the device opens now, so the
     * first cue is on time, and stays open while the figure breathes. */
    audio_prepare(a);
    if (st->getting_ready) return;
    const BreathPhase *ph = &st->phase;
    if (ph->step == c->last_step && ph->cycle == c->last_cycle) return;
    int prev = (ph->step + p->nsteps - 1) % p->nsteps;
    /* A top-up inhale right after an inhale gets a lighter tick. */
    bool repeat = p->steps[prev].kind == ph->kind && c->last_step >= 0;
    audio_play(a, repeat ? CUE_TICK : STEP_CUE[ph->kind]);
    c->last_step = ph->step;
    c->last_cycle = ph->cycle;
}
