/* Grounding: the exercise picker, one prompt per screen driven by a GroundRun (core), the note
 * field, and the calm finish. The run decides everything that depends on time; this file only
 * draws what it reports. Animations are functions of stored instants (a->now at the moment a
 * mark was made), never of summed frame deltas. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "practice.h"
#include "scenes.h"

#define MARK_ANIM_MS 260u /* a mark's fill grows over this long */
#define NOTE_MAX 400      /* bytes in one note: a few sentences */
#define NOTE_LINES 6      /* lines the note field shows (it scrolls to the end beyond that) */
#define NOTES_FILE "notes.jsonl"

/* ---------- picker ---------- */

typedef struct GPicker {
    UiList list;
    UiItem items[UI_LIST_MAX];
} GPicker;

/* A gentle highlighted panel for a caution: a warm tint of the surface, never an alarm.
 * Returns its height; with draw false it only measures. */
static int caution_panel(App *a, const char *text, int x, int y, int w, TextRole role, bool draw)
{
    const Theme *t = &a->theme;
    int pad = text_line(a, TEXT_SMALL) * 3 / 4;
    int inner = w - 2 * pad - pad / 2;
    SDL_Point sz = text_size(a, role, text, inner);
    int h = sz.y + 2 * pad;
    if (!draw) return h;
    SDL_Rect r = {x, y, w, h};
    draw_rrect(a, r, pad, color_mix(t->surface, t->step[BREATH_OUT], 0.06f));
    draw_rrect_outline(a, r, pad, 1, color_alpha(t->step[BREATH_OUT], 0.45f));
    /* A slim warm bar on the left says "take care" without a word. */
    draw_rrect(a, (SDL_Rect){x + pad / 2, y + pad, pad / 3 > 2 ? pad / 3 : 2, h - 2 * pad}, 2,
               color_alpha(t->step[BREATH_OUT], 0.8f));
    text_draw(a, role, text, x + pad + pad / 2, y + pad, ALIGN_LEFT, t->text, inner);
    return h;
}

static void gpicker_event(App *a, void *s, const SDL_Event *e)
{
    GPicker *p = s;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        scene_pop(a);
        return;
    }
    int i = ui_list_event(a, &p->list, e);
    if (i >= 0 && i < a->content.nexercises) ground_push(a, &a->content.exercises[i]);
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
        draw_rrect(a, panel, a->h / 60, t->surface);
        int pad = a->h / 30, tx = panel.x + pad, tw = panel.w - 2 * pad, ty = panel.y + pad;
        SDL_Rect r = text_draw(a, TEXT_TITLE, ex->title, tx, ty, ALIGN_LEFT, t->text, tw);
        ty += r.h + pad / 2;
        r = text_draw(a, TEXT_BODY, ex->when, tx, ty, ALIGN_LEFT, t->muted, tw);
        ty += r.h + pad;
        char buf[96];
        snprintf(buf, sizeof buf, "About %d minute%s  \u00b7  %d steps", ex->minutes,
                 ex->minutes == 1 ? "" : "s", ex->nsteps);
        r = text_draw(a, TEXT_BODY, buf, tx, ty, ALIGN_LEFT, t->step[0], tw);
        ty += r.h + pad;
        if (ex->caution) caution_panel(a, ex->caution, tx, ty, tw, TEXT_SMALL, true);
    }
    ui_hints(a, "Up/Down choose   Enter start", "Esc back");
}

static const SceneVT GPICKER = {.name = "ground-picker", .event = gpicker_event, .render = gpicker_render};

void ground_picker_push(App *a, const char *exercise_id)
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

/* ---------- the run ---------- */

typedef enum Zone { ZONE_CHIPS, ZONE_STRENGTH, ZONE_BUTTONS } Zone;
typedef enum Act { ACT_BACK, ACT_NOTE, ACT_NEXT, ACT_BEGIN, ACT_LEAVE, ACT_SAVE, ACT_AGAIN, ACT_MENU } Act;

typedef struct GroundScene {
    const GroundExercise *ex;
    GroundRun run;
    bool entered;  /* on screen: the run has started */
    bool reported; /* on_finished has been called */
    uint64_t mark_at[GROUND_COUNT_MAX]; /* a->now when each mark of this step filled */
    BreathCues cues;
    /* The feelings step: where the keyboard is, and what was drawn (for the mouse). */
    Zone zone;
    int chip_focus, chip_hover, chip_cols, nchips;
    int strength_focus, strength_hover;
    SDL_Rect chip_rect[GROUND_FEELINGS_MAX], strength_rect[GROUND_STRENGTH_MAX];
    /* The button row of the current screen, and what each button does. */
    UiButtons buttons;
    Act acts[8];
    /* What the user typed, per step; kept only if they save it at the finish. */
    char *notes[GROUND_MAX_STEPS];
    bool saved;
    char save_msg[400];
    /* Where the breathing figure of an interlude may draw, and on which step (-1 none). */
    Damage figure;
    int figure_step;
} GroundScene;

static void note_push(App *a, GroundScene *g);

/* Called once, when the run finishes or the user leaves it mid-way: records the practice.
 * Leaving at the caution, before anything began, records nothing. */
static void on_finished(App *a, GroundScene *g, bool completed)
{
    if (!g->entered || g->reported) return;
    g->reported = true;
    if (ground_run_awaiting_ack(&g->run)) {
        practice_cancel(a);
        return;
    }
    practice_end(a, ground_run_elapsed(&g->run, a->now), completed, ground_run_completed(&g->run),
                 NULL, NULL);
}

static int nnotes(const GroundScene *g)
{
    int n = 0;
    for (int i = 0; i < GROUND_MAX_STEPS; i++) n += g->notes[i] != NULL;
    return n;
}

