/* Grounding: the exercise picker, with the chosen exercise's length, steps and caution. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grounding_scene.h"
#include "scenes.h"

typedef struct GPicker {
    UiList list;
    UiItem items[UI_LIST_MAX];
} GPicker;

static void gpicker_event(App *a, void *s, const SDL_Event *e)
{
    GPicker *p = s;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        scene_pop(a);
        return;
    }
    int i = ui_list_event(a, &p->list, e);
    if (i >= 0 && i < a->content.nexercises) grounding_push(a, &a->content.exercises[i]);
}

static void gpicker_render(App *a, void *s)
{
    GPicker *p = s;
    const Theme *t = &a->theme;
    int y = ui_header(a, "Ground", NULL);
    SDL_Rect area, panel;
    ui_columns(a, p->items, p->list.count, y, a->h - a->h / 7, &area, &panel);
    ui_list_render(a, &p->list, p->items, area);
    if (p->list.focus < a->content.nexercises) {
        const GroundExercise *ex = &a->content.exercises[p->list.focus];
        int pad = a->lay.margin, tw = panel.w - 2 * pad;
        char buf[96], steps[32];
        int fewest, most; /* an exercise with a choice walks one option's steps */
        ground_exercise_steps(ex, &fewest, &most);
        if (fewest == most) snprintf(steps, sizeof steps, "%d steps", most);
        else snprintf(steps, sizeof steps, "%d to %d steps", fewest, most);
        snprintf(buf, sizeof buf, "About %d minute%s  \u00b7  %s", ex->minutes,
                 ex->minutes == 1 ? "" : "s", steps);
        UiBlock b[] = {
            {TEXT_TITLE, ex->title, t->text, 0},
            {TEXT_BODY, ex->when, t->muted, pad / 2},
            {TEXT_BODY, buf, t->step[0], pad},
            {TEXT_SMALL, ex->caution, t->step[BREATH_OUT], pad},
        };
        /* The caution in full where it fits the panel; it is shown again before the first
         * step, where it must be acknowledged. */
        int need = 2 * pad;
        for (int i = 0; i < 4; i++)
            if (b[i].text) need += b[i].space + ui_scroll_height(a, b[i].role, b[i].text, tw);
        if (ex->caution && need > panel.h) b[3].text = "A caution comes first: please read it before you begin.";
        ui_detail(a, panel, b, 4, false);
    }
    ui_hints(a, "Up/Down choose   Enter start", "Esc back");
}

static const SceneVT GPICKER = {.name = "ground-picker", .event = gpicker_event, .render = gpicker_render};

void grounding_picker_push(App *a, const char *exercise_id)
{
    GPicker *p = calloc(1, sizeof *p);
    if (!p) return;
    int n = a->content.nexercises < UI_LIST_MAX ? a->content.nexercises : UI_LIST_MAX;
    p->list = (UiList){.count = n, .hover = -1};
    for (int i = 0; i < n; i++) {
        p->items[i] = (UiItem){a->content.exercises[i].title, NULL};
        if (exercise_id && !strcmp(a->content.exercises[i].id, exercise_id)) p->list.focus = i;
    }
    scene_push(a, &GPICKER, p);
}
