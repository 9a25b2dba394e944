/* Scenario cards: the level picker, shared with couple mode, with the focused level's intro and
 * suggested practices (alone, two decks across levels follow the levels: a random card and the
 * favourites), and what comes before a round (the safety note, the couple gate, "four
 * moves anyone makes"), each shown once and on demand from the picker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/couple.h"
#include "cards_view.h"
#include "scenes.h"
#include "userdata.h"

#define MIDDOT " \u00b7 "

/* ---------- level picker ---------- */

typedef struct Picker {
    UiList list;
    UiButtons about; /* "About the four moves", the safety note or the couple gate, "Learn" */
    bool couple;
    char names[2][COUPLE_NAME_MAX];
    UiItem items[UI_LIST_MAX];
    char subs[UI_LIST_MAX][80];
} Picker;

/* ---------- before a round: the safety note, the couple gate, "moves, not types" ---------- */

static const char MOVES_TITLE[] = "Four moves anyone makes";
static const char MOVES_BODY[] =
    "Each card offers four ways to respond. They are not four kinds of people: they are moves "
    "anyone makes under stress, and everyone makes all four. Some reach toward the other person "
    "for reassurance (anxious), some step back to stay safe (avoidant), some do both at once "
    "(fearful-avoidant), and some name what you feel and need while staying open to what they "
    "feel (connection-oriented). Noticing which one pulls at you is the practice.";
static const char GATE_TITLE[] = "For two people who feel safe together";

/* The gate's words: who Cards together is for, then the safety note. */
static void gate_body(const App *a, char *buf, size_t n)
{
    snprintf(buf, n, "Play together only if you both feel safe with each other, and either of "
                     "you can stop at any time.\n\n%s", a->content.res.safety ? a->content.res.safety : "");
}

/* Decks across levels, listed after the levels in the solo picker. */
enum { MIX_NONE, MIX_RANDOM, MIX_FAVOURITES, MIX_COUNT = 2 };

typedef struct Begin {
    const DeckLevel *level;
    int mix;     /* MIX_RANDOM or MIX_FAVOURITES instead of a level */
    bool couple;
    char names[2][COUPLE_NAME_MAX];
} Begin;

static void begin_next(App *a, Begin *b);

static void begin_seen(App *a, Begin *b, bool *flag, int choice)
{
    if (choice != 0) { /* Back or Esc: to the picker */
        free(b);
        return;
    }
    *flag = true;
    userdata_save_settings(a);
    begin_next(a, b);
}

static void safety_done(App *a, void *ctx, int choice)
{
    begin_seen(a, ctx, &a->data.settings.cards_safety_seen, choice);
}

static void moves_done(App *a, void *ctx, int choice)
{
    begin_seen(a, ctx, &a->data.settings.moves_seen, choice);
}

static void gate_done(App *a, void *ctx, int choice)
{
    Begin *b = ctx;
    if (choice == 0) {
        settings_pair_mark(&a->data.settings, b->names[0], b->names[1]);
        userdata_save_settings(a);
        begin_next(a, b);
        return;
    }
    if (choice == 1) { /* practise on my own: the solo picker on the same level */
        scene_to_root(a);
        cards_picker_push(a, b->level->id, NULL);
    }
    free(b);
}

/* Shows the next note this person has not met yet, or starts the round. */
static void begin_next(App *a, Begin *b)
{
    Settings *st = &a->data.settings;
    char body[1200];
    if (b->couple && !settings_pair_seen(st, b->names[0], b->names[1])) {
        static const char *const labels[3] = {"We both feel safe", "Practise on my own", "Back"};
        gate_body(a, body, sizeof body);
        notice_push_choice(a, GATE_TITLE, body, labels, 3, -1, gate_done, b);
    } else if (!b->couple && !st->cards_safety_seen) {
        static const char *const labels[2] = {"Continue", "Back"};
        notice_push_choice(a, "Before you begin", a->content.res.safety, labels, 2, -1, safety_done, b);
    } else if (!st->moves_seen) {
        static const char *const labels[2] = {"Begin", "Back"};
        notice_push_choice(a, MOVES_TITLE, MOVES_BODY, labels, 2, -1, moves_done, b);
    } else {
        if (b->couple) together_push(a, b->level, b->names[0], b->names[1]);
        else if (b->mix) cards_mix_push(a, b->mix == MIX_FAVOURITES);
        else cards_round_push(a, b->level);
        free(b);
    }
}

