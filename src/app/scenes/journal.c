/* The Journal: what the user kept to read later (core: journal.h), newest first under date
 * headers, filtered by a search field as they type, each entry deletable after a
 * confirmation. Reached from the menu (J) and from Progress (its button and the answer field
 * for a card round's question are journal_answer.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/day.h"
#include "attune/journal.h"
#include "attune/utf8.h"
#include "scenes.h"

#define QUERY_MAX 120          /* bytes typed into the search field */
#define ROWS_MAX 32            /* entries on screen at once, at most */
#define BODY_LINES 48          /* wrapped lines of one entry's text, at most */

typedef struct JournalScene {
    Journal j;
    char load_error[300];      /* "" when the journal was read */
    char query[QUERY_MAX + 1];
    int *match;                /* indexes into j.entry of what the search shows, newest first */
    int nmatch;
    int focus;                 /* index into match */
    int first;                 /* first match on screen */
    int shown;                 /* matches drawn last frame */
    bool more;                 /* matches below the last one drawn */
    SDL_Rect row[ROWS_MAX];    /* entries drawn last frame (match first + i) */
    SDL_Rect del[ROWS_MAX];    /* their Delete buttons (w 0: none) */
    SDL_Rect list, clear;      /* the list's area; the Clear button (w 0: none) */
    int hover, hover_del;      /* match under the pointer, or -1; whose Delete is, or -1 */
    bool hover_clear;
    SDL_Point mouse;
    char status[200];          /* "Entry deleted." or why not */
    char pending[JOURNAL_ID_LEN + 1]; /* the entry the confirmation is about */
} JournalScene;

/* ---- the data ---- */

static void refilter(JournalScene *s)
{
    s->nmatch = s->match ? journal_search(&s->j, s->query, s->match) : 0;
    if (s->focus >= s->nmatch) s->focus = s->nmatch - 1;
    if (s->focus < 0) s->focus = 0;
    if (s->first > s->focus) s->first = s->focus;
}

static void reload(App *a, JournalScene *s)
{
    journal_free(&s->j);
    free(s->match);
    s->match = NULL;
    s->load_error[0] = 0;
    AtDiag d = {0};
    if (!journal_load(a->data_dir, &s->j, &d))
        snprintf(s->load_error, sizeof s->load_error, "Your journal could not be read: %s",
                 d.count ? d.msg[0] : "unknown reason");
    for (int i = 0; i < d.count; i++) app_log("%s", d.msg[i]);
    diag_free(&d);
    s->match = malloc(((size_t)s->j.count + 1) * sizeof *s->match);
    refilter(s);
}

static const JournalEntry *entry_at(const JournalScene *s, int m)
{
    return m >= 0 && m < s->nmatch ? &s->j.entry[s->match[m]] : NULL;
}

/* ---- words on screen ---- */

/* "Sunday 8 March 2026" of "2026-03-08". */
static void date_label(const char *date, char *buf, size_t n)
{
    int day = day_parse(date), y, m, d;
    if (day == DAY_NONE) {
        snprintf(buf, n, "%s", date);
        return;
    }
    day_to_ymd(day, &y, &m, &d);
    snprintf(buf, n, "%s %d %s %d", day_weekday_name(day_weekday(day)), d, day_month_name(m), y);
}

/* The small line over an entry: "18:50 · Note · Five senses, step 3". */
static void meta_line(App *a, const JournalEntry *e, char *buf, size_t n)
{
    char when[16] = "";
    if (e->time[0]) snprintf(when, sizeof when, "%.5s \u00b7 ", e->time);
    const char *what = e->kind == JOURNAL_NOTE ? "Note" : e->kind == JOURNAL_FEELING ? "Feeling" : "Reflection";
    const char *from = e->source;
    if (e->kind == JOURNAL_REFLECTION) {
        const DeckLevel *l = e->source[0] ? content_level(&a->content, e->source) : NULL;
        if (l) from = l->title;
    } else {
        const GroundExercise *x = e->source[0] ? content_exercise(&a->content, e->source) : NULL;
        if (x) from = x->title;
    }
    char step[24] = "";
    if (e->kind != JOURNAL_REFLECTION && e->step > 0) snprintf(step, sizeof step, ", step %d", e->step);
    snprintf(buf, n, "%s%s%s%s%s", when, what, from[0] ? " \u00b7 " : "", from, from[0] ? step : "");
}

