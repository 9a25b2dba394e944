/* The breathing figure and its step cues, shared by the Breathe screen and the grounding
 * interludes so a breath looks and sounds the same wherever it appears.
 *
 * The figure is a few rings around one centre. GPU renderers draw them with draw_arc and
 * draw_disc. SDL's software renderer, the default, draws every triangle of those through a
 * temporary surface and a blended blit, with per-pixel divisions where colours vary: at 60
 * frames a second the rings cost more than all the rest of the screen. There the rings are
 * drawn here instead, on the CPU, as what they are: coverage as a function of the distance
 * from the centre, with the same linear feathered edges, composited over the background's
 * colour for the row (the gradient is vertical) into a streaming texture that is copied
 * without blending. Along a row, the runs between feathers have one colour and are filled;
 * only feathers, and the progress arc (which also depends on the angle), are worked out per
 * pixel, from a table sampled finely along the radius.
 *
 * From one frame to the next a breath moves each edge by about a pixel, so the texture keeps
 * what it holds and only the radii where a ring changed (and the wedge the progress arc grew
 * by) are drawn again; when the loop redraws the figure over the last frame (a->damage_pass),
 * only those parts are copied to the window. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

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

/* One ring of the figure, as draw_arc (or draw_disc) draws it. */
typedef struct Shape {
    bool disc;
    float r, thick; /* radius (of the centre line for arcs) and thickness */
    float to;       /* arcs: the end, in turns clockwise from 12 o'clock (1: whole) */
    SDL_Color c;
} Shape;

#define MAX_SHAPES 4

static Shape arc(float r, float thick, float to, SDL_Color c) { return (Shape){false, r, thick, to, c}; }
static Shape disc(float r, SDL_Color c) { return (Shape){true, r, 0, 1, c}; }

static void draw_shapes(App *a, const Shape *sh, int n, float cx, float cy)
{
    for (int i = 0; i < n; i++) {
        if (sh[i].disc) draw_disc(a, cx, cy, sh[i].r, sh[i].c);
        else draw_arc(a, cx, cy, sh[i].r, sh[i].thick, 0, sh[i].to, sh[i].c);
    }
}

/* ---- the rings on the CPU (software renderer) ---- */

#define LUT_STEPS 32  /* table samples per pixel of radius */
#define MAX_SPANS (2 * MAX_SHAPES + 2)
#define MAX_BOUNDS (4 * MAX_SPANS + 2)
#define MAX_STRIPS 256 /* rectangles copied after an update, from top to bottom */

/* A ring's coverage against the distance d from the centre. */
typedef struct Ring {
    float in0, in1;         /* rises from 0 at in0 to 1 at in1 (in1 == 0: filled to the centre) */
    float full, out0, out1; /* 1 out to full, then (out1 - d) / (out1 - out0), clamped */
    float r, g, b, alpha;
} Ring;

typedef struct FigKey {
    int x, y, w, h; /* the box drawn, in window pixels */
    float cx, cy;   /* the centre of the rings */
    float shift;    /* how far that is up and left of the centre given */
    uint32_t bg_gen;
    int nrings;
    Ring ring[MAX_SHAPES];
    int partial; /* the last ring is an arc that ends at `to` */
    float to;
} FigKey;

typedef struct FigureCache {
    SDL_Texture *tex; /* the rings and the background under them, box-sized */
    int tw, th;
    FigKey key; /* what the texture holds */
    bool valid;
    uint64_t frame; /* the frame it was last copied to the window in */
    SDL_Rect ink;   /* where the countdown was drawn over it then (box pixels) */
    struct Sample *lut; /* the rings every 1/LUT_STEPS pixel of radius (only where needed) */
    int nlut;
} FigureCache;

typedef struct Span {
    float lo, hi;
} Span;

/* What to draw: everything, or only the radii in spans (at every angle) and, with wedge, the
 * band of the partial arc within the rectangle w (box pixels). */
typedef struct Update {
    const Span *spans; /* NULL: everything */
    int nspans;
    bool wedge;
    SDL_Rect w;
} Update;

/* The pixels drawn in a band of rows, left and right of the centre (empty: x0 >= x1). */
typedef struct Strip {
    int l0, l1, r0, r1;
} Strip;

