/* Scenario cards: the level picker, shared with couple mode, with the focused level's intro,
 * suggested practices and progress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/couple.h"
#include "cards_view.h"
#include "scenes.h"

#define MIDDOT " \u00b7 "

/* ---------- level picker ---------- */

typedef struct Picker {
    UiList list;
    bool couple;
    char names[2][COUPLE_NAME_MAX];
    UiItem items[UI_LIST_MAX];
    char titles[UI_LIST_MAX][DECK_TITLE_MAX * 4 + 8];
    char subs[UI_LIST_MAX][80];
} Picker;

/* Copies s, cut with an ellipsis on a UTF-8 boundary so it fits in w pixels: list rows do
 * not wrap. */
static void elide(App *a, TextRole role, const char *s, int w, char *out, size_t n)
{
    snprintf(out, n, "%s", s);
    size_t len = strlen(out);
    while (len > 0 && text_size(a, role, out, 0).x > w) {
        do len--;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80);
        size_t k = len;
        while (k > 0 && s[k - 1] == ' ') k--;
        snprintf(out, n, "%.*s\u2026", (int)k, s);
    }
}

static void picker_start(App *a, Picker *p, int i)
{
    if (i < 0 || i >= a->content.nlevels) return;
    const DeckLevel *l = &a->content.levels[i];
    if (p->couple) together_push(a, l, p->names[0], p->names[1]);
    else cards_round_push(a, l);
}

static void picker_event(App *a, void *s, const SDL_Event *e)
{
    Picker *p = s;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        scene_pop(a);
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


/* The focused level's intro and suggested practices; measured first so it always fits. */
static int level_panel(App *a, const DeckLevel *l, SDL_Rect panel, TextRole intro_role, bool draw)
{
    const Theme *t = &a->theme;
    const Content *c = &a->content;
    int pad = a->lay.margin, x = panel.x + pad, w = panel.w - 2 * pad, y = panel.y + pad;
    char buf[400];
    SDL_Rect r = cards_put(a, draw, TEXT_TITLE, l->title, x, y, ALIGN_LEFT, t->text, w);
    y += r.h;
    snprintf(buf, sizeof buf, "Level %d of %d", l->number, c->nlevels);
    r = cards_put(a, draw, TEXT_SMALL, buf, x, y, ALIGN_LEFT, t->muted, 0);
    y += r.h + pad / 2;
    r = cards_put(a, draw, intro_role, l->intro, x, y, ALIGN_LEFT, t->text, w);
    y += r.h + pad * 2 / 3;
    r = cards_put(a, draw, TEXT_SMALL, "Suggested practices", x, y, ALIGN_LEFT, t->muted, 0);
    y += r.h;
    for (int b = 1; b >= 0; b--) {
        if (!(b ? l->nbreathing : l->ngrounding)) continue;
        practice_line(c, l, b, buf, sizeof buf);
        r = cards_put(a, draw, TEXT_SMALL, buf, x, y, ALIGN_LEFT, t->step[0], w);
        y += r.h;
    }
    y += pad * 2 / 3;
    cards_progress_line(a, l, buf, sizeof buf);
    r = cards_put(a, draw, TEXT_SMALL, buf, x, y, ALIGN_LEFT, t->muted, w);
    y += r.h + pad;
    return y - panel.y;
}

static void picker_render(App *a, void *s)
{
    Picker *p = s;
    const Theme *t = &a->theme;
    const Content *c = &a->content;
    char sub[160];
    if (p->couple)
        snprintf(sub, sizeof sub, "%s and %s: choose a level to play together.", p->names[0], p->names[1]);
    int y = ui_header(a, p->couple ? "Cards together" : "Cards",
                      p->couple ? sub : "Every level is open. They're listed in the suggested order.");
    for (int i = 0; i < p->list.count; i++) {
        LevelProgress lp = levels_progress(&a->data.settings, &c->levels[i]);
        snprintf(p->subs[i], sizeof p->subs[i], "Level %d of %d" MIDDOT "%d of %d seen",
                 c->levels[i].number, c->nlevels, lp.seen, c->levels[i].ncards);
    }
    int bottom = cards_content_bottom(a, false);
    int gap = a->w / 40;
    int lw = a->w * 30 / 100, pw = a->w * 46 / 100;
    for (int i = 0; i < p->list.count; i++) {
        /* ui_list_render insets text by 2 * row_pad on the left; keep as much on the right. */
        int room = lw - 4 * (a->lay.row_pad);
        elide(a, TEXT_BODY, c->levels[i].title, room, p->titles[i], sizeof p->titles[i]);
        p->items[i] = (UiItem){p->titles[i], p->subs[i]};
    }
    int lx = (a->w - lw - pw - gap) / 2, px = lx + lw + gap;
    ui_list_render(a, &p->list, p->items, (SDL_Rect){lx, y, lw, bottom - y});
    if (p->list.focus < c->nlevels) {
        const DeckLevel *l = &c->levels[p->list.focus];
        SDL_Rect panel = {px, y, pw, bottom - y};
        TextRole role = TEXT_BODY;
        if (level_panel(a, l, panel, role, false) > panel.h) role = TEXT_SMALL;
        panel.h = level_panel(a, l, panel, role, false);
        draw_rrect(a, panel, a->lay.unit, t->surface);
        level_panel(a, l, panel, role, true);
    }
    ui_hints(a, "Up/Down level   Enter start a round", "Esc back");
}

static const SceneVT PICKER = {.name = "cards-picker", .event = picker_event, .render = picker_render};

void cards_picker_push(App *a, const char *level_id, const char *const *names)
{
    Picker *p = calloc(1, sizeof *p);
    if (!p) return;
    int n = a->content.nlevels < UI_LIST_MAX ? a->content.nlevels : UI_LIST_MAX;
    p->list = (UiList){.count = n, .hover = -1, .focus = levels_suggested(&a->data.settings, &a->content)};
    const DeckLevel *l = levels_find(&a->content, level_id);
    if (l) p->list.focus = (int)(l - a->content.levels);
    if (p->list.focus >= n) p->list.focus = 0;
    if (names) {
        p->couple = true;
        for (int i = 0; i < 2; i++)
            snprintf(p->names[i], sizeof p->names[i], "%s", names[i] && *names[i] ? names[i]
                                                             : i ? "Partner B" : "Partner A");
    }
    scene_push(a, &PICKER, p);
}
