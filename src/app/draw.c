/* Shapes with a feathered edge, smooth on the software renderer, which has no multisampling:
 * discs and arcs as triangle geometry, rounded rectangles from cached coverage masks. Each
 * public function records a command (redraw.h); the static do_* functions draw it when the
 * frame is drawn. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "redraw.h"

#define FEATHER DRAW_FEATHER
#define MAX_SEGS 256

static SDL_Vertex vtx(float x, float y, SDL_Color c) { return (SDL_Vertex){{x, y}, c, {0, 0}}; }

static int segments_for(float r)
{
    /* ~0.3 segments a pixel of radius keeps the chord error near a quarter pixel, which the
     * feathered edge hides; every triangle costs the software rasteriser set-up time. */
    int n = (int)(r * 0.3f);
    if (n < 32) n = 32;
    if (n > MAX_SEGS) n = MAX_SEGS;
    return n;
}

/* The background is a vertical gradient, worked out row by row on the CPU once per window size
 * (interpolating it as geometry costs tens of milliseconds on the software renderer, which
 * would delay the first frame) and drawn as one fill per band of rows of the same colour: the
 * gradient is gentle, a few dozen bands at any height, and no window-sized texture has to be
 * made (and its pages touched) before the first frame. The colour of each row is kept for the
 * breathing figure drawn on the CPU (figure.c). */
static Uint32 row_colour(SDL_Color top, SDL_Color bottom, int y, int h)
{
    float f = ((float)y + 0.5f) / (float)h;
    int r = (int)(top.r + (bottom.r - top.r) * f + 0.5f);
    int g = (int)(top.g + (bottom.g - top.g) * f + 0.5f);
    int b = (int)(top.b + (bottom.b - top.b) * f + 0.5f);
    return (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b; /* RGB888 */
}

static void make_background(App *a)
{
    const Theme *t = &a->theme;
    Uint32 *rows = realloc(a->bg_rows, (size_t)a->h * sizeof *rows);
    if (!rows) {
        free(a->bg_rows);
        a->bg_rows = NULL;
        a->bg_w = a->bg_h = 0;
        return;
    }
    a->bg_rows = rows;
    a->bg_w = a->w;
    a->bg_h = a->h;
    for (int y = 0; y < a->h; y++) rows[y] = row_colour(t->bg, t->bg_low, y, a->h);
    a->bg_gen++;
}

typedef struct BgCmd {
    uint32_t gen; /* which background: a new one is a change everywhere */
} BgCmd;

static void do_background(App *a, const void *p)
{
    (void)p;
    const Theme *t = &a->theme;
    const Uint32 *rows = a->bg_rows;
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_NONE);
    if (!rows) {
        SDL_SetRenderDrawColor(a->ren, t->bg.r, t->bg.g, t->bg.b, 255);
        SDL_RenderFillRect(a->ren, NULL);
    }
    /* the renderer keeps to its clip rectangle */
    for (int y = 0, end; rows && y < a->bg_h; y = end) {
        for (end = y + 1; end < a->bg_h && rows[end] == rows[y];) end++;
        SDL_SetRenderDrawColor(a->ren, (Uint8)(rows[y] >> 16), (Uint8)(rows[y] >> 8), (Uint8)rows[y], 255);
        SDL_RenderFillRect(a->ren, &(SDL_Rect){0, y, a->bg_w, end - y});
    }
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
}

void draw_background(App *a)
{
    if (!a->bg_rows || a->bg_w != a->w || a->bg_h != a->h) make_background(a);
    BgCmd c = {a->bg_gen};
    redraw_push(a, do_background, &c, sizeof c, (SDL_Rect){0, 0, a->w, a->h}, true);
}

typedef struct FillCmd {
    SDL_Rect r;
    SDL_Color c;
} FillCmd;

static void do_fill(App *a, const void *p)
{
    const FillCmd *f = p;
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(a->ren, f->c.r, f->c.g, f->c.b, f->c.a);
    SDL_RenderFillRect(a->ren, &f->r);
}

void draw_fill(App *a, const SDL_Rect *r, SDL_Color c)
{
    FillCmd f;
    memset(&f, 0, sizeof f);
    f.r = r ? *r : (SDL_Rect){0, 0, a->w, a->h};
    f.c = c;
    if (f.r.w > 0 && f.r.h > 0) redraw_push(a, do_fill, &f, sizeof f, f.r, c.a == 255);
}

/* The pixels a shape around cx, cy reaching out to radius `reach` may touch. */
static SDL_Rect round_bounds(float cx, float cy, float reach)
{
    int x0 = (int)floorf(cx - reach) - 2, y0 = (int)floorf(cy - reach) - 2;
    return (SDL_Rect){x0, y0, (int)ceilf(cx + reach) + 3 - x0, (int)ceilf(cy + reach) + 3 - y0};
}