/* Fresh per-step state after the run moved to another step. */
static void step_changed(GroundScene *g)
{
    memset(g->mark_at, 0, sizeof g->mark_at);
    g->cues = (BreathCues){.last_step = -1};
    g->zone = ZONE_CHIPS;
    g->chip_focus = 0;
    g->strength_focus = 3;
    g->nchips = 0;
    g->chip_hover = g->strength_hover = -1;
    g->buttons.focus = -1;
}

/* Reacts to what the run did: sounds, fresh step state, the finish. */
static void apply(App *a, GroundScene *g, GroundEvent ev, bool by_itself)
{
    switch (ev) {
    case GROUND_MARKED: {
        int m = ground_run_marks(&g->run);
        if (m > 0 && m <= GROUND_COUNT_MAX) g->mark_at[m - 1] = a->now;
        audio_play(a, CUE_TICK);
        break;
    }
    case GROUND_STARTED:
    case GROUND_BACK: step_changed(g); break;
    case GROUND_FORWARD:
        step_changed(g);
        /* With eyes closed, a soft tone says the next step has begun. */
        if (by_itself) audio_play(a, CUE_HOLD);
        break;
    case GROUND_FINISHED:
        step_changed(g);
        g->buttons.focus = 0;
        audio_play(a, CUE_BELL);
        on_finished(a, g, true);
        break;
    default: return;
    }
    a->dirty = true;
}

static void leave(App *a, GroundScene *g)
{
    on_finished(a, g, ground_run_finished(&g->run));
    scene_pop(a);
}

/* ---- saving notes ---- */

static bool mkdirs(const char *dir)
{
    char p[1024];
    snprintf(p, sizeof p, "%s", dir);
    for (char *c = p + 1; *c; c++) {
        if (*c != '/') continue;
        *c = 0;
        if (mkdir(p, 0700) != 0 && errno != EEXIST) return false;
        *c = '/';
    }
    return mkdir(p, 0700) == 0 || errno == EEXIST;
}

/* Appends one JSON line per note to DATA_DIR/notes.jsonl (0600) with a single write, so an
 * interrupted save leaves at most one torn last line. Returns false with a reason in err. */
static bool notes_save(App *a, GroundScene *g, char *err, size_t n)
{
    char path[1100], date[16] = "";
    snprintf(path, sizeof path, "%s/%s", a->data_dir, NOTES_FILE);
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm)) strftime(date, sizeof date, "%Y-%m-%d", &tm);
    size_t cap = 64, len = 0;
    char *out = malloc(cap);
    bool ok = out != NULL;
    for (int i = 0; ok && i < GROUND_MAX_STEPS; i++) {
        if (!g->notes[i]) continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "date", date);
        cJSON_AddStringToObject(o, "exercise", g->ex->id);
        cJSON_AddNumberToObject(o, "step", i + 1); /* as the user saw it: "Step 3 of 8" */
        cJSON_AddStringToObject(o, "text", g->notes[i]);
        char *line = cJSON_PrintUnformatted(o);
        cJSON_Delete(o);
        size_t l = line ? strlen(line) : 0;
        if (line && len + l + 2 > cap) {
            while (len + l + 2 > cap) cap *= 2;
            char *grown = realloc(out, cap);
            if (grown) out = grown;
            else ok = false;
        }
        if (!line || !ok) {
            free(line);
            ok = false;
            break;
        }
        memcpy(out + len, line, l);
        len += l;
        out[len++] = '\n';
        free(line);
    }
    if (!ok) {
        free(out);
        snprintf(err, n, "out of memory");
        return false;
    }
    int fd = -1;
    if (!mkdirs(a->data_dir) || (fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) < 0) {
        snprintf(err, n, "%s", strerror(errno));
        free(out);
        return false;
    }
    fchmod(fd, 0600); /* the notes are private, even in a file made by hand */
    /* A torn last line from an earlier crash must not swallow this one. */
    struct stat st;
    char last = '\n';
    if (fstat(fd, &st) == 0 && st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') {
        memmove(out + 1, out, len);
        out[0] = '\n';
        len++;
    }
    size_t done = 0;
    errno = 0;
    while (done < len) {
        ssize_t w = write(fd, out + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        done += (size_t)w;
    }
    ok = done == len && fsync(fd) == 0;
    if (!ok) snprintf(err, n, "%s", strerror(errno ? errno : EIO));
    if (close(fd) != 0 && ok) {
        ok = false;
        snprintf(err, n, "%s", strerror(errno));
    }
    free(out);
    return ok;
}

static void save_notes(App *a, GroundScene *g)
{
    char err[256];
    if (notes_save(a, g, err, sizeof err)) {
        g->saved = true;
        snprintf(g->save_msg, sizeof g->save_msg, "Your notes are saved.");
    } else {
        snprintf(g->save_msg, sizeof g->save_msg, "Your notes could not be saved (%s). They are still here.", err);
        app_log("%s/%s: %s", a->data_dir, NOTES_FILE, err);
    }
    g->buttons.focus = 0;
    a->dirty = true;
}

/* ---- input ---- */

static void do_act(App *a, GroundScene *g, Act act)
{
    switch (act) {
    case ACT_BACK: apply(a, g, ground_run_back(&g->run, a->now), false); break;
    case ACT_NOTE: note_push(a, g); break;
    case ACT_NEXT:
    case ACT_BEGIN: apply(a, g, ground_run_next(&g->run, a->now), false); break;
    case ACT_LEAVE: leave(a, g); break;
    case ACT_SAVE: save_notes(a, g); break;
    case ACT_AGAIN:
        ground_push(a, g->ex);
        scene_pop(a);
        break;
    case ACT_MENU: scene_to_root(a); break;
    }
}

