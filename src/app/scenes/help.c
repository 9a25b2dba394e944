/* Help, one key from anywhere: first the crisis and abuse lines of the user's region at body
 * size, then the safety note, the not-therapy notice and the keys. Other regions are one step
 * away (R, or the button). All of it is shipped content (Content.res). When it is taller than
 * the window it scrolls, with a visible cue; only whole lines are drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "userdata.h"
#include "scenes.h"

static const char *const KEYS[][2] = {
    {"Space", "quick calm from the menu; pause and resume a practice"},
    {"Enter / click", "choose, go on"},
    {"Esc", "go back"},
    {"Backspace", "the previous step of a grounding exercise"},
    {"Tab", "write a note, where a grounding step offers it"},
    {"M", "sound on or off"},
    {"J", "your Journal, from the menu or Progress: type to search, Delete to delete"},
    {"W", "at the end of a card round: write your answer into your Journal"},
    {"L", "in Cards: short reads on the ideas behind them (Learn)"},
    {"S", "in Cards: skip a level's skill"},
    {"F11", "full screen"},
    {"F1 or ?", "this help (a practice waits while it is open)"},
};

const HelpRegion *help_region(const App *a)
{
    const char *code = a->region_arg[0]           ? a->region_arg
                       : a->data.settings.region[0] ? a->data.settings.region
                                                    : a->locale_region;
    return resources_region(&a->content.res, code);
}

/* ---- a column of text blocks, laid out once per frame and scrolled as a whole ---- */

typedef struct Block {
    TextRole role;
    char text[640];
    SDL_Color color;
    int indent;   /* key names: drawn right-aligned in a column of this width */
    int gap;      /* space above, in lines of small text */
} Block;

#define HELP_BLOCKS 64

typedef struct Help {
    Block b[HELP_BLOCKS];
    int n;
    int scroll;   /* first block shown */
    int shown;    /* blocks shown last frame */
    UiButtons buttons;
} Help;

static Block *add(Help *h, TextRole role, SDL_Color c, int gap, const char *fmt, const char *a1,
                  const char *a2)
{
    if (h->n == HELP_BLOCKS) return NULL;
    Block *b = &h->b[h->n++];
    *b = (Block){.role = role, .color = c, .gap = gap};
    snprintf(b->text, sizeof b->text, fmt, a1, a2 ? a2 : "");
    return b;
}

static void help_fill(App *a, Help *h)
{
    const Theme *t = &a->theme;
    const Resources *r = &a->content.res;
    const HelpRegion *g = help_region(a);
    h->n = 0;
    if (g) {
        add(h, TEXT_SMALL, t->muted, 0, "%s%s", g->code[0] ? "Support in " : "", g->name);
        for (int i = 0; i < g->ncrisis; i++)
            add(h, TEXT_BODY, t->text, 1, "%s: %s", g->crisis[i].name, g->crisis[i].contact);
        add(h, TEXT_BODY, t->text, 1, "In an emergency, call %s.", g->emergency, NULL);
        if (g->nabuse) add(h, TEXT_SMALL, t->muted, 2, "%s", "If someone is hurting, threatening or controlling you", NULL);
        for (int i = 0; i < g->nabuse; i++)
            add(h, TEXT_BODY, t->text, 1, "%s: %s", g->abuse[i].name, g->abuse[i].contact);
    }
    if (r->safety) add(h, TEXT_SMALL, t->step[0], 2, "%s", r->safety, NULL);
    if (r->notice) add(h, TEXT_SMALL, t->muted, 2, "%s", r->notice, NULL);
    if (r->therapist) add(h, TEXT_SMALL, t->muted, 1, "%s", r->therapist, NULL);
    if (r->breathing) add(h, TEXT_SMALL, t->muted, 1, "%s", r->breathing, NULL);
    if (r->privacy) add(h, TEXT_SMALL, t->muted, 1, "%s", r->privacy, NULL);
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        Block *b = add(h, TEXT_SMALL, t->muted, i ? 0 : 2, "%s", KEYS[i][1], NULL);
        if (b) b->indent = 1 + (int)i; /* 1-based index into KEYS */
    }
}

static const char *const BUTTONS[3] = {"Other regions", "Welcome page", "Close"};