static SDL_Rect grown(SDL_Rect r, int by) { return (SDL_Rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

typedef struct ArcCmd {
    float cx, cy, r, thick, from, to;
    SDL_Color c;
    int disc;
} ArcCmd;

static void do_arc(App *a, const void *params)
{
    const ArcCmd *k = params;
    float cx = k->cx, cy = k->cy, r = k->r, thick = k->thick, from = k->from, to = k->to;
    SDL_Color c = k->c;
    if (to <= from || r <= 0) return;
    int n = (int)ceilf(segments_for(r) * (to - from));
    if (n < 2) n = 2;
    /* Four rings of vertices per angle: outer feather, outer edge, inner edge, inner feather. */
    static SDL_Vertex v[(MAX_SEGS + 1) * 4];
    static int idx[MAX_SEGS * 18];
    float ro = r + thick / 2, ri = r - thick / 2;
    if (ri < 0) ri = 0;
    SDL_Color clear = color_alpha(c, 0);
    int nv = 0, ni = 0;
    for (int i = 0; i <= n; i++) {
        float ang = (float)(2 * M_PI) * (from + (to - from) * (float)i / (float)n) - (float)M_PI_2;
        float dx = cosf(ang), dy = sinf(ang);
        v[nv++] = vtx(cx + dx * (ro + FEATHER), cy + dy * (ro + FEATHER), clear);
        v[nv++] = vtx(cx + dx * ro, cy + dy * ro, c);
        v[nv++] = vtx(cx + dx * ri, cy + dy * ri, c);
        v[nv++] = vtx(cx + dx * fmaxf(ri - FEATHER, 0), cy + dy * fmaxf(ri - FEATHER, 0),
                      ri > FEATHER ? clear : c);
        if (i == 0) continue;
        int p = (i - 1) * 4, q = i * 4;
        for (int k = 0; k < 3; k++) {
            int quad[6] = {p + k, q + k, q + k + 1, p + k, q + k + 1, p + k + 1};
            for (int j = 0; j < 6; j++) idx[ni++] = quad[j];
        }
    }
    SDL_RenderGeometry(a->ren, NULL, v, nv, idx, ni);
}

static void do_disc(App *a, const void *params)
{
    const ArcCmd *k = params;
    float cx = k->cx, cy = k->cy, r = k->r;
    SDL_Color c = k->c;
    /* The interior as one span per pixel row: the software renderer fills rectangles far
     * faster than it rasterises the long thin triangles of a fan. */
    static SDL_FRect spans[4096];
    float ri = r - FEATHER / 2;
    int ns = 0;
    for (int y = (int)floorf(cy - ri); y <= (int)ceilf(cy + ri) && ns < 4096; y++) {
        float dy = (float)y + 0.5f - cy;
        if (fabsf(dy) >= ri) continue;
        float hw = sqrtf(ri * ri - dy * dy);
        spans[ns++] = (SDL_FRect){cx - hw, (float)y, 2 * hw, 1};
    }
    SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
    if (c.a == 255) SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_NONE);
    SDL_RenderFillRectsF(a->ren, spans, ns);
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    /* The feathered edge: one band of quads from full colour to clear, starting a little
     * inside the spans so no pixel between them is left unpainted. */
    int n = segments_for(r);
    static SDL_Vertex v[(MAX_SEGS + 1) * 2];
    static int idx[MAX_SEGS * 6];
    SDL_Color clear = color_alpha(c, 0);
    int ni = 0;
    for (int i = 0; i <= n; i++) {
        float ang = (float)(2 * M_PI) * (float)i / (float)n;
        float dx = cosf(ang), dy = sinf(ang);
        float in = ri > 1.5f ? ri - 1.5f : 0;
        v[i * 2] = vtx(cx + dx * in, cy + dy * in, c);
        v[i * 2 + 1] = vtx(cx + dx * (r + FEATHER), cy + dy * (r + FEATHER), clear);
        if (i == 0) continue;
        int p = (i - 1) * 2, q = i * 2;
        int quad[6] = {p, q, q + 1, p, q + 1, p + 1};
        for (int j = 0; j < 6; j++) idx[ni++] = quad[j];
    }
    SDL_RenderGeometry(a->ren, NULL, v, (n + 1) * 2, idx, ni);
}

static float clamp_radius(SDL_Rect r, int radius)
{
    float rad = (float)radius;
    if (rad > r.w / 2.0f) rad = r.w / 2.0f;
    if (rad > r.h / 2.0f) rad = r.h / 2.0f;
    return rad < 1 ? 1 : rad;
}

/* Rounded rectangles are drawn in nine pieces from a small white mask whose alpha is the
 * shape's coverage (a linear ramp FEATHER wide across the edge, as the discs have): the corners
 * copied as they are, the straight edges stretched from the mask's middle row and column, the
 * middle filled. A few copies and fills instead of triangles: the software renderer spends
 * far longer setting up triangles than copying pixels, and the menu is mostly rounded tiles.
 * The mask covers a rectangle at most 2 * ceil(radius) + 1 across (its middle row and column
 * are straight edge) with one pixel around it for the outer feather; a smaller rectangle has a
 * mask of its own size, so every piece is copied 1:1. Masks depend on the shape, not the
 * colour (the copy is tinted), and are kept. */
#define MASKS_MAX 32

typedef struct MaskKey {
    int rad2, thick; /* twice the radius (it may be a half pixel); thick 0: filled */
    int w, h;        /* the rectangle the mask covers */
} MaskKey;

struct DrawMasks {
    MaskKey key[MASKS_MAX];
    SDL_Texture *tex[MASKS_MAX];
    int n, next; /* in use; the one to replace when all are */
};

/* Coverage at x, y of a w x h rectangle at 0, 0 with corners of radius rad: filled, or an
 * outline `thick` wide (thick > 0). */
static float coverage(float x, float y, int w, int h, float rad, int thick)
{
    /* signed distance outside the rounded rectangle, from the nearest corner's centre */
    float qx = fabsf(x - w / 2.0f) - (w / 2.0f - rad), qy = fabsf(y - h / 2.0f) - (h / 2.0f - rad);
    float out = hypotf(fmaxf(qx, 0), fmaxf(qy, 0)) + fminf(fmaxf(qx, qy), 0) - rad;
    float c = (FEATHER / 2 - out) / FEATHER;
    if (thick > 0) c = fminf(c, (out + thick + FEATHER / 2) / FEATHER);
    return c < 0 ? 0 : c > 1 ? 1 : c;
}

static SDL_Texture *mask_make(App *a, MaskKey k)
{
    SDL_Texture *t = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                       k.w + 2, k.h + 2);
    Uint32 *px = t ? malloc((size_t)(k.w + 2) * (size_t)(k.h + 2) * sizeof *px) : NULL;
    if (!px) {
        if (t) SDL_DestroyTexture(t);
        return NULL;
    }
    /* Pixel x of the mask is pixel x - 1 of the rectangle. OpenGL samples it at its centre;
     * SDL's software renderer rasterises triangles half a pixel up and left of that, and the
     * discs and arcs drawn as triangles stay so: the rectangles keep the same place. */
    float at = window_software(a) ? 0 : -0.5f;
    for (int y = 0; y < k.h + 2; y++)
        for (int x = 0; x < k.w + 2; x++) {
            float c = coverage(x + at, y + at, k.w, k.h, k.rad2 / 2.0f, k.thick);
            px[y * (k.w + 2) + x] = (Uint32)(c * 255 + 0.5f) << 24 | 0xFFFFFF;
        }
    SDL_UpdateTexture(t, NULL, px, (k.w + 2) * (int)sizeof *px);
    free(px);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest); /* edges stretch one row: keep it exact */
    return t;
}