static bool step_has_note(const GroundScene *g)
{
    const GroundStep *st = ground_run_step(&g->run);
    return st && st->note;
}

static void choose_chip(App *a, GroundScene *g, int i)
{
    if (ground_run_choose_feeling(&g->run, i)) {
        g->chip_focus = i;
        g->zone = ZONE_STRENGTH;
        int s = ground_run_strength(&g->run, ground_run_step_index(&g->run));
        if (s > 0) g->strength_focus = s;
        audio_play(a, CUE_TICK);
    }
}

static void set_strength(App *a, GroundScene *g, int s)
{
    if (ground_run_set_strength(&g->run, s)) {
        g->strength_focus = s;
        if (ground_run_can_next(&g->run)) g->zone = ZONE_BUTTONS;
        audio_play(a, CUE_TICK);
    }
}

/* Keys on the feelings step: a grid of words, then a row 1-5, then Next. */
static bool feelings_key(App *a, GroundScene *g, SDL_Keycode k)
{
    const GroundStep *st = ground_run_step(&g->run);
    int n = st->nfeelings, cols = g->chip_cols > 0 ? g->chip_cols : 1;
    if (k >= SDLK_1 && k <= SDLK_5) {
        set_strength(a, g, (int)(k - SDLK_0));
        return true;
    }
    switch (g->zone) {
    case ZONE_CHIPS:
        switch (k) {
        case SDLK_LEFT: g->chip_focus = (g->chip_focus + n - 1) % n; return true;
        case SDLK_RIGHT: g->chip_focus = (g->chip_focus + 1) % n; return true;
        case SDLK_UP:
            if (g->chip_focus >= cols) g->chip_focus -= cols;
            return true;
        case SDLK_DOWN:
            if (g->chip_focus + cols < n) g->chip_focus += cols;
            else if (g->chip_focus / cols < (n - 1) / cols) g->chip_focus = n - 1;
            else g->zone = ZONE_STRENGTH;
            return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE: choose_chip(a, g, g->chip_focus); return true;
        default: return false;
        }
    case ZONE_STRENGTH:
        switch (k) {
        case SDLK_LEFT: g->strength_focus = g->strength_focus > 1 ? g->strength_focus - 1 : 1; return true;
        case SDLK_RIGHT:
            g->strength_focus = g->strength_focus < GROUND_STRENGTH_MAX ? g->strength_focus + 1 : GROUND_STRENGTH_MAX;
            return true;
        case SDLK_UP: g->zone = ZONE_CHIPS; return true;
        case SDLK_DOWN: g->zone = ZONE_BUTTONS; return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE: set_strength(a, g, g->strength_focus); return true;
        default: return false;
        }
    case ZONE_BUTTONS:
        switch (k) {
        case SDLK_UP: g->zone = ZONE_STRENGTH; return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE: do_act(a, g, ACT_NEXT); return true;
        default: return false;
        }
    }
    return false;
}


static void ground_event(App *a, void *s, const SDL_Event *e)
{
    GroundScene *g = s;
    if (!g->entered) return;
    bool running = !ground_run_awaiting_ack(&g->run) && !ground_run_finished(&g->run);
    bool feelings = running && ground_run_kind(&g->run) == GROUND_STEP_FEELINGS;
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            leave(a, g);
            return;
        }
        if (!running) { /* the caution and the finish: just their buttons */
            int i = ui_buttons_event(a, &g->buttons, e);
            if (i >= 0 && i < g->buttons.count) do_act(a, g, g->acts[i]);
            return;
        }
        a->dirty = true;
        if (k == SDLK_BACKSPACE) {
            do_act(a, g, ACT_BACK);
            return;
        }
        if (k == SDLK_TAB) {
            if (step_has_note(g)) note_push(a, g);
            return;
        }
        if (feelings && feelings_key(a, g, k)) return;
        switch (k) {
        case SDLK_SPACE:
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_RIGHT: do_act(a, g, ACT_NEXT); break;
        case SDLK_LEFT: do_act(a, g, ACT_BACK); break;
        default: break;
        }
        return;
    }
    int b = ui_buttons_event(a, &g->buttons, e);
    if (b >= 0 && b < g->buttons.count) {
        do_act(a, g, g->acts[b]);
        return;
    }
    if (!running) return;
    if (e->type == SDL_MOUSEMOTION && feelings) {
        SDL_Point p = app_mouse(a, e->motion.x, e->motion.y);
        int ch = ui_hit(g->chip_rect, g->nchips, p), sh = ui_hit(g->strength_rect, GROUND_STRENGTH_MAX, p);
        if (ch != g->chip_hover || sh != g->strength_hover) a->dirty = true;
        g->chip_hover = ch;
        g->strength_hover = sh;
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        SDL_Point p = app_mouse(a, e->button.x, e->button.y);
        a->dirty = true;
        if (!feelings) { /* a click anywhere else goes on, like Space */
            do_act(a, g, ACT_NEXT);
            return;
        }
        int ch = ui_hit(g->chip_rect, g->nchips, p), sh = ui_hit(g->strength_rect, GROUND_STRENGTH_MAX, p);
        if (ch >= 0) choose_chip(a, g, ch);
        else if (sh >= 0) set_strength(a, g, sh + 1);
    }
}