void cards_begin(App *a, const DeckLevel *level, const char *const *names)
{
    Begin *b = calloc(1, sizeof *b);
    if (!b) return;
    b->level = level;
    b->couple = names != NULL;
    for (int i = 0; names && i < 2; i++) /* as the round will show them */
        snprintf(b->names[i], sizeof b->names[i], "%s", names[i] && *names[i] ? names[i]
                                                          : i ? "Partner B" : "Partner A");
    begin_next(a, b);
}

static const char FAV_EMPTY_TITLE[] = "No favourites yet";
static const char FAV_EMPTY_BODY[] =
    "When a card speaks to you, keep it: after you choose a response, press K or choose "
    "\u201cKeep as a favourite\u201d. Your favourites wait for you here, to practise again.";

static void begin_mix(App *a, int mix)
{
    Begin *b = calloc(1, sizeof *b);
    if (!b) return;
    b->mix = mix;
    begin_next(a, b);
}

static void fav_empty_done(App *a, void *ctx, int choice)
{
    (void)ctx;
    if (choice == 0) begin_mix(a, MIX_RANDOM);
}

static int favourites_count(App *a)
{
    return cardmemory_favourites(userdata_cards(a), NULL, 0);
}

static void picker_start(App *a, Picker *p, int i)
{
    if (!p->couple && i == a->content.nlevels) {
        begin_mix(a, MIX_RANDOM);
        return;
    }
    if (!p->couple && i == a->content.nlevels + 1) {
        CardMix mix;
        bool any = cardmix_favourites(&mix, userdata_cards(a), a->content.levels,
                                      a->content.nlevels) && mix.level.ncards > 0;
        cardmix_free(&mix);
        if (any) {
            begin_mix(a, MIX_FAVOURITES);
        } else { /* not a dead end: how to keep one, and a card to start with */
            static const char *const labels[2] = {"Try a random card", "Back"};
            notice_push_choice(a, FAV_EMPTY_TITLE, FAV_EMPTY_BODY, labels, 2, -1, fav_empty_done, NULL);
        }
        return;
    }
    if (i < 0 || i >= a->content.nlevels) return;
    const char *names[2] = {p->names[0], p->names[1]};
    cards_begin(a, &a->content.levels[i], p->couple ? names : NULL);
}

/* The notes again, on demand: "moves, not types", and the safety note or the couple gate. */
static void picker_about(App *a, Picker *p, int which)
{
    static const char *const ok[1] = {"OK"};
    char body[1200];
    if (which == 0) notice_push_choice(a, MOVES_TITLE, MOVES_BODY, ok, 1, 0, NULL, NULL);
    else if (p->couple) {
        gate_body(a, body, sizeof body);
        notice_push_choice(a, GATE_TITLE, body, ok, 1, 0, NULL, NULL);
    } else {
        notice_push_choice(a, "Everyday friction, not abuse", a->content.res.safety, ok, 1, 0, NULL, NULL);
    }
}

static void picker_event(App *a, void *s, const SDL_Event *e)
{
    Picker *p = s;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); return;
        case SDLK_a: picker_about(a, p, 0); return;
        case SDLK_n: picker_about(a, p, 1); return;
        case SDLK_l: learn_push(a, NULL); return;
        default: break;
        }
    }
    int b = e->type == SDL_KEYDOWN ? -1 : ui_buttons_event(a, &p->about, e);
    if (b == 2) {
        learn_push(a, NULL);
        return;
    }
    if (b >= 0) {
        picker_about(a, p, b);
        return;
    }
    picker_start(a, p, ui_list_event(a, &p->list, e));
}

