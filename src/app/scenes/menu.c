/* The main menu: only what exists, with the quick breathing break one key away. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "scenes.h"
#include "userdata.h"

typedef enum { ITEM_QUICK, ITEM_BREATHE, ITEM_GROUND, ITEM_CARDS, ITEM_COUPLE, ITEM_PROGRESS, ITEM_JOURNAL, ITEM_HELP, ITEM_SETTINGS, ITEM_COUNT } Item;

typedef struct Menu {
    UiList list;
    bool welcome_asked; /* the first-start welcome was offered in this run */
} Menu;

static const UiItem ITEMS[ITEM_COUNT] = {
    {"Quick calm", "One minute of slow breathing, right now"},
    {"Breathe", "Choose a breathing pattern and a length"},
    {"Ground", "Come back to your body and the room"},
    {"Cards", "Practise how you respond, one moment at a time"},
    {"Cards together", "Both choose privately, then talk it through"},
    {"Progress", "Your streak, your week, your calendar"},
    {"Journal", "What you kept to read later"},
    {"Help", "Keys, and where to find support"},
    {"Settings", "Check-ins, sound, your week, text size"},
};

/* The welcome waits for the menu: a first start that goes straight to a quick calm (attune
 * breathe, a launcher action) breathes first and is welcomed after. */
static void menu_update(App *a, void *s)
{
    Menu *m = s;
    if (a->data.settings.welcomed || m->welcome_asked) return;
    m->welcome_asked = true;
    welcome_push(a);
}

static void activate(App *a, Item it)
{
    switch (it) {
    case ITEM_QUICK: breathe_quick_push(a); break;
    case ITEM_BREATHE: breathe_picker_push(a); break;
    case ITEM_GROUND: grounding_picker_push(a, NULL); break;
    case ITEM_CARDS: cards_picker_push(a, NULL, NULL); break;
    case ITEM_COUPLE: together_names_push(a, NULL); break;
    case ITEM_PROGRESS: progress_push(a); break;
    case ITEM_JOURNAL: journal_push(a); break;
    case ITEM_HELP: scene_open(a, a->scenes->help, NULL); break;
    case ITEM_SETTINGS: prefs_push(a); break;
    default: break;
    }
}

static void menu_event(App *a, void *s, const SDL_Event *e)
{
    Menu *m = s;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: a->quit = true; return;
        case SDLK_SPACE: breathe_quick_push(a); return;
        case SDLK_j: journal_push(a); return;
        default: break;
        }
    }
    int i = ui_list_event(a, &m->list, e);
    if (i >= 0) activate(a, (Item)i);
}

static void menu_render(App *a, void *s)
{
    Menu *m = s;
    const Theme *t = &a->theme;
    int y = a->h / 10;
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Attune", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.unit;
    r = text_draw(a, TEXT_BODY, "Take a breath. What would help right now?", a->w / 2, y,
                  ALIGN_CENTER, t->muted, 0);
    y += r.h + a->h / 18;
    /* Two columns of tiles: everything fits on one screen, even at 800x600. */
    int w = a->lay.wide < text_measure(a) * 3 / 2 ? a->lay.wide : text_measure(a) * 3 / 2;
    /* A problem with the data folder: said once, small, above the key hints. */
    const char *note = userdata_note(a);
    int note_h = note ? text_size(a, TEXT_SMALL, note, text_measure(a)).y + a->lay.unit : 0;
    int bottom = a->lay.hints_y - a->lay.margin - note_h;
    ui_list_render(a, &m->list, ITEMS, (SDL_Rect){(a->w - w) / 2, y, w, bottom - y});
    if (note)
        text_draw(a, TEXT_SMALL, note, a->w / 2, bottom + a->lay.unit, ALIGN_CENTER, t->step[2],
                  text_measure(a));
    ui_hints(a, "Arrows choose   Enter open   Space quick calm   J journal", "F1 help   Esc quit");
}

static void *menu_make(App *a, const void *args)
{
    (void)a;
    (void)args;
    Menu *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->list = (UiList){.count = ITEM_COUNT, .hover = -1, .columns = 2};
    return m;
}

const SceneVT SCENE_MENU = {
    .name = "menu",
    .make = menu_make,
    .event = menu_event,
    .render = menu_render,
    .update = menu_update,
};
