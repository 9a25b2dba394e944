/* Cards together: two names, then for each card A picks while B looks away, a cover screen
 * hands the device over, B picks, and only then are both picks revealed side by side, with a
 * speaker-listener talk timer. Privacy is the core's job (couple.h answers nothing about a pick
 * before both have chosen); this file takes care not to leak it on screen either: no focus,
 * hover or fade from A's pick is carried over to B's screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/couple.h"
#include "cards_view.h"
#include "practice.h"
#include "scenes.h"

#define MIDDOT " \u00b7 "

/* ---------- names ---------- */

typedef struct Names {
    char name[2][COUPLE_NAME_MAX];
    int focus;               /* 0, 1: the fields; 2: Continue */
    int hover;               /* -1 none, 0..2 */
    SDL_Rect rect[3];        /* fields and the button, as last drawn */
    char level_id[SETTINGS_ID_MAX + 1]; /* from the command line: "" lets the couple choose */
} Names;

static void names_continue(App *a, Names *n)
{
    const char *names[2] = {n->name[0], n->name[1]};
    const DeckLevel *l = cards_find_level(&a->content, n->level_id);
    cards_picker_push(a, l ? l->id : NULL, names);
    if (l) couple_round_push(a, l, names[0], names[1]);
}

/* UTF-8 sequence length from its lead byte (1 for anything unexpected). */
static size_t utf8_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Appends whole characters while they fit. */
static void name_append(char *dst, const char *s)
{
    size_t n = strlen(dst);
    while (*s) {
        size_t k = utf8_len((unsigned char)*s);
        if (strnlen(s, k) < k || n + k > COUPLE_NAME_MAX - 1) break;
        if ((unsigned char)*s >= 0x20) {
            memcpy(dst + n, s, k);
            n += k;
        }
        s += k;
    }
    dst[n] = 0;
}

static void name_backspace(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80) n--; /* continuation bytes */
    if (n > 0) n--;                                                /* the lead byte */
    s[n] = 0;
}

static int names_hit(const Names *n, SDL_Point p)
{
    for (int i = 0; i < 3; i++) {
        SDL_Rect r = n->rect[i];
        if (p.x >= r.x && p.y >= r.y && p.x < r.x + r.w && p.y < r.y + r.h) return i;
    }
    return -1;
}

static void names_event(App *a, void *s, const SDL_Event *e)
{
    Names *n = s;
    switch (e->type) {
    case SDL_TEXTINPUT:
        if (n->focus < 2) name_append(n->name[n->focus], e->text.text);
        a->dirty = true;
        break;
    case SDL_KEYDOWN:
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); break;
        case SDLK_BACKSPACE:
            if (n->focus < 2) name_backspace(n->name[n->focus]);
            break;
        case SDLK_TAB:
            n->focus = (e->key.keysym.mod & KMOD_SHIFT) ? (n->focus + 2) % 3 : (n->focus + 1) % 3;
            break;
        case SDLK_UP: n->focus = (n->focus + 2) % 3; break;
        case SDLK_DOWN: n->focus = (n->focus + 1) % 3; break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            /* Enter moves from the first name to the second, then goes on. */
            if (e->key.repeat) break;
            if (n->focus == 0) n->focus = 1;
            else names_continue(a, n);
            break;
        default: return;
        }
        a->dirty = true;
        break;
    case SDL_MOUSEMOTION: {
        int h = names_hit(n, app_mouse(a, e->motion.x, e->motion.y));
        if (h != n->hover) a->dirty = true;
        n->hover = h;
        break;
    }
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT) break;
        int h = names_hit(n, app_mouse(a, e->button.x, e->button.y));
        if (h == 2) names_continue(a, n);
        else if (h >= 0) n->focus = h;
        a->dirty = true;
        break;
    }
    default: break;
    }
}

