/* Text: fonts sized from the window height, each string rasterised once into a texture and
 * kept in a small cache (re-rendering with SDL_ttf every frame costs far more than drawing). */
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

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
    Entry e[CACHE_SIZE];
    short slot[INDEX_SIZE]; /* entry + 1 of the last string seen with these hash bits (0 none) */
    uint64_t frame;
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
    }
    return true;
}

void text_quit(App *a)
{
    TextCache *t = a->text;
    if (!t) return;
    clear_cache(t);
    for (int r = 0; r < TEXT_ROLE_COUNT; r++)
        if (t->font[r]) TTF_CloseFont(t->font[r]);
    free(t);
    a->text = NULL;
    for (int i = 0; i < a->ntexts; i++) free(a->texts[i].text);
    free(a->texts);
    a->texts = NULL;
    a->ntexts = a->cap_texts = 0;
    for (int i = 0; i < a->nprev_texts; i++) free(a->prev_texts[i].text);
    free(a->prev_texts);
    a->prev_texts = NULL;
    a->nprev_texts = a->cap_prev_texts = 0;
    TTF_Quit();
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
            changed = true;
        }
    }
    if (changed) clear_cache(t);
}

int text_line(App *a, TextRole role) { return TTF_FontLineSkip(a->text->font[role]); }

int text_measure(App *a)
{
    int m = a->text->px[TEXT_BODY] * 28; /* ~60 characters of body text */
    int max = a->w * 9 / 10;
    return m < max ? m : max;
}

/* Finds or renders the texture for (role, s, wrap). */
static bool is_entry(const Entry *e, uint32_t h, TextRole role, int wrap, const char *s)
{
    return e->s && e->hash == h && e->role == (int)role && e->wrap == wrap && !strcmp(e->s, s);
}