static void ground_update(App *a, void *s)
{
    GroundScene *g = s;
    if (!g->entered) return;
    if (!ground_run_awaiting_ack(&g->run))
        practice_progress(a, ground_run_elapsed(&g->run, a->now), ground_run_completed(&g->run));
    GroundEvent ev = ground_run_update(&g->run, a->now);
    if (ev != GROUND_NONE) apply(a, g, ev, true);
    BreathSessionState st;
    if (ground_run_breath(&g->run, a->now, &st)) breath_cues_play(a, &g->cues, &st, ground_run_pattern(&g->run));
}

static bool mark_moving(App *a, const GroundScene *g)
{
    int m = ground_run_marks(&g->run);
    return m > 0 && m <= GROUND_COUNT_MAX && a->now - g->mark_at[m - 1] < MARK_ANIM_MS;
}

static bool ground_animating(App *a, void *s)
{
    GroundScene *g = s;
    return g->entered && (ground_run_animating(&g->run) || mark_moving(a, g));
}

/* In a breathing interlude only the figure moves between events (strings that change are
 * found by the loop). Every other step is drawn whole. */
static bool ground_damage(App *a, void *s, Damage *d)
{
    (void)a;
    GroundScene *g = s;
    if (!g->entered || ground_run_awaiting_ack(&g->run) || ground_run_finished(&g->run) ||
        ground_run_kind(&g->run) != GROUND_STEP_BREATHE ||
        g->figure_step != ground_run_step_index(&g->run))
        return false;
    *d = g->figure;
    return true;
}

/* Under help or a note, the exercise's time stands still. */
static void ground_covered(App *a, void *s, bool covered)
{
    GroundScene *g = s;
    if (covered) ground_run_pause(&g->run, a->now);
    else ground_run_resume(&g->run, a->now);
}

/* ---- drawing ---- */

/* The prompt as large as it reads well: display size when it fits on two lines. */
static TextRole prompt_role(App *a, const char *prompt)
{
    SDL_Point sz = text_size(a, TEXT_DISPLAY, prompt, text_measure(a));
    return sz.y <= text_line(a, TEXT_DISPLAY) * 2 ? TEXT_DISPLAY : TEXT_TITLE;
}

/* The button row for the current screen; returns its top edge. */
static int buttons_y(App *a)
{
    int bh = text_line(a, TEXT_BODY) * 7 / 4;
    return a->h - a->h / 30 - text_line(a, TEXT_SMALL) - a->h / 30 - bh;
}

static void render_buttons(App *a, GroundScene *g, const char *const *labels, const Act *acts, int n, int y)
{
    if (g->buttons.count != n) g->buttons.hover = -1;
    g->buttons.count = n;
    for (int i = 0; i < n; i++) g->acts[i] = acts[i];
    if (g->buttons.focus >= n) g->buttons.focus = n - 1;
    ui_buttons_render(a, &g->buttons, labels, y);
}

/* "Step 3 of 8", a row of dots for the steps, and the exercise name. */
static void draw_progress(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    int m = a->h / 30, top = m + text_line(a, TEXT_SMALL);
    int i = ground_run_step_index(&g->run), n = ground_run_step_total(&g->run);
    char buf[64];
    text_draw(a, TEXT_SMALL, g->ex->title, a->w / 2, m, ALIGN_CENTER, t->muted, 0);
    snprintf(buf, sizeof buf, "Step %d of %d", i + 1, n);
    text_draw(a, TEXT_SMALL, buf, m, top, ALIGN_LEFT, t->muted, 0);
    float cy = (float)top + text_line(a, TEXT_SMALL) / 2.0f;
    float r = a->h / 200.0f + 1.0f, step = r * 4.0f;
    if (step * (float)n > a->w * 0.4f) { /* long exercises: a thin bar instead of dots */
        int bw = a->w * 2 / 5, bx = (a->w - bw) / 2;
        draw_rrect(a, (SDL_Rect){bx, (int)cy - 2, bw, 4}, 2, color_alpha(t->muted, 0.25f));
        draw_rrect(a, (SDL_Rect){bx, (int)cy - 2, bw * (i + 1) / n, 4}, 2, t->step[0]);
        return;
    }
    float x0 = a->w / 2.0f - step * (float)(n - 1) / 2.0f;
    for (int k = 0; k < n; k++) {
        float x = x0 + step * (float)k;
        /* Opaque mixes, not alpha: tiny translucent discs show their seams. */
        if (k < i) draw_disc(a, x, cy, r, color_mix(t->bg, t->step[0], 0.6f));
        else if (k == i) draw_disc(a, x, cy, r * 1.4f, t->step[0]);
        else draw_arc(a, x, cy, r - 0.5f, 1.5f, 0, 1, color_alpha(t->muted, 0.5f));
    }
}