static Ring ring_of(const Shape *s)
{
    const float F = DRAW_FEATHER;
    Ring g = {0};
    if (s->disc) {
        /* Spans fill to r - F/2; a band fades from r - F/2 - 1.5 (under the spans) to r + F. */
        float ri = s->r - F / 2;
        g.full = ri;
        g.out0 = ri > 1.5f ? ri - 1.5f : 0;
        g.out1 = s->r + F;
    } else {
        float ro = s->r + s->thick / 2, ri = s->r - s->thick / 2;
        if (ri > F) {
            g.in0 = ri - F;
            g.in1 = ri;
        }
        g.full = g.out0 = ro;
        g.out1 = ro + F;
    }
    g.r = s->c.r;
    g.g = s->c.g;
    g.b = s->c.b;
    g.alpha = s->c.a / 255.0f;
    return g;
}

static float ring_cov(const Ring *g, float d)
{
    if (d < g->in1) return d <= g->in0 ? 0 : (d - g->in0) / (g->in1 - g->in0);
    if (d <= g->full) return 1;
    float c = (g->out1 - d) / (g->out1 - g->out0);
    return c < 0 ? 0 : c > 1 ? 1 : c;
}

static float ring_lo(const Ring *g) { return g->in1 > 0 ? g->in0 : 0; }

/* The rings at one radius, in 1/256ths: the whole rings over a background give
 * (bg * t + c) / 256 for each channel, then the partial arc (where the angle is inside it)
 * mixes in by k / 256. c is kept as red and blue in one word (each in 16 bits) and green
 * shifted to its place, so shade() works on two channels at once. */
typedef struct Sample {
    uint32_t t, rb, g;
    int32_t k;
} Sample;

static void profile(const FigKey *k, float d, Sample *out)
{
    int n = k->nrings - k->partial;
    float t = 1, r = 0, g = 0, b = 0;
    for (int j = 0; j < n; j++) {
        const Ring *q = &k->ring[j];
        float al = q->alpha * ring_cov(q, d);
        t *= 1 - al;
        r += (q->r - r) * al;
        g += (q->g - g) * al;
        b += (q->b - b) * al;
    }
    float arc = k->partial ? k->ring[n].alpha * ring_cov(&k->ring[n], d) : 0;
    uint32_t ti = (uint32_t)(t * 256 + 0.5f);
    /* Rounding may not carry a channel past 255 over the brightest background, nor out of
     * its 16 bits: 255 * t + c + 128 stays below 65536. */
    uint32_t most = 65407 - 255 * ti;
    uint32_t ri = (uint32_t)(r * 256 + 0.5f), gi = (uint32_t)(g * 256 + 0.5f),
             bi = (uint32_t)(b * 256 + 0.5f);
    ri = ri < most ? ri : most;
    gi = gi < most ? gi : most;
    bi = bi < most ? bi : most;
    *out = (Sample){ti, ri << 16 | bi, gi << 8, (int32_t)(arc * 256 + 0.5f)};
}

/* The rings of e over the background colour bg (RGB888). */
static inline Uint32 shade(const Sample *e, Uint32 bg)
{
    Uint32 rb = ((bg & 0xFF00FFu) * e->t + e->rb + 0x800080u) >> 8 & 0xFF00FFu;
    Uint32 g = ((bg & 0x00FF00u) * e->t + e->g + 0x008000u) >> 8 & 0x00FF00u;
    return rb | g;
}

/* Sets n pixels to c: a few by hand, then doubling copies (memcpy is far faster than a loop of
 * single stores, which compilers leave unvectorised at -O2). */
static void fill(Uint32 *p, Uint32 c, int n)
{
    int done = n < 16 ? n : 16;
    for (int i = 0; i < done; i++) p[i] = c;
    while (done < n) {
        int m = done < n - done ? done : n - done;
        memcpy(p + done, p, (size_t)m * sizeof *p);
        done += m;
    }
}

static int ifloor(float x)
{
    int i = (int)x;
    return i - (x < (float)i);
}

static int iceil(float x)
{
    int i = (int)x;
    return i + (x > (float)i);
}

static bool within(const Span *v, int n, float d)
{
    for (int i = 0; i < n; i++)
        if (d >= v[i].lo && d < v[i].hi) return true;
    return false;
}

