/* Cards together: two names, then for each card A picks while B looks away, a cover screen
 * hands the device over, B picks, and only then are both picks revealed side by side, with a
 * speaker-listener talk timer. Privacy is the core's job (couple.h answers nothing about a pick
 * before both have chosen); this file takes care not to leak it on screen either: no focus,
 * hover or fade from A's pick is carried over to B's screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recording.h"
#include "scenes.h"
#include "together_scene.h"
#include "userdata.h"

/* Called once per round, at its end or when the couple leaves: marks the cards both answered
 * as seen and records the couple session with both names (for the couple streak). A round left
 * before both answered a card records nothing. */
static void together_record(App *a, Couple *c)
{
    if (c->recorded || !c->entered) return;
    c->recorded = true;
    const DeckCard *cards[DECK_ROUND_MAX];
    int n = 0;
    CoupleReveal rv;
    for (int i = 0; i < couple_count(c->r); i++)
        if (couple_reveal_at(c->r, i, &rv)) cards[n++] = rv.card;
    if (n == 0) {
        recording_cancel(a);
        return;
    }
    if (levels_add(&a->data.seen_cards, &a->data.settings, c->level, cards, n))
        userdata_save_settings(a);
    recording_end(a, timer_elapsed(&c->timer, a->now), n == couple_count(c->r), n,
                 couple_name(c->r, COUPLE_A), couple_name(c->r, COUPLE_B));
}


static void together_next_card(App *a, Couple *c)
{
    if (!couple_next(c->r)) return;
    card_choice_reset(&c->choice);
    if (couple_state(c->r) == COUPLE_END) {
        together_record(a, c);
        c->end_btn.focus = 0;
        audio_play(a, CUE_BELL);
    }
    scene_fade(a);
}

static void talk_begin(App *a, Couple *c)
{
    /* Take turns at going first, card by card. */
    int first = couple_position(c->r) % 2 ? COUPLE_B : COUPLE_A;
    if (!couple_talk_begin(c->r, first, COUPLE_TALK_SPEAK_MS, COUPLE_TALK_SUMUP_MS, a->now)) return;
    c->talk = couple_talk_at(couple_talk(c->r), a->now);
    c->talk_btn = (UiButtons){.count = 2, .focus = 0, .hover = -1};
    c->flood_btn = (UiButtons){.count = 1, .focus = -1, .hover = -1};
    scene_fade(a);
}

/* Flooded: the talk stops, and after the break the same card is back on screen. */
static void talk_flooded(App *a, Couple *c)
{
    couple_talk_stop(c->r);
    together_break_push(a);
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
        scene_fade(a);
        return;
    }
    if (v.done) {
        int i = ui_buttons_event(a, &c->talk_btn, e);
        if (i == 0) together_next_card(a, c);
        else if (i == 1) {
            couple_talk_stop(c->r);
            scene_fade(a);
        }
        return;
    }
    if (ui_buttons_event(a, &c->flood_btn, e) == 0) {
        talk_flooded(a, c);
        return;
    }
    if (e->type != SDL_KEYDOWN) return;
    switch (e->key.keysym.sym) {
    case SDLK_f: talk_flooded(a, c); return;
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

static void together_answered(App *a, void *ctx, bool saved)
{
    Couple *c = ctx;
    if (saved) c->answered = true;
    a->dirty = true;
}

static void together_event(App *a, void *s, const SDL_Event *e)
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
            together_record(a, c);
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
            c->reveal_btn = (UiButtons){.count = 2, .focus = 0, .hover = -1}; /* Enter: talk it through */
            c->reveal_scroll = (UiScroll){0};
            scene_fade(a);
        }
        break;
    }
    case COUPLE_COVER:
        c->cover_btn.count = 1;
        ui_buttons_event(a, &c->cover_btn, e); /* its hover */
        if (is_enter(e) || is_key(e, SDLK_SPACE) ||
            (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT)) {
            couple_handed_over(c->r);
            card_choice_reset(&c->choice); /* B's screen starts with nothing focused */
            scene_fade(a);
        }
        break;
    case COUPLE_REVEAL: {
        const LearnScreen *read = together_learn(a, c);
        if (is_key(e, SDLK_t)) {
            talk_begin(a, c);
            break;
        }
        if (is_key(e, SDLK_n)) { /* the second button, by its key */
            together_next_card(a, c);
            break;
        }
        if (read && is_key(e, SDLK_l)) {
            learn_push(a, read->id);
            break;
        }
        if (ui_scroll_event(a, &c->reveal_scroll, e)) break;
        c->reveal_btn.count = read ? 3 : 2;
        int i = ui_buttons_event(a, &c->reveal_btn, e);
        if (i == 0) talk_begin(a, c);
        else if (i == 1) together_next_card(a, c);
        else if (i == 2 && read) learn_push(a, read->id);
        break;
    }
    case COUPLE_END: {
        bool write = e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == SDLK_w;
        if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
            SDL_Point p = window_mouse(a, e->button.x, e->button.y);
            write = SDL_PointInRect(&p, &c->answer);
        }
        if (write && !c->answered) {
            CoupleSummary sum;
            couple_summary(c->r, &sum);
            journal_answer_push(a, c->level->id, NULL, NULL, sum.text, together_answered, c);
            return;
        }
        int i = ui_buttons_event(a, &c->end_btn, e);
        if (i == 0) {
            together_push(a, c->level, together_name(c, COUPLE_A), together_name(c, COUPLE_B));
            scene_pop(a); /* pops this round; the new one is pushed after it */
        } else if (i == 1) {
            scene_to_root(a);
        }
        break;
    }
    default: break;
    }
}

