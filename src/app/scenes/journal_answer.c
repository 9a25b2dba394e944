/* The ways into the Journal from other screens: its button beside Help, and the answer field
 * for a card round's question, whose answer goes to the journal as a reflection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/journal.h"
#include "scenes.h"
#include "textfield.h"

/* ---- the way in from another screen ---- */

SDL_Rect journal_bar_button(App *a)
{
    int m = a->lay.margin, pad = text_line(a, TEXT_SMALL) / 2;
    /* Left of Help, as the control bar draws it (ui.c). */
    return ui_pill(a, "Journal", a->w - m - ui_pill_w(a, "Help") - pad, m, ALIGN_RIGHT);
}

SDL_Rect journal_answer_button(App *a, bool answered, int y)
{
    if (answered) {
        SDL_Rect r = text_draw(a, TEXT_SMALL, "Your answer is in your journal.", a->w / 2, y, ALIGN_CENTER,
                               a->theme.step[0], 0);
        r.w = 0; /* nothing to click */
        return r;
    }
    const char *label = "Write your answer";
    return ui_pill(a, label, (a->w - ui_pill_w(a, label)) / 2, y, ALIGN_LEFT);
}

int journal_answer_button_h(App *a)
{
    int line = text_line(a, TEXT_SMALL);
    return line + line / 2;
}

/* ---- answering a round's question ---- */

#define ANSWER_LINES 5

typedef struct Answer {
    JournalEntry e;          /* kind, source (deck), card, question; text is typed here */
    TextField field;         /* over e.text */
    UiButtons buttons;
    char error[300];
    JournalAnswered done;
    void *ctx;
} Answer;

static void answer_close(App *a, Answer *n, bool save)
{
    if (save) {
        size_t k = 0;
        while (n->e.text[k] == ' ') k++;
        if (!n->e.text[k]) save = false; /* nothing written: nothing kept */
    }
    if (save) {
        char err[600];
        if (!journal_append(a->data_dir, &n->e, 1, err, sizeof err)) {
            const char *why = strrchr(err, ':');
            snprintf(n->error, sizeof n->error, "It could not be saved (%.150s). Your words are still here.",
                     why && why[1] ? why + 2 : err);
            app_log("%s", err);
            a->dirty = true;
            return;
        }
    }
    JournalAnswered done = n->done;
    void *ctx = n->ctx;
    scene_pop(a);
    if (done) done(a, ctx, save);
}

static void answer_event(App *a, void *st, const SDL_Event *e)
{
    Answer *n = st;
    int keep = textfield_form_event(a, &n->field, &n->buttons, e);
    if (keep >= 0) answer_close(a, n, keep);
}

static void answer_render(App *a, void *st)
{
    Answer *n = st;
    const Theme *t = &a->theme;
    int mw = text_measure(a), line = text_line(a, TEXT_BODY);
    int pad = textfield_pad(a); /* inside the field, above and below its lines */
    static const char *const labels[2] = {"Save to journal", "Cancel"};
    /* From the bottom up: the buttons, the note over them, then the field takes what is left
     * under the title and the question (in smaller words when the window is short of room). */
    int by = a->lay.hints_y - a->lay.unit -
             ui_buttons_height(a, &n->buttons, labels, a->w * 94 / 100);
    const char *note = n->error[0] ? n->error : "Only you see this. It goes to your journal, where you can read or delete it.";
    int note_y = by - a->lay.unit - text_size(a, TEXT_SMALL, note, mw).y;
    int y = ui_bar_bottom(a) + a->lay.gap;
    int title_h = text_size(a, TEXT_TITLE, "Your answer", 0).y + a->lay.tight;
    TextRole qrole = TEXT_BODY;
    int qh = text_size(a, qrole, n->e.question, mw).y;
    if ((note_y - a->lay.unit - (y + title_h + qh + a->lay.gap) - 2 * pad) / line < 2) {
        qrole = TEXT_SMALL;
        qh = text_size(a, qrole, n->e.question, mw).y;
    }
    SDL_Rect r = text_draw(a, TEXT_TITLE, "Your answer", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.tight;
    r = text_draw(a, qrole, n->e.question, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->lay.gap;
    int lines = (note_y - a->lay.unit - y - 2 * pad) / line;
    if (lines > ANSWER_LINES) lines = ANSWER_LINES;
    bool show_note = lines >= 1;
    if (lines < 1) lines = 1; /* the field first: the note gives way */
    textfield_render(a, &n->field, y, lines, "A few words are plenty.");
    if (show_note || n->error[0])
        text_draw(a, TEXT_SMALL, note, a->w / 2, note_y, ALIGN_CENTER, n->error[0] ? t->step[2] : t->muted, mw);
    n->buttons.count = 2;
    ui_buttons_render_in(a, &n->buttons, labels, by, a->w * 94 / 100);
    ui_hints(a, NULL, "Enter save   Esc cancel");
}

static const SceneVT ANSWER = {
    .name = "journal-answer",
    .event = answer_event,
    .render = answer_render,
    .text_entry = true,
};

void journal_answer_push(App *a, const char *deck, const char *card, const char *practice,
                         const char *question, JournalAnswered done, void *ctx)
{
    Answer *n = calloc(1, sizeof *n);
    if (!n) return;
    journal_entry_init(&n->e, JOURNAL_REFLECTION, clock_wall(&a->clock));
    journal_copy_text(n->e.source, sizeof n->e.source, deck);
    journal_copy_text(n->e.card, sizeof n->e.card, card);
    journal_copy_text(n->e.practice, sizeof n->e.practice, practice);
    journal_copy_text(n->e.question, sizeof n->e.question, question);
    n->field = textfield_over(n->e.text, sizeof n->e.text);
    n->buttons = (UiButtons){.count = 2, .focus = 0, .hover = -1};
    n->done = done;
    n->ctx = ctx;
    scene_push(a, &ANSWER, n);
}