static Entry *lookup(App *a, TextRole role, const char *s, int wrap, Align align)
{
    TextCache *t = a->text;
    if (wrap <= 0) align = ALIGN_LEFT; /* single lines are placed, not aligned inside */
    wrap = wrap > 0 ? wrap * 4 + (int)align : 0; /* the key covers wrap width and alignment */
    uint32_t h = hash_str(s, role, wrap);
    short *slot = &t->slot[h % INDEX_SIZE];
    if (*slot > 0 && is_entry(&t->e[*slot - 1], h, role, wrap, s)) {
        t->e[*slot - 1].used = t->frame;
        return &t->e[*slot - 1];
    }
    Entry *victim = &t->e[0];
    for (int i = 0; i < CACHE_SIZE; i++) {
        Entry *e = &t->e[i];
        if (is_entry(e, h, role, wrap, s)) {
            e->used = t->frame;
            *slot = (short)(i + 1);
            return e;
        }
        if (!e->s) victim = e;
        else if (victim->s && e->used < victim->used) victim = e;
    }
    SDL_Color white = {255, 255, 255, 255};
    static const int WRAP_ALIGN[3] = {TTF_WRAPPED_ALIGN_LEFT, TTF_WRAPPED_ALIGN_CENTER,
                                      TTF_WRAPPED_ALIGN_RIGHT};
    if (wrap > 0) TTF_SetFontWrappedAlign(t->font[role], WRAP_ALIGN[align]);
    SDL_Surface *surf = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(t->font[role], s, white, (Uint32)(wrap / 4))
                                 : TTF_RenderUTF8_Blended(t->font[role], s, white);
    if (!surf) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(a->ren, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    if (victim->tex) SDL_DestroyTexture(victim->tex);
    free(victim->s);
    *victim = (Entry){strdup(s), h, role, wrap, tex, w, hh, t->frame};
    if (!victim->s) {
        SDL_DestroyTexture(tex);
        victim->tex = NULL;
        return NULL;
    }
    *slot = (short)(victim - t->e + 1);
    return victim;
}

SDL_Point text_size(App *a, TextRole role, const char *s, int wrap)
{
    if (!s || !*s) return (SDL_Point){0, text_line(a, role)};
    Entry *e = lookup(a, role, s, wrap, ALIGN_CENTER);
    return e ? (SDL_Point){e->w, e->h} : (SDL_Point){0, 0};
}

static void record(App *a, const char *s, SDL_Rect r, SDL_Color c, TextRole role)
{
    if (a->ntexts == a->cap_texts) {
        int cap = a->cap_texts ? a->cap_texts * 2 : 64;
        TextRecord *n = realloc(a->texts, (size_t)cap * sizeof *n);
        if (!n) return;
        a->texts = n;
        a->cap_texts = cap;
    }
    char *copy = strdup(s);
    if (!copy) return;
    a->texts[a->ntexts++] = (TextRecord){copy, r, c, (int)role};
}

void text_frame_begin(App *a)
{
    a->text->frame++;
    for (int i = 0; i < a->ntexts; i++) free(a->texts[i].text);
    a->ntexts = 0;
}

void text_keep_last(App *a)
{
    for (int i = 0; i < a->nprev_texts; i++) free(a->prev_texts[i].text);
    TextRecord *t = a->prev_texts;
    int cap = a->cap_prev_texts;
    a->prev_texts = a->texts;
    a->nprev_texts = a->ntexts;
    a->cap_prev_texts = a->cap_texts;
    a->texts = t;
    a->ntexts = 0;
    a->cap_texts = cap;
}

static bool same_record(const TextRecord *p, const TextRecord *q)
{
    return p->rect.x == q->rect.x && p->rect.y == q->rect.y && p->rect.w == q->rect.w &&
           p->rect.h == q->rect.h && p->color.r == q->color.r && p->color.g == q->color.g &&
           p->color.b == q->color.b && p->color.a == q->color.a && p->role == q->role &&
           !strcmp(p->text, q->text);
}

/* Adds r to the list, joining it with a rectangle it touches (or, when full, the last). */
static void add_rect(SDL_Rect *out, int *n, int max, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0) return;
    for (int i = 0; i < *n; i++) {
        SDL_Rect grown = {out[i].x - 1, out[i].y - 1, out[i].w + 2, out[i].h + 2};
        if (SDL_HasIntersection(&grown, &r)) {
            SDL_UnionRect(&out[i], &r, &out[i]);
            return;
        }
    }
    if (*n < max) out[(*n)++] = r;
    else SDL_UnionRect(&out[max - 1], &r, &out[max - 1]);
}

int text_changes(App *a, SDL_Rect *out, int max)
{
    int n = 0, most = a->ntexts > a->nprev_texts ? a->ntexts : a->nprev_texts;
    if (max <= 0) return 0;
    for (int i = 0; i < most; i++) {
        const TextRecord *now = i < a->ntexts ? &a->texts[i] : NULL;
        const TextRecord *was = i < a->nprev_texts ? &a->prev_texts[i] : NULL;
        if (now && was && same_record(now, was)) continue;
        if (was) add_rect(out, &n, max, was->rect);
        if (now) add_rect(out, &n, max, now->rect);
    }
    return n;
}

SDL_Rect text_draw(App *a, TextRole role, const char *s, int x, int y, Align align, SDL_Color c,
                   int wrap)
{
    SDL_Rect r = {x, y, 0, 0};
    if (!s || !*s || c.a == 0) return r;
    Entry *e = lookup(a, role, s, wrap, align);
    if (!e) return r;
    r.w = e->w;
    r.h = e->h;
    if (align == ALIGN_CENTER) r.x = x - e->w / 2;
    else if (align == ALIGN_RIGHT) r.x = x - e->w;
    SDL_Rect clip;
    SDL_RenderGetClipRect(a->ren, &clip);
    /* A partial frame draws within a clip rectangle: words outside it are only noted. */
    if (!SDL_RenderIsClipEnabled(a->ren) || SDL_HasIntersection(&clip, &r)) {
        SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
        SDL_SetTextureAlphaMod(e->tex, c.a);
        SDL_RenderCopy(a->ren, e->tex, NULL, &r);
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
