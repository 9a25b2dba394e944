/* Text: fonts sized from the window height, each string rasterised once into a texture and
 * kept in a small cache (re-rendering with SDL_ttf every frame costs far more than drawing). */
#include <SDL_ttf.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "redraw.h"

#define CACHE_SIZE 384
#define INDEX_SIZE 1024 /* hash slots: a string drawn again is found without a scan */

typedef struct Entry {
    char *s;
    uint32_t hash;
    int role, wrap;
    SDL_Texture *tex;
    int w, h;
    uint64_t used; /* frame stamp, for eviction */
} Entry;

struct TextCache {
    TTF_Font *font[TEXT_ROLE_COUNT];
    int px[TEXT_ROLE_COUNT];
    int line[TEXT_ROLE_COUNT]; /* the step from one line to the next (text_line) */
    Entry e[CACHE_SIZE];
    short slot[INDEX_SIZE]; /* entry + 1 of the last string seen with these hash bits (0 none) */
    uint64_t frame;
    /* Strings drawn in this frame (since text_frame_begin), for the scripted `texts` command. */
    TextRecord *drawn;
    int ndrawn, cap_drawn;
};

static const char *const FONT_FILE[TEXT_ROLE_COUNT] = {"Inter-Light.otf", "Inter-Regular.otf",
                                                       "Inter-Regular.otf", "Inter-Regular.otf"};