/* Radii where the colour along a ray changes: the feathers, and all of a partial arc. */
static int varying_spans(const FigKey *k, Span *v)
{
    int n = 0;
    for (int j = 0; j < k->nrings; j++) {
        const Ring *q = &k->ring[j];
        if (k->partial && j == k->nrings - 1) {
            v[n++] = (Span){ring_lo(q), q->out1};
            continue;
        }
        if (q->in1 > q->in0) v[n++] = (Span){q->in0, q->in1};
        if (q->out1 > q->full) v[n++] = (Span){q->full, q->out1};
    }
    return n;
}

static int cmp_float(const void *p, const void *q)
{
    float a = *(const float *)p, b = *(const float *)q;
    return a < b ? -1 : a > b;
}

static void table(FigureCache *f, const FigKey *k, float lo, float hi)
{
    /* with a margin for rounding at the ends */
    int i0 = ifloor(lo * LUT_STEPS) - 2, i1 = iceil(hi * LUT_STEPS) + 2;
    if (i0 < 0) i0 = 0;
    if (i1 > f->nlut) i1 = f->nlut;
    for (int j = i0; j < i1; j++) profile(k, (float)j / LUT_STEPS, &f->lut[j]);
}

/* What a row needs: its background, and the partial arc's end. */
typedef struct RowCtx {
    const FigureCache *f;
    const FigKey *k;
    float dy, dy2;
    Uint32 bgc; /* the background of the row */
    float ex, ey; /* the arc's end, as a direction */
    bool half;    /* the arc is at most half a turn */
    int arc[3];
} RowCtx;

/* Pixels x0 <= x < x1 of a row, each from the table at its radius (the whole rings over the
 * row's background, then the partial arc where the pixel's angle is inside it). */
static void draw_run(const RowCtx *c, Uint32 *row, int x0, int x1)
{
    const Sample *lut = c->f->lut;
    const int last = c->f->nlut - 1;
    const Uint32 bgc = c->bgc;
    const float dy2 = c->dy2;
    float dx = (float)(c->k->x + x0) + 0.5f - c->k->cx;
    for (int x = x0; x < x1; x++, dx += 1.0f) {
        int i = (int)(sqrtf(dx * dx + dy2) * LUT_STEPS + 0.5f);
        const Sample *e = &lut[i < last ? i : last];
        Uint32 px = shade(e, bgc);
        if (e->k > 0) {
            /* Inside the arc from 12 o'clock clockwise to `to`? Its ends are cut along rays
             * from the centre as given (SDL places their vertices there). */
            float ax = dx - c->k->shift, ay = c->dy - c->k->shift;
            float cr = ax * c->ey - ay * c->ex; /* >= 0: the end is clockwise of here */
            if (c->half ? ax >= 0 && cr >= 0 : ax >= 0 || cr >= 0) {
                int kk = e->k, ik = 256 - kk;
                int r = (int)(px >> 16 & 255), g = (int)(px >> 8 & 255), b = (int)(px & 255);
                px = (Uint32)((c->arc[0] * kk + r * ik + 128) >> 8) << 16 |
                     (Uint32)((c->arc[1] * kk + g * ik + 128) >> 8) << 8 |
                     (Uint32)((c->arc[2] * kk + b * ik + 128) >> 8);
            }
        }
        row[x] = px;
    }
}

static RowCtx row_ctx(const FigureCache *f, const FigKey *k)
{
    RowCtx c = {f, k, 0, 0, 0, sinf(2 * (float)M_PI * k->to), -cosf(2 * (float)M_PI * k->to),
                k->to <= 0.5f, {0, 0, 0}};
    if (k->partial) {
        const Ring *q = &k->ring[k->nrings - 1];
        c.arc[0] = (int)q->r, c.arc[1] = (int)q->g, c.arc[2] = (int)q->b;
    }
    return c;
}

static void row_at(RowCtx *c, const Uint32 *bg_rows, int y)
{
    c->dy = (float)(c->k->y + y) + 0.5f - c->k->cy;
    c->dy2 = c->dy * c->dy;
    Uint32 bgc = bg_rows[c->k->y + y];
    c->bgc = bgc & 0xFFFFFFu;
}