static void together_update(App *a, void *s)
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

static bool together_animating(App *a, void *s)
{
    (void)a;
    Couple *c = s;
    return couple_state(c->r) == COUPLE_TALK && !c->talk.done && !c->talk.paused && c->talk.timed;
}

static void together_render(App *a, void *s) { together_view_render(a, s); }


/* The session's clock starts when it appears. */
static void together_enter(App *a, void *s)
{
    Couple *c = s;
    timer_start(&c->timer, a->now);
    c->entered = true;
}

/* Under help the session's time stands still, and whoever holds the floor keeps theirs. */
static void together_covered(App *a, void *s, bool covered)
{
    Couple *c = s;
    timer_hold(&c->timer, a->now, covered);
    CoupleTalk *t = couple_talk(c->r); /* NULL outside the talk */
    if (t) couple_talk_hold(t, a->now, covered);
}

static void together_free(App *a, void *s)
{
    Couple *c = s;
    couple_end(c->r); /* the window closed mid-round: keep what both answered */
    together_record(a, c);
    couple_free(c->r);
    free(c);
}

/* The talk timer pauses (Space); its Leave ends the talk, as Esc does. */
static int couple_paused(App *a, void *s)
{
    Couple *c = s;
    if (couple_state(c->r) != COUPLE_TALK) return -1;
    CoupleTalkView v = couple_talk_at(couple_talk(c->r), a->now);
    return v.done || !v.timed ? -1 : v.paused;
}

static const SceneVT COUPLE = {
    .paused = couple_paused,
    .bar = UI_BAR_LEAVE | UI_BAR_PAUSE | UI_BAR_HELP,
    .name = "cards-together",
    .enter = together_enter,
    .event = together_event,
    .update = together_update,
    .render = together_render,
    .animating = together_animating,
    .free = together_free,
    .covered = together_covered,
};

void together_push(App *a, const DeckLevel *level, const char *name_a, const char *name_b)
{
    if (!level) return;
    Couple *c = calloc(1, sizeof *c);
    if (!c) return;
    const char *seen[DECK_MAX_CARDS];
    int nseen = levels_seen_ids(&a->data.seen_cards, level, seen, DECK_MAX_CARDS);
    c->r = couple_new(level, DECK_ROUND_DEFAULT, cards_seed(a), seen, nseen, name_a, name_b);
    if (!c->r) {
        free(c);
        return;
    }
    c->level = level;
    card_choice_reset(&c->choice);
    c->reveal_btn = (UiButtons){.count = 2, .focus = 0, .hover = -1}; /* Enter: talk it through */
    c->end_btn = (UiButtons){.count = 2, .hover = -1};
    c->cover_btn = (UiButtons){.count = 1, .focus = -1, .hover = -1};
    recording_begin_shared(a, PRACTICE_CARDS, level->id, &COUPLE, c);
}