/* "Breathing: Six a minute, Box breathing" from the level's practice ids. */
static void practice_line(const Content *c, const DeckLevel *l, bool breathing, char *buf, size_t n)
{
    size_t len = (size_t)snprintf(buf, n, "%s", breathing ? "Breathing: " : "Grounding: ");
    int count = breathing ? l->nbreathing : l->ngrounding;
    for (int i = 0; i < count && len < n; i++) {
        const char *id = breathing ? l->breathing[i] : l->grounding[i];
        const char *title = id;
        if (breathing) {
            const BreathPattern *bp = content_pattern(c, id);
            if (bp) title = bp->title;
        } else {
            const GroundExercise *ge = content_exercise(c, id);
            if (ge) title = ge->title;
        }
        len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", title);
    }
}

/* The focused level's intro and suggested practices (ui_detail steps them down to fit). */
static void level_panel(App *a, const DeckLevel *l, SDL_Rect panel)
{
    const Theme *t = &a->theme;
    const Content *c = &a->content;
    int pad = a->lay.margin;
    char level[64], practices[2][400], progress[200];
    snprintf(level, sizeof level, "Level %d of %d", l->number, c->nlevels);
    for (int b = 1; b >= 0; b--) {
        practices[b][0] = 0;
        if (b ? l->nbreathing : l->ngrounding) practice_line(c, l, b, practices[b], sizeof practices[b]);
    }
    cards_progress_line(a, l, progress, sizeof progress);
    UiBlock b[] = {
        {TEXT_TITLE, l->title, t->text, 0},
        {TEXT_SMALL, level, t->muted, 0},
        {TEXT_BODY, l->intro, t->text, pad / 2},
        {TEXT_SMALL, l->safety_note ? c->res.safety : NULL, t->step[0], pad / 2},
        {TEXT_SMALL, "Suggested practices", t->muted, pad * 2 / 3},
        {TEXT_SMALL, practices[1], t->step[0], 0},
        {TEXT_SMALL, practices[0], t->step[0], 0},
        {TEXT_SMALL, progress, t->muted, pad * 2 / 3},
    };
    ui_detail(a, panel, b, 8, true);
}

/* The panel of a deck across levels: what it is, and how many cards it holds (ui_detail steps
 * it down to fit). */
static void mix_panel(App *a, int mix, SDL_Rect panel)
{
    const Theme *t = &a->theme;
    int pad = a->lay.margin;
    char kept[64] = "";
    int nfav = mix == MIX_FAVOURITES ? favourites_count(a) : 0;
    if (nfav) snprintf(kept, sizeof kept, nfav == 1 ? "%d card kept" : "%d cards kept", nfav);
    const char *about =
        mix == MIX_RANDOM
            ? "One card from any level, for when you have a minute. Each time, a different "
              "moment to practise with."
        : nfav ? "The cards you kept to come back to, a round of up to five at a time."
               : FAV_EMPTY_BODY;
    UiBlock b[] = {
        {TEXT_TITLE, mix == MIX_RANDOM ? "Random card" : "Favourites", t->text, 0},
        {TEXT_BODY, about, t->text, pad / 2},
        {TEXT_SMALL, kept[0] ? kept : NULL, t->muted, pad * 2 / 3},
    };
    ui_detail(a, panel, b, 3, true);
}

