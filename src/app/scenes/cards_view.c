/* Shared by solo and couple cards: session progress, seeds, and drawing a card to choose from. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards_view.h"
#include "scenes.h"

uint64_t cards_seed(App *a)
{
    static uint64_t rounds;
    uint64_t base = a->scripted ? 0x5eed5eedULL
                                : SDL_GetPerformanceCounter() ^ ((uint64_t)clock_wall_ms(&a->clock) << 20);
    return base + 0x9E3779B97F4A7C15ULL * ++rounds;
}

/* ---------- drawing helpers ---------- */

SDL_Rect cards_put(App *a, bool draw, TextRole role, const char *s, int x, int y, Align align,
                   SDL_Color c, int wrap)
{
    if (draw) return text_draw(a, role, s, x, y, align, c, wrap);
    SDL_Point sz = text_size(a, role, s, wrap);
    SDL_Rect r = {x, y, sz.x, sz.y};
    if (align == ALIGN_CENTER) r.x = x - sz.x / 2;
    else if (align == ALIGN_RIGHT) r.x = x - sz.x;
    return r;
}

SDL_Rect cards_chip(App *a, bool draw, DeckStyle s, int x, int y, TextRole role)
{
    const char *title = deck_style_title(s);
    SDL_Point sz = text_size(a, role, title, 0);
    int padx = sz.y / 2, pady = sz.y / 8;
    SDL_Rect r = {x, y, sz.x + 2 * padx, sz.y + 2 * pady};
    if (draw) {
        SDL_Color c = a->theme.style[s];
        draw_rrect(a, r, r.h / 2, color_alpha(c, 0.16f));
        text_draw(a, role, title, x + padx, y + pady, ALIGN_LEFT, c, 0);
    }
    return r;
}

void cards_dot(App *a, float cx, float cy, float r, SDL_Color c)
{
    draw_arc(a, cx, cy, r / 2, r, 0, 1, c);
}

int cards_top_line(App *a, const char *s)
{
    return ui_bar_top_line(a, TEXT_SMALL, s, a->theme.muted) + a->lay.margin / 2;
}

int cards_content_bottom(App *a, bool with_buttons)
{
    return (with_buttons ? a->lay.buttons_y : a->lay.hints_y) - a->lay.margin / 2;
}

/* ---------- choosing a response ---------- */

void card_choice_reset(CardChoice *c)
{
    c->focus = -1;
    c->hover = -1;
    c->drawn = false;
}

static int hit(const CardChoice *c, SDL_Point p)
{
    return c->drawn ? ui_hit(c->rect, DECK_RESPONSES, p) : -1;
}

int card_choice_event(App *a, CardChoice *c, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_KEYDOWN: {
        if (e->key.repeat) return -1; /* a held key must not pick for the next person */
        SDL_Keycode k = e->key.keysym.sym;
        if (k >= SDLK_1 && k <= SDLK_4) return (int)(k - SDLK_1);
        if (k >= SDLK_KP_1 && k <= SDLK_KP_4) return (int)(k - SDLK_KP_1);
        if (k == SDLK_DOWN || k == SDLK_TAB) {
            c->focus = c->focus < 0 ? 0 : (c->focus + 1) % DECK_RESPONSES;
            a->dirty = true;
        } else if (k == SDLK_UP) {
            c->focus = c->focus < 0 ? DECK_RESPONSES - 1 : (c->focus + DECK_RESPONSES - 1) % DECK_RESPONSES;
            a->dirty = true;
        } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && c->focus >= 0) {
            return c->focus;
        }
        return -1;
    }
    case SDL_MOUSEMOTION: {
        int h = hit(c, window_mouse(a, e->motion.x, e->motion.y));
        if (h != c->hover) a->dirty = true;
        c->hover = h;
        return -1;
    }
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT) return -1;
        return hit(c, window_mouse(a, e->button.x, e->button.y));
    default: return -1;
    }
}

typedef struct ChoiceStyle {
    TextRole situation, response;
    int gap, pad; /* between panels; inside a panel */
} ChoiceStyle;