/* Along a row, the pixels nearer the centre than radius b (b2 = b * b) are l <= x < r. */
static inline void nearer(const FigKey *k, float b2, float dy2, int mid, int *l, int *r)
{
    *l = *r = mid;
    if (b2 > dy2) {
        float hw = sqrtf(b2 - dy2);
        *l = ifloor(k->cx - hw - 0.5f) + 1 - k->x;
        *r = iceil(k->cx + hw - 0.5f) - k->x;
    }
    if (*l < 0) *l = 0;
    if (*r > k->w) *r = k->w;
}

static int centre_column(const FigKey *k)
{
    int mid = ifloor(k->cx) - k->x;
    return mid < 0 ? 0 : mid > k->w ? k->w : mid;
}

/* Draws the rings of k into the locked pixels (box-sized): all of them, or only what u asks
 * for, noting in strips (of strip_h rows) where it drew. The radii split into segments between
 * the radii where something starts or ends (a feather, a span to redraw), grouped by how they
 * are drawn: skipped, filled with one colour (a wide segment without a feather), or worked out
 * per pixel from the table (feathers, and narrow segments next to them); the wedge's are drawn
 * per pixel on its rows and columns only. Along a row each group is a run left of the centre
 * and one right of it. */
static void raster(FigureCache *f, const FigKey *k, const Uint32 *bg_rows, Uint32 *pixels,
                   int pitch, const Update *u, Strip *strips, int strip_h)
{
    enum { SKIP, FILL, PIXELS, WEDGE };
    Span v[MAX_SPANS];
    int nv = varying_spans(k, v);
    Span band = {0, 0};
    if (k->partial) band = (Span){ring_lo(&k->ring[k->nrings - 1]), k->ring[k->nrings - 1].out1};

    float bound[MAX_BOUNDS + 1];
    int nb = 0;
    bound[nb++] = 0;
    for (int i = 0; i < nv; i++) bound[nb++] = v[i].lo, bound[nb++] = v[i].hi;
    for (int i = 0; u->spans && i < u->nspans; i++)
        bound[nb++] = u->spans[i].lo, bound[nb++] = u->spans[i].hi;
    if (u->wedge) bound[nb++] = band.lo, bound[nb++] = band.hi;
    for (int i = 0; i < nb; i++)
        if (bound[i] < 0) bound[i] = 0;
    qsort(bound, (size_t)nb, sizeof *bound, cmp_float);
    int m = 1; /* unique; bound[0] is 0 */
    for (int i = 1; i < nb; i++)
        if (bound[i] > bound[m - 1]) bound[m++] = bound[i];
    /* Group g: from[g] <= d < from[g + 1] (the last without end), drawn as how[g]. */
    float from[MAX_BOUNDS + 1];
    int how[MAX_BOUNDS + 1], ng = 0;
    Sample cst[MAX_BOUNDS + 1];
    for (int s = 0; s < m; s++) {
        float lo = bound[s], hi = s + 1 < m ? bound[s + 1] : bound[s] + 2, mid = (lo + hi) / 2;
        bool redraw = !u->spans || within(u->spans, u->nspans, mid);
        int h = redraw ? (within(v, nv, mid) || (s + 1 < m && hi - lo < 4) ? PIXELS : FILL)
                : u->wedge && mid >= band.lo && mid < band.hi ? WEDGE
                                                              : SKIP;
        if (h == PIXELS || h == WEDGE) table(f, k, lo, hi);
        if (ng > 0 && h == how[ng - 1] && h != FILL) continue; /* joins the group before */
        from[ng] = lo;
        how[ng] = h;
        if (h == FILL) profile(k, mid, &cst[ng]);
        ng++;
    }
    float reach = 0; /* the farthest radius drawn: rows beyond it are left alone */
    for (int g = 0; g < ng; g++)
        if (how[g] != SKIP) reach = g + 1 < ng ? fmaxf(reach, from[g + 1]) : 1e9f;

    RowCtx c = row_ctx(f, k);
    int mid = centre_column(k);
    int xl[MAX_BOUNDS + 2], xr[MAX_BOUNDS + 2];
    for (int y = 0; y < k->h; y++) {
        row_at(&c, bg_rows, y);
        if (c.dy2 >= reach * reach) continue;
        Uint32 *row = (Uint32 *)((Uint8 *)pixels + (size_t)y * (size_t)pitch);
        Strip *st = &strips[y / strip_h];
        /* Pixels nearer than from[g] are xl[g] <= x < xr[g], nested outwards. */
        xl[0] = xr[0] = mid;
        for (int g = 1; g <= ng; g++) {
            int l = 0, r = k->w;
            if (g < ng) nearer(k, from[g] * from[g], c.dy2, mid, &l, &r);
            xl[g] = l > xl[g - 1] ? xl[g - 1] : l;
            xr[g] = r < xr[g - 1] ? xr[g - 1] : r;
        }
        bool in_wedge = u->wedge && y >= u->w.y && y < u->w.y + u->w.h;
        for (int g = 0; g < ng; g++) {
            if (how[g] == SKIP || (how[g] == WEDGE && !in_wedge)) continue;
            /* left of the nearer pixels, then right of them */
            int run[2][2] = {{xl[g + 1], xl[g]}, {xr[g], xr[g + 1]}};
            for (int q = 0; q < 2; q++) {
                int x0 = run[q][0], x1 = run[q][1];
                if (how[g] == WEDGE) {
                    if (x0 < u->w.x) x0 = u->w.x;
                    if (x1 > u->w.x + u->w.w) x1 = u->w.x + u->w.w;
                }
                if (x1 <= x0) continue;
                int *s0 = q ? &st->r0 : &st->l0, *s1 = q ? &st->r1 : &st->l1;
                if (*s0 >= *s1) *s0 = x0, *s1 = x1;
                if (x0 < *s0) *s0 = x0;
                if (x1 > *s1) *s1 = x1;
                if (how[g] == FILL) fill(row + x0, shade(&cst[g], c.bgc), x1 - x0);
                else draw_run(&c, row, x0, x1);
            }
        }
    }
}