static SDL_Texture *mask_for(App *a, MaskKey k)
{
    struct DrawMasks *m = a->masks;
    if (!m && !(m = a->masks = calloc(1, sizeof *m))) return NULL;
    for (int i = 0; i < m->n; i++)
        if (!memcmp(&m->key[i], &k, sizeof k)) return m->tex[i];
    SDL_Texture *t = mask_make(a, k);
    if (!t) return NULL;
    int i = m->n < MASKS_MAX ? m->n++ : m->next++ % MASKS_MAX;
    if (m->tex[i]) SDL_DestroyTexture(m->tex[i]);
    m->key[i] = k;
    m->tex[i] = t;
    return t;
}

void draw_quit(App *a)
{
    struct DrawMasks *m = a->masks;
    if (!m) return;
    for (int i = 0; i < m->n; i++) SDL_DestroyTexture(m->tex[i]);
    free(m);
    a->masks = NULL;
}

/* Splits the span from `at` of length len (mask length mlen, both with the pixel each side)
 * into three pieces: src and dst origins and lengths. The middle one stretches. */
static void slices(int at, int len, int mlen, int src[3], int dst[3], int sl[3], int dl[3])
{
    int lo = 1 + mlen / 2, hi = mlen + 1 - lo; /* mask pixels before and after its middle */
    src[0] = 0, sl[0] = lo, dst[0] = at - 1, dl[0] = lo;
    src[1] = lo, sl[1] = 1, dst[1] = at - 1 + lo, dl[1] = len - mlen + 1;
    src[2] = lo + 1, sl[2] = hi, dst[2] = at + len + 1 - hi, dl[2] = hi;
}