static void help_event(App *a, void *s, const SDL_Event *e)
{
    Help *h = s;
    int step = 0;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); return;
        case SDLK_r: help_regions_push(a); return;
        case SDLK_UP: step = -1; break;
        case SDLK_DOWN: step = 1; break;
        case SDLK_PAGEUP: step = -(h->shown > 1 ? h->shown - 1 : 1); break;
        case SDLK_PAGEDOWN: step = h->shown > 1 ? h->shown - 1 : 1; break;
        default:
            if (ui_is_help_key(e)) {
                scene_pop(a);
                return;
            }
            break;
        }
    } else if (e->type == SDL_MOUSEWHEEL) {
        step = e->wheel.y > 0 ? -2 : e->wheel.y < 0 ? 2 : 0;
    }
    if (step) {
        int max = h->n - h->shown;
        h->scroll += step;
        if (h->scroll > max) h->scroll = max;
        if (h->scroll < 0) h->scroll = 0;
        a->dirty = true;
        return;
    }
    switch (ui_buttons_event(a, &h->buttons, e)) {
    case 0: help_regions_push(a); break;
    case 1: welcome_push(a); break;
    case 2: scene_pop(a); break;
    default: break;
    }
}

static int block_height(App *a, const Block *b, int wrap)
{
    int gap = b->gap * text_line(a, TEXT_SMALL) / 2;
    return gap + text_size(a, b->role, b->text, wrap).y;
}

static void help_render(App *a, void *s)
{
    Help *h = s;
    const Theme *t = &a->theme;
    help_fill(a, h); /* cheap, and follows a region chosen a moment ago */
    int line = text_line(a, TEXT_BODY), small = text_line(a, TEXT_SMALL);
    int w = text_measure(a) + 2 * line;
    if (w > a->w - line) w = a->w - line;
    int x = (a->w - w) / 2, wrap = w - 2 * line;
    int keyw = 0;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        int kw = text_size(a, TEXT_SMALL, KEYS[i][0], 0).x;
        if (kw > keyw) keyw = kw;
    }
    keyw += small / 2;
    int title_h = text_size(a, TEXT_TITLE, "Help", 0).y;
    int buttons_h = ui_buttons_height(a, &h->buttons, BUTTONS, w - line);
    /* The panel: as tall as its contents, at most the window less a margin. */
    int margin = a->lay.gap, chrome = line + title_h + line / 2 + small + line / 2 + buttons_h + line;
    int room = a->h - 2 * margin - chrome;
    int total = 0;
    for (int i = 0; i < h->n; i++)
        total += block_height(a, &h->b[i], h->b[i].indent ? wrap - keyw : wrap);
    if (total <= room) h->scroll = 0;
    int body_h = total < room ? total : room;
    int ph = chrome + body_h;
    SDL_Rect panel = {x, (a->h - ph) / 2, w, ph};
    if (panel.y < margin) panel.y = margin;
    draw_rrect(a, panel, a->h / 50, t->surface);
    int y = panel.y + line;
    text_draw(a, TEXT_TITLE, "Help", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += title_h + line / 2;
    /* Whole blocks from the scroll position while they fit. */
    int bottom = y + body_h;
    h->shown = 0;
    int i = h->scroll;
    for (; i < h->n; i++) {
        const Block *b = &h->b[i];
        int bw = b->indent ? wrap - keyw : wrap;
        int bh = block_height(a, b, bw);
        if (y + bh > bottom && h->shown > 0) break;
        int ty = y + (i == h->scroll ? 0 : b->gap * small / 2);
        if (b->indent) {
            text_draw(a, TEXT_SMALL, KEYS[b->indent - 1][0], x + line + keyw - small / 2, ty,
                      ALIGN_RIGHT, t->text, 0);
            text_draw(a, b->role, b->text, x + line + keyw, ty, ALIGN_LEFT, b->color, bw);
        } else {
            text_draw(a, b->role, b->text, x + line, ty, ALIGN_LEFT, b->color, bw);
        }
        y += bh - (i == h->scroll ? b->gap * small / 2 : 0);
        h->shown++;
    }
    const char *cue = h->scroll > 0 && i < h->n ? "More above and below: Up/Down or the wheel"
                      : i < h->n               ? "More below: Down or the wheel"
                      : h->scroll > 0          ? "More above: Up or the wheel"
                                               : "";
    y = bottom + line / 2;
    if (cue[0]) text_draw(a, TEXT_SMALL, cue, a->w / 2, y, ALIGN_CENTER, t->step[0], 0);
    y += small + line / 2;
    ui_buttons_render_in(a, &h->buttons, BUTTONS, y, w - line);
}

static void *help_make(App *a, const void *args)
{
    (void)a;
    (void)args;
    Help *h = calloc(1, sizeof *h);
    if (h) h->buttons = (UiButtons){.count = 3, .focus = 2, .hover = -1};
    return h;
}