/* Marks that fill one by one: the newest grows with an ease and sends out a fading ripple. */
static void draw_marks(App *a, GroundScene *g, const GroundStep *st, int cy)
{
    const Theme *t = &a->theme;
    float r = a->h * 0.03f, gap = r * 3.4f;
    int marks = ground_run_marks(&g->run);
    float x0 = a->w / 2.0f - gap * (float)(st->count - 1) / 2.0f;
    for (int i = 0; i < st->count; i++) {
        float x = x0 + gap * (float)i;
        draw_arc(a, x, (float)cy, r, 2.0f, 0, 1, color_alpha(t->muted, 0.45f));
        if (i >= marks) continue;
        uint64_t since = a->now - g->mark_at[i];
        float k = since >= MARK_ANIM_MS ? 1.0f : (float)since / (float)MARK_ANIM_MS;
        float e = (float)breath_ease(k);
        if (k < 1.0f)
            draw_arc(a, x, (float)cy, r * (1.0f + 0.5f * e), 2.0f, 0, 1, color_alpha(t->step[0], 0.5f * (1.0f - e)));
        draw_disc(a, x, (float)cy, r * (0.25f + 0.75f * e), color_alpha(t->step[0], 0.6f + 0.4f * e));
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%d of %d", marks, st->count);
    text_draw(a, TEXT_SMALL, buf, a->w / 2, cy + (int)(r * 1.8f), ALIGN_CENTER, t->muted, 0);
}

static int marks_height(App *a) { return (int)(a->h * 0.03f * 3.8f) + text_line(a, TEXT_SMALL); }

static int ring_radius(App *a) { return a->h * 11 / 100; }

/* A timed step: a thin ring that fills with the step's time, and the seconds left. */
static void draw_timer(App *a, GroundScene *g, int cy)
{
    const Theme *t = &a->theme;
    float r = (float)ring_radius(a), cx = a->w / 2.0f;
    float p = (float)ground_run_progress(&g->run, a->now);
    draw_disc(a, cx, (float)cy, r * 0.9f, color_alpha(t->step[0], 0.05f));
    draw_arc(a, cx, (float)cy, r, 3.0f, 0, 1, color_alpha(t->muted, 0.22f));
    if (p > 0.01f) draw_arc(a, cx, (float)cy, r, 4.0f, 0, p, color_alpha(t->step[0], 0.85f));
    uint32_t left = ground_run_seconds_left(&g->run, a->now);
    char buf[32];
    if (left >= 60) ui_fmt_clock(buf, sizeof buf, (uint64_t)left * 1000);
    else snprintf(buf, sizeof buf, "%u", left);
    SDL_Point sz = text_size(a, TEXT_TITLE, buf, 0);
    text_draw(a, TEXT_TITLE, buf, (int)cx, cy - sz.y / 2, ALIGN_CENTER, t->text, 0);
}

/* Chip sizes for the feelings grid: equal widths, as many columns as fit the measure. */
static void chip_layout(App *a, const GroundStep *st, int *cw, int *ch, int *cols, int *gap)
{
    int pad = text_line(a, TEXT_BODY) / 2;
    int wmax = 0;
    for (int i = 0; i < st->nfeelings; i++) {
        int w = text_size(a, TEXT_BODY, st->feelings[i], 0).x;
        if (w > wmax) wmax = w;
    }
    *cw = wmax + 3 * pad;
    *ch = text_line(a, TEXT_BODY) + pad;
    *gap = pad * 2 / 3;
    int limit = a->w * 9 / 10;
    *cols = st->nfeelings < 5 ? st->nfeelings : 5;
    while (*cols > 1 && *cols * *cw + (*cols - 1) * *gap > limit) (*cols)--;
}

static int feelings_height(App *a, const GroundStep *st)
{
    int cw, ch, cols, gap;
    chip_layout(a, st, &cw, &ch, &cols, &gap);
    int rows = (st->nfeelings + cols - 1) / cols;
    return rows * (ch + gap) - gap + a->h / 24 + text_line(a, TEXT_SMALL) + a->h / 80 + ch;
}

static void draw_feelings(App *a, GroundScene *g, const GroundStep *st, int y)
{
    const Theme *t = &a->theme;
    int cw, ch, cols, gap;
    chip_layout(a, st, &cw, &ch, &cols, &gap);
    g->chip_cols = cols;
    g->nchips = st->nfeelings;
    int idx = ground_run_step_index(&g->run);
    int chosen = ground_run_feeling(&g->run, idx), strength = ground_run_strength(&g->run, idx);
    int n = st->nfeelings;
    for (int i = 0; i < n; i++) {
        int row = i / cols, col = i % cols;
        int in_row = row == (n - 1) / cols ? n - row * cols : cols; /* the last row is centred */
        int rx = (a->w - (in_row * cw + (in_row - 1) * gap)) / 2;
        SDL_Rect r = {rx + col * (cw + gap), y + row * (ch + gap), cw, ch};
        g->chip_rect[i] = r;
        bool focus = g->zone == ZONE_CHIPS && i == g->chip_focus, hover = i == g->chip_hover;
        SDL_Color fill = i == chosen ? t->step[0] : focus || hover ? t->surface_hi : t->surface;
        draw_rrect(a, r, ch / 2, fill);
        if (focus) draw_rrect_outline(a, r, ch / 2, 2, i == chosen ? t->text : t->focus);
        int ty = r.y + (ch - text_line(a, TEXT_BODY)) / 2;
        text_draw(a, TEXT_BODY, st->feelings[i], r.x + cw / 2, ty, ALIGN_CENTER, i == chosen ? t->on_accent : t->text, 0);
    }
    int rows = (n + cols - 1) / cols;
    y += rows * (ch + gap) - gap + a->h / 24;
    /* How strong: five circles, dim until a word is chosen. */
    float alpha = chosen >= 0 ? 1.0f : 0.45f;
    SDL_Rect lr = text_draw(a, TEXT_SMALL, "How strong is it?  1 a little \u00b7 5 very", a->w / 2, y,
                            ALIGN_CENTER, color_alpha(t->muted, alpha), 0);
    y += lr.h + a->h / 80;
    int d = ch, sgap = d / 2;
    int sx = (a->w - (GROUND_STRENGTH_MAX * d + (GROUND_STRENGTH_MAX - 1) * sgap)) / 2;
    for (int i = 0; i < GROUND_STRENGTH_MAX; i++) {
        SDL_Rect r = {sx + i * (d + sgap), y, d, d};
        g->strength_rect[i] = r;
        float cx = r.x + d / 2.0f, cy = r.y + d / 2.0f;
        bool on = i < strength, focus = g->zone == ZONE_STRENGTH && i + 1 == g->strength_focus;
        bool hover = i == g->strength_hover;
        SDL_Color fill = on ? t->step[0] : hover ? t->surface_hi : t->surface;
        draw_disc(a, cx, cy, d / 2.0f, color_alpha(fill, alpha));
        if (focus) draw_arc(a, cx, cy, d / 2.0f - 1.0f, 2.0f, 0, 1, t->focus);
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        int ty = r.y + (d - text_line(a, TEXT_BODY)) / 2;
        text_draw(a, TEXT_BODY, num, (int)cx, ty, ALIGN_CENTER, color_alpha(on ? t->on_accent : t->text, alpha), 0);
    }
}

#define NOTE_SHOWN_LINES 2 /* of a note on its step: the full text is one Tab away */

static int wrap_lines(App *a, TextRole role, const char *s, int width, int *start, int *len, int max);

/* The note the user wrote on this step, under the prompt: its first lines, then "...". */
static int note_panel(App *a, const char *note, int y, bool draw)
{
    const Theme *t = &a->theme;
    int w = text_measure(a) * 4 / 5, pad = text_line(a, TEXT_SMALL) * 3 / 4;
    int inner = w - 2 * pad;
    int starts[64], lens[64];
    int nl = wrap_lines(a, TEXT_BODY, note, inner, starts, lens, 64);
    int shown = nl < NOTE_SHOWN_LINES ? nl : NOTE_SHOWN_LINES;
    int h = text_line(a, TEXT_SMALL) + shown * text_line(a, TEXT_BODY) + 2 * pad;
    if (!draw) return h;
    SDL_Rect r = {(a->w - w) / 2, y, w, h};
    draw_rrect(a, r, pad, t->surface);
    text_draw(a, TEXT_SMALL, "Your note", r.x + pad, r.y + pad, ALIGN_LEFT, t->muted, 0);
    char line[NOTE_MAX + 8];
    for (int i = 0; i < shown; i++) {
        int l = lens[i];
        memcpy(line, note + starts[i], (size_t)l);
        line[l] = 0;
        if (i == shown - 1 && nl > shown) {
            /* Cut back to a word that leaves room for the ellipsis. */
            do {
                while (l > 0 && line[l - 1] != ' ') l--;
                while (l > 0 && line[l - 1] == ' ') l--;
                memcpy(line + l, " \u2026", sizeof " \u2026");
            } while (l > 0 && text_size(a, TEXT_BODY, line, 0).x > inner);
        }
        text_draw(a, TEXT_BODY, line, r.x + pad, r.y + pad + text_line(a, TEXT_SMALL) + i * text_line(a, TEXT_BODY),
                  ALIGN_LEFT, t->text, 0);
    }
    return h;
}

static void render_caution(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    int mw = text_measure(a);
    int y = a->h / 8;
    SDL_Rect r = text_draw(a, TEXT_TITLE, g->ex->title, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += r.h + a->h / 60;
    r = text_draw(a, TEXT_BODY, g->ex->when, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->h / 20;
    r = text_draw(a, TEXT_SMALL, "Before you begin", (a->w - mw) / 2, y, ALIGN_LEFT, t->step[BREATH_OUT], 0);
    y += r.h + a->h / 100;
    caution_panel(a, g->ex->caution, (a->w - mw) / 2, y, mw, TEXT_BODY, true);
    static const char *const labels[2] = {"I understand, begin", "Not now"};
    static const Act acts[2] = {ACT_BEGIN, ACT_LEAVE};
    render_buttons(a, g, labels, acts, 2, buttons_y(a));
    ui_hints(a, NULL, "Enter begin   Esc leave");
}

static void render_finish(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    char buf[200], len[32];
    int y = a->h / 5;
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Well done", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->h / 30;
    ui_fmt_clock(len, sizeof len, ground_run_elapsed(&g->run, a->now));
    int total = ground_run_step_total(&g->run);
    snprintf(buf, sizeof buf, "%s of %s, %d of %d steps.", len, g->ex->title, ground_run_completed(&g->run), total);
    r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->h / 40;
    r = text_draw(a, TEXT_BODY, "Take this steadiness with you into whatever comes next.", a->w / 2, y,
                  ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h;
    int n = nnotes(g);
    int by = buttons_y(a) - a->h / 20;
    const char *msg = g->save_msg[0] ? g->save_msg
                      : n == 1        ? "You wrote a note. Save it to read later, or simply let it go."
                      : n > 1         ? "You wrote some notes. Save them to read later, or simply let them go."
                                      : NULL;
    int msg_h = msg ? text_size(a, TEXT_SMALL, msg, text_measure(a)).y : 0;
    /* The still circle of the end of a breath, between the words and the buttons. */
    float rr = a->h * 0.07f;
    float cy = (float)(y + by - msg_h - a->h / 40) / 2.0f;
    if (cy - rr > y + a->h / 60) draw_disc(a, a->w / 2.0f, cy, rr, color_alpha(t->step[0], 0.85f));
    if (msg) text_draw(a, TEXT_SMALL, msg, a->w / 2, by - msg_h, ALIGN_CENTER, g->saved ? t->step[0] : t->muted, text_measure(a));
    const char *labels[3];
    Act acts[3];
    int nb = 0;
    if (n && !g->saved) labels[nb] = "Save my notes", acts[nb++] = ACT_SAVE;
    labels[nb] = "Again", acts[nb++] = ACT_AGAIN;
    labels[nb] = "Menu", acts[nb++] = ACT_MENU;
    render_buttons(a, g, labels, acts, nb, buttons_y(a));
    ui_hints(a, NULL, "Enter choose   Esc leave");
}

static void render_interlude(App *a, GroundScene *g, const GroundStep *st, int y, int bottom)
{
    const Theme *t = &a->theme;
    BreathSessionState bs;
    ground_run_breath(&g->run, a->now, &bs);
    const BreathPattern *p = ground_run_pattern(&g->run);
    int mw = text_measure(a);
    y += a->h / 40;
    SDL_Rect r = text_draw(a, TEXT_TITLE, st->prompt, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += r.h;
    if (st->detail) {
        r = text_draw(a, TEXT_SMALL, st->detail, a->w / 2, y + a->h / 100, ALIGN_CENTER, t->muted, mw);
        y += r.h + a->h / 100;
    }
    /* The step words sit just above the buttons; the circle, as on the breathing screen,
     * fills the space between them and the prompt. */
    int words_y = bottom - text_line(a, TEXT_DISPLAY);
    float gap = a->h * 0.035f;
    float room = (float)(words_y - y) - 2.0f * gap;
    float rmax = room / 2.0f / 1.08f;
    if (rmax > a->h * 0.2f) rmax = a->h * 0.2f;
    float cy = (float)(y + words_y) / 2.0f;
    g->figure = draw_breath_figure(a, &bs, p, a->w / 2.0f, cy, rmax);
    g->figure_step = ground_run_step_index(&g->run);
    const char *words = bs.getting_ready ? "Get ready" : breath_kind_words(bs.phase.kind);
    text_draw(a, TEXT_DISPLAY, words, a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
    char buf[64];
    uint64_t shown = bs.getting_ready ? 1 : bs.phase.cycle + 1;
    if (shown > bs.cycles_total) shown = bs.cycles_total;
    snprintf(buf, sizeof buf, "Breath %llu of %llu", (unsigned long long)shown, (unsigned long long)bs.cycles_total);
    int m = a->h / 30;
    text_draw(a, TEXT_SMALL, buf, a->w - m, m + text_line(a, TEXT_SMALL), ALIGN_RIGHT, t->muted, 0);
}

static void render_step(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    const GroundStep *st = ground_run_step(&g->run);
    GroundStepKind kind = ground_run_kind(&g->run);
    int idx = ground_run_step_index(&g->run);
    draw_progress(a, g);
    int top = a->h / 30 + 2 * text_line(a, TEXT_SMALL) + a->h / 30;
    int by = buttons_y(a);
    int bottom = by - a->h / 30;
    if (kind == GROUND_STEP_BREATHE) {
        render_interlude(a, g, st, top, bottom);
    } else {
        /* Measure, then centre the prompt, its detail and the step's own part in the space. */
        int mw = text_measure(a);
        TextRole role = prompt_role(a, st->prompt);
        int gap = a->h / 40, wide = a->h / 18;
        int h = text_size(a, role, st->prompt, mw).y;
        if (st->detail) h += gap + text_size(a, TEXT_BODY, st->detail, mw).y;
        if (st->caution) h += gap + caution_panel(a, st->caution, 0, 0, mw * 4 / 5, TEXT_BODY, false);
        int part = kind == GROUND_STEP_COUNT ? marks_height(a)
                   : kind == GROUND_STEP_TIMED ? 2 * ring_radius(a)
                   : kind == GROUND_STEP_FEELINGS ? feelings_height(a, st)
                                                  : 0;
        if (part) h += wide + part;
        const char *note = g->notes[idx];
        if (note) h += gap + note_panel(a, note, 0, false);
        int y = top + (bottom - top - h) / 2;
        if (y < top) y = top;
        SDL_Rect r = text_draw(a, role, st->prompt, a->w / 2, y, ALIGN_CENTER, t->text, mw);
        y += r.h;
        if (st->detail) {
            r = text_draw(a, TEXT_BODY, st->detail, a->w / 2, y + gap, ALIGN_CENTER, t->muted, mw);
            y += gap + r.h;
        }
        if (st->caution) y += gap + caution_panel(a, st->caution, (a->w - mw * 4 / 5) / 2, y + gap, mw * 4 / 5, TEXT_BODY, true);
        if (part) y += wide;
        switch (kind) {
        case GROUND_STEP_COUNT: draw_marks(a, g, st, y + (int)(a->h * 0.03f)); break;
        case GROUND_STEP_TIMED: draw_timer(a, g, y + ring_radius(a)); break;
        case GROUND_STEP_FEELINGS: draw_feelings(a, g, st, y); break;
        default: break;
        }
        y += part;
        if (note) note_panel(a, note, y + gap, true);
    }
    const char *labels[3];
    Act acts[3];
    int n = 0;
    bool last = idx + 1 >= ground_run_step_total(&g->run);
    if (idx > 0) labels[n] = "Back", acts[n++] = ACT_BACK;
    if (st->note) labels[n] = g->notes[idx] ? "Edit note" : "Write a note", acts[n++] = ACT_NOTE;
    labels[n] = last ? "Finish" : "Next", acts[n++] = ACT_NEXT;
    /* The ring shows what Enter does; on the feelings step only once the keys reach it. */
    g->buttons.focus = kind != GROUND_STEP_FEELINGS || g->zone == ZONE_BUTTONS ? n - 1 : -1;
    render_buttons(a, g, labels, acts, n, by);
    char hint[96];
    snprintf(hint, sizeof hint, "%s%s   Esc leave", idx > 0 ? "Backspace back   " : "",
             st->note ? "Tab note" : "");
    ui_hints(a, kind == GROUND_STEP_FEELINGS ? "Arrows and Enter choose   1-5 how strong"
                                             : audio_muted(a) ? "Sound off (M)" : "Sound on (M)",
             hint);
}

static void ground_render(App *a, void *s)
{
    GroundScene *g = s;
    if (!g->entered) return;
    if (ground_run_awaiting_ack(&g->run)) render_caution(a, g);
    else if (ground_run_finished(&g->run)) render_finish(a, g);
    else render_step(a, g);
}

/* The run starts when the screen appears, not when it was made. */
static void ground_enter(App *a, void *s)
{
    GroundScene *g = s;
    ground_run_start(&g->run, g->ex, a->content.patterns, a->content.npatterns, a->now);
    g->entered = true;
    step_changed(g);
    g->buttons.focus = 0;
}

static void ground_free(App *a, void *s)
{
    GroundScene *g = s;
    on_finished(a, g, ground_run_finished(&g->run)); /* the window closed mid-way */
    for (int i = 0; i < GROUND_MAX_STEPS; i++) free(g->notes[i]);
    free(g);
}

static const SceneVT GROUND = {
    .name = "ground",
    .enter = ground_enter,
    .event = ground_event,
    .update = ground_update,
    .render = ground_render,
    .animating = ground_animating,
    .damage = ground_damage,
    .free = ground_free,
    .covered = ground_covered,
};

void ground_push(App *a, const GroundExercise *ex)
{
    if (!ex) return;
    GroundScene *g = calloc(1, sizeof *g);
    if (!g) return;
    g->ex = ex;
    g->chip_hover = g->strength_hover = -1;
    g->buttons = (UiButtons){.hover = -1};
    g->figure_step = -1;
    practice_begin(a, PRACTICE_GROUNDING, ex->id, &GROUND, g);
}

/* ---------- the note field: typing mode, over the step it belongs to ---------- */

typedef struct NoteEdit {
    GroundScene *g; /* the scene below, which outlives this one */
    int step;
    char buf[NOTE_MAX + 1];
    size_t len;
    UiButtons buttons;
} NoteEdit;

static void note_close(App *a, NoteEdit *n, bool keep)
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

static void note_event(App *a, void *s, const SDL_Event *e)
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
        case SDLK_ESCAPE: note_close(a, n, false); return;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: note_close(a, n, true); return;
        case SDLK_BACKSPACE:
            while (n->len > 0 && ((unsigned char)n->buf[--n->len] & 0xC0) == 0x80) {} /* one UTF-8 char */
            n->buf[n->len] = 0;
            a->dirty = true;
            return;
        default: return;
        }
    }
    int b = ui_buttons_event(a, &n->buttons, e);
    if (b == 0) note_close(a, n, true);
    else if (b == 1) note_close(a, n, false);
}

/* Greedy word wrap, as the text renderer does it, so the caret can sit at the end of the
 * last line. Fills line starts and lengths; returns the line count (at least 1). */
static int wrap_lines(App *a, TextRole role, const char *s, int width, int *start, int *len, int max)
{
    char tmp[NOTE_MAX + 1];
    int nl = 0, p = 0, n = (int)strlen(s);
    while (nl < max) {
        int end = p, best = -1;
        for (;;) {
            int q = end;
            while (q < n && s[q] == ' ') q++;
            while (q < n && s[q] != ' ') q++;
            if (q == end) break;
            memcpy(tmp, s + p, (size_t)(q - p));
            tmp[q - p] = 0;
            if (text_size(a, role, tmp, 0).x > width) break;
            best = end = q;
            if (q >= n) break;
        }
        if (best < 0) { /* one word wider than the line: break it between characters */
            int q = p;
            do {
                q++;
                while (q < n && ((unsigned char)s[q] & 0xC0) == 0x80) q++;
                memcpy(tmp, s + p, (size_t)(q - p));
                tmp[q - p] = 0;
            } while (q < n && text_size(a, role, tmp, 0).x <= width);
            best = q < n && q - p > 1 ? q - 1 : q;
            while (best > p + 1 && ((unsigned char)s[best] & 0xC0) == 0x80) best--;
        }
        /* The last line keeps its trailing spaces: the caret goes after them. */
        if (best >= n || nl == max - 1) best = n;
        start[nl] = p;
        len[nl++] = best - p;
        p = best;
        if (p >= n) break;
        while (p < n && s[p] == ' ') p++;
        if (p >= n) break;
    }
    if (nl == 0) start[0] = len[0] = 0, nl = 1;
    return nl;
}

static void note_render(App *a, void *s)
{
    NoteEdit *n = s;
    const Theme *t = &a->theme;
    int mw = text_measure(a), line = text_line(a, TEXT_BODY);
    const GroundStep *st = &n->g->ex->steps[n->step];
    int y = a->h / 8;
    SDL_Rect r = text_draw(a, TEXT_TITLE, "What did you notice?", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->h / 80;
    r = text_draw(a, TEXT_SMALL, st->prompt, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->h / 30;
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
        int nl = wrap_lines(a, TEXT_BODY, n->buf, tw, starts, lens, 64);
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
    y = field.y + field.h + a->h / 60;
    text_draw(a, TEXT_SMALL, "Only you see this. It is kept if you choose to save it at the end.", a->w / 2, y,
              ALIGN_CENTER, t->muted, mw);
    static const char *const labels[2] = {"Keep note", "Cancel"};
    n->buttons.count = 2;
    ui_buttons_render(a, &n->buttons, labels, buttons_y(a));
    ui_hints(a, NULL, "Enter keep   Esc cancel");
}

static const SceneVT NOTE = {
    .name = "ground-note",
    .event = note_event,
    .render = note_render,
    .text_entry = true, /* a screen of its own: nothing of the step shows through */
};

static void note_push(App *a, GroundScene *g)
{
    if (!step_has_note(g)) return;
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
