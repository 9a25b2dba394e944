/* Scenario cards, solo: a round of cards, the reveal of every response's style and why, and a
 * kind end of round (the level picker is cards_picker.c; the reveal's body, cards_reveal.c). Decks across levels (a random card,
 * the favourites) deal the same way; each pick and each favourite is remembered by the core
 * (cardmemory.h), and the reveal says quietly what was picked last time. The core (deck.h) deals;
 * this file only draws it and turns keys and clicks into deck_round_* calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/couple.h"
#include "cards_skill.h"
#include "cards_view.h"
#include "recording.h"
#include "scenes.h"
#include "userdata.h"

#define MIDDOT " \u00b7 "

/* ---------- a round ---------- */

typedef struct Round {
    const DeckLevel *level; /* the level dealt from, or &mix.level */
    CardMix mix;     /* a deck across levels (a random card, the favourites), if mixed */
    bool mixed;
    int last_choice; /* the style picked for the card showing last time, or -1 (read when it
                        is dealt, before this time's choice is saved) */
    DeckRound r;
    CardChoice choice;
    UiButtons next;  /* Next card, the favourite toggle, and "Read: ..." when a learning screen
                        goes with the card */
    UiScroll reveal_scroll; /* the reveal, when even its smallest layout is too tall */
    UiButtons end;
    bool entered, recorded; /* on screen (clock running); handed to recording_end */
    AtTimer timer;
    uint64_t seed;   /* the round's deal; the summaries' order comes from it too */
    CardSkill skill; /* the level skill of the card showing, if it has one */
    SDL_Rect answer; /* "Write your answer" at the end (w 0: none) */
    bool answered;   /* the end's question was answered in the journal */
} Round;

/* The level a dealt card belongs to, and that level's own copy of it (a mixed deck deals
 * copies): for its id, its skill and its learning screen. */
static const DeckLevel *card_home(const Round *rd, const DeckCard **card)
{
    if (!rd->mixed || !*card) return rd->level;
    const DeckLevel *from = cardmix_level_of(&rd->mix, *card);
    const DeckCard *own = from ? deck_level_card(from, (*card)->id) : NULL;
    if (own) *card = own;
    return from ? from : rd->level;
}

static const LearnScreen *card_reading(const App *a, const Round *rd, const DeckCard *card)
{
    const DeckLevel *home = card_home(rd, &card);
    return card ? content_learn_for_card(&a->content, home, card) : NULL;
}

/* A new card is showing: its skill, if any, comes first when it goes before the responses. */
static void round_card_shown(App *a, Round *rd, bool show)
{
    const DeckCard *card = deck_round_card(&rd->r);
    int pos = deck_round_position(&rd->r);
    rd->last_choice = -1;
    if (!card) {
        rd->skill.skill = SKILL_NONE;
        rd->skill.active = false;
        return;
    }
    const DeckLevel *home = card_home(rd, &card);
    rd->last_choice = cardmemory_last_choice(userdata_cards(a), home->id, card->id);
    card_skill_begin(a, &rd->skill, home, (int)(card - home->cards), pos,
                     rd->seed ^ (0x9E3779B97F4A7C15ULL * (uint64_t)(pos + 1)));
    if (show && card_skill_due_before(&rd->skill)) card_skill_show(a, &rd->skill);
}

/* Called once per round, finished or left early: saves level progress and records the
 * practice (cards answered; completed when the round reached its end). */
static void on_round_finished(App *a, const Round *rd, uint64_t ms)
{
    const DeckRound *r = &rd->r;
    const DeckCard *cards[DECK_ROUND_MAX];
    int n = 0;
    bool changed = false;
    for (int i = 0; i < deck_round_count(r); i++) {
        DeckPick pk = deck_round_pick(r, i);
        if (!pk.card || pk.response < 0) continue;
        cards[n++] = pk.card;
        if (rd->mixed) { /* each card counts as seen in its own level */
            const DeckCard *own = pk.card;
            const DeckLevel *home = card_home(rd, &own);
            changed |= home != rd->level &&
                       levels_add(&a->data.seen_cards, &a->data.settings, home, &own, 1);
        }
    }
    if (n == 0) { /* left before answering anything: nothing was practised */
        recording_cancel(a);
        return;
    }
    if (!rd->mixed) changed = levels_add(&a->data.seen_cards, &a->data.settings, rd->level, cards, n);
    if (changed) userdata_save_settings(a);
    recording_end(a, ms, n == deck_round_count(r), n, NULL, NULL);
}

