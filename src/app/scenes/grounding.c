/* Grounding: one prompt per screen driven by a GroundRun (core), the note field, and the calm
 * finish. This file turns input and time into run calls; grounding_view.c draws what the run
 * reports. Animations are functions of stored instants (a->now at the moment a mark was made),
 * never of summed frame deltas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/journal.h"

#include "grounding_scene.h"
#include "recording.h"
#include "scenes.h"

/* Called once, when the run finishes or the user leaves it mid-way: records the practice.
 * Leaving at the caution, before anything began, records nothing. */
static void on_finished(App *a, GroundScene *g, bool completed)
{
    if (!g->entered || g->reported) return;
    g->reported = true;
    if (ground_run_awaiting_ack(&g->run)) {
        recording_cancel(a);
        return;
    }
    recording_end(a, ground_run_elapsed(&g->run, a->now), completed, ground_run_completed(&g->run),
                 NULL, NULL);
}

/* Fresh per-step state after the run moved to another step. */
static void step_changed(GroundScene *g)
{
    memset(g->mark_at, 0, sizeof g->mark_at);
    g->cues = (FigureCues){.last_step = -1};
    g->zone = ZONE_CHIPS;
    g->chip_focus = 0;
    g->strength_focus = 3;
    g->nchips = 0;
    g->chip_hover = g->strength_hover = -1;
    g->buttons.focus = -1;
    /* A choose step met again (Back) keeps its option: the keys start on it. */
    int chosen = ground_run_choice(&g->run, ground_run_step_index(&g->run));
    g->opt_focus = chosen > 0 ? chosen : 0;
    g->opt_hover = -1;
    g->nopts = 0;
    if (ground_run_kind(&g->run) == GROUND_STEP_CHOOSE) g->zone = ZONE_OPTIONS;
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

/* Appends the notes typed and the feelings named on this run to the journal (core,
 * journal.h), with one write. */
static bool append_notes(App *a, GroundScene *g, char *err, size_t n)
{
    JournalEntry *e = calloc(2 * GROUND_MAX_STEPS, sizeof *e);
    if (!e) {
        snprintf(err, n, "out of memory");
        return false;
    }
    int k = 0;
    time_t now = clock_wall(&a->clock);
    for (int i = 0; i < g->ex->nsteps && i < GROUND_MAX_STEPS; i++) {
        const GroundStep *st = &g->ex->steps[i];
        int feel = st->kind == GROUND_STEP_FEELINGS ? ground_run_feeling(&g->run, i) : -1;
        if (feel >= 0 && feel < st->nfeelings) {
            journal_entry_init(&e[k], JOURNAL_FEELING, now);
            journal_copy_text(e[k].source, sizeof e[k].source, g->ex->id);
            e[k].step = ground_run_step_number(&g->run, i); /* as the user saw it: "Step 3 of 8" */
            journal_copy_text(e[k].feeling, sizeof e[k].feeling, st->feelings[feel]);
            e[k++].strength = ground_run_strength(&g->run, i);
        }
        if (g->notes[i]) {
            journal_entry_init(&e[k], JOURNAL_NOTE, now);
            journal_copy_text(e[k].source, sizeof e[k].source, g->ex->id);
            e[k].step = ground_run_step_number(&g->run, i);
            journal_copy_text(e[k++].text, NOTE_MAX + 1, g->notes[i]);
        }
    }
    bool ok = journal_append(a->data_dir, e, k, err, n);
    free(e);
    return ok;
}

static void save_notes(App *a, GroundScene *g)
{
    char err[256];
    if (append_notes(a, g, err, sizeof err)) {
        g->saved = true;
        snprintf(g->save_msg, sizeof g->save_msg, grounding_nnotes(g) ? "Your notes are saved. They are in your journal."
                                                                       : "Saved to your journal.");
    } else {
        const char *why = strrchr(err, ':'); /* the reason, without the path */
        snprintf(g->save_msg, sizeof g->save_msg, "Your notes could not be saved (%s). They are still here.",
                 why && why[1] ? why + 2 : err);
        app_log("%s", err);
    }
    g->buttons.focus = 0;
    a->dirty = true;
}

/* ---- input ---- */

static void do_act(App *a, GroundScene *g, Act act)
{
    switch (act) {
    case ACT_BACK: apply(a, g, ground_run_back(&g->run, a->now), false); break;
    case ACT_NOTE: grounding_note_push(a, g); break;
    case ACT_NEXT:
    case ACT_BEGIN: apply(a, g, ground_run_next(&g->run, a->now), false); break;
    case ACT_LEAVE: leave(a, g); break;
    case ACT_SAVE: save_notes(a, g); break;
    case ACT_AGAIN:
        grounding_push(a, g->ex);
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

/* Choosing an option is the step's answer: the path it opens begins at once. */
static void choose_option(App *a, GroundScene *g, int i)
{
    if (!ground_run_choose(&g->run, i)) return;
    g->opt_focus = i;
    audio_play(a, CUE_TICK);
    do_act(a, g, ACT_NEXT);
}

/* Keys on the choose step: 1-n pick at once; Up/Down walk the options, then Next. */
static bool choose_key(App *a, GroundScene *g, SDL_Keycode k)
{
    const GroundStep *st = ground_run_step(&g->run);
    int n = st->noptions;
    if (k >= SDLK_1 && k < SDLK_1 + n) {
        choose_option(a, g, (int)(k - SDLK_1));
        return true;
    }
    if (k >= SDLK_KP_1 && k < SDLK_KP_1 + n) {
        choose_option(a, g, (int)(k - SDLK_KP_1));
        return true;
    }
    switch (k) {
    case SDLK_UP:
        if (g->zone == ZONE_BUTTONS) g->zone = ZONE_OPTIONS, g->opt_focus = n - 1;
        else if (g->opt_focus > 0) g->opt_focus--;
        return true;
    case SDLK_DOWN:
        if (g->zone == ZONE_OPTIONS && g->opt_focus + 1 < n) g->opt_focus++;
        else if (g->zone == ZONE_OPTIONS && ground_run_can_next(&g->run)) g->zone = ZONE_BUTTONS;
        return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (g->zone == ZONE_OPTIONS) choose_option(a, g, g->opt_focus);
        else do_act(a, g, ACT_NEXT);
        return true;
    default: return false;
    }
}

/* The chip in the row above (dir -1) or below (+1) the focused one whose centre is nearest
 * across, as drawn; -1 when there is no such row. Rows may hold different numbers of chips. */
static int chip_row_step(const GroundScene *g, int dir)
{
    if (g->nchips <= 0 || g->chip_focus < 0 || g->chip_focus >= g->nchips) return -1;
    SDL_Rect f = g->chip_rect[g->chip_focus];
    int row_y = -1, best = -1, best_dx = 0;
    for (int i = 0; i < g->nchips; i++) { /* the nearest row that way */
        int y = g->chip_rect[i].y;
        if ((dir < 0 ? y < f.y : y > f.y) && (row_y < 0 || (dir < 0 ? y > row_y : y < row_y))) row_y = y;
    }
    if (row_y < 0) return -1;
    int cx = f.x + f.w / 2;
    for (int i = 0; i < g->nchips; i++) {
        if (g->chip_rect[i].y != row_y) continue;
        int dx = abs(g->chip_rect[i].x + g->chip_rect[i].w / 2 - cx);
        if (best < 0 || dx < best_dx) best = i, best_dx = dx;
    }
    return best;
}

/* Keys on the feelings step: rows of words, then a row 1-5, then Next. */
static bool feelings_key(App *a, GroundScene *g, SDL_Keycode k)
{
    const GroundStep *st = ground_run_step(&g->run);
    int n = st->nfeelings;
    if (k >= SDLK_1 && k <= SDLK_5) {
        set_strength(a, g, (int)(k - SDLK_0));
        return true;
    }
    switch (g->zone) {
    case ZONE_CHIPS:
        switch (k) {
        case SDLK_LEFT: g->chip_focus = (g->chip_focus + n - 1) % n; return true;
        case SDLK_RIGHT: g->chip_focus = (g->chip_focus + 1) % n; return true;
        case SDLK_UP: {
            int i = chip_row_step(g, -1);
            if (i >= 0) g->chip_focus = i;
            return true;
        }
        case SDLK_DOWN: {
            int i = chip_row_step(g, +1);
            if (i >= 0) g->chip_focus = i;
            else g->zone = ZONE_STRENGTH;
            return true;
        }
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
    case ZONE_OPTIONS: return false; /* not on this step */
    }
    return false;
}


static void grounding_event(App *a, void *s, const SDL_Event *e)
{
    GroundScene *g = s;
    if (!g->entered) return;
    bool running = !ground_run_awaiting_ack(&g->run) && !ground_run_finished(&g->run);
    bool feelings = running && ground_run_kind(&g->run) == GROUND_STEP_FEELINGS;
    bool choose = running && ground_run_kind(&g->run) == GROUND_STEP_CHOOSE;
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
            if (step_has_note(g)) grounding_note_push(a, g);
            return;
        }
        if (feelings && feelings_key(a, g, k)) return;
        if (choose && choose_key(a, g, k)) return;
        if (k == SDLK_SPACE && !feelings && !choose) {
            /* Space pauses and resumes, as in every practice; it never moves on. */
            g->user_paused = !g->user_paused;
            if (g->user_paused) ground_run_pause(&g->run, a->now);
            else ground_run_resume(&g->run, a->now);
            return;
        }
        if (g->user_paused && (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_RIGHT || k == SDLK_LEFT)) {
            /* Going on (or back) while paused carries on from there. */
            g->user_paused = false;
            ground_run_resume(&g->run, a->now);
        }
        switch (k) {
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
        if (g->user_paused) {
            g->user_paused = false;
            ground_run_resume(&g->run, a->now);
        }
        do_act(a, g, g->acts[b]);
        return;
    }
    if (!running) return;
    if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT && !g->user_paused &&
        ground_run_kind(&g->run) == GROUND_STEP_COUNT) {
        SDL_Point p = window_mouse(a, e->button.x, e->button.y);
        if (SDL_PointInRect(&p, &g->counter)) {
            do_act(a, g, ACT_NEXT); /* a click on the circles counts, as Enter does */
            a->dirty = true;
            return;
        }
    }
    if (choose && e->type == SDL_MOUSEMOTION) {
        int h = ui_hit(g->opt_rect, g->nopts, window_mouse(a, e->motion.x, e->motion.y));
        if (h != g->opt_hover) a->dirty = true;
        g->opt_hover = h;
        return;
    }
    if (choose && e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        /* Only an option answers the question: a click beside them does nothing. */
        int h = ui_hit(g->opt_rect, g->nopts, window_mouse(a, e->button.x, e->button.y));
        if (h >= 0) choose_option(a, g, h);
        a->dirty = true;
        return;
    }
    if (e->type == SDL_MOUSEMOTION && feelings) {
        SDL_Point p = window_mouse(a, e->motion.x, e->motion.y);
        int ch = ui_hit(g->chip_rect, g->nchips, p), sh = ui_hit(g->strength_rect, GROUND_STRENGTH_MAX, p);
        if (ch != g->chip_hover || sh != g->strength_hover) a->dirty = true;
        g->chip_hover = ch;
        g->strength_hover = sh;
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        SDL_Point p = window_mouse(a, e->button.x, e->button.y);
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

static void grounding_update(App *a, void *s)
{
    GroundScene *g = s;
    if (!g->entered) return;
    if (!ground_run_awaiting_ack(&g->run))
        recording_progress(a, ground_run_elapsed(&g->run, a->now), ground_run_completed(&g->run));
    GroundEvent ev = ground_run_update(&g->run, a->now);
    if (ev != GROUND_NONE) apply(a, g, ev, true);
    BreathSessionState st;
    if (ground_run_breath(&g->run, a->now, &st)) figure_cues_play(a, &g->cues, &st, ground_run_pattern(&g->run));
}

static bool mark_moving(App *a, const GroundScene *g)
{
    int m = ground_run_marks(&g->run);
    return m > 0 && m <= GROUND_COUNT_MAX && a->now - g->mark_at[m - 1] < MARK_ANIM_MS;
}

static bool grounding_animating(App *a, void *s)
{
    GroundScene *g = s;
    return g->entered && (ground_run_animating(&g->run) || mark_moving(a, g));
}

/* Under help or a note, the exercise's time stands still. */
static void grounding_covered(App *a, void *s, bool covered)
{
    GroundScene *g = s;
    if (covered) ground_run_pause(&g->run, a->now);
    else if (!g->user_paused) ground_run_resume(&g->run, a->now); /* a pause of one's own stays */
}

static void grounding_render(App *a, void *s) { grounding_view_render(a, s); }

/* The run starts when the screen appears, not when it was made. */
static void grounding_enter(App *a, void *s)
{
    GroundScene *g = s;
    ground_run_start(&g->run, g->ex, a->content.patterns, a->content.npatterns, a->now);
    g->entered = true;
    step_changed(g);
    g->buttons.focus = 0;
}

static void grounding_free(App *a, void *s)
{
    GroundScene *g = s;
    on_finished(a, g, ground_run_finished(&g->run)); /* the window closed mid-way */
    for (int i = 0; i < GROUND_MAX_STEPS; i++) free(g->notes[i]);
    free(g);
}

static const SceneVT GROUND = {
    .bar = UI_BAR_LEAVE | UI_BAR_PAUSE | UI_BAR_HELP,
    .name = "ground",
    .enter = grounding_enter,
    .event = grounding_event,
    .update = grounding_update,
    .render = grounding_render,
    .animating = grounding_animating,
    .free = grounding_free,
    .covered = grounding_covered,
};

void grounding_push(App *a, const GroundExercise *ex)
{
    if (!ex) return;
    GroundScene *g = calloc(1, sizeof *g);
    if (!g) return;
    g->ex = ex;
    g->chip_hover = g->strength_hover = -1;
    g->buttons = (UiButtons){.hover = -1};
    recording_begin(a, PRACTICE_GROUNDING, ex->id, &GROUND, g);
}