/* The entry's words as one paragraph (line breaks and other control characters as spaces). */
static void body_text(const JournalEntry *e, char *buf, size_t n)
{
    if (e->kind == JOURNAL_FEELING) {
        if (e->strength > 0)
            snprintf(buf, n, "%s \u00b7 strength %d of %d", e->feeling, e->strength, JOURNAL_STRENGTH_MAX);
        else snprintf(buf, n, "%s", e->feeling);
    } else {
        snprintf(buf, n, "%s", e->text);
    }
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20) *p = ' ';
}

/* ---- layout: the same function measures (draw false) and draws ---- */

typedef struct Geo {
    int pad, gap, x, w;  /* an entry's panel: inner padding, space between entries, left, width */
    int del_w;           /* the Delete button's width */
} Geo;

static Geo geo(App *a, SDL_Rect list)
{
    Geo g;
    g.pad = a->lay.row_pad + 2;
    g.gap = a->lay.unit;
    g.w = text_measure(a) + 4 * g.pad;
    if (g.w > list.w) g.w = list.w;
    g.x = list.x + (list.w - g.w) / 2;
    g.del_w = text_size(a, TEXT_SMALL, "Delete", 0).x + 2 * g.pad;
    return g;
}

/* Draws (or only measures) match m at y with its date header when `header`; returns its
 * height. With draw, row and del get the panel and the Delete button (del w 0 when none). */
