/* Cards together, drawn: a partner's pick (the other looks away), the cover that hands the
 * screen over, both picks side by side with a conversation, the talk timer, and the end of the
 * round. Nothing here hints at a pick before both have chosen. */
#include <stdio.h>

#include "scenes.h"
#include "together_scene.h"

#define MIDDOT " \u00b7 "

static void top_line(Couple *c, const char *what, char *buf, size_t n)
{
    snprintf(buf, n, "%s" MIDDOT "%s %d of %d", c->level->title, what, couple_position(c->r) + 1,
             couple_count(c->r));
}

static void render_pick(App *a, Couple *c)
{
    const Theme *t = &a->theme;
    char buf[200];
    int me = couple_picker(c->r), other = 1 - me;
    top_line(c, "Card", buf, sizeof buf);
    int y = cards_top_line(a, buf);
    snprintf(buf, sizeof buf, "%s's turn. %s, please look away.", together_name(c, me), together_name(c, other));
    SDL_Rect r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->step[me ? 2 : 0],
                           a->lay.wide);
    y += r.h + a->lay.unit;
    const DeckResponse *resp[DECK_RESPONSES];
    for (int i = 0; i < DECK_RESPONSES; i++) resp[i] = couple_response(c->r, i);
    card_choice_render(a, &c->choice, couple_card(c->r), resp, y, cards_content_bottom(a, false));
    ui_hints(a, "1-4 or click to choose   Up/Down and Enter", "Esc levels");
}

static void render_cover(App *a, Couple *c)
{
    const Theme *t = &a->theme;
    char buf[200];
    const char *b = together_name(c, COUPLE_B);
    float cy = a->h * 0.3f, rad = a->h * 0.06f;
    /* Two quiet discs: one screen, two people. */
    cards_dot(a, a->w / 2.0f - rad * 0.7f, cy, rad, color_alpha(t->step[0], 0.55f));
    cards_dot(a, a->w / 2.0f + rad * 0.7f, cy, rad, color_alpha(t->step[2], 0.55f));
    int y = (int)(cy + rad + a->h / 15);
    snprintf(buf, sizeof buf, "Hand over to %s", b);
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, buf, a->w / 2, y, ALIGN_CENTER, t->text, a->lay.wide);
    y += r.h + a->lay.gap;
    snprintf(buf, sizeof buf, "%s has chosen. The choice stays hidden until you have both picked.",
             together_name(c, COUPLE_A));
    r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->h / 15;
    snprintf(buf, sizeof buf, "Press Enter when %s has the screen", b);
    r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->text, text_measure(a));
    static const char *const label[1] = {"Continue"}; /* for the mouse: a click anywhere goes on */
    c->cover_btn.count = 1;
    c->cover_btn.focus = -1;
    ui_buttons_render(a, &c->cover_btn, label, r.y + r.h + a->lay.margin);
    ui_hints(a, NULL, "Esc levels");
}

/* As the solo reveal (cards.c): the scenario in view, explanations at body size the longest. */
typedef struct RevealStyle {
    TextRole name, text, why, prompt, situation;
    int gap, pad;
} RevealStyle;