static uint32_t hash_str(const char *s, int role, int wrap)
{
    uint32_t h = 2166136261u ^ (uint32_t)role * 16777619u ^ (uint32_t)wrap;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void clear_cache(TextCache *t)
{
    for (int i = 0; i < CACHE_SIZE; i++) {
        if (t->e[i].tex) SDL_DestroyTexture(t->e[i].tex);
        free(t->e[i].s);
    }
    memset(t->e, 0, sizeof t->e);
    memset(t->slot, 0, sizeof t->slot);
}

static void layout(App *a);

/* A line's height. Most strings render at the font's height, but a string whose glyphs reach
 * past the font's ascent or descent renders a pixel taller at some sizes (Inter at 14, 19 and
 * 28 px): lines stepped by the line skip alone would then overlap. The probe's two glyphs reach
 * as high and as low as any string in levels/ (checked at every size from 9 to 120 px). */
static int line_height(TTF_Font *f)
{
    int w, h = 0, skip = TTF_FontLineSkip(f);
    TTF_SizeUTF8(f, "\xC3\x85|", &w, &h);
    return h > skip ? h : skip;
}

static int role_px(const App *a, TextRole r)
{
    int px = (int)(a->h * a->theme.type_scale[r] * a->text_size + 0.5f);
    return px < 9 ? 9 : px;
}

bool text_init(App *a)
{
    if (TTF_Init() != 0) {
        app_log("cannot start the font engine: %s", TTF_GetError());
        return false;
    }
    TextCache *t = calloc(1, sizeof *t);
    if (!t) return false;
    a->text = t;
    for (int r = 0; r < TEXT_ROLE_COUNT; r++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/fonts/%s", a->assets_dir, FONT_FILE[r]);
        t->px[r] = role_px(a, (TextRole)r);
        t->font[r] = TTF_OpenFont(path, t->px[r]);
        if (!t->font[r]) {
            app_log("cannot open font %s: %s", path, TTF_GetError());
            return false;
        }
        t->line[r] = line_height(t->font[r]);
    }
    layout(a);
    return true;
}

void text_quit(App *a)
{
    TextCache *t = a->text;
    if (!t) return;
    clear_cache(t);
    for (int r = 0; r < TEXT_ROLE_COUNT; r++)
        if (t->font[r]) TTF_CloseFont(t->font[r]);
    for (int i = 0; i < t->ndrawn; i++) free(t->drawn[i].text);
    free(t->drawn);
    free(t);
    a->text = NULL;
    TTF_Quit();
}

/* The shared layout metrics, for this window and text size. */
static void layout(App *a)
{
    Layout *l = &a->lay;
    int line = text_line(a, TEXT_BODY), small = text_line(a, TEXT_SMALL);
    l->margin = a->h / 30;
    l->unit = a->h / 60;
    l->gap = a->h / 40;
    l->tight = a->h / 80;
    l->row_pad = a->h / 60 + 2;
    l->wide = a->w * 9 / 10;
    l->hints_y = a->h - l->margin - small;
    l->button_h = line + (line / 2) * 3 / 2;
    l->buttons_y = l->hints_y - l->margin - l->button_h;
}

void text_resize(App *a)
{
    TextCache *t = a->text;
    if (!t) return;
    bool changed = false;
    for (int r = 0; r < TEXT_ROLE_COUNT; r++) {
        int px = role_px(a, (TextRole)r);
        if (px != t->px[r]) {
            TTF_SetFontSize(t->font[r], px);
            t->px[r] = px;
            t->line[r] = line_height(t->font[r]);
            changed = true;
        }
    }
    if (changed) {
        clear_cache(t);
        redraw_invalidate(a); /* the same strings at a new size */
    }
    layout(a);
}

int text_line(App *a, TextRole role) { return a->text->line[role]; }

int text_measure(App *a)
{
    int m = a->text->px[TEXT_BODY] * 28; /* ~60 characters of body text */
    int max = a->w * 9 / 10;
    return m < max ? m : max;
}

static bool is_entry(const Entry *e, uint32_t h, TextRole role, int wrap, const char *s)
{
    return e->s && e->hash == h && e->role == (int)role && e->wrap == wrap && !strcmp(e->s, s);
}

/* Rasterises e's string into its texture (and its size). */
static bool render(App *a, Entry *e, Align align)
{
    TextCache *t = a->text;
    SDL_Color white = {255, 255, 255, 255};
    static const int WRAP_ALIGN[3] = {TTF_WRAPPED_ALIGN_LEFT, TTF_WRAPPED_ALIGN_CENTER,
                                      TTF_WRAPPED_ALIGN_RIGHT};
    TTF_Font *f = t->font[e->role];
    if (e->wrap > 0) TTF_SetFontWrappedAlign(f, WRAP_ALIGN[align]);
    SDL_Surface *surf = e->wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(f, e->s, white, (Uint32)(e->wrap / 4))
                                    : TTF_RenderUTF8_Blended(f, e->s, white);
    if (!surf) return false;
    e->tex = SDL_CreateTextureFromSurface(a->ren, surf);
    e->w = surf->w;
    e->h = surf->h;
    SDL_FreeSurface(surf);
    if (!e->tex) return false;
    SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
    return true;
}

/* Finds or makes the entry for (role, s, wrap). With texture, its string is rasterised (once);
 * without, a single line is only measured: the wrapping and cutting of text measure many
 * candidate lines that are never drawn. */
static Entry *lookup(App *a, TextRole role, const char *s, int wrap, Align align, bool texture)
{
    TextCache *t = a->text;
    if (wrap <= 0) align = ALIGN_LEFT; /* single lines are placed, not aligned inside */
    wrap = wrap > 0 ? wrap * 4 + (int)align : 0; /* the key covers wrap width and alignment */
    uint32_t h = hash_str(s, role, wrap);
    short *slot = &t->slot[h % INDEX_SIZE];
    Entry *e = NULL;
    if (*slot > 0 && is_entry(&t->e[*slot - 1], h, role, wrap, s)) e = &t->e[*slot - 1];
    Entry *victim = &t->e[0];
    for (int i = 0; i < CACHE_SIZE && !e; i++) {
        if (is_entry(&t->e[i], h, role, wrap, s)) e = &t->e[i];
        else if (!t->e[i].s) victim = &t->e[i];
        else if (victim->s && t->e[i].used < victim->used) victim = &t->e[i];
    }
    if (!e) {
        char *copy = strdup(s);
        if (!copy) return NULL;
        if (victim->tex) SDL_DestroyTexture(victim->tex);
        free(victim->s);
        *victim = (Entry){copy, h, role, wrap, NULL, 0, 0, t->frame};
        e = victim;
        if (!texture && wrap == 0 && TTF_SizeUTF8(t->font[role], s, &e->w, &e->h) != 0)
            texture = true; /* measured by rendering, then */
    }
    e->used = t->frame;
    *slot = (short)(e - t->e + 1);
    if ((texture || wrap > 0) && !e->tex && !render(a, e, align)) {
        free(e->s);
        *e = (Entry){0};
        *slot = 0;
        return NULL;
    }
    return e;
}

SDL_Point text_size(App *a, TextRole role, const char *s, int wrap)
{
    if (!s || !*s) return (SDL_Point){0, text_line(a, role)};
    Entry *e = lookup(a, role, s, wrap, ALIGN_CENTER, false);
    return e ? (SDL_Point){e->w, e->h} : (SDL_Point){0, 0};
}

static void record(App *a, const char *s, SDL_Rect r, SDL_Color c, TextRole role)
{
    TextCache *t = a->text;
    if (t->ndrawn == t->cap_drawn) {
        int cap = t->cap_drawn ? t->cap_drawn * 2 : 64;
        TextRecord *n = realloc(t->drawn, (size_t)cap * sizeof *n);
        if (!n) return;
        t->drawn = n;
        t->cap_drawn = cap;
    }
    char *copy = strdup(s);
    if (!copy) return;
    t->drawn[t->ndrawn++] = (TextRecord){copy, r, c, (int)role};
}

void text_frame_begin(App *a)
{
    TextCache *t = a->text;
    t->frame++;
    for (int i = 0; i < t->ndrawn; i++) free(t->drawn[i].text);
    t->ndrawn = 0;
}

const TextRecord *text_drawn(const App *a, int *n)
{
    *n = a->text->ndrawn;
    return a->text->drawn;
}

/* A string as recorded for redrawing: where, how, then its bytes. */
typedef struct TextCmd {
    SDL_Rect r;
    SDL_Color c;
    int role, wrap, align;
    char s[]; /* NUL-terminated */
} TextCmd;

static void do_text(App *a, const void *p)
{
    const TextCmd *k = p;
    Entry *e = lookup(a, (TextRole)k->role, k->s, k->wrap, (Align)k->align, true);
    if (!e) return;
    SDL_SetTextureColorMod(e->tex, k->c.r, k->c.g, k->c.b);
    SDL_SetTextureAlphaMod(e->tex, k->c.a);
    SDL_RenderCopy(a->ren, e->tex, NULL, &k->r);
}

SDL_Rect text_draw(App *a, TextRole role, const char *s, int x, int y, Align align, SDL_Color c,
                   int wrap)
{
    SDL_Rect r = {x, y, 0, 0};
    if (!s || !*s || c.a == 0) return r;
    Entry *e = lookup(a, role, s, wrap, align, true);
    if (!e) return r;
    r.w = e->w;
    r.h = e->h;
    if (align == ALIGN_CENTER) r.x = x - e->w / 2;
    else if (align == ALIGN_RIGHT) r.x = x - e->w;
    size_t len = strlen(s) + 1, size = offsetof(TextCmd, s) + len;
    union {
        TextCmd cmd;
        char bytes[sizeof(TextCmd) + 256];
    } local;
    TextCmd *k = size <= sizeof local ? &local.cmd : malloc(size);
    if (k) {
        memset(k, 0, sizeof *k);
        k->r = r;
        k->c = c;
        k->role = (int)role;
        k->wrap = wrap;
        k->align = (int)align;
        memcpy(k->s, s, len);
        redraw_push(a, do_text, k, size, r, false);
        if (k != &local.cmd) free(k);
    }
    record(a, s, r, c, role);
    return r;
}

/* Greedy word wrap, as the text renderer does it, so the caret can sit at the end of the
 * last line. Fills line starts and lengths; returns the line count (at least 1). */
int text_wrap_lines(App *a, TextRole role, const char *s, int width, int *start, int *len, int max)
{
    int nl = 0, p = 0, n = (int)strlen(s);
    char *tmp = malloc((size_t)n + 1);
    if (!tmp) {
        start[0] = 0;
        len[0] = n;
        return 1;
    }
    while (nl < max) {
        int end = p, best = -1;
        for (;;) {
            int q = end;
            while (q < n && s[q] == ' ') q++;
            while (q < n && s[q] != ' ') q++;
            if (q == end) break;
            memcpy(tmp, s + p, (size_t)(q - p));
            tmp[q - p] = 0;
            if (text_size(a, role, tmp, 0).x > width) break;
            best = end = q;
            if (q >= n) break;
        }
        if (best < 0) { /* one word wider than the line: break it between characters */
            int q = p;
            do {
                q++;
                while (q < n && ((unsigned char)s[q] & 0xC0) == 0x80) q++;
                memcpy(tmp, s + p, (size_t)(q - p));
                tmp[q - p] = 0;
            } while (q < n && text_size(a, role, tmp, 0).x <= width);
            best = q < n && q - p > 1 ? q - 1 : q;
            while (best > p + 1 && ((unsigned char)s[best] & 0xC0) == 0x80) best--;
        }
        /* The last line keeps its trailing spaces: the caret goes after them. */
        if (best >= n || nl == max - 1) best = n;
        start[nl] = p;
        len[nl++] = best - p;
        p = best;
        if (p >= n) break;
        while (p < n && s[p] == ' ') p++;
        if (p >= n) break;
    }
    free(tmp);
    if (nl == 0) start[0] = len[0] = 0, nl = 1;
    return nl;
}

/* Cuts s to width at the last whole word (or, failing that, the last group of words split by
 * "   ", as key hints are) that leaves room for "…". */
/* len less the spaces, punctuation and separators (·, –, —) s ends with there: "…" follows. */
static size_t trim_end(const char *s, size_t len)
{
    for (;;) {
        if (len > 0 && strchr(" ,.;:", s[len - 1])) len--;
        else if (len >= 2 && !strncmp(s + len - 2, "\xC2\xB7", 2)) len -= 2;
        else if (len >= 3 && (!strncmp(s + len - 3, "\xE2\x80\x93", 3) || !strncmp(s + len - 3, "\xE2\x80\x94", 3))) len -= 3;
        else return len;
    }
}

static const char *fit(App *a, TextRole role, const char *s, int width, char *buf, size_t n, bool more)
{
    static const char ELLIPSIS[] = "\xE2\x80\xA6";
    size_t len = strlen(s);
    if (more && len + sizeof ELLIPSIS <= n) {
        /* Text follows: the whole of s, then "…", if that fits. */
        memcpy(buf, s, len);
        len = trim_end(s, len);
        memcpy(buf + len, ELLIPSIS, sizeof ELLIPSIS);
        if (text_size(a, role, buf, 0).x <= width) return buf;
        len = strlen(s);
    }
    if (len + sizeof ELLIPSIS > n) len = n - sizeof ELLIPSIS;
    /* Prefer whole hint groups ("Enter open   Space quick calm"), then whole words. */
    for (int pass = 0; pass < 2; pass++) {
        const char *sep = pass == 0 ? "   " : " ";
        size_t cut = len;
        for (;;) {
            /* The last separator before cut. */
            size_t k = cut, sl = strlen(sep);
            bool found = false;
            while (k >= sl + 1) {
                k--;
                if (!strncmp(s + k, sep, sl)) {
                    found = true;
                    break;
                }
            }
            if (!found) break;
            size_t end = trim_end(s, k);
            if (end == 0) break;
            memcpy(buf, s, end);
            memcpy(buf + end, ELLIPSIS, sizeof ELLIPSIS);
            if (text_size(a, role, buf, 0).x <= width) return buf;
            cut = k;
        }
    }
    /* One word too long for the width: it is kept whole (never cut mid-word). */
    size_t end = strcspn(s, " ");
    if (end >= len) return s;
    memcpy(buf, s, end);
    memcpy(buf + end, ELLIPSIS, sizeof ELLIPSIS);
    return buf;
}

const char *text_fit(App *a, TextRole role, const char *s, int width, char *buf, size_t n)
{
    if (!s || text_size(a, role, s, 0).x <= width) return s;
    return fit(a, role, s, width, buf, n, false);
}

const char *text_fit_more(App *a, TextRole role, const char *s, int width, char *buf, size_t n)
{
    return s ? fit(a, role, s, width, buf, n, true) : s;
}

void text_elide(App *a, TextRole role, const char *s, int w, char *out, size_t n)
{
    /* As text_fit: cut after a whole word, never inside one. */
    const char *f = text_fit(a, role, s, w, out, n);
    if (f != out) snprintf(out, n, "%s", f);
}