static void round_record(App *a, Round *rd)
{
    if (rd->recorded || !rd->entered) return;
    rd->recorded = true;
    on_round_finished(a, rd, timer_elapsed(&rd->timer, a->now));
}

/* The card showing is a favourite now, or no longer: a record of its own, saved at once. */
static void toggle_favourite(App *a, Round *rd)
{
    const DeckCard *card = deck_round_card(&rd->r);
    const DeckLevel *home = card_home(rd, &card);
    if (!card) return;
    bool on = !cardmemory_is_favourite(userdata_cards(a), home->id, card->id);
    PracticeRecord rec;
    cardmemory_favourite_record(&rec, home->id, card->id, on, clock_wall(&a->clock));
    recording_save_card(a, &rec);
    a->dirty = true;
}

/* The response just picked, remembered for the next time this card comes round. */
static void save_choice(App *a, Round *rd)
{
    DeckPick pk = deck_round_pick(&rd->r, deck_round_position(&rd->r));
    const DeckCard *card = pk.card;
    const DeckLevel *home = card_home(rd, &card);
    if (!card || pk.response < 0) return;
    PracticeRecord rec;
    cardmemory_choice_record(&rec, home->id, card->id, pk.style, clock_wall(&a->clock));
    recording_save_card(a, &rec);
}

static bool showing_favourite(App *a, const Round *rd)
{
    const DeckCard *card = deck_round_card(&rd->r);
    const DeckLevel *home = card_home(rd, &card);
    return card && cardmemory_is_favourite(userdata_cards(a), home->id, card->id);
}

static void round_next(App *a, Round *rd)
{
    if (!deck_round_next(&rd->r)) return;
    card_choice_reset(&rd->choice);
    round_card_shown(a, rd, true);
    if (deck_round_finished(&rd->r)) {
        round_record(a, rd);
        rd->end.focus = 0;
        audio_play(a, CUE_BELL);
    }
    scene_fade(a);
}

/* On from the reveal: the skill that follows it, if it is still to do, else the next card. */
static void reveal_next(App *a, Round *rd)
{
    if (card_skill_due_after(&rd->skill)) {
        card_skill_show(a, &rd->skill);
        scene_fade(a);
        return;
    }
    round_next(a, rd);
}

static void round_answered(App *a, void *ctx, bool saved)
{
    Round *rd = ctx;
    if (saved) rd->answered = true;
    a->dirty = true;
}