/* Radii where ring o and ring n differ (both ramps when only its size changed). */
static int ring_changes(const Ring *o, const Ring *n, Span *out)
{
    if (!memcmp(o, n, sizeof *o)) return 0;
    if (o->r != n->r || o->g != n->g || o->b != n->b || o->alpha != n->alpha) {
        out[0] = (Span){fminf(ring_lo(o), ring_lo(n)), fmaxf(o->out1, n->out1)};
        return 1;
    }
    int c = 0;
    if (o->in0 != n->in0 || o->in1 != n->in1)
        out[c++] = (Span){fminf(ring_lo(o), ring_lo(n)), fmaxf(o->in1, n->in1)};
    if (o->full != n->full || o->out0 != n->out0 || o->out1 != n->out1)
        out[c++] = (Span){fminf(o->full, n->full), fmaxf(o->out1, n->out1)};
    return c;
}

/* Trims the spans where ring j changed to what shows: a later ring that is opaque, of the same
 * colour, and full over some radii in both frames hides them (the disc over the halo's inner
 * feather). */
static void trim_hidden(const FigKey *o, const FigKey *k, int j, Span *sp, int n)
{
    for (int q = j + 1; q < k->nrings - k->partial; q++) {
        const Ring *a = &o->ring[q], *b = &k->ring[q];
        if (a->alpha < 1 || b->alpha < 1 || a->r != b->r || a->g != b->g || a->b != b->b) continue;
        float lo = fmaxf(a->in1, b->in1), hi = fminf(a->full, b->full);
        for (int i = 0; i < n; i++) {
            if (sp[i].lo >= lo && sp[i].lo < hi) sp[i].lo = hi;
            if (sp[i].hi > lo && sp[i].hi <= hi) sp[i].hi = lo;
            if (sp[i].hi < sp[i].lo) sp[i].hi = sp[i].lo; /* all hidden */
        }
    }
}

/* The rectangle (box pixels) around the partial arc's band between turns t0 and t1. */
static SDL_Rect wedge_rect(const FigKey *k, float t0, float t1)
{
    const Ring *q = &k->ring[k->nrings - 1];
    float rad[2] = {ring_lo(q), q->out1};
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    float turns[6] = {t0, t1, 0.25f, 0.5f, 0.75f, 1.0f};
    for (int i = 0; i < 6; i++) {
        if (i >= 2 && (turns[i] <= t0 || turns[i] >= t1)) continue;
        float sx = sinf(2 * (float)M_PI * turns[i]), sy = -cosf(2 * (float)M_PI * turns[i]);
        for (int j = 0; j < 2; j++) {
            float x = k->cx + sx * rad[j], y = k->cy + sy * rad[j];
            x0 = fminf(x0, x), x1 = fmaxf(x1, x), y0 = fminf(y0, y), y1 = fmaxf(y1, y);
        }
    }
    /* a margin for the rounding of the cut, which is placed half a pixel off (k->shift) */
    SDL_Rect r = {ifloor(x0) - 2 - k->x, ifloor(y0) - 2 - k->y, 0, 0};
    r.w = iceil(x1) + 3 - k->x - r.x;
    r.h = iceil(y1) + 3 - k->y - r.y;
    return r;
}