static void names_render(App *a, void *s)
{
    Names *n = s;
    const Theme *t = &a->theme;
    int y = ui_header(a, "Cards together",
                      "You'll share one screen and take turns. Each of you chooses privately, "
                      "then you see both choices and talk them through.");
    static const char *const LABEL[2] = {"Who chooses first?", "Who chooses second?"};
    static const char *const PLACEHOLDER[2] = {"Partner A", "Partner B"};
    int w = text_measure(a) * 2 / 3;
    int x = (a->w - w) / 2;
    int line = text_line(a, TEXT_BODY), pad = line / 2;
    y += a->h / 30;
    for (int i = 0; i < 2; i++) {
        SDL_Rect r = text_draw(a, TEXT_SMALL, LABEL[i], x, y, ALIGN_LEFT, t->muted, 0);
        y += r.h + pad / 2;
        SDL_Rect f = {x, y, w, line + 2 * pad};
        n->rect[i] = f;
        bool focus = n->focus == i;
        draw_rrect(a, f, a->h / 80, focus || n->hover == i ? t->surface_hi : t->surface);
        if (focus) draw_rrect_outline(a, f, a->h / 80, 2, t->focus);
        int tx = f.x + pad;
        if (n->name[i][0]) {
            r = text_draw(a, TEXT_BODY, n->name[i], tx, f.y + pad, ALIGN_LEFT, t->text, 0);
            tx = r.x + r.w;
        } else {
            /* The placeholder steps aside for the caret at the start. */
            text_draw(a, TEXT_BODY, PLACEHOLDER[i], tx + line / 5, f.y + pad, ALIGN_LEFT,
                      color_alpha(t->muted, 0.6f), 0);
            tx -= 2;
        }
        if (focus) { /* a still caret: a blinking one would keep the loop awake */
            SDL_Rect caret = {tx + 1, f.y + pad, 2, line};
            SDL_SetRenderDrawColor(a->ren, t->focus.r, t->focus.g, t->focus.b, 255);
            SDL_RenderFillRect(a->ren, &caret);
        }
        y += f.h + a->h / 25;
    }
    UiButtons b = {.count = 1, .focus = n->focus == 2 ? 0 : -1, .hover = n->hover == 2 ? 0 : -1};
    static const char *const label[1] = {"Continue"};
    ui_buttons_render(a, &b, label, y + a->h / 60);
    n->rect[2] = b.rect[0];
    text_draw(a, TEXT_SMALL, "Names are optional.", a->w / 2, b.rect[0].y + b.rect[0].h + a->h / 40,
              ALIGN_CENTER, t->muted, 0);
    ui_hints(a, "Tab next   Enter continue", "Esc back");
}

static const SceneVT NAMES = {
    .name = "couple-names",
    .event = names_event,
    .render = names_render,
    .text_entry = true,
};

void couple_names_push(App *a, const char *level_id)
{
    Names *n = calloc(1, sizeof *n);
    if (!n) return;
    n->hover = -1;
    if (level_id) snprintf(n->level_id, sizeof n->level_id, "%s", level_id);
    scene_push(a, &NAMES, n);
}

/* ---------- a round together ---------- */

typedef struct Couple {
    const DeckLevel *level;
    CoupleRound *r;
    CardChoice choice;
    UiButtons reveal_btn; /* Talk it through / Next card */
    UiButtons talk_btn;   /* when the talk is done: Next card / Back to the card */
    UiButtons end_btn;    /* Another round / Menu */
    CoupleTalkView talk;  /* as of the last update */
    bool entered, recorded; /* on screen (clock running); handed to practice_end */
    AtTimer timer;
} Couple;

/* Called once per round, at its end or when the couple leaves: marks the cards both answered
 * as seen and records the couple session with both names (for the couple streak). A round left
 * before both answered a card records nothing. */