static int entry_block(App *a, JournalScene *s, int m, int y, bool header, int max_h, bool draw,
                       SDL_Rect *row, SDL_Rect *del)
{
    const Theme *t = &a->theme;
    const JournalEntry *e = entry_at(s, m);
    Geo g = geo(a, s->list);
    int small = text_line(a, TEXT_SMALL), body = text_line(a, TEXT_BODY);
    int y0 = y;
    if (header) {
        char label[64];
        date_label(e->date, label, sizeof label);
        if (draw) text_draw(a, TEXT_SMALL, label, g.x, y, ALIGN_LEFT, t->step[0], 0);
        y += small + g.gap / 2;
    }
    int inner = g.w - 2 * g.pad;
    bool show_del = m == s->focus || m == s->hover;
    char meta[200];
    meta_line(a, e, meta, sizeof meta);
    int meta_w = inner - g.del_w - g.gap; /* room for Delete beside it, shown or not */
    if (meta_w < inner / 3) meta_w = inner / 3;
    int meta_h = text_size(a, TEXT_SMALL, meta, meta_w).y;
    if (meta_h < small) meta_h = small;
    int top = y;
    int h = g.pad + meta_h + g.gap / 2;
    int qh = 0;
    if (e->kind == JOURNAL_REFLECTION && e->question[0]) {
        qh = text_size(a, TEXT_SMALL, e->question, inner).y;
        h += qh + g.gap / 2;
    }
    char text[JOURNAL_TEXT_MAX + 64];
    body_text(e, text, sizeof text);
    int start[BODY_LINES], len[BODY_LINES];
    int nl = text_wrap_lines(a, TEXT_BODY, text, inner, start, len, BODY_LINES);
    /* A very long entry in a small window is cut where the list ends, with an ellipsis. */
    int room = max_h - (y - y0) - h - g.pad;
    int fit = room / body;
    if (fit < 1) fit = 1;
    bool cut = nl > fit;
    if (cut) nl = fit;
    h += nl * body + g.pad;
    if (!draw) return y - y0 + h;

    SDL_Rect panel = {g.x, top, g.w, h};
    *row = panel;
    bool focused = m == s->focus;
    draw_rrect(a, panel, g.pad, m == s->hover ? color_mix(t->surface, t->text, 0.06f) : t->surface);
    if (focused) draw_rrect_outline(a, panel, g.pad, 2, t->focus);
    int ty = top + g.pad, tx = g.x + g.pad;
    text_draw(a, TEXT_SMALL, meta, tx, ty, ALIGN_LEFT, t->muted, meta_w);
    *del = (SDL_Rect){0, 0, 0, 0};
    if (show_del) {
        SDL_Rect b = {g.x + g.w - g.pad - g.del_w, ty - g.pad / 3, g.del_w, small + 2 * (g.pad / 3)};
        bool hot = s->hover_del == m;
        draw_rrect(a, b, b.h / 2, hot ? t->surface_hi : t->bg);
        if (hot) draw_rrect_outline(a, b, b.h / 2, 1, t->muted);
        text_draw(a, TEXT_SMALL, "Delete", b.x + b.w / 2, ty, ALIGN_CENTER, hot ? t->text : t->muted, 0);
        ui_control_add(a, "Delete", b);
        *del = b;
    }
    ty += meta_h + g.gap / 2;
    if (qh) {
        text_draw(a, TEXT_SMALL, e->question, tx, ty, ALIGN_LEFT, t->muted, inner);
        ty += qh + g.gap / 2;
    }
    for (int i = 0; i < nl; i++) {
        char line[JOURNAL_TEXT_MAX + 8];
        int k = len[i];
        while (k > 0 && text[start[i] + k - 1] == ' ') k--;
        memcpy(line, text + start[i], (size_t)k);
        line[k] = 0;
        /* The last line that fits, of more: the rest of the words, cut with an ellipsis. */
        if (cut && i == nl - 1) text_elide(a, TEXT_BODY, text + start[i], inner, line, sizeof line);
        text_draw(a, TEXT_BODY, line, tx, ty, ALIGN_LEFT, t->text, 0);
        ty += body;
    }
    return y - y0 + h;
}

static bool needs_header(const JournalScene *s, int m)
{
    return m == s->first || strcmp(entry_at(s, m)->date, entry_at(s, m - 1)->date) != 0;
}

/* Total height of matches first..last (inclusive) drawn from `first`; it stops counting once
 * past max_h (a long journal is never measured whole). */
static int span_height(App *a, JournalScene *s, int first, int last, int max_h)
{
    int saved = s->first, h = 0, gap = geo(a, s->list).gap;
    s->first = first;
    for (int m = first; m <= last && h <= max_h; m++)
        h += entry_block(a, s, m, 0, needs_header(s, m), max_h, false, NULL, NULL) + gap;
    s->first = saved;
    return h;
}

/* Keeps the focused entry on screen: scrolls up to it, or down until it fits. */
static void follow_focus(App *a, JournalScene *s, int avail)
{
    if (s->focus < s->first) s->first = s->focus;
    while (s->first < s->focus && span_height(a, s, s->first, s->focus, avail) > avail) s->first++;
}

/* ---- drawing ---- */