/* The box of half-width ext around a centre, in whole pixels. */
static SDL_Rect square(float cx, float cy, float ext)
{
    int x = (int)floorf(cx - ext), y = (int)floorf(cy - ext);
    return (SDL_Rect){x, y, (int)ceilf(cx + ext) - x, (int)ceilf(cy + ext) - y};
}

static void copy_part(App *a, FigureCache *f, SDL_Rect r)
{
    SDL_Rect all = {0, 0, f->key.w, f->key.h};
    if (!SDL_IntersectRect(&r, &all, &r)) return;
    SDL_Rect dst = {r.x + f->key.x, r.y + f->key.y, r.w, r.h};
    SDL_RenderCopy(a->ren, f->tex, &r, &dst);
}

/* Copies of parts of the texture to the window, joined while that copies few pixels that did
 * not change: a copy costs about as much as copying MERGE_PX more pixels in one. */
#define MERGE_PX 1024

typedef struct Copies {
    SDL_Rect pending[2]; /* left and right of the centre */
    long needed[2];      /* the pixels of each that were drawn */
} Copies;

static void copies_add(App *a, FigureCache *f, Copies *c, int side, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0) return;
    SDL_Rect *p = &c->pending[side];
    long need = (long)r.w * r.h;
    if (p->w > 0) {
        SDL_Rect u;
        SDL_UnionRect(p, &r, &u);
        if ((long)u.w * u.h - c->needed[side] - need <= MERGE_PX) {
            *p = u;
            c->needed[side] += need;
            return;
        }
        copy_part(a, f, *p);
    }
    *p = r;
    c->needed[side] = need;
}

static void copies_flush(App *a, FigureCache *f, Copies *c)
{
    for (int i = 0; i < 2; i++)
        if (c->pending[i].w > 0) copy_part(a, f, c->pending[i]);
}

/* Draws the shapes, and the background under them, on all of the box of half-width ext around
 * the centre (square()), on the CPU; ink is where the caller then draws over them (window
 * pixels). False when it cannot (not the software renderer, shapes it does not draw, no
 * texture): draw them with draw_shapes.
 *
 * While the loop redraws this box over the last frame (a->damage_pass) and the last frame
 * showed it too, only what changed is drawn and copied: the radii where a ring moved or
 * changed colour, the wedge where the progress arc grew, and the ink. A breath moves its
 * edges by about a pixel a frame, so that is a few thin rings instead of the whole box. */