/* Lays out (draw false) or draws the card; returns its height. */
static int choice_layout(App *a, CardChoice *c, const DeckCard *card,
                         const DeckResponse *const resp[DECK_RESPONSES], ChoiceStyle st, int x,
                         int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    int y = y0;
    SDL_Rect r = cards_put(a, draw, st.situation, card->situation, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + st.gap * 3;
    int line = text_line(a, st.response);
    int badge = line * 11 / 10; /* diameter of the number's disc */
    int tx = x + st.pad + badge + st.pad;
    int tw = x + w - st.pad - tx;
    for (int i = 0; i < DECK_RESPONSES; i++) {
        SDL_Point sz = text_size(a, st.response, resp[i]->text, tw);
        int h = (sz.y > badge ? sz.y : badge) + 2 * st.pad;
        SDL_Rect p = {x, y, w, h};
        if (draw) {
            c->rect[i] = p;
            ui_control_add(a, resp[i]->text, p);
            bool focus = i == c->focus, hover = i == c->hover;
            int rad = a->lay.unit;
            draw_rrect(a, p, rad, focus || hover ? t->surface_hi : t->surface);
            if (focus) draw_rrect_outline(a, p, rad, 2, t->focus);
            float cx = (float)(x + st.pad) + badge / 2.0f, cy = (float)(y + st.pad) + badge / 2.0f;
            cards_dot(a, cx, cy, badge / 2.0f,
                      focus ? color_alpha(t->focus, 0.9f) : color_alpha(t->muted, 0.18f));
            char num[4];
            snprintf(num, sizeof num, "%d", i + 1);
            int sl = text_line(a, TEXT_SMALL);
            text_draw(a, TEXT_SMALL, num, (int)cx, (int)cy - sl / 2, ALIGN_CENTER,
                      focus ? t->on_accent : t->text, 0);
            /* Centre a one-line response on the badge; longer ones start at the top. */
            int ty = y + st.pad + (sz.y < badge ? (badge - sz.y) / 2 : 0);
            text_draw(a, st.response, resp[i]->text, tx, ty, ALIGN_LEFT, t->text, tw);
        }
        y += h + (i + 1 < DECK_RESPONSES ? st.gap : 0);
    }
    if (draw) c->drawn = true;
    return y - y0;
}

void card_choice_render(App *a, CardChoice *c, const DeckCard *card,
                        const DeckResponse *const resp[DECK_RESPONSES], int top, int bottom)
{
    int u = a->lay.unit;
    const ChoiceStyle tries[] = {
        {TEXT_TITLE, TEXT_BODY, u, u + u / 2},
        {TEXT_BODY, TEXT_BODY, u, u + u / 2},
        {TEXT_BODY, TEXT_BODY, u / 2, u},
        {TEXT_BODY, TEXT_SMALL, u / 2, u},
        {TEXT_SMALL, TEXT_SMALL, u / 3, u * 2 / 3},
    };
    int n = (int)(sizeof tries / sizeof tries[0]);
    int w = text_measure(a) + 4 * u;
    if (w > a->lay.wide) w = a->lay.wide;
    int x = (a->w - w) / 2;
    int avail = bottom - top, k = 0, h = 0;
    for (; k < n; k++) {
        h = choice_layout(a, c, card, resp, tries[k], x, w, top, false);
        if (h <= avail) break;
    }
    if (k == n) k = n - 1;
    /* Centre the card in the space it has, leaning a little towards the top. */
    int y = top + (avail - h) / 3;
    if (y < top) y = top;
    choice_layout(a, c, card, resp, tries[k], x, w, y, true);
}

void cards_progress_line(const App *a, const DeckLevel *l, char *buf, size_t n)
{
    LevelProgress lp = levels_progress(&a->data.settings, l);
    if (lp.seen == 0)
        snprintf(buf, n, "%d cards, none seen yet", l->ncards);
    else
        snprintf(buf, n, "%d of %d cards seen", lp.seen, l->ncards);
}

/* ---------- a reveal that scrolls ---------- */

static struct {
    int top, bottom;
} band = {0, 1 << 30};

void cards_band(int top, int bottom)
{
    band.top = top;
    band.bottom = bottom;
}

void cards_band_clear(void) { cards_band(0, 1 << 30); }

bool cards_in_band(SDL_Rect r) { return r.y >= band.top && r.y + r.h <= band.bottom; }

SDL_Rect cards_band_put(App *a, bool draw, TextRole role, const char *s, int x, int y, Align align,
                        SDL_Color c, int wrap)
{
    SDL_Rect r = cards_put(a, false, role, s, x, y, align, c, wrap);
    if (!draw || r.y + r.h <= band.top || r.y >= band.bottom) return r;
    if (cards_in_band(r)) return cards_put(a, true, role, s, x, y, align, c, wrap);
    if (wrap <= 0 || align != ALIGN_LEFT) return r;
    /* A paragraph across the band's edge: the lines inside it. */
    enum { MAXL = 64 };
    int start[MAXL], len[MAXL], n = text_wrap_lines(a, role, s, wrap, start, len, MAXL), lh = text_line(a, role);
    for (int i = 0; i < n; i++) {
        int ly = y + i * lh;
        if (ly < band.top || ly + lh > band.bottom) continue;
        char line[600];
        int l = len[i];
        while (l > 0 && s[start[i] + l - 1] == ' ') l--;
        snprintf(line, sizeof line, "%.*s", l, s + start[i]);
        text_draw(a, role, line, x, ly, ALIGN_LEFT, c, 0);
    }
    return r;
}

void cards_band_rrect(App *a, SDL_Rect r, SDL_Color c)
{
    int top = r.y > band.top ? r.y : band.top, bottom = r.y + r.h < band.bottom ? r.y + r.h : band.bottom;
    if (bottom <= top) return;
    int radius = cards_in_band(r) ? a->lay.unit : 0;
    draw_rrect(a, (SDL_Rect){r.x, top, r.w, bottom - top}, radius, c);
}

int cards_scroll_room(App *a) { return SDL_max(a->lay.unit / 2, 3) + a->lay.unit; }

int cards_scroll_begin(App *a, UiScroll *sc, int h, int top, int bottom)
{
    int line = text_line(a, TEXT_SMALL), cue = line;
    sc->page = (bottom - top - cue) / line;
    sc->lines = (h + line - 1) / line;
    sc->shown = sc->page;
    if (sc->first > sc->lines - sc->shown) sc->first = sc->lines - sc->shown;
    if (sc->first < 0) sc->first = 0;
    cards_band(top, bottom - cue);
    return top - sc->first * line;
}

void cards_scroll_end(App *a, const UiScroll *sc, int x, int w, int top, int bottom)
{
    cards_band_clear();
    int tw = SDL_max(a->lay.unit / 2, 3), band_bottom = bottom - text_line(a, TEXT_SMALL);
    ui_scrollbar(a, (SDL_Rect){x + w - tw, top, tw, band_bottom - top}, sc->first, sc->shown, sc->lines);
    bool below = sc->first + sc->shown < sc->lines;
    text_draw(a, TEXT_SMALL, below ? sc->first ? "more above and below" : "more below" : "more above",
              x + w, band_bottom, ALIGN_RIGHT, a->theme.muted, 0);
}