typedef struct RectCmd {
    SDL_Rect r;
    int radius, thick;
    SDL_Color c;
} RectCmd;

static void do_rrect(App *a, const void *params)
{
    const RectCmd *k = params;
    SDL_Rect r = k->r;
    SDL_Color c = k->c;
    float rad = clamp_radius(r, k->radius);
    int thick = k->thick;
    int reach = (int)ceilf(rad); /* rows from the edge that are not yet straight or clear */
    if (thick > 0 && thick + 1 > reach) reach = thick + 1;
    int full = 2 * reach + 1;
    MaskKey key = {(int)(rad * 2), thick, r.w < full ? r.w : full, r.h < full ? r.h : full};
    SDL_Texture *t = mask_for(a, key);
    if (!t) return;
    SDL_SetTextureColorMod(t, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(t, c.a);
    int sx[3], dx[3], sw[3], dw[3], sy[3], dy[3], sh[3], dh[3];
    slices(r.x, r.w, key.w, sx, dx, sw, dw);
    slices(r.y, r.h, key.h, sy, dy, sh, dh);
    /* When the mask's middle row and column are straight edge, an edge needs from the mask only
     * its outer rows, the feathers (a pixel outside, one or two inside, and the outline's
     * width); the rest of it is as the middle: solid when filled, clear inside an outline.
     * Blending stretched copies costs the software renderer far more than a fill. */
    bool sliced = key.w == full && key.h == full;
    int edge = thick + 3 < reach + 1 ? thick + 3 : reach + 1;
    SDL_Rect solid[5];
    int nsolid = 0;
    for (int j = 0; j < 3; j++)
        for (int i = 0; i < 3; i++) {
            SDL_Rect s = {sx[i], sy[j], sw[i], sh[j]}, d = {dx[i], dy[j], dw[i], dh[j]};
            if (d.w <= 0 || d.h <= 0) continue;
            if (sliced && i == 1 && j == 1) {
                solid[nsolid++] = d;
                continue;
            }
            if (sliced && (i == 1) != (j == 1)) {
                SDL_Rect m = d;
                if (j == 0) s.h = d.h = edge, m.y += edge, m.h -= edge;
                else if (j == 2) s.y += s.h - edge, s.h = edge, d.y += d.h - edge, d.h = edge, m.h -= edge;
                else if (i == 0) s.w = d.w = edge, m.x += edge, m.w -= edge;
                else s.x += s.w - edge, s.w = edge, d.x += d.w - edge, d.w = edge, m.w -= edge;
                solid[nsolid++] = m;
            }
            SDL_RenderCopy(a->ren, t, &s, &d);
        }
    if (thick == 0 && nsolid) {
        SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
        SDL_SetRenderDrawBlendMode(a->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_RenderFillRects(a->ren, solid, nsolid);
        SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    }
}

void draw_arc(App *a, float cx, float cy, float r, float thick, float from, float to, SDL_Color c)
{
    if (to <= from || r <= 0) return;
    ArcCmd k;
    memset(&k, 0, sizeof k);
    k.cx = cx, k.cy = cy, k.r = r, k.thick = thick, k.from = from, k.to = to, k.c = c;
    redraw_push(a, do_arc, &k, sizeof k, round_bounds(cx, cy, r + thick / 2 + FEATHER), false);
}

void draw_disc(App *a, float cx, float cy, float r, SDL_Color c)
{
    if (r <= 0) return;
    ArcCmd k;
    memset(&k, 0, sizeof k);
    k.cx = cx, k.cy = cy, k.r = r, k.c = c, k.disc = 1;
    redraw_push(a, do_disc, &k, sizeof k, round_bounds(cx, cy, r + FEATHER), false);
}

void draw_rrect(App *a, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) return;
    RectCmd k;
    memset(&k, 0, sizeof k);
    k.r = r, k.radius = radius, k.c = c;
    redraw_push(a, do_rrect, &k, sizeof k, grown(r, 2), false);
}

void draw_rrect_outline(App *a, SDL_Rect r, int radius, int thick, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) return;
    RectCmd k;
    memset(&k, 0, sizeof k);
    k.r = r, k.radius = radius, k.thick = thick, k.c = c;
    redraw_push(a, do_rrect, &k, sizeof k, grown(r, 2), false);
}