/* One partner's pick (or both, when they matched) in a panel; returns its height. */
static int pick_panel(App *a, const char *who, const DeckResponse *resp, RevealStyle st,
                      SDL_Rect cell, bool draw)
{
    const Theme *t = &a->theme;
    int x = cell.x + st.pad, w = cell.w - 2 * st.pad, y = cell.y + st.pad;
    if (draw) cards_band_rrect(a, cell, t->surface);
    SDL_Rect r = cards_band_put(a, draw, st.name, who, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + st.pad / 3;
    r = cards_chip(a, false, resp->style, x, y, TEXT_SMALL);
    if (draw && cards_in_band(r)) cards_chip(a, true, resp->style, x, y, TEXT_SMALL);
    y += r.h + st.pad / 2;
    r = cards_band_put(a, draw, st.text, resp->text, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + st.pad / 3;
    r = cards_band_put(a, draw, st.why, resp->why, x, y, ALIGN_LEFT, t->muted, w);
    y += r.h + st.pad;
    return y - cell.y;
}

static int reveal_layout(App *a, Couple *c, const CoupleReveal *rv, RevealStyle st, int x, int w,
                         int y0, bool draw)
{
    const Theme *t = &a->theme;
    int y = y0, nx = x, nw = w; /* the conversation panel lines up with the picks */
    SDL_Rect r = cards_band_put(a, draw, TEXT_TITLE, "Your choices", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + st.gap;
    r = cards_band_put(a, draw, st.situation, rv->card->situation, x, y, ALIGN_LEFT, t->muted, w);
    y += r.h + st.gap;
    if (rv->matched) {
        char both[2 * COUPLE_NAME_MAX + 8];
        snprintf(both, sizeof both, "%s and %s", together_name(c, COUPLE_A), together_name(c, COUPLE_B));
        int pw = w * 2 / 3;
        SDL_Rect cell = {(a->w - pw) / 2, y, pw, 0};
        cell.h = pick_panel(a, both, rv->chosen[0], st, cell, false);
        pick_panel(a, both, rv->chosen[0], st, cell, draw);
        y += cell.h;
        nx = cell.x;
        nw = cell.w;
    } else {
        int cw = (w - st.gap) / 2, h = 0;
        for (int p = 0; p < 2; p++) {
            SDL_Rect cell = {x + p * (cw + st.gap), y, cw, 0};
            int ph = pick_panel(a, together_name(c, p), rv->chosen[p], st, cell, false);
            if (ph > h) h = ph;
        }
        for (int p = 0; draw && p < 2; p++)
            pick_panel(a, together_name(c, p), rv->chosen[p], st, (SDL_Rect){x + p * (cw + st.gap), y, cw, h}, true);
        y += h;
    }
    y += st.gap * 2;
    /* The conversation: how to start, the card's question, and a line to try. */
    int tx = nx + st.pad, tw = nw - 2 * st.pad;
    if (tw > text_measure(a) * 5 / 4) tw = text_measure(a) * 5 / 4; /* a comfortable line */
    char try_line[DECK_TRY_SAYING_MAX * 4 + 32];
    snprintf(try_line, sizeof try_line, "Try saying: \u201c%s\u201d", rv->card->try_saying);
    SDL_Point lab = text_size(a, TEXT_SMALL, "Conversation", 0);
    SDL_Point op = text_size(a, TEXT_SMALL, rv->opener, tw);
    SDL_Point pr = text_size(a, st.prompt, rv->prompt, tw);
    SDL_Point ts = text_size(a, TEXT_SMALL, try_line, tw);
    SDL_Rect note = {nx, y, nw,
                     st.pad + lab.y + op.y + st.pad / 3 + pr.y + st.pad / 3 + ts.y + st.pad};
    if (draw) {
        SDL_Color teal = t->style[DECK_STYLE_SECURE];
        cards_band_rrect(a, note, color_alpha(teal, 0.12f));
        int ny = y + st.pad;
        cards_band_put(a, true, TEXT_SMALL, "Conversation", tx, ny, ALIGN_LEFT, teal, 0);
        ny += lab.y;
        cards_band_put(a, true, TEXT_SMALL, rv->opener, tx, ny, ALIGN_LEFT, t->muted, tw);
        ny += op.y + st.pad / 3;
        cards_band_put(a, true, st.prompt, rv->prompt, tx, ny, ALIGN_LEFT, t->text, tw);
        ny += pr.y + st.pad / 3;
        cards_band_put(a, true, TEXT_SMALL, try_line, tx, ny, ALIGN_LEFT, teal, tw);
    }
    y += note.h;
    return y - y0;
}

static void render_reveal(App *a, Couple *c)
{
    CoupleReveal rv;
    if (!couple_reveal(c->r, &rv)) return;
    char buf[200];
    top_line(c, "Card", buf, sizeof buf);
    int top = cards_top_line(a, buf);
    int u = a->lay.unit;
    const RevealStyle tries[] = {
        {TEXT_BODY, TEXT_BODY, TEXT_BODY, TEXT_BODY, TEXT_BODY, u, u * 3 / 2},
        {TEXT_BODY, TEXT_BODY, TEXT_BODY, TEXT_SMALL, TEXT_SMALL, u, u},
        {TEXT_SMALL, TEXT_SMALL, TEXT_BODY, TEXT_SMALL, TEXT_SMALL, u * 2 / 3, u * 2 / 3},
        {TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u * 2 / 3, u * 2 / 3},
    };
    int n = (int)(sizeof tries / sizeof tries[0]);
    int w = text_measure(a) * 7 / 4;
    if (w > a->lay.wide) w = a->lay.wide;
    int x = (a->w - w) / 2;
    bool last = couple_position(c->r) + 1 == couple_count(c->r);
    const LearnScreen *read = together_learn(a, c);
    char link[LEARN_TITLE_MAX * 4 + 16];
    snprintf(link, sizeof link, "Read: %s", read ? read->title : "");
    const char *labels[3] = {"Talk it through", last ? "Finish the round" : "Next card", link};
    c->reveal_btn.count = read ? 3 : 2;
    int by = ui_buttons_top(a, &c->reveal_btn, labels);
    int bottom = cards_content_bottom(a, true) - (a->lay.buttons_y - by), avail = bottom - top, k = 0, h = 0;
    for (; k < n; k++) {
        h = reveal_layout(a, c, &rv, tries[k], x, w, top, false);
        if (h <= avail) break;
    }
    if (k == n) k = n - 1;
    int y = top + (avail - h) / 3;
    if (h > avail) {
        /* Still too tall: it scrolls (arrows, Page keys, the wheel), with a scrollbar and the
         * word under it. */
        int sy = cards_scroll_begin(a, &c->reveal_scroll, h, top, bottom);
        reveal_layout(a, c, &rv, tries[k], x, w - cards_scroll_room(a), sy, true);
        cards_scroll_end(a, &c->reveal_scroll, x, w, top, bottom);
    } else {
        reveal_layout(a, c, &rv, tries[k], x, w, y < top ? top : y, true);
    }
    ui_buttons_render(a, &c->reveal_btn, labels, by);
    char hint[128];
    snprintf(hint, sizeof hint, "%s   N %s%s", c->reveal_btn.focus == 0 ? "Enter or T talk it through" : "T talk it through",
             last ? "finish the round" : "next card", read ? "   L read" : "");
    ui_hints(a, hint, "Esc levels");
}

static void render_talk(App *a, Couple *c)
{
    const Theme *t = &a->theme;
    CoupleTalkView v = couple_talk_at(couple_talk(c->r), a->now);
    CoupleReveal rv;
    couple_reveal(c->r, &rv);
    char buf[240];
    snprintf(buf, sizeof buf, "Talk it through" MIDDOT "Card %d of %d", couple_position(c->r) + 1,
             couple_count(c->r));
    int y = cards_top_line(a, buf);
    const char *sp = together_name(c, v.speaker), *li = together_name(c, v.listener);
    if (v.done) {
        y = a->h / 4;
        SDL_Rect r = text_draw(a, TEXT_DISPLAY, "You both had the floor", a->w / 2, y, ALIGN_CENTER,
                               t->text, a->lay.wide);
        y += r.h + a->lay.margin;
        text_draw(a, TEXT_BODY, "Thank you for listening to each other.", a->w / 2, y, ALIGN_CENTER,
                  t->muted, text_measure(a));
        bool last = couple_position(c->r) + 1 == couple_count(c->r);
        const char *labels[2] = {last ? "Finish the round" : "Next card", "Back to the card"};
        ui_buttons_render(a, &c->talk_btn, labels, (int)(a->h * 0.6f));
        ui_hints(a, "Left/Right choose   Enter go", "Esc back to the card");
        return;
    }
    bool speaking = v.phase == COUPLE_TALK_SPEAKING;
    if (speaking) snprintf(buf, sizeof buf, "%s speaks, %s listens", sp, li);
    else snprintf(buf, sizeof buf, "%s, sum up what you heard", li);
    y += a->lay.gap;
    SDL_Rect r = text_draw(a, TEXT_TITLE, buf, a->w / 2, y, ALIGN_CENTER, t->text, a->lay.wide);
    y += r.h + a->lay.tight;
    snprintf(buf, sizeof buf, "\u201c%s\u201d", rv.prompt ? rv.prompt : "");
    r = text_draw(a, TEXT_SMALL, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h;
    /* The ring empties as the time runs out; everything below it is placed from its size. */
    int hints_top = cards_content_bottom(a, true);
    int guide_h = text_line(a, TEXT_SMALL) * 2 + a->lay.margin;
    float space = (float)(hints_top - guide_h - y);
    float rad = space * 0.40f;
    if (rad > a->w * 0.2f) rad = a->w * 0.2f;
    float cx = a->w / 2.0f, cy = (float)y + space / 2.0f;
    SDL_Color col = speaking ? t->step[0] : t->step[2];
    float left = v.timed && v.phase_ms ? (float)v.left_ms / (float)v.phase_ms : 1.0f;
    float thick = rad * 0.07f;
    draw_arc(a, cx, cy, rad, thick, 0, 1, color_alpha(t->muted, 0.18f));
    draw_arc(a, cx, cy, rad, thick, 1.0f - left, 1, v.paused ? color_alpha(col, 0.45f) : col);
    char clock[16];
    ui_fmt_clock(clock, sizeof clock, v.left_ms);
    /* The time as large as the ring's room allows. */
    TextRole crole = TEXT_DISPLAY;
    SDL_Point sz = text_size(a, crole, clock, 0);
    while (crole < TEXT_SMALL && sz.x > rad * 1.5f) sz = text_size(a, ++crole, clock, 0);
    text_draw(a, crole, clock, (int)cx, (int)cy - sz.y / 2, ALIGN_CENTER, t->text, 0);
    if (v.paused)
        text_draw(a, TEXT_SMALL, "Paused", (int)cx, (int)cy + sz.y / 2, ALIGN_CENTER, t->muted, 0);
    int gy = (int)(cy + rad + thick) + a->lay.margin;
    if (speaking)
        snprintf(buf, sizeof buf, "%s, say what this brings up for you. %s, just listen.", sp, li);
    else
        snprintf(buf, sizeof buf, "%s, say whether that is what you meant. Then you switch.", sp);
    text_draw(a, TEXT_SMALL, buf, a->w / 2, gy, ALIGN_CENTER, t->muted, text_measure(a));
    static const char *const flood[1] = {"We're flooded: take a break"};
    ui_buttons_render(a, &c->flood_btn, flood, a->lay.buttons_y);
    ui_hints(a, v.paused ? "Space resume   S skip   E one more minute   F break"
                         : "Space pause   S skip   E one more minute   F break",
             "Esc back to the card");
}

/* The lines to practise: the try-saying of each card both answered, as many as fit above
 * limit from y; returns the height drawn (0: none). */
static int practise_lines(App *a, Couple *c, int y, int limit)
{
    const Theme *t = &a->theme;
    int w = text_measure(a) + a->h / 15, pad = a->lay.gap, tw = w - 2 * pad;
    SDL_Point lab = text_size(a, TEXT_SMALL, "Lines to practise", 0);
    char buf[DECK_TRY_SAYING_MAX * 4 + 16];
    const DeckCard *shown[DECK_ROUND_MAX];
    int h = pad + lab.y, n = 0;
    for (int i = 0; i < couple_count(c->r) && n < DECK_ROUND_MAX; i++) {
        CoupleReveal rv;
        if (!couple_reveal_at(c->r, i, &rv)) continue;
        snprintf(buf, sizeof buf, "\u201c%s\u201d", rv.card->try_saying);
        int lh = pad / 3 + text_size(a, TEXT_SMALL, buf, tw).y;
        if (y + h + lh + pad > limit) break;
        shown[n++] = rv.card;
        h += lh;
    }
    if (!n) return 0;
    SDL_Rect panel = {(a->w - w) / 2, y, w, h + pad};
    draw_rrect(a, panel, a->lay.unit, t->surface);
    int ny = y + pad, tx = panel.x + pad;
    text_draw(a, TEXT_SMALL, "Lines to practise", tx, ny, ALIGN_LEFT, t->style[DECK_STYLE_SECURE], 0);
    ny += lab.y;
    for (int i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "\u201c%s\u201d", shown[i]->try_saying);
        ny += pad / 3;
        ny += text_draw(a, TEXT_SMALL, buf, tx, ny, ALIGN_LEFT, t->text, tw).h;
    }
    return panel.h;
}

/* The end of a round: a question both can answer, the lines to practise, and one
 * conversation for later when there is room. Never a score or a comparison. */
static void render_end(App *a, Couple *c)
{
    const Theme *t = &a->theme;
    CoupleSummary sum;
    couple_summary(c->r, &sum);
    int y = a->h / 9;
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Round complete", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.margin;
    r = text_draw(a, TEXT_BODY, sum.text, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->lay.unit;
    c->answer = journal_answer_button(a, c->answered, y);
    y += journal_answer_button_h(a) + a->lay.gap;
    int by = (int)(a->h * 0.76f);
    int lines = practise_lines(a, c, y, by - a->lay.margin);
    if (lines) y += lines + a->lay.margin;
    if (sum.later && sum.later_prompt) {
        /* One conversation for later, in a quiet panel; smaller text if it would not fit, and
         * left out when even that does not. */
        int w = text_measure(a) + a->h / 15, pad = a->lay.gap, tw = w - 2 * pad;
        TextRole role = TEXT_BODY;
        SDL_Point lab = text_size(a, TEXT_SMALL, "A conversation for later", 0);
        SDL_Point si = text_size(a, TEXT_SMALL, sum.later->situation, tw);
        SDL_Point pr = text_size(a, role, sum.later_prompt, tw);
        int h = pad + lab.y + pad / 3 + si.y + pad / 2 + pr.y + pad;
        if (y + h > by - a->lay.margin) {
            role = TEXT_SMALL;
            pr = text_size(a, role, sum.later_prompt, tw);
            h = pad + lab.y + pad / 3 + si.y + pad / 2 + pr.y + pad;
        }
        if (y + h <= by - a->lay.margin) {
            SDL_Rect panel = {(a->w - w) / 2, y, w, h};
            draw_rrect(a, panel, a->lay.unit, t->surface);
            int ny = y + pad, tx = panel.x + pad;
            text_draw(a, TEXT_SMALL, "A conversation for later", tx, ny, ALIGN_LEFT,
                      t->style[DECK_STYLE_SECURE], 0);
            ny += lab.y + pad / 3;
            text_draw(a, TEXT_SMALL, sum.later->situation, tx, ny, ALIGN_LEFT, t->muted, tw);
            ny += si.y + pad / 2;
            text_draw(a, role, sum.later_prompt, tx, ny, ALIGN_LEFT, t->text, tw);
            y += h + a->lay.margin;
        }
    }
    if (by < y) by = y;
    static const char *const labels[2] = {"Another round", "Menu"};
    ui_buttons_render(a, &c->end_btn, labels, by);
    ui_hints(a, c->answered ? "Left/Right choose   Enter go" : "Left/Right choose   Enter go   W write", "Esc levels");
}

void together_view_render(App *a, Couple *c)
{
    switch (couple_state(c->r)) {
    case COUPLE_PICK_A:
    case COUPLE_PICK_B: render_pick(a, c); break;
    case COUPLE_COVER: render_cover(a, c); break;
    case COUPLE_REVEAL: render_reveal(a, c); break;
    case COUPLE_TALK: render_talk(a, c); break;
    case COUPLE_END: render_end(a, c); break;
    }
}