static void couple_record(App *a, Couple *c)
{
    if (c->recorded || !c->entered) return;
    c->recorded = true;
    const DeckCard *cards[DECK_ROUND_MAX];
    int n = 0;
    CoupleReveal rv;
    for (int i = 0; i < couple_count(c->r); i++)
        if (couple_reveal_at(c->r, i, &rv)) cards[n++] = rv.card;
    if (n == 0) {
        practice_cancel(a);
        return;
    }
    cards_progress_add(a, c->level, cards, n);
    practice_end(a, timer_elapsed(&c->timer, a->now), n == couple_count(c->r), n,
                 couple_name(c->r, COUPLE_A), couple_name(c->r, COUPLE_B));
}

static const char *name_of(const Couple *c, int p) { return couple_name(c->r, p); }

static void couple_next_card(App *a, Couple *c)
{
    if (!couple_next(c->r)) return;
    card_choice_reset(&c->choice);
    if (couple_state(c->r) == COUPLE_END) {
        couple_record(a, c);
        c->end_btn.focus = 0;
        audio_play(a, CUE_BELL);
    }
    cards_fade(a);
}

static void talk_begin(App *a, Couple *c)
{
    /* Take turns at going first, card by card. */
    int first = couple_position(c->r) % 2 ? COUPLE_B : COUPLE_A;
    if (!couple_talk_begin(c->r, first, COUPLE_TALK_SPEAK_MS, COUPLE_TALK_SUMUP_MS, a->now)) return;
    c->talk = couple_talk_at(couple_talk(c->r), a->now);
    c->talk_btn = (UiButtons){.count = 2, .focus = 0, .hover = -1};
    cards_fade(a);
}

static bool is_key(const SDL_Event *e, SDL_Keycode k)
{
    return e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == k;
}

static bool is_enter(const SDL_Event *e)
{
    return is_key(e, SDLK_RETURN) || is_key(e, SDLK_KP_ENTER);
}

static void talk_event(App *a, Couple *c, const SDL_Event *e)
{
    CoupleTalk *t = couple_talk(c->r);
    CoupleTalkView v = couple_talk_at(t, a->now);
    if (is_key(e, SDLK_ESCAPE)) {
        couple_talk_stop(c->r);
        cards_fade(a);
        return;
    }
    if (v.done) {
        int i = ui_buttons_event(a, &c->talk_btn, e);
        if (i == 0) couple_next_card(a, c);
        else if (i == 1) {
            couple_talk_stop(c->r);
            cards_fade(a);
        }
        return;
    }
    if (e->type != SDL_KEYDOWN) return;
    switch (e->key.keysym.sym) {
    case SDLK_SPACE:
        if (v.paused) couple_talk_resume(t, a->now);
        else couple_talk_pause(t, a->now);
        break;
    case SDLK_s: couple_talk_skip(t, a->now); break;
    case SDLK_e: couple_talk_extend(t, a->now); break;
    default: return;
    }
    a->dirty = true;
}

static void couple_event(App *a, void *s, const SDL_Event *e)
{
    Couple *c = s;
    CoupleState st = couple_state(c->r);
    if (st == COUPLE_TALK) {
        talk_event(a, c, e);
        return;
    }
    if (is_key(e, SDLK_ESCAPE)) {
        /* Back to the levels, the round ended; a lone pick stays unrevealed. */
        if (st != COUPLE_END) {
            couple_end(c->r);
            couple_record(a, c);
        }
        scene_pop(a);
        return;
    }
    switch (st) {
    case COUPLE_PICK_A:
    case COUPLE_PICK_B: {
        int slot = card_choice_event(a, &c->choice, e);
        if (slot >= 0 && couple_choose(c->r, slot)) {
            card_choice_reset(&c->choice);
            c->reveal_btn = (UiButtons){.count = 2, .focus = 1, .hover = -1};
            cards_fade(a);
        }
        break;
    }
    case COUPLE_COVER:
        if (is_enter(e) || is_key(e, SDLK_SPACE) ||
            (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT)) {
            couple_handed_over(c->r);
            card_choice_reset(&c->choice); /* B's screen starts with nothing focused */
            cards_fade(a);
        }
        break;
    case COUPLE_REVEAL: {
        if (is_key(e, SDLK_t)) {
            talk_begin(a, c);
            break;
        }
        int i = ui_buttons_event(a, &c->reveal_btn, e);
        if (i == 0) talk_begin(a, c);
        else if (i == 1) couple_next_card(a, c);
        break;
    }
    case COUPLE_END: {
        int i = ui_buttons_event(a, &c->end_btn, e);
        if (i == 0) {
            couple_round_push(a, c->level, name_of(c, COUPLE_A), name_of(c, COUPLE_B));
            scene_pop(a); /* pops this round; the new one is pushed after it */
        } else if (i == 1) {
            scene_to_root(a);
        }
        break;
    }
    default: break;
    }
}

