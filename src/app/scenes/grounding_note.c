/* Grounding: the note field, a typing screen over the step it belongs to. What is typed is
 * kept on the scene below, and saved only if the user chooses to at the finish. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grounding_scene.h"
#include "textfield.h"

typedef struct NoteEdit {
    GroundScene *g; /* the scene below, which outlives this one */
    int step;
    char buf[NOTE_MAX + 1];
    TextField field; /* over buf */
    UiButtons buttons;
} NoteEdit;

static void grounding_note_close(App *a, NoteEdit *n, bool keep)
{
    GroundScene *g = n->g;
    if (keep) {
        free(g->notes[n->step]);
        g->notes[n->step] = NULL;
        size_t s = 0;
        while (s < n->field.len && (n->buf[s] == ' ' || n->buf[s] == '\n')) s++;
        if (s < n->field.len) g->notes[n->step] = strdup(n->buf);
    }
    scene_pop(a); /* writing is part of the step: its time stood still meanwhile (covered) */
}

static void grounding_note_event(App *a, void *s, const SDL_Event *e)
{
    NoteEdit *n = s;
    int keep = textfield_form_event(a, &n->field, &n->buttons, e);
    if (keep >= 0) grounding_note_close(a, n, keep);
}

static void grounding_note_render(App *a, void *s)
{
    NoteEdit *n = s;
    const Theme *t = &a->theme;
    int mw = text_measure(a);
    const GroundStep *st = &n->g->ex->steps[n->step];
    int y = a->h / 8;
    SDL_Rect r = text_draw(a, TEXT_TITLE, "What did you notice?", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.tight;
    r = text_draw(a, TEXT_SMALL, st->prompt, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->lay.margin;
    SDL_Rect field = textfield_render(a, &n->field, y, NOTE_LINES, "A word or two is plenty.");
    y = field.y + field.h + a->lay.unit;
    text_draw(a, TEXT_SMALL, "Only you see this. It is kept if you choose to save it at the end.", a->w / 2, y,
              ALIGN_CENTER, t->muted, mw);
    static const char *const labels[2] = {"Keep note", "Cancel"};
    n->buttons.count = 2;
    ui_buttons_render(a, &n->buttons, labels, a->lay.buttons_y);
    ui_hints(a, NULL, "Enter keep   Esc cancel");
}

static const SceneVT NOTE = {
    .name = "ground-note",
    .event = grounding_note_event,
    .render = grounding_note_render,
    .text_entry = true, /* a screen of its own: nothing of the step shows through */
};

void grounding_note_push(App *a, GroundScene *g)
{
    const GroundStep *st = ground_run_step(&g->run);
    if (!st || !st->note) return;
    NoteEdit *n = calloc(1, sizeof *n);
    if (!n) return;
    n->g = g;
    n->step = ground_run_step_index(&g->run);
    n->buttons = (UiButtons){.count = 2, .focus = 0, .hover = -1};
    const char *old = g->notes[n->step];
    if (old) snprintf(n->buf, sizeof n->buf, "%s", old);
    n->field = textfield_over(n->buf, sizeof n->buf);
    scene_push(a, &NOTE, n);
}