static void journal_render(App *a, void *st)
{
    JournalScene *s = st;
    const Theme *t = &a->theme;
    int mw = text_measure(a), small = text_line(a, TEXT_SMALL), body = text_line(a, TEXT_BODY);
    int m = a->lay.margin;
    int y = ui_header(a, "Journal", "What you kept to read later, newest first.");

    /* The search field: typing always goes here. */
    int pad = body / 3;
    int fw = mw + 4 * (a->lay.row_pad + 2);
    if (fw > a->w * 94 / 100) fw = a->w * 94 / 100;
    SDL_Rect field = {(a->w - fw) / 2, y, fw, body + 2 * pad};
    draw_rrect(a, field, field.h / 2, t->surface);
    draw_rrect_outline(a, field, field.h / 2, 2, t->focus);
    int cw = text_size(a, TEXT_SMALL, "Clear", 0).x + 2 * pad;
    int tx = field.x + field.h / 2, tw = field.w - field.h - (s->query[0] ? cw + pad : 0);
    s->clear = (SDL_Rect){0, 0, 0, 0};
    if (s->query[0]) {
        /* What was typed, its end in view, then the caret and Clear. */
        const char *q = s->query;
        while (*q && text_size(a, TEXT_BODY, q, 0).x > tw) {
            q++;
            while (((unsigned char)*q & 0xC0) == 0x80) q++;
        }
        SDL_Rect r = text_draw(a, TEXT_BODY, q, tx, field.y + pad, ALIGN_LEFT, t->text, 0);
        draw_rrect(a, (SDL_Rect){r.x + r.w + 1, field.y + pad + body / 8, 2, body * 3 / 4}, 1, t->focus);
        s->clear = (SDL_Rect){field.x + field.w - field.h / 2 - cw, field.y + pad / 2, cw, field.h - pad};
        draw_rrect(a, s->clear, s->clear.h / 2, s->hover_clear ? t->surface_hi : t->bg);
        if (s->hover_clear) draw_rrect_outline(a, s->clear, s->clear.h / 2, 1, t->muted);
        text_draw(a, TEXT_SMALL, "Clear", s->clear.x + s->clear.w / 2, field.y + (field.h - small) / 2,
                  ALIGN_CENTER, s->hover_clear ? t->text : t->muted, 0);
        ui_control_add(a, "Clear", s->clear);
    } else {
        text_draw(a, TEXT_BODY, "Type a word to search", tx, field.y + pad, ALIGN_LEFT,
                  color_alpha(t->muted, 0.8f), 0);
        draw_rrect(a, (SDL_Rect){tx - 3, field.y + pad + body / 8, 2, body * 3 / 4}, 1, t->focus);
    }
    y = field.y + field.h + a->lay.tight;

    /* One line of status: how many, or what just happened. */
    char line[400];
    if (s->status[0]) snprintf(line, sizeof line, "%s", s->status);
    else if (s->load_error[0]) snprintf(line, sizeof line, "%s", s->load_error);
    else if (s->query[0]) snprintf(line, sizeof line, "%d of %d %s", s->nmatch, s->j.count, s->j.count == 1 ? "entry" : "entries");
    else snprintf(line, sizeof line, "%d %s", s->j.count, s->j.count == 1 ? "entry" : "entries");
    SDL_Rect r = text_draw(a, TEXT_SMALL, line, a->w / 2, y, ALIGN_CENTER, s->load_error[0] ? t->step[2] : t->muted, mw);
    y += r.h + a->lay.unit;

    int bottom = a->lay.hints_y - m / 2;
    s->list = (SDL_Rect){(a->w - fw) / 2, y, fw, bottom - y};
    s->shown = 0;
    s->more = false;
    if (s->nmatch == 0) {
        const char *empty = s->query[0] ? "Nothing matches that. Try another word, or Clear."
                                        : "Nothing here yet. Notes you save after a grounding exercise, the feelings "
                                          "you name there, and your answers at the end of a card round will be here.";
        text_draw(a, TEXT_BODY, empty, a->w / 2, y + a->lay.margin, ALIGN_CENTER, t->muted, mw);
    } else {
        Geo g = geo(a, s->list);
        int avail = s->list.h;
        /* Everything fits: no cue. Otherwise keep a line for it. */
        if (span_height(a, s, s->first, s->nmatch - 1, avail) > avail || s->first > 0) avail -= small + g.gap;
        follow_focus(a, s, avail);
        int yy = y;
        for (int k = s->first; k < s->nmatch && s->shown < ROWS_MAX; k++) {
            int hk = entry_block(a, s, k, 0, needs_header(s, k), avail, false, NULL, NULL);
            if (yy + hk > y + avail && s->shown > 0) break;
            entry_block(a, s, k, yy, needs_header(s, k), avail, true, &s->row[s->shown], &s->del[s->shown]);
            /* Its accessible name: the start of its words. */
            char words[JOURNAL_TEXT_MAX + 64], name[80];
            body_text(entry_at(s, k), words, sizeof words);
            journal_copy_text(name, 41, words); /* UiControl.label holds 47 bytes */
            if (strlen(name) < strlen(words)) strcat(name, "\u2026");
            ui_control_add(a, name, s->row[s->shown]);
            yy += hk + g.gap;
            s->shown++;
        }
        s->more = s->first + s->shown < s->nmatch;
        if (s->more || s->first > 0) {
            const char *cue = s->more && s->first > 0 ? "More above and below: Up/Down, PageUp/PageDown or the wheel"
                              : s->more               ? "More below: Down, PageDown or the wheel"
                                                      : "More above: Up, PageUp or the wheel";
            text_draw(a, TEXT_SMALL, cue, g.x, y + avail + g.gap / 2, ALIGN_LEFT, t->step[0], g.w);
        }
    }
    ui_hints(a, s->nmatch ? "Type to search   Enter read   Delete remove" : "Type to search", "Esc back");
}