static bool raster_shapes(App *a, const Shape *sh, int n, float cx, float cy, float ext, SDL_Rect ink)
{
    if (!app_software(a) || !a->bg_rows || n > MAX_SHAPES) return false;
    FigKey k;
    memset(&k, 0, sizeof k); /* compared with memcmp */
    for (int i = 0; i < n; i++) {
        if (sh[i].disc && sh[i].c.a != 255) return false; /* draw_disc blends twice at its edge */
        bool part = !sh[i].disc && sh[i].to < 1;
        if (part && i != n - 1) return false; /* only the last ring may be partial */
        if (part && sh[i].to <= 0) continue;  /* nothing to draw */
        k.ring[k.nrings++] = ring_of(&sh[i]);
        if (part) {
            k.partial = 1;
            k.to = sh[i].to;
        }
    }
    SDL_Rect box = square(cx, cy, ext);
    SDL_Rect all = {0, 0, a->w, a->h};
    if (!SDL_IntersectRect(&box, &all, &box)) return true;
    k.x = box.x;
    k.y = box.y;
    k.w = box.w;
    k.h = box.h;
    /* The software renderer truncates vertices to whole pixels, which puts its rings half a
     * pixel up and left on average: so do these, to sit where they always have. */
    k.shift = 0.5f;
    k.cx = cx - k.shift;
    k.cy = cy - k.shift;
    k.bg_gen = a->bg_gen;

    FigureCache *f = a->fig;
    if (!f) {
        f = a->fig = calloc(1, sizeof *f);
        if (!f) return false;
    }
    if (!f->tex || f->tw != box.w || f->th != box.h) {
        if (f->tex) SDL_DestroyTexture(f->tex);
        f->tex = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
                                   box.w, box.h);
        f->tw = box.w;
        f->th = box.h;
        f->valid = false;
        if (!f->tex) return false;
        SDL_SetTextureBlendMode(f->tex, SDL_BLENDMODE_NONE);
    }
    int nlut = (int)((ext + 4) * LUT_STEPS) + 2;
    if (nlut > f->nlut) {
        Sample *lut = realloc(f->lut, (size_t)nlut * sizeof *lut);
        if (!lut) return false;
        f->lut = lut;
        f->nlut = nlut;
    }
    /* The header (box, centre, background) is all of the key before the rings. */
    bool same_box = f->valid && !memcmp(&k, &f->key, offsetof(FigKey, nrings));
    bool incremental = a->damage_pass && same_box && f->frame + 1 == a->frame_no;
    bool whole = true; /* everything drawn (and so copied) */
    if (!f->valid || memcmp(&k, &f->key, sizeof k) != 0) {
        Update u = {NULL, 0, false, {0, 0, 0, 0}};
        Span changed[MAX_SPANS];
        if (same_box && k.nrings == f->key.nrings && k.partial == f->key.partial) {
            int nc = 0;
            for (int j = 0; j < k.nrings; j++) {
                int c = ring_changes(&f->key.ring[j], &k.ring[j], changed + nc);
                trim_hidden(&f->key, &k, j, changed + nc, c);
                nc += c;
            }
            /* a hair wider, for rounding where a row crosses their ends */
            for (int j = 0; j < nc; j++) changed[j].lo -= 0.125f, changed[j].hi += 0.125f;
            u.spans = changed;
            u.nspans = nc;
            if (k.partial && k.to != f->key.to) {
                u.wedge = true;
                u.w = wedge_rect(&k, fminf(k.to, f->key.to), fmaxf(k.to, f->key.to));
            }
            whole = false;
        }
        int strip_h = (box.h + MAX_STRIPS - 1) / MAX_STRIPS;
        if (strip_h < 4) strip_h = 4;
        Strip strips[MAX_STRIPS] = {{0, 0, 0, 0}};
        void *pixels;
        int pitch;
        /* The software renderer's lock hands back the texture's own pixels, so what is not
         * drawn now keeps what was drawn before (this path runs only on that renderer). */
        if (SDL_LockTexture(f->tex, NULL, &pixels, &pitch) != 0) return false;
        raster(f, &k, a->bg_rows, pixels, pitch, &u, strips, strip_h);
        SDL_UnlockTexture(f->tex);
        f->key = k;
        f->valid = true;
        if (incremental && !whole) {
            Copies c = {{{0, 0, 0, 0}, {0, 0, 0, 0}}, {0, 0}};
            for (int i = 0; i * strip_h < box.h; i++) {
                const Strip *st = &strips[i];
                SDL_Rect l = {st->l0, i * strip_h, st->l1 - st->l0, strip_h};
                SDL_Rect r = {st->r0, i * strip_h, st->r1 - st->r0, strip_h};
                if (l.w > 0 && r.w > 0 && st->l1 >= st->r0) {
                    SDL_UnionRect(&l, &r, &l);
                    r.w = 0;
                }
                copies_add(a, f, &c, 0, l);
                copies_add(a, f, &c, 1, r);
            }
            copies_flush(a, f, &c);
        }
    } else {
        whole = false;
    }
    SDL_Rect ink_box = {ink.x - box.x, ink.y - box.y, ink.w, ink.h};
    if (incremental && !whole) {
        /* The ink goes over clean pixels: what was under the last frame's, and this one's. */
        copy_part(a, f, f->ink);
        copy_part(a, f, ink_box);
    } else {
        copy_part(a, f, (SDL_Rect){0, 0, box.w, box.h});
    }
    f->ink = ink_box;
    f->frame = a->frame_no;
    if (a->damage_pass) a->damage_ink = ink;
    return true;
}

void figure_quit(App *a)
{
    FigureCache *f = a->fig;
    if (!f) return;
    if (f->tex) SDL_DestroyTexture(f->tex);
    free(f->lut);
    free(f);
    a->fig = NULL;
}