static void round_event(App *a, void *s, const SDL_Event *e)
{
    Round *rd = s;
    DeckRound *r = &rd->r;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        /* Back to the levels; what was answered still counts. */
        deck_round_end(r);
        round_record(a, rd);
        scene_pop(a);
        return;
    }
    if (rd->skill.active) {
        if (!card_skill_event(a, &rd->skill, e)) return;
        /* Over: on to the responses, or (after the reveal) to the next card. */
        if (deck_round_revealed(r)) round_next(a, rd);
        else card_choice_reset(&rd->choice);
        scene_fade(a);
        return;
    }
    if (deck_round_finished(r)) {
        bool write = e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == SDLK_w;
        if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
            SDL_Point p = window_mouse(a, e->button.x, e->button.y);
            write = SDL_PointInRect(&p, &rd->answer);
        }
        if (write && !rd->answered) {
            char q[320];
            deck_round_summary(r, q, sizeof q);
            journal_answer_push(a, rd->level->id, NULL, NULL, q, round_answered, rd);
            return;
        }
        int i = ui_buttons_event(a, &rd->end, e);
        if (i == 0) {
            if (rd->mixed) cards_mix_push(a, !strcmp(rd->level->id, CARDMIX_FAVOURITES_ID));
            else cards_round_push(a, rd->level);
            scene_pop(a); /* pops this round; the new one is pushed after it */
        } else if (i == 1) {
            scene_to_root(a);
        }
        return;
    }
    if (deck_round_revealed(r)) {
        const LearnScreen *read = card_reading(a, rd, deck_round_card(r));
        if (read && e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == SDLK_l) {
            learn_push(a, read->id);
            return;
        }
        if (e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == SDLK_k) {
            toggle_favourite(a, rd);
            return;
        }
        if (e->type == SDL_KEYDOWN && !e->key.repeat &&
            (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_KP_ENTER ||
             e->key.keysym.sym == SDLK_SPACE || e->key.keysym.sym == SDLK_RIGHT)) {
            reveal_next(a, rd);
            return;
        }
        if (ui_scroll_event(a, &rd->reveal_scroll, e)) return;
        if (e->type != SDL_KEYDOWN) {
            rd->next.count = read ? 3 : 2;
            int b = ui_buttons_event(a, &rd->next, e);
            if (b == 0) reveal_next(a, rd);
            else if (b == 1) toggle_favourite(a, rd);
            else if (b == 2 && read) learn_push(a, read->id);
        }
        return;
    }
    int slot = card_choice_event(a, &rd->choice, e);
    if (slot >= 0 && deck_round_choose(r, slot)) {
        save_choice(a, rd);
        rd->reveal_scroll = (UiScroll){0};
        rd->next.focus = 0;
        rd->next.hover = -1;
        scene_fade(a);
    }
}

static void card_top_line(const App *a, const Round *rd, char *buf, size_t n)
{
    int len = snprintf(buf, n, "%s" MIDDOT "Card %d of %d", rd->level->title,
                       deck_round_position(&rd->r) + 1, deck_round_count(&rd->r));
    const DeckCard *card = deck_round_card(&rd->r);
    const DeckLevel *home = card_home(rd, &card);
    if (rd->mixed && home != rd->level) /* which level the card comes from */
        len += snprintf(buf + len, n - (size_t)len, MIDDOT "%s", home->title);
    const char *feeling = card_skill_feeling(a, &rd->skill);
    if (rd->skill.active) snprintf(buf + len, n - (size_t)len, MIDDOT "%s", skill_title(rd->skill.skill));
    else if (feeling) snprintf(buf + len, n - (size_t)len, MIDDOT "You\u2019d feel %s first", feeling);
}

