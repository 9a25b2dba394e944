/* The solo reveal's body, top to bottom: the scenario, the response chosen, the other three,
 * then "try saying" and the question (and, above the responses, last time's choice). Each
 * part is a function of its own, so a line can join the chosen response's panel or a part be
 * added without touching the rest. cards.c chooses the style that fits and scrolls. */
#include <stdio.h>

#include "cards_view.h"

/* The style chip of a response, with its number before it and, for the chosen one, "Your
 * choice" at the right; returns the height of that line. */
static int reveal_chip_line(App *a, const DeckResponse *resp, int slot, bool chosen, int x, int right, int y,
                            bool draw)
{
    const Theme *t = &a->theme;
    char num[12]; /* room for any int: Debug builds cannot see slot's range */
    snprintf(num, sizeof num, "%d", slot + 1);
    SDL_Point nsz = text_size(a, TEXT_SMALL, num, 0);
    SDL_Rect chip = cards_chip(a, false, resp->style, x + nsz.x + nsz.y / 3, y, TEXT_SMALL);
    if (draw && cards_in_band(chip)) {
        /* The number and the marker sit on the chip's text line. */
        int ly = y + (chip.h - text_line(a, TEXT_SMALL)) / 2;
        text_draw(a, TEXT_SMALL, num, x, ly, ALIGN_LEFT, t->muted, 0);
        cards_chip(a, true, resp->style, chip.x, y, TEXT_SMALL);
        if (chosen) text_draw(a, TEXT_SMALL, "Your choice", right, ly, ALIGN_RIGHT, t->text, 0);
    }
    return chip.h;
}

/* One response in its panel: chip line, the response, what it protects and costs. The chosen
 * one is outlined in its style's colour and set larger. Returns the height. */