/* True if every pixel of square(cx, cy, ext) was painted, background included. */
static bool draw_rings(App *a, const Shape *sh, int n, float cx, float cy, float ext, SDL_Rect ink)
{
    if (raster_shapes(a, sh, n, cx, cy, ext, ink)) return true;
    if (a->damage_pass) draw_background(a); /* the loop counted on the rings to paint it */
    draw_shapes(a, sh, n, cx, cy);
    return false;
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
static Damage reduced_figure(App *a, const BreathSessionState *st, SDL_Color col, float cx,
                             float cy, float rmax, SDL_Rect countdown_at)
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
    sh[n++] = arc(r * 1.06f, r * 0.12f, 1, color_alpha(col, 0.04f + 0.08f * fill));
    sh[n++] = disc(r, lit);
    if (!st->getting_ready && !st->done)
        sh[n++] = arc(r * 1.16f, 3.0f, (float)st->phase.progress, color_alpha(col, 0.8f));
    /* The outermost edges: the halo, and the progress arc. */
    float ext = fmaxf(r * 1.12f, r * 1.16f + 1.5f) + DRAW_FEATHER + 1;
    draw_rings(a, sh, n, cx, cy, ext, countdown_at);
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
    Damage d = {square(cx, cy, ext), false}; /* and the bar, drawn over the background */
    SDL_Rect bar = {track.x - 2, track.y - 2, track.w + 4, track.h + 4};
    SDL_UnionRect(&d.rect, &bar, &d.rect);
    return d;
}

Damage draw_breath_figure(App *a, const BreathSessionState *st, const BreathPattern *p,
                          float cx, float cy, float rmax)
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
    char buf[16];
    SDL_Rect ink = countdown(a, st, cx, cy, buf, sizeof buf);
    Damage area;
    if (a->data.settings.reduced_motion) {
        area = reduced_figure(a, st, col, cx, cy, rmax, ink);
    } else {
        float r = rmin + (rmax - rmin) * (float)ph->fill;
        Shape sh[4];
        int n = 0;
        /* The outline of a full breath, and a soft halo that breathes with the circle. */
        sh[n++] = arc(rmax, 2.0f, 1, color_alpha(t->muted, 0.22f));
        sh[n++] = arc(r * 1.06f, r * 0.12f, 1, color_alpha(col, 0.10f));
        sh[n++] = disc(r, col);
        /* Progress through the step, a thin arc just outside the outline. */
        if (!st->getting_ready && !st->done)
            sh[n++] = arc(rmax + rmax * 0.06f, 3.0f, (float)ph->progress, color_alpha(col, 0.8f));
        /* The outermost edges over the breath: the halo at its fullest, the progress arc. */
        float ext = fmaxf(rmax * 1.12f, rmax * 1.06f + 1.5f) + DRAW_FEATHER + 1;
        area.opaque = draw_rings(a, sh, n, cx, cy, ext, ink);
        area.rect = square(cx, cy, ext);
    }
    if (buf[0]) text_draw(a, TEXT_TITLE, buf, (int)cx, ink.y, ALIGN_CENTER, t->on_accent, 0);
    return area;
}

Damage draw_rest_figure(App *a, SDL_Color disc_c, SDL_Color halo, float cx, float cy, float rmax)
{
    const Theme *t = &a->theme;
    float r = rmax * 0.62f;
    Shape sh[4];
    int n = 0;
    sh[n++] = arc(rmax, 2.0f, 1, color_alpha(t->muted, 0.22f));
    /* The halo in two bands, fainter outwards: a glow rather than a ring. */
    SDL_Color outer = halo;
    outer.a = (Uint8)(halo.a * 0.45f + 0.5f);
    sh[n++] = arc(r * 1.17f, r * 0.10f, 1, outer);
    sh[n++] = arc(r * 1.06f, r * 0.12f, 1, halo);
    sh[n++] = disc(r, disc_c);
    float ext = fmaxf(rmax + 1.0f, r * 1.22f) + DRAW_FEATHER + 1;
    Damage d;
    d.opaque = draw_rings(a, sh, n, cx, cy, ext, (SDL_Rect){0, 0, 0, 0});
    d.rect = square(cx, cy, ext);
    return d;
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