static void picker_render(App *a, void *s)
{
    Picker *p = s;
    const Content *c = &a->content;
    char sub[160];
    if (p->couple)
        snprintf(sub, sizeof sub, "%s and %s: choose a level to play together.", p->names[0], p->names[1]);
    int y = ui_header(a, p->couple ? "Cards together" : "Cards",
                      p->couple ? sub : "Every level is open. They're listed in the suggested order.");
    int nlevels = p->couple ? p->list.count : p->list.count - MIX_COUNT;
    for (int i = 0; i < nlevels; i++) {
        LevelProgress lp = levels_progress(&a->data.settings, &c->levels[i]);
        snprintf(p->subs[i], sizeof p->subs[i], "Level %d of %d" MIDDOT "%d of %d seen",
                 c->levels[i].number, c->nlevels, lp.seen, c->levels[i].ncards);
    }
    const char *about[3] = {"About the four moves", p->couple ? "Is this for us?" : "Safety note",
                            "Learn"};
    int by = ui_buttons_top(a, &p->about, about);
    int bottom = cards_content_bottom(a, true) - (a->lay.buttons_y - by);
    int gap = a->w / 40;
    int lw = a->w * 30 / 100, pw = a->w * 46 / 100;
    for (int i = 0; i < nlevels; i++) p->items[i] = (UiItem){c->levels[i].title, p->subs[i]};
    if (!p->couple) {
        int nfav = favourites_count(a);
        snprintf(p->subs[nlevels], sizeof p->subs[nlevels], "Any level");
        if (nfav) snprintf(p->subs[nlevels + 1], sizeof p->subs[nlevels + 1],
                           nfav == 1 ? "%d card" : "%d cards", nfav);
        else snprintf(p->subs[nlevels + 1], sizeof p->subs[nlevels + 1], "None yet");
        p->items[nlevels] = (UiItem){"Random card", p->subs[nlevels]};
        p->items[nlevels + 1] = (UiItem){"Favourites", p->subs[nlevels + 1]};
    }
    int lx = (a->w - lw - pw - gap) / 2, px = lx + lw + gap;
    /* A line of room above the list for its "more above" cue, once it has scrolled (the
     * decks across levels come last). */
    int cue = p->list.count > a->content.nlevels ? text_line(a, TEXT_SMALL) : 0;
    ui_list_render(a, &p->list, p->items, (SDL_Rect){lx, y + cue, lw, bottom - y - cue});
    if (p->list.focus < nlevels) {
        const DeckLevel *l = &c->levels[p->list.focus];
        level_panel(a, l, (SDL_Rect){px, y, pw, bottom - y});
    } else if (p->list.focus < p->list.count) {
        mix_panel(a, p->list.focus == nlevels ? MIX_RANDOM : MIX_FAVOURITES,
                  (SDL_Rect){px, y, pw, bottom - y});
    }
    ui_buttons_render(a, &p->about, about, by);
    ui_hints(a, p->couple ? "Up/Down level   Enter start   A moves   N for us?   L learn"
                          : "Up/Down level   Enter start   A moves   N safety note   L learn",
             "Esc back");
}

static const SceneVT PICKER = {.name = "cards-picker", .event = picker_event, .render = picker_render};

void cards_picker_push(App *a, const char *level_id, const char *const *names)
{
    Picker *p = calloc(1, sizeof *p);
    if (!p) return;
    int n = a->content.nlevels < UI_LIST_MAX - MIX_COUNT ? a->content.nlevels : UI_LIST_MAX - MIX_COUNT;
    p->list = (UiList){.count = names ? n : n + MIX_COUNT, .hover = -1,
                       .focus = levels_suggested(&a->data.settings, &a->content)};
    p->about = (UiButtons){.count = 3, .focus = -1, .hover = -1};
    const DeckLevel *l = levels_find(&a->content, level_id);
    if (l) p->list.focus = (int)(l - a->content.levels);
    else if (level_id && !names && !strcmp(level_id, CARDMIX_RANDOM_ID)) p->list.focus = n;
    else if (level_id && !names && !strcmp(level_id, CARDMIX_FAVOURITES_ID)) p->list.focus = n + 1;
    if (p->list.focus >= p->list.count) p->list.focus = 0;
    if (names) {
        p->couple = true;
        for (int i = 0; i < 2; i++)
            snprintf(p->names[i], sizeof p->names[i], "%s", names[i] && *names[i] ? names[i]
                                                             : i ? "Partner B" : "Partner A");
    }
    scene_push(a, &PICKER, p);
}