static int reveal_cell(App *a, const DeckResponse *resp, int slot, bool chosen, CardsRevealStyle st,
                       SDL_Rect cell, bool draw)
{
    const Theme *t = &a->theme;
    int x = cell.x + st.pad, w = cell.w - 2 * st.pad, y = cell.y + st.pad;
    if (draw) {
        int rad = a->lay.unit;
        cards_band_rrect(a, cell, chosen ? t->surface_hi : t->surface);
        if (chosen && cards_in_band(cell)) draw_rrect_outline(a, cell, rad, 2, t->style[resp->style]);
    }
    y += reveal_chip_line(a, resp, slot, chosen, x, x + w, y, draw) + st.pad / 2;
    SDL_Rect r = cards_band_put(a, draw, chosen ? st.chosen : st.text, resp->text, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + st.pad / 3;
    r = cards_band_put(a, draw, st.why, resp->why, x, y, ALIGN_LEFT, t->muted, w);
    y += r.h + st.pad;
    return y - cell.y;
}

/* The three responses not chosen, in slot order: side by side where each column has a
 * comfortable measure, else one under another. Returns their height. */
static int reveal_others(App *a, const DeckRound *rd, CardsRevealStyle st, int x, int w, int y0, bool draw)
{
    int chosen = deck_round_chosen(rd), n = DECK_RESPONSES - 1;
    int slots[DECK_RESPONSES - 1], k = 0;
    for (int i = 0; i < DECK_RESPONSES; i++)
        if (i != chosen) slots[k++] = i;
    int cw = (w - (n - 1) * st.gap) / n;
    bool columns = cw >= text_line(a, st.why) * 12;
    int y = y0;
    if (columns) {
        int h = 0;
        for (int i = 0; i < n; i++) {
            SDL_Rect cell = {x + i * (cw + st.gap), y, cw, 0};
            h = SDL_max(h, reveal_cell(a, deck_round_response(rd, slots[i]), slots[i], false, st, cell, false));
        }
        for (int i = 0; draw && i < n; i++)
            reveal_cell(a, deck_round_response(rd, slots[i]), slots[i], false, st,
                        (SDL_Rect){x + i * (cw + st.gap), y, cw, h}, true);
        return h;
    }
    for (int i = 0; i < n; i++) {
        SDL_Rect cell = {x, y, w, 0};
        const DeckResponse *resp = deck_round_response(rd, slots[i]);
        cell.h = reveal_cell(a, resp, slots[i], false, st, cell, false);
        if (draw) reveal_cell(a, resp, slots[i], false, st, cell, true);
        y += cell.h + (i + 1 < n ? st.gap : 0);
    }
    return y - y0;
}

/* "Try saying" in a teal-tinted panel, the one line to practise, then the question to sit
 * with. Returns the height. */
static int reveal_note(App *a, const DeckCard *card, CardsRevealStyle st, int x, int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    char quoted[DECK_TRY_SAYING_MAX * 4 + 16];
    snprintf(quoted, sizeof quoted, "\u201c%s\u201d", card->try_saying);
    int tx = x + st.pad, tw = w - 2 * st.pad, y = y0;
    if (!st.wide && tw > text_measure(a) * 5 / 4) tw = text_measure(a) * 5 / 4; /* comfortable lines */
    SDL_Point lab = text_size(a, TEXT_SMALL, "Try saying", 0);
    SDL_Point line = text_size(a, st.note, quoted, tw);
    SDL_Rect note = {x, y, w, st.pad + lab.y + line.y + st.pad};
    if (draw) {
        SDL_Color teal = t->style[DECK_STYLE_SECURE];
        cards_band_rrect(a, note, color_alpha(teal, 0.12f));
        cards_band_put(a, true, TEXT_SMALL, "Try saying", tx, y + st.pad, ALIGN_LEFT, teal, 0);
        cards_band_put(a, true, st.note, quoted, tx, y + st.pad + lab.y, ALIGN_LEFT, t->text, tw);
    }
    y += note.h + st.gap;
    SDL_Rect r = cards_band_put(a, draw, TEXT_SMALL, "Reflect", tx, y, ALIGN_LEFT, t->muted, 0);
    y += r.h;
    r = cards_band_put(a, draw, st.note, card->reflect, tx, y, ALIGN_LEFT, t->text, tw);
    y += r.h;
    return y - y0;
}

/* Quietly, above the responses: what was picked the last time this card came round (nothing
 * the first time, or in the tiniest layout). Returns its height with the gap under it. */
static int reveal_last(App *a, const DeckRound *rd, int last_choice, CardsRevealStyle st, int x, int w, int y, bool draw)
{
    if (last_choice < 0) return 0;
    const DeckCard *card = deck_round_card(rd);
    int chosen = deck_round_chosen(rd);
    const DeckResponse *now = chosen >= 0 ? deck_round_response(rd, chosen) : NULL;
    const char *before = NULL;
    for (int i = 0; i < DECK_RESPONSES; i++)
        if ((int)card->responses[i].style == last_choice) before = card->responses[i].text;
    char last[DECK_TEXT_MAX * 4 + 64];
    if (now && (int)now->style == last_choice)
        snprintf(last, sizeof last, "Last time you chose this one too.");
    else
        snprintf(last, sizeof last, "Last time you chose: \u201c%s\u201d", before ? before : "");
    SDL_Rect r = cards_band_put(a, draw, TEXT_SMALL, last, x, y, ALIGN_LEFT, a->theme.muted, w);
    return r.h + st.gap;
}

int cards_reveal_layout(App *a, const DeckRound *rd, int last_choice, CardsRevealStyle st, int x,
                        int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    const DeckCard *card = deck_round_card(rd);
    int chosen = deck_round_chosen(rd), y = y0;
    SDL_Rect r = cards_band_put(a, draw, st.situation, card->situation, x, y, ALIGN_LEFT, t->muted, w);
    y += r.h + st.gap;
    y += reveal_last(a, rd, last_choice, st, x, w, y, draw);
    SDL_Rect cell = {x, y, w, 0};
    cell.h = reveal_cell(a, deck_round_response(rd, chosen), chosen, true, st, cell, false);
    if (draw) reveal_cell(a, deck_round_response(rd, chosen), chosen, true, st, cell, true);
    y += cell.h + st.gap;
    y += reveal_others(a, rd, st, x, w, y, draw) + st.gap * 3 / 2;
    y += reveal_note(a, card, st, x, w, y, draw);
    return y - y0;
}