/* ---- reading one entry whole ---- */

#define READ_LINES 160

typedef struct Reader {
    JournalEntry e;
    int scroll, shown, nlines, max_scroll;
    bool more;
    int start[READ_LINES], len[READ_LINES];
    char text[JOURNAL_TEXT_MAX + 64];
} Reader;

static void reader_scroll(App *a, Reader *r, int by)
{
    r->scroll += by;
    if (r->scroll > r->max_scroll) r->scroll = r->max_scroll;
    if (r->scroll < 0) r->scroll = 0;
    a->dirty = true;
}

static void reader_event(App *a, void *st, const SDL_Event *e)
{
    Reader *r = st;
    int page = r->shown > 1 ? r->shown - 1 : 1;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE:
        case SDLK_RETURN:
        case SDLK_KP_ENTER: scene_pop(a); return;
        case SDLK_UP: reader_scroll(a, r, -1); return;
        case SDLK_DOWN: reader_scroll(a, r, 1); return;
        case SDLK_PAGEUP: reader_scroll(a, r, -page); return;
        case SDLK_PAGEDOWN:
        case SDLK_SPACE: reader_scroll(a, r, page); return;
        case SDLK_HOME: reader_scroll(a, r, -r->nlines); return;
        case SDLK_END: reader_scroll(a, r, r->nlines); return;
        default: return;
        }
    }
    if (e->type == SDL_MOUSEWHEEL && e->wheel.y) reader_scroll(a, r, e->wheel.y > 0 ? -2 : 2);
}