static void render_reveal(App *a, Round *rd)
{
    int u = a->lay.unit;
    /* Tried in order until one fits: the explanations keep body size the longest. When even
     * the last is too tall, it scrolls. */
    const CardsRevealStyle tries[] = {
        {TEXT_BODY, TEXT_TITLE, TEXT_BODY, TEXT_BODY, TEXT_BODY, u, u * 3 / 2, false},
        {TEXT_SMALL, TEXT_BODY, TEXT_SMALL, TEXT_BODY, TEXT_SMALL, u, u, false},
        {TEXT_SMALL, TEXT_BODY, TEXT_SMALL, TEXT_BODY, TEXT_SMALL, u * 2 / 3, u * 2 / 3, true},
        {TEXT_SMALL, TEXT_BODY, TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u / 2, u / 2, true},
        {TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u / 3, u / 2, true},
    };
    int n = (int)(sizeof tries / sizeof tries[0]);
    bool last = deck_round_position(&rd->r) + 1 == deck_round_count(&rd->r);
    const LearnScreen *read = card_reading(a, rd, deck_round_card(&rd->r));
    char link[LEARN_TITLE_MAX * 4 + 16];
    snprintf(link, sizeof link, "Read: %s", read ? read->title : "");
    char next[80];
    snprintf(next, sizeof next, "%s%s", card_skill_due_after(&rd->skill) ? "Next: " : "",
             card_skill_due_after(&rd->skill) ? skill_title(rd->skill.skill)
             : last                           ? "See how it went"
                                              : "Next card");
    const char *fav = showing_favourite(a, rd) ? "Remove from favourites" : "Keep as a favourite";
    const char *label[3] = {next, fav, link};
    rd->next.count = read ? 3 : 2;
    int by = ui_buttons_top(a, &rd->next, label); /* higher when the row wraps */
    char line[240];
    card_top_line(a, rd, line, sizeof line);
    int top = cards_top_line(a, line);
    int bottom = cards_content_bottom(a, true) - (a->lay.buttons_y - by), avail = bottom - top;
    int k = 0, h = 0, w = 0;
    for (; k < n; k++) {
        w = tries[k].wide ? a->w - 2 * SDL_min(a->lay.margin, 2 * u) : text_measure(a) * 7 / 4;
        if (!tries[k].wide && w > a->lay.wide) w = a->lay.wide;
        h = cards_reveal_layout(a, &rd->r, rd->last_choice, tries[k], (a->w - w) / 2, w, top, false);
        if (h <= avail) break;
    }
    int x = (a->w - w) / 2;
    if (k == n) {
        k = n - 1;
        int sy = cards_scroll_begin(a, &rd->reveal_scroll, h, top, bottom);
        cards_reveal_layout(a, &rd->r, rd->last_choice, tries[k], x, w - cards_scroll_room(a), sy, true);
        cards_scroll_end(a, &rd->reveal_scroll, x, w, top, bottom);
    } else {
        int y = top + (avail - h) / 3;
        cards_reveal_layout(a, &rd->r, rd->last_choice, tries[k], x, w, y < top ? top : y, true);
    }
    ui_buttons_render(a, &rd->next, label, by);
}

/* "Connection-oriented 3 · Anxious 1 · ..." in each style's colour, centred at y. */
/* The picks per style on one line (two when one is too wide), drawn at y when draw; returns
 * the height. */
static int style_counts_line(App *a, const int counts[DECK_STYLE_COUNT], int y, bool draw)
{
    char seg[DECK_STYLE_COUNT][48];
    TextRole role = TEXT_BODY;
    int total = 0, gap = 0, w[DECK_STYLE_COUNT];
    for (int pass = 0; pass < 2; pass++) {
        total = 0;
        gap = text_line(a, role);
        for (int i = 0; i < DECK_STYLE_COUNT; i++) {
            snprintf(seg[i], sizeof seg[i], "%s %d", deck_style_title((DeckStyle)i), counts[i]);
            w[i] = text_size(a, role, seg[i], 0).x;
            total += w[i] + (i ? gap : 0);
        }
        if (total <= a->lay.wide) break;
        role = TEXT_SMALL;
    }
    int rows = total <= a->lay.wide ? 1 : 2, per = (DECK_STYLE_COUNT + rows - 1) / rows;
    for (int row = 0; draw && row < rows; row++) {
        int from = row * per, to = from + per < DECK_STYLE_COUNT ? from + per : DECK_STYLE_COUNT, rw = 0;
        for (int i = from; i < to; i++) rw += w[i] + (i > from ? gap : 0);
        int x = (a->w - rw) / 2, ry = y + row * text_line(a, role);
        for (int i = from; i < to; i++) {
            SDL_Rect r = text_draw(a, role, seg[i], x, ry, ALIGN_LEFT, a->theme.style[i], 0);
            x += r.w + gap;
        }
    }
    return rows * text_line(a, role);
}

/* The end of the round. Everything is measured first: when it would reach the buttons, it
 * starts higher, then leaves out the row of dots (the counts say the same), then the level's
 * progress line, then sets the question in smaller words. */
