/* The rings of the breathing figure, pixel by pixel (see rings_raster.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rings_raster.h"

static float ring_cov(const Ring *g, float d)
{
    if (d < g->in1) return d <= g->in0 ? 0 : (d - g->in0) / (g->in1 - g->in0);
    if (d <= g->full) return 1;
    float c = (g->out1 - d) / (g->out1 - g->out0);
    return c < 0 ? 0 : c > 1 ? 1 : c;
}


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

static void table(RingTable *f, const FigKey *k, float lo, float hi)
{
    /* with a margin for rounding at the ends */
    int i0 = ifloor(lo * LUT_STEPS) - 2, i1 = iceil(hi * LUT_STEPS) + 2;
    if (i0 < 0) i0 = 0;
    if (i1 > f->nlut) i1 = f->nlut;
    for (int j = i0; j < i1; j++) profile(k, (float)j / LUT_STEPS, &f->lut[j]);
}

/* What a row needs: its background, and the partial arc's end. */
typedef struct RowCtx {
    const RingTable *f;
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

static RowCtx row_ctx(const RingTable *f, const FigKey *k)
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
void rings_raster(RingTable *f, const FigKey *k, const Uint32 *bg_rows, Uint32 *pixels,
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