static void reader_render(App *a, void *st)
{
    Reader *r = st;
    const Theme *t = &a->theme;
    int mw = text_measure(a), body = text_line(a, TEXT_BODY), small = text_line(a, TEXT_SMALL);
    char label[64], meta[200];
    date_label(r->e.date, label, sizeof label);
    meta_line(a, &r->e, meta, sizeof meta);
    int y = ui_bar_bottom(a) + a->lay.unit;
    SDL_Rect rr = text_draw(a, TEXT_TITLE, label, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += rr.h + a->lay.tight;
    rr = text_draw(a, TEXT_SMALL, meta, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += rr.h + a->lay.gap;
    int x = (a->w - mw) / 2;
    if (r->e.kind == JOURNAL_REFLECTION && r->e.question[0]) {
        rr = text_draw(a, TEXT_SMALL, r->e.question, x, y, ALIGN_LEFT, t->muted, mw);
        y += rr.h + a->lay.unit;
    }
    int bottom = a->lay.hints_y - a->lay.unit;
    r->nlines = text_wrap_lines(a, TEXT_BODY, r->text, mw, r->start, r->len, READ_LINES);
    int room = (bottom - y) / body;
    if (room < 1) room = 1;
    if (r->nlines > room) { /* a line for the cue */
        room = (bottom - y - small - a->lay.unit) / body;
        if (room < 1) room = 1;
    }
    r->max_scroll = r->nlines > room ? r->nlines - room : 0;
    if (r->scroll > r->max_scroll) r->scroll = r->max_scroll;
    r->shown = r->nlines - r->scroll < room ? r->nlines - r->scroll : room;
    for (int i = r->scroll; i < r->scroll + r->shown; i++) {
        char line[JOURNAL_TEXT_MAX + 8];
        int k = r->len[i];
        while (k > 0 && r->text[r->start[i] + k - 1] == ' ') k--;
        memcpy(line, r->text + r->start[i], (size_t)k);
        line[k] = 0;
        text_draw(a, TEXT_BODY, line, x, y, ALIGN_LEFT, t->text, 0);
        y += body;
    }
    r->more = r->scroll + r->shown < r->nlines;
    if (r->more || r->scroll > 0) {
        const char *cue = r->more && r->scroll > 0 ? "More above and below: Up/Down or the wheel"
                          : r->more               ? "More below: Down, PageDown or the wheel"
                                                  : "More above: Up, PageUp or the wheel";
        text_draw(a, TEXT_SMALL, cue, x, y + a->lay.unit / 2, ALIGN_LEFT, t->step[0], mw);
    }
    ui_hints(a, NULL, "Esc back");
}

static const SceneVT READER = {.name = "journal-entry", .event = reader_event, .render = reader_render};

static void read_entry(App *a, const JournalScene *s, int m)
{
    const JournalEntry *e = entry_at(s, m);
    Reader *r = e ? calloc(1, sizeof *r) : NULL;
    if (!r) return;
    r->e = *e;
    body_text(e, r->text, sizeof r->text);
    scene_push(a, &READER, r);
}

/* ---- input ---- */

static void confirmed(App *a, void *ctx, int choice)
{
    JournalScene *s = ctx;
    if (choice != 1 || !s->pending[0]) return;
    char err[600];
    if (journal_delete(a->data_dir, s->pending, clock_wall(&a->clock), err, sizeof err)) {
        snprintf(s->status, sizeof s->status, "Entry deleted.");
        reload(a, s);
    } else {
        const char *why = strrchr(err, ':');
        snprintf(s->status, sizeof s->status, "It could not be deleted (%.150s).", why && why[1] ? why + 2 : err);
        app_log("%s", err);
    }
    s->pending[0] = 0;
    a->dirty = true;
}

static void ask_delete(App *a, JournalScene *s, int m)
{
    const JournalEntry *e = entry_at(s, m);
    if (!e) return;
    s->focus = m;
    snprintf(s->pending, sizeof s->pending, "%s", e->id);
    char words[JOURNAL_TEXT_MAX + 64], excerpt[220], body[400];
    body_text(e, words, sizeof words);
    journal_copy_text(excerpt, 160, words);
    bool longer = strlen(excerpt) < strlen(words);
    snprintf(body, sizeof body, "\u201c%s%s\u201d\n\nIt will no longer show here or go into an export.",
             excerpt, longer ? "\u2026" : "");
    static const char *const labels[2] = {"Keep it", "Delete"};
    notice_push_choice(a, "Delete this entry?", body, labels, 2, -1, confirmed, s);
}

static void typed(App *a, JournalScene *s, const char *text)
{
    size_t len = strlen(s->query);
    for (const char *p = text; *p && len < QUERY_MAX; p++)
        s->query[len++] = (unsigned char)*p < 0x20 ? ' ' : *p;
    /* Never half a character at the end. */
    while (len > 0 && ((unsigned char)s->query[len - 1] & 0xC0) == 0xC0) len--;
    s->query[len] = 0;
    s->focus = s->first = 0;
    s->status[0] = 0;
    refilter(s);
    a->dirty = true;
}

static void clear_query(App *a, JournalScene *s)
{
    s->query[0] = 0;
    s->focus = s->first = 0;
    s->status[0] = 0;
    refilter(s);
    a->dirty = true;
}

static void move_focus(App *a, JournalScene *s, int to)
{
    if (s->nmatch == 0) return;
    if (to < 0) to = 0;
    if (to >= s->nmatch) to = s->nmatch - 1;
    s->focus = to;
    a->dirty = true;
}

static void journal_event(App *a, void *st, const SDL_Event *e)
{
    JournalScene *s = st;
    int page = s->shown > 1 ? s->shown - 1 : 1;
    switch (e->type) {
    case SDL_TEXTINPUT: typed(a, s, e->text.text); return;
    case SDL_KEYDOWN:
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); return;
        case SDLK_BACKSPACE: {
            size_t n = strlen(s->query);
            if (!n) return;
            s->query[utf8_back(s->query, n)] = 0;
            s->focus = s->first = 0;
            refilter(s);
            a->dirty = true;
            return;
        }
        case SDLK_UP: move_focus(a, s, s->focus - 1); return;
        case SDLK_DOWN: move_focus(a, s, s->focus + 1); return;
        case SDLK_PAGEUP: move_focus(a, s, s->focus - page); return;
        case SDLK_PAGEDOWN: move_focus(a, s, s->focus + page); return;
        case SDLK_HOME: move_focus(a, s, 0); return;
        case SDLK_END: move_focus(a, s, s->nmatch - 1); return;
        case SDLK_DELETE: ask_delete(a, s, s->focus); return;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: read_entry(a, s, s->focus); return;
        default: return;
        }
    case SDL_MOUSEMOTION: {
        s->mouse = window_mouse(a, e->motion.x, e->motion.y);
        int h = ui_hit(s->row, s->shown, s->mouse), d = ui_hit(s->del, s->shown, s->mouse);
        int nh = h >= 0 ? s->first + h : -1, nd = d >= 0 ? s->first + d : -1;
        bool hc = SDL_PointInRect(&s->mouse, &s->clear);
        if (nh != s->hover || nd != s->hover_del || hc != s->hover_clear) a->dirty = true;
        s->hover = nh;
        s->hover_del = nd;
        s->hover_clear = hc;
        return;
    }
    case SDL_MOUSEWHEEL:
        if (e->wheel.y) move_focus(a, s, s->focus - e->wheel.y);
        return;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT) return;
        SDL_Point p = window_mouse(a, e->button.x, e->button.y);
        if (SDL_PointInRect(&p, &s->clear)) {
            clear_query(a, s);
            return;
        }
        int d = ui_hit(s->del, s->shown, p);
        if (d >= 0) {
            ask_delete(a, s, s->first + d);
            return;
        }
        int h = ui_hit(s->row, s->shown, p);
        /* A click chooses an entry; a click on the chosen one reads it whole. */
        if (h >= 0 && s->first + h == s->focus) read_entry(a, s, s->focus);
        else if (h >= 0) move_focus(a, s, s->first + h);
        return;
    }
    default: return;
    }
}

static void journal_free_scene(App *a, void *st)
{
    (void)a;
    JournalScene *s = st;
    journal_free(&s->j);
    free(s->match);
    free(s);
}

static const SceneVT JOURNAL = {
    .name = "journal",
    .event = journal_event,
    .render = journal_render,
    .free = journal_free_scene,
    .text_entry = true, /* typing goes to the search field */
};

void journal_push(App *a)
{
    JournalScene *s = calloc(1, sizeof *s);
    if (!s) return;
    s->hover = s->hover_del = -1;
    s->mouse = (SDL_Point){-1, -1};
    reload(a, s);
    scene_push(a, &JOURNAL, s);
}