static void couple_update(App *a, void *s)
{
    Couple *c = s;
    CoupleTalk *t = couple_talk(c->r);
    if (!t) return;
    CoupleTalkView v = couple_talk_at(t, a->now);
    /* A soft bell when the floor changes hands or the talk is over. */
    if (v.phase != c->talk.phase || v.turn != c->talk.turn) {
        audio_play(a, CUE_BELL);
        a->dirty = true;
    }
    c->talk = v;
}

static bool couple_animating(App *a, void *s)
{
    (void)a;
    Couple *c = s;
    return couple_state(c->r) == COUPLE_TALK && !c->talk.done && !c->talk.paused && c->talk.timed;
}

/* ---- drawing ---- */

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
    snprintf(buf, sizeof buf, "%s's turn. %s, please look away.", name_of(c, me), name_of(c, other));
    SDL_Rect r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->step[me ? 2 : 0],
                           a->w * 9 / 10);
    y += r.h + a->h / 60;
    const DeckResponse *resp[DECK_RESPONSES];
    for (int i = 0; i < DECK_RESPONSES; i++) resp[i] = couple_response(c->r, i);
    card_choice_render(a, &c->choice, couple_card(c->r), resp, y, cards_content_bottom(a, false));
    ui_hints(a, "1-4 or click to choose   Up/Down and Enter", "Esc levels");
}

static void render_cover(App *a, Couple *c)
{
    const Theme *t = &a->theme;
    char buf[200];
    const char *b = name_of(c, COUPLE_B);
    float cy = a->h * 0.3f, rad = a->h * 0.06f;
    /* Two quiet discs: one screen, two people. */
    cards_dot(a, a->w / 2.0f - rad * 0.7f, cy, rad, color_alpha(t->step[0], 0.55f));
    cards_dot(a, a->w / 2.0f + rad * 0.7f, cy, rad, color_alpha(t->step[2], 0.55f));
    int y = (int)(cy + rad + a->h / 15);
    snprintf(buf, sizeof buf, "Hand over to %s", b);
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, buf, a->w / 2, y, ALIGN_CENTER, t->text, a->w * 9 / 10);
    y += r.h + a->h / 40;
    snprintf(buf, sizeof buf, "%s has chosen. The choice stays hidden until you have both picked.",
             name_of(c, COUPLE_A));
    r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->h / 15;
    snprintf(buf, sizeof buf, "Press Enter when %s has the screen", b);
    text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->text, text_measure(a));
    ui_hints(a, NULL, "Esc levels");
}

typedef struct RevealStyle {
    TextRole name, text, why, prompt;
    int gap, pad;
} RevealStyle;