static void render_end(App *a, Round *rd)
{
    const Theme *t = &a->theme;
    char buf[320], prog[160], line[320];
    int mw = text_measure(a);
    static const char *const labels[2] = {"Another round", "Menu"};
    int bh = ui_buttons_height(a, &rd->end, labels, a->w * 94 / 100);
    int limit = a->lay.hints_y - a->lay.unit; /* above the key hints */
    deck_round_summary(&rd->r, buf, sizeof buf);
    cards_progress_line(a, rd->level, prog, sizeof prog);
    snprintf(line, sizeof line, "%s: %s", rd->level->title, prog);
    int counts[DECK_STYLE_COUNT];
    deck_round_style_counts(&rd->r, counts);
    float rad = a->h / 70.0f, step = rad * 3.2f;
    int title_h = text_size(a, TEXT_DISPLAY, "Round complete", 0).y;
    int dots_h = (int)(2 * rad) + a->lay.margin;
    int prog_h = text_size(a, TEXT_SMALL, line, mw).y + a->lay.margin;
    int fixed = title_h + a->lay.margin + a->lay.unit + journal_answer_button_h(a) + a->lay.margin +
                style_counts_line(a, counts, 0, false) + a->lay.gap + bh;
    int y = a->h / 7, level = 0;
    bool dots = true, progress = !rd->mixed; /* a mixed deck has no progress of its own */
    TextRole sum_role = TEXT_BODY;
    for (; level < 5; level++) {
        if (level == 1) y = ui_bar_bottom(a);
        if (level == 2) dots = false;
        if (level == 3) progress = false;
        if (level == 4) sum_role = TEXT_SMALL;
        int need = fixed + text_size(a, sum_role, buf, mw).y + (dots ? dots_h : 0) + (progress ? prog_h : a->lay.unit);
        if (y + need <= limit) break;
    }
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Round complete", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.margin;
    r = text_draw(a, sum_role, buf, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->lay.unit;
    rd->answer = journal_answer_button(a, rd->answered, y);
    y += journal_answer_button_h(a) + a->lay.margin;
    if (dots) {
        /* One dot per card, in the colour of the style picked. */
        int n = deck_round_count(&rd->r);
        float x0 = a->w / 2.0f - step * (float)(n - 1) / 2.0f;
        for (int i = 0; i < n; i++) {
            DeckPick pk = deck_round_pick(&rd->r, i);
            float cx = x0 + step * (float)i, cy = (float)y + rad;
            if (pk.response >= 0) cards_dot(a, cx, cy, rad, t->style[pk.style]);
            else draw_arc(a, cx, cy, rad - 1, 2, 0, 1, color_alpha(t->muted, 0.5f));
        }
        y += dots_h;
    }
    y += style_counts_line(a, counts, y, true) + a->lay.gap;
    if (progress) {
        r = text_draw(a, TEXT_SMALL, line, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
        y += r.h + a->lay.margin;
    } else {
        y += a->lay.unit;
    }
    int by = (int)(a->h * 0.72f);
    if (by < y) by = y;
    if (by > limit - bh) by = limit - bh;
    ui_buttons_render(a, &rd->end, labels, by);
    ui_hints(a, rd->answered ? "Left/Right choose   Enter go" : "Left/Right choose   Enter go   W write", "Esc levels");
}

static void round_render(App *a, void *s)
{
    Round *rd = s;
    if (deck_round_finished(&rd->r)) {
        render_end(a, rd);
        return;
    }
    char top[240];
    card_top_line(a, rd, top, sizeof top);
    if (rd->skill.active) {
        bool last = deck_round_position(&rd->r) + 1 == deck_round_count(&rd->r);
        card_skill_render(a, &rd->skill, top, deck_round_revealed(&rd->r)
                                                  ? (last ? "See how it went" : "Next card")
                                                  : "See the responses");
        return;
    }
    if (deck_round_revealed(&rd->r)) {
        render_reveal(a, rd);
        bool read = card_reading(a, rd, deck_round_card(&rd->r)) != NULL;
        const char *go = card_skill_due_after(&rd->skill) ? "Enter go on" : "Enter next card";
        char hint[80];
        snprintf(hint, sizeof hint, "%s   K favourite%s", go, read ? "   L read" : "");
        ui_hints(a, hint, "Esc levels");
        return;
    }
    int y = cards_top_line(a, top);
    const DeckResponse *resp[DECK_RESPONSES];
    for (int i = 0; i < DECK_RESPONSES; i++) resp[i] = deck_round_response(&rd->r, i);
    card_choice_render(a, &rd->choice, deck_round_card(&rd->r), resp, y, cards_content_bottom(a, false));
    ui_hints(a, "1-4 or click to choose   Up/Down and Enter", "Esc levels");
}

/* The round's clock starts when it appears (after the before check-in, if any). */
static void round_enter(App *a, void *s)
{
    Round *rd = s;
    timer_start(&rd->timer, a->now);
    rd->entered = true;
    round_card_shown(a, rd, true); /* the first card's skill starts now, not at the check-in */
}

/* Under help (or a reading) the round's time stands still, and so do the breaths. */
static void round_covered(App *a, void *s, bool covered)
{
    Round *rd = s;
    timer_hold(&rd->timer, a->now, covered);
    card_skill_hold(a, &rd->skill, covered);
}

static void round_update(App *a, void *s)
{
    Round *rd = s;
    if (card_skill_update(a, &rd->skill)) { /* the breaths are over: the responses */
        card_choice_reset(&rd->choice);
        scene_fade(a);
    }
}

static bool round_animating(App *a, void *s)
{
    Round *rd = s;
    return card_skill_animating(a, &rd->skill);
}

static void round_free(App *a, void *s)
{
    Round *rd = s;
    round_record(a, rd); /* the window closed mid-round: keep what was done */
    cardmix_free(&rd->mix);
    free(rd);
}

static const SceneVT ROUND = {.name = "cards", .enter = round_enter, .event = round_event,
                              .update = round_update, .render = round_render,
                              .animating = round_animating,
                              .free = round_free, .covered = round_covered};

/* A round of a deck across levels: one random card, or up to a round of favourites. */
void cards_mix_push(App *a, bool favourites)
{
    Round *rd = calloc(1, sizeof *rd);
    if (!rd) return;
    rd->seed = cards_seed(a);
    bool ok = favourites ? cardmix_favourites(&rd->mix, userdata_cards(a), a->content.levels,
                                              a->content.nlevels)
                         : cardmix_random(&rd->mix, a->content.levels, a->content.nlevels, rd->seed);
    if (!ok || rd->mix.level.ncards == 0) {
        cardmix_free(&rd->mix);
        free(rd);
        return;
    }
    rd->mixed = true;
    rd->level = &rd->mix.level;
    /* Solo cards only: what two people play together is chosen from a level. */
    deck_round_start(&rd->r, rd->level, favourites ? DECK_ROUND_DEFAULT : 1, rd->seed, NULL, 0);
    card_choice_reset(&rd->choice);
    rd->last_choice = -1;
    rd->next = (UiButtons){.count = 2, .hover = -1};
    rd->end = (UiButtons){.count = 2, .hover = -1};
    recording_begin(a, PRACTICE_CARDS, rd->level->id, &ROUND, rd);
}

void cards_round_push(App *a, const DeckLevel *level)
{
    if (!level || level->ncards == 0) return;
    Round *rd = calloc(1, sizeof *rd);
    if (!rd) return;
    rd->level = level;
    const char *seen[DECK_MAX_CARDS];
    int nseen = levels_seen_ids(&a->data.seen_cards, level, seen, DECK_MAX_CARDS);
    rd->seed = cards_seed(a);
    deck_round_start(&rd->r, level, DECK_ROUND_DEFAULT, rd->seed, seen, nseen);
    card_choice_reset(&rd->choice);
    rd->last_choice = -1;
    rd->next = (UiButtons){.count = 2, .hover = -1};
    rd->end = (UiButtons){.count = 2, .hover = -1};
    recording_begin(a, PRACTICE_CARDS, level->id, &ROUND, rd);
}