const SceneVT SCENE_HELP = {
    .name = "help",
    .make = help_make,
    .event = help_event,
    .render = help_render,
    .bar = UI_BAR_BACK, /* help itself */
    .overlay = true,
};

/* ---- every region, one step from Help ---- */

typedef struct Regions {
    UiList list;
    UiItem items[RES_MAX_REGIONS + 1];
    const HelpRegion *region[RES_MAX_REGIONS + 1];
    UiButtons buttons;
} Regions;

static void regions_choose(App *a, Regions *g)
{
    const HelpRegion *r = g->region[g->list.focus];
    Settings *st = &a->data.settings;
    snprintf(st->region, sizeof st->region, "%s", r->code[0] ? r->code : "ZZ"); /* ZZ: elsewhere */
    a->region_arg[0] = 0; /* a choice made here wins over --region for the rest of this run */
    userdata_save_settings(a);
    scene_pop(a);
}

static void regions_event(App *a, void *s, const SDL_Event *e)
{
    Regions *g = s;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        scene_pop(a);
        return;
    }
    int b = e->type == SDL_KEYDOWN ? -1 : ui_buttons_event(a, &g->buttons, e);
    if (b == 0) regions_choose(a, g);
    else if (b == 1) scene_pop(a);
    if (b >= 0) return;
    if (ui_list_event(a, &g->list, e) >= 0) regions_choose(a, g);
}

static void regions_render(App *a, void *s)
{
    Regions *g = s;
    const Theme *t = &a->theme;
    static const char *const labels[2] = {"Use this region", "Back"};
    int y = ui_header(a, "Help lines by region", "Choose one to see it first in Help.");
    int bh = ui_buttons_height(a, &g->buttons, labels, a->w * 94 / 100);
    int by = a->h - a->lay.margin - text_line(a, TEXT_SMALL) - bh;
    SDL_Rect list, panel;
    ui_columns(a, g->items, g->list.count, y, by - a->lay.margin, &list, &panel);
    ui_list_render(a, &g->list, g->items, list);
    const HelpRegion *r = g->region[g->list.focus];
    draw_rrect(a, panel, a->lay.unit, t->surface);
    int pad = a->lay.gap, x = panel.x + pad, w = panel.w - 2 * pad, ty = panel.y + pad;
    int limit = panel.y + panel.h - pad;
    char buf[400];
    /* Crisis lines, the emergency number, then abuse lines: small text, whole lines only. */
    for (int k = 0; k < r->ncrisis + 1 + r->nabuse; k++) {
        if (k < r->ncrisis)
            snprintf(buf, sizeof buf, "%s: %s", r->crisis[k].name, r->crisis[k].contact);
        else if (k == r->ncrisis)
            snprintf(buf, sizeof buf, "Emergency: %s", r->emergency);
        else
            snprintf(buf, sizeof buf, "%s: %s", r->abuse[k - r->ncrisis - 1].name,
                     r->abuse[k - r->ncrisis - 1].contact);
        int h = text_size(a, TEXT_SMALL, buf, w).y;
        if (ty + h > limit) break;
        text_draw(a, TEXT_SMALL, buf, x, ty, ALIGN_LEFT, k == r->ncrisis ? t->muted : t->text, w);
        ty += h + pad / 2;
    }
    ui_buttons_render(a, &g->buttons, labels, by);
    ui_hints(a, "Up/Down region   Enter use it", "Esc back");
}

static const SceneVT REGIONS = {
    .name = "regions",
    .event = regions_event,
    .render = regions_render,
    .bar = UI_BAR_BACK, /* a step of help */
    .overlay = false,
};

void help_regions_push(App *a)
{
    const Resources *r = &a->content.res;
    Regions *g = calloc(1, sizeof *g);
    if (!g) return;
    const HelpRegion *mine = help_region(a);
    int n = 0;
    for (int i = 0; i < r->nregions && n < UI_LIST_MAX - 1; i++) g->region[n++] = &r->regions[i];
    if (r->elsewhere.name) g->region[n++] = &r->elsewhere;
    if (n == 0) {
        free(g);
        return;
    }
    for (int i = 0; i < n; i++) {
        g->items[i] = (UiItem){g->region[i]->name, NULL};
        if (g->region[i] == mine) g->list.focus = i;
    }
    g->list.count = n;
    g->list.hover = -1;
    g->buttons = (UiButtons){.count = 2, .focus = -1, .hover = -1};
    scene_push(a, &REGIONS, g);
}
