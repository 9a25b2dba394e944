/* Grounding: the note field, a typing screen over the step it belongs to. What is typed is
 * kept on the scene below, and saved only if the user chooses to at the finish. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grounding_scene.h"

typedef struct NoteEdit {
    GroundScene *g; /* the scene below, which outlives this one */
    int step;
    char buf[NOTE_MAX + 1];
    size_t len;
    UiButtons buttons;
} NoteEdit;

static void grounding_note_close(App *a, NoteEdit *n, bool keep)
{
    GroundScene *g = n->g;
    if (keep) {
        free(g->notes[n->step]);
        g->notes[n->step] = NULL;
        size_t s = 0;
        while (s < n->len && (n->buf[s] == ' ' || n->buf[s] == '\n')) s++;
        if (s < n->len) g->notes[n->step] = strdup(n->buf);
    }
    scene_pop(a); /* writing is part of the step: its time stood still meanwhile (covered) */
}

static void grounding_note_event(App *a, void *s, const SDL_Event *e)
{
    NoteEdit *n = s;
    if (e->type == SDL_TEXTINPUT) {
        size_t l = strlen(e->text.text);
        if (n->len + l <= NOTE_MAX) {
            for (size_t i = 0; i < l; i++) /* control characters have no place in a note */
                n->buf[n->len++] = (unsigned char)e->text.text[i] < 0x20 ? ' ' : e->text.text[i];
            n->buf[n->len] = 0;
            a->dirty = true;
        }
        return;
    }
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: grounding_note_close(a, n, false); return;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: grounding_note_close(a, n, true); return;
        case SDLK_BACKSPACE:
            while (n->len > 0 && ((unsigned char)n->buf[--n->len] & 0xC0) == 0x80) {} /* one UTF-8 char */
            n->buf[n->len] = 0;
            a->dirty = true;
            return;
        default: return;
        }
    }
    int b = ui_buttons_event(a, &n->buttons, e);
    if (b == 0) grounding_note_close(a, n, true);
    else if (b == 1) grounding_note_close(a, n, false);
}

static void grounding_note_render(App *a, void *s)
{
    NoteEdit *n = s;
    const Theme *t = &a->theme;
    int mw = text_measure(a), line = text_line(a, TEXT_BODY);
    const GroundStep *st = &n->g->ex->steps[n->step];
    int y = a->h / 8;
    SDL_Rect r = text_draw(a, TEXT_TITLE, "What did you notice?", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.tight;
    r = text_draw(a, TEXT_SMALL, st->prompt, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->lay.margin;
    int pad = line / 2;
    SDL_Rect field = {(a->w - mw) / 2, y, mw, NOTE_LINES * line + 2 * pad};
    draw_rrect(a, field, pad, t->surface);
    draw_rrect_outline(a, field, pad, 2, t->focus);
    int tx = field.x + pad * 2, tw = field.w - pad * 4;
    if (n->len == 0) {
        text_draw(a, TEXT_BODY, "A word or two is plenty.", tx, field.y + pad, ALIGN_LEFT, color_alpha(t->muted, 0.7f), 0);
        draw_rrect(a, (SDL_Rect){tx - 1, field.y + pad + line / 8, 2, line * 3 / 4}, 1, t->focus);
    } else {
        int starts[64], lens[64];
        int nl = text_wrap_lines(a, TEXT_BODY, n->buf, tw, starts, lens, 64);
        int first = nl > NOTE_LINES ? nl - NOTE_LINES : 0; /* keep the end, where the typing is */
        char tmp[NOTE_MAX + 1];
        int cx = tx, cy = field.y + pad;
        for (int i = first; i < nl; i++) {
            memcpy(tmp, n->buf + starts[i], (size_t)lens[i]);
            tmp[lens[i]] = 0;
            int ly = field.y + pad + (i - first) * line;
            SDL_Rect lr = text_draw(a, TEXT_BODY, tmp, tx, ly, ALIGN_LEFT, t->text, 0);
            cx = tx + lr.w;
            cy = ly;
        }
        draw_rrect(a, (SDL_Rect){cx + 1, cy + line / 8, 2, line * 3 / 4}, 1, t->focus);
    }
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
    if (old) {
        snprintf(n->buf, sizeof n->buf, "%s", old);
        n->len = strlen(n->buf);
    }
    scene_push(a, &NOTE, n);
}