/* One partner's pick (or both, when they matched) in a panel; returns its height. */
static int pick_panel(App *a, const char *who, const DeckResponse *resp, RevealStyle st,
                      SDL_Rect cell, bool draw)
{
    const Theme *t = &a->theme;
    int x = cell.x + st.pad, w = cell.w - 2 * st.pad, y = cell.y + st.pad;
    if (draw) draw_rrect(a, cell, a->h / 60, t->surface);
    SDL_Rect r = cards_put(a, draw, st.name, who, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + st.pad / 3;
    r = cards_chip(a, draw, resp->style, x, y, TEXT_SMALL);
    y += r.h + st.pad / 2;
    r = cards_put(a, draw, st.text, resp->text, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + st.pad / 3;
    r = cards_put(a, draw, st.why, resp->why, x, y, ALIGN_LEFT, t->muted, w);
    y += r.h + st.pad;
    return y - cell.y;
}

static int reveal_layout(App *a, Couple *c, const CoupleReveal *rv, RevealStyle st, int x, int w,
                         int y0, bool draw)
{
    const Theme *t = &a->theme;
    int y = y0, nx = x, nw = w; /* the conversation panel lines up with the picks */
    SDL_Rect r = cards_put(a, draw, TEXT_TITLE, "Your choices", a->w / 2, y, ALIGN_CENTER,
                           t->text, 0);
    y += r.h + st.gap;
    if (rv->matched) {
        char both[2 * COUPLE_NAME_MAX + 8];
        snprintf(both, sizeof both, "%s and %s", name_of(c, COUPLE_A), name_of(c, COUPLE_B));
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
            int ph = pick_panel(a, name_of(c, p), rv->chosen[p], st, cell, false);
            if (ph > h) h = ph;
        }
        for (int p = 0; draw && p < 2; p++)
            pick_panel(a, name_of(c, p), rv->chosen[p], st, (SDL_Rect){x + p * (cw + st.gap), y, cw, h}, true);
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
        draw_rrect(a, note, a->h / 60, color_alpha(teal, 0.12f));
        int ny = y + st.pad;
        text_draw(a, TEXT_SMALL, "Conversation", tx, ny, ALIGN_LEFT, teal, 0);
        ny += lab.y;
        text_draw(a, TEXT_SMALL, rv->opener, tx, ny, ALIGN_LEFT, t->muted, tw);
        ny += op.y + st.pad / 3;
        text_draw(a, st.prompt, rv->prompt, tx, ny, ALIGN_LEFT, t->text, tw);
        ny += pr.y + st.pad / 3;
        text_draw(a, TEXT_SMALL, try_line, tx, ny, ALIGN_LEFT, teal, tw);
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
    int u = a->h / 60;
    const RevealStyle tries[] = {
        {TEXT_BODY, TEXT_BODY, TEXT_SMALL, TEXT_BODY, u, u * 3 / 2},
        {TEXT_BODY, TEXT_SMALL, TEXT_SMALL, TEXT_BODY, u, u},
        {TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u * 2 / 3, u * 2 / 3},
    };
    int n = (int)(sizeof tries / sizeof tries[0]);
    int w = text_measure(a) * 7 / 4;
    if (w > a->w * 9 / 10) w = a->w * 9 / 10;
    int x = (a->w - w) / 2;
    int bottom = cards_content_bottom(a, true), avail = bottom - top, k = 0, h = 0;
    for (; k < n; k++) {
        h = reveal_layout(a, c, &rv, tries[k], x, w, top, false);
        if (h <= avail) break;
    }
    if (k == n) k = n - 1;
    int y = top + (avail - h) / 3;
    reveal_layout(a, c, &rv, tries[k], x, w, y < top ? top : y, true);
    bool last = couple_position(c->r) + 1 == couple_count(c->r);
    const char *labels[2] = {"Talk it through", last ? "Finish the round" : "Next card"};
    ui_buttons_render(a, &c->reveal_btn, labels, cards_buttons_y(a));
    ui_hints(a, "T talk it through   Enter choose", "Esc levels");
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
    const char *sp = name_of(c, v.speaker), *li = name_of(c, v.listener);
    if (v.done) {
        y = a->h / 4;
        SDL_Rect r = text_draw(a, TEXT_DISPLAY, "You both had the floor", a->w / 2, y, ALIGN_CENTER,
                               t->text, a->w * 9 / 10);
        y += r.h + a->h / 30;
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
    y += a->h / 40;
    SDL_Rect r = text_draw(a, TEXT_TITLE, buf, a->w / 2, y, ALIGN_CENTER, t->text, a->w * 9 / 10);
    y += r.h + a->h / 80;
    snprintf(buf, sizeof buf, "\u201c%s\u201d", rv.prompt ? rv.prompt : "");
    r = text_draw(a, TEXT_SMALL, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h;
    /* The ring empties as the time runs out; everything below it is placed from its size. */
    int hints_top = cards_content_bottom(a, false);
    int guide_h = text_line(a, TEXT_SMALL) * 2 + a->h / 30;
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
    cards_fmt_clock(clock, sizeof clock, v.left_ms);
    SDL_Point sz = text_size(a, TEXT_DISPLAY, clock, 0);
    text_draw(a, TEXT_DISPLAY, clock, (int)cx, (int)cy - sz.y / 2, ALIGN_CENTER, t->text, 0);
    if (v.paused)
        text_draw(a, TEXT_SMALL, "Paused", (int)cx, (int)cy + sz.y / 2, ALIGN_CENTER, t->muted, 0);
    int gy = (int)(cy + rad + thick) + a->h / 30;
    if (speaking)
        snprintf(buf, sizeof buf, "%s, say what this brings up for you. %s, just listen.", sp, li);
    else
        snprintf(buf, sizeof buf, "%s, say whether that is what you meant. Then you switch.", sp);
    text_draw(a, TEXT_SMALL, buf, a->w / 2, gy, ALIGN_CENTER, t->muted, text_measure(a));
    ui_hints(a, v.paused ? "Space resume   S skip   E one more minute"
                         : "Space pause   S skip   E one more minute",
             "Esc back to the card");
}

static void render_end(App *a, Couple *c)
{
    const Theme *t = &a->theme;
    CoupleSummary sum;
    couple_summary(c->r, &sum);
    char buf[400];
    int y = a->h / 9;
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Round complete", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->h / 30;
    r = text_draw(a, TEXT_BODY, sum.text, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->h / 40;
    int by = (int)(a->h * 0.76f);
    /* Lines to practise: the try-saying of each card you both answered, as many as fit. */
    int w = text_measure(a) + a->h / 15, pad = a->h / 40, tw = w - 2 * pad;
    SDL_Point lab = text_size(a, TEXT_SMALL, "Lines to practise", 0);
    int ph = pad + lab.y, shown = 0;
    const char *lines[8];
    for (int i = 0; i < couple_count(c->r) && shown < 8; i++) {
        CoupleReveal rv;
        if (!couple_reveal_at(c->r, i, &rv)) continue;
        snprintf(buf, sizeof buf, "\u201c%s\u201d", rv.card->try_saying);
        int lh = pad / 3 + text_size(a, TEXT_SMALL, buf, tw).y;
        if (y + ph + lh + pad > by - a->h / 30) break;
        lines[shown++] = rv.card->try_saying;
        ph += lh;
    }
    if (shown) {
        SDL_Rect panel = {(a->w - w) / 2, y, w, ph + pad};
        draw_rrect(a, panel, a->h / 60, t->surface);
        int ny = y + pad, tx = panel.x + pad;
        text_draw(a, TEXT_SMALL, "Lines to practise", tx, ny, ALIGN_LEFT, t->style[DECK_STYLE_SECURE], 0);
        ny += lab.y;
        for (int i = 0; i < shown; i++) {
            snprintf(buf, sizeof buf, "\u201c%s\u201d", lines[i]);
            ny += pad / 3;
            ny += text_draw(a, TEXT_SMALL, buf, tx, ny, ALIGN_LEFT, t->text, tw).h;
        }
        y += panel.h + a->h / 30;
    }
    if (sum.later && sum.later_prompt && y + a->h / 6 < by) {
        /* One conversation for later, in a quiet panel; smaller text if it would not fit. */
        TextRole role = TEXT_BODY;
        lab = text_size(a, TEXT_SMALL, "A conversation for later", 0);
        SDL_Point si = text_size(a, TEXT_SMALL, sum.later->situation, tw);
        SDL_Point pr = text_size(a, role, sum.later_prompt, tw);
        int h = pad + lab.y + pad / 3 + si.y + pad / 2 + pr.y + pad;
        if (y + h > by - a->h / 30) {
            role = TEXT_SMALL;
            pr = text_size(a, role, sum.later_prompt, tw);
            h = pad + lab.y + pad / 3 + si.y + pad / 2 + pr.y + pad;
        }
        SDL_Rect panel = {(a->w - w) / 2, y, w, h};
        draw_rrect(a, panel, a->h / 60, t->surface);
        int ny = y + pad, tx = panel.x + pad;
        text_draw(a, TEXT_SMALL, "A conversation for later", tx, ny, ALIGN_LEFT, t->style[DECK_STYLE_SECURE], 0);
        ny += lab.y + pad / 3;
        text_draw(a, TEXT_SMALL, sum.later->situation, tx, ny, ALIGN_LEFT, t->muted, tw);
        ny += si.y + pad / 2;
        text_draw(a, role, sum.later_prompt, tx, ny, ALIGN_LEFT, t->text, tw);
        y += h + a->h / 30;
    }
    if (by < y) by = y;
    static const char *const labels[2] = {"Another round", "Menu"};
    ui_buttons_render(a, &c->end_btn, labels, by);
    ui_hints(a, "Left/Right choose   Enter go", "Esc levels");
}

static void couple_render(App *a, void *s)
{
    Couple *c = s;
    switch (couple_state(c->r)) {
    case COUPLE_PICK_A:
    case COUPLE_PICK_B: render_pick(a, c); break;
    case COUPLE_COVER: render_cover(a, c); break;
    case COUPLE_REVEAL: render_reveal(a, c); break;
    case COUPLE_TALK: render_talk(a, c); break;
    case COUPLE_END: render_end(a, c); break;
    }
}

/* The session's clock starts when it appears. */
static void couple_enter(App *a, void *s)
{
    Couple *c = s;
    timer_start(&c->timer, a->now);
    c->entered = true;
}

/* Under help the session's time stands still, and whoever holds the floor keeps theirs. */
static void couple_covered(App *a, void *s, bool covered)
{
    Couple *c = s;
    timer_hold(&c->timer, a->now, covered);
    CoupleTalk *t = couple_talk(c->r); /* NULL outside the talk */
    if (t) couple_talk_hold(t, a->now, covered);
}

static void couple_free_scene(App *a, void *s)
{
    Couple *c = s;
    couple_end(c->r); /* the window closed mid-round: keep what both answered */
    couple_record(a, c);
    couple_free(c->r);
    free(c);
}

static const SceneVT COUPLE = {
    .name = "cards-together",
    .enter = couple_enter,
    .event = couple_event,
    .update = couple_update,
    .render = couple_render,
    .animating = couple_animating,
    .free = couple_free_scene,
    .covered = couple_covered,
};

void couple_round_push(App *a, const DeckLevel *level, const char *name_a, const char *name_b)
{
    if (!level) return;
    Couple *c = calloc(1, sizeof *c);
    if (!c) return;
    const char *seen[DECK_MAX_CARDS];
    int nseen = cards_seen_ids(level, seen, DECK_MAX_CARDS);
    c->r = couple_new(level, DECK_ROUND_DEFAULT, cards_seed(a), seen, nseen, name_a, name_b);
    if (!c->r) {
        free(c);
        return;
    }
    c->level = level;
    card_choice_reset(&c->choice);
    c->reveal_btn = (UiButtons){.count = 2, .focus = 1, .hover = -1};
    c->end_btn = (UiButtons){.count = 2, .hover = -1};
    practice_begin_shared(a, PRACTICE_CARDS, level->id, &COUPLE, c);
}
