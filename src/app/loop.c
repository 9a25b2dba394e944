/* The main loop. When nothing animates the loop blocks in SDL_WaitEvent
 * and draws nothing; while animating it presents at the display rate, pacing itself when the
 * renderer's vsync does not throttle (the software renderer never does). With the software
 * renderer an animating frame redraws only what moves (see app_render). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "instance.h"
#include "recording.h"
#include "userdata.h"

void app_handle_event(App *a, const SDL_Event *e)
{
    Scene *sc = scene_top(a);
    a->redraw_all = true; /* whatever it was, the next frame is drawn whole */
    if (instance_handle(a, e)) { /* a later start's command */
        scene_apply(a);
        return;
    }
    switch (e->type) {
    case SDL_QUIT: a->quit = true; return;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) window_resized(a);
        else a->dirty = true;
        if (e->window.event == SDL_WINDOWEVENT_LEAVE) {
            a->mouse = (SDL_Point){-1, -1};
            ui_cursor_update(a);
        }
        return;
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (sc && ui_bar_event(a, sc, e)) { /* Back, Pause or Help: the scene never sees it */
            scene_apply(a);
            return;
        }
        break;
    case SDL_KEYDOWN:
        if (e->key.keysym.sym == SDLK_F11) {
            window_toggle_fullscreen(a);
            return;
        }
        if (sc && !sc->vt->text_entry) {
            /* Help from anywhere, over a notice too; the help screen closes itself on the key. */
            if (ui_is_help_key(e) && sc->vt != a->scenes->help) {
                scene_open(a, a->scenes->help, NULL);
                scene_apply(a);
                return;
            }
            if (e->key.keysym.sym == SDLK_m) {
                audio_set_muted(a, !audio_muted(a));
                userdata_settings_changed(a);
                a->dirty = true;
                return;
            }
        }
        break;
    default: break;
    }
    if (sc && sc->vt->event) sc->vt->event(a, sc->s, e);
    scene_apply(a);
}

void app_update(App *a)
{
    Scene *sc = scene_top(a);
    if (sc && sc->vt->update) sc->vt->update(a, sc->s);
    scene_apply(a);
}

bool app_animating(App *a)
{
    if (scene_fading(a)) return true;
    Scene *sc = scene_top(a);
    return sc && sc->vt->animating && sc->vt->animating(a, sc->s);
}

/* The software renderer draws into the window's surface, which SDL keeps from one present to
 * the next on these video drivers (X11 shared memory or XPutImage; the dummy driver), so a
 * frame can redraw only part of it. Elsewhere, and with GPU renderers, every frame is whole. */
static bool partial_supported(App *a)
{
    if (a->partial < 0) {
        const char *drv = SDL_GetCurrentVideoDriver();
        a->partial = window_software(a) && drv && (!strcmp(drv, "x11") || !strcmp(drv, "dummy"));
    }
    return a->partial > 0;
}

/* A frame may be partial when nothing happened since the last one but time passing: no
 * event, no scene change, no fade, the same size, and the top scene names what moves. */
static bool partial_area(App *a, Damage *d)
{
    if (a->redraw_all || a->dirty || !a->drawn_steady || scene_fading(a)) return false;
    Scene *sc = scene_top(a);
    if (!sc || sc->vt->overlay || !sc->vt->damage) return false;
    if (sc->s != a->drawn_scene || a->depth != a->drawn_depth || a->w != a->drawn_w ||
        a->h != a->drawn_h)
        return false;
    if (!partial_supported(a)) return false;
    if (!sc->vt->damage(a, sc->s, d)) return false;
    SDL_Rect all = {0, 0, a->w, a->h};
    if (!SDL_IntersectRect(&d->rect, &all, &d->rect)) {
        /* An empty clip rectangle would turn clipping off: draw one pixel again instead. */
        d->rect = (SDL_Rect){0, 0, 1, 1};
        d->opaque = false;
    }
    return true;
}

/* Draws the top scene within clip only: its background (unless the scene paints all of it),
 * then the scene, clipped. */
static void render_clipped(App *a, SDL_Rect clip, bool background)
{
    SDL_RenderSetClipRect(a->ren, &clip);
    text_frame_begin(a);
    if (background) draw_background(a);
    Scene *sc = scene_top(a);
    sc->vt->render(a, sc->s);
    ui_bar_render(a, sc, a->depth == 1);
    SDL_RenderSetClipRect(a->ren, NULL);
}

static bool contains(SDL_Rect outer, SDL_Rect r)
{
    return r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w &&
           r.y + r.h <= outer.y + outer.h;
}

static void render_all(App *a)
{
    text_frame_begin(a);
    draw_background(a);
    a->ncontrols = 0;
    a->collect_controls = true;
    int base = a->depth - 1;
    while (base > 0 && a->stack[base].vt->overlay) base--;
    for (int i = base < 0 ? 0 : base; i < a->depth; i++) {
        if (i > base) { /* dim what lies under an overlay */
            SDL_Color dim = color_alpha(a->theme.bg_low, 0.94f);
            SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
            SDL_SetRenderDrawColor(a->ren, dim.r, dim.g, dim.b, dim.a);
            SDL_RenderFillRect(a->ren, NULL);
            text_frame_begin(a); /* only the overlay's words are on screen to read */
            a->ncontrols = 0;    /* and only its controls answer */
        }
        a->stack[i].vt->render(a, a->stack[i].s);
        if (i == a->depth - 1) ui_bar_render(a, &a->stack[i], i == 0);
    }
    a->collect_controls = false;
    if (scene_fading(a)) {
        float t = (float)(a->now - a->fade_start) / (float)a->theme.fade_ms;
        SDL_Color c = color_alpha(a->theme.bg, 1.0f - t);
        SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
        SDL_RenderFillRect(a->ren, NULL);
    }
}

/* The area that moves, then wherever a string changed (found by drawing: the strings of this
 * frame are only known once drawn), each redrawn whole within its rectangle. */
static void render_partial(App *a, Damage d)
{
    text_keep_last(a);
    a->damage_pass = d.opaque;
    a->damage_ink = (SDL_Rect){0, 0, 0, 0};
    render_clipped(a, d.rect, !d.opaque);
    a->damage_pass = false;
    if (d.opaque) {
        /* An opaque area repaints only what changed in it, so nothing may be drawn over it
         * but its own string (the countdown): if something else was, draw this frame whole. */
        for (int i = 0; i < a->ntexts; i++) {
            const SDL_Rect *r = &a->texts[i].rect;
            if (SDL_HasIntersection(r, &d.rect) && !SDL_RectEquals(r, &a->damage_ink)) {
                render_all(a);
                return;
            }
        }
    }
    SDL_Rect changed[4];
    int n = text_changes(a, changed, 4);
    SDL_Rect all = {0, 0, a->w, a->h};
    for (int i = 0; i < n; i++)
        if (SDL_IntersectRect(&changed[i], &all, &changed[i]) && !contains(d.rect, changed[i]))
            render_clipped(a, changed[i], true);
}

/* Draws the frame. Whole, unless the last frame's pixels are kept and only time passed: then
 * only the top scene's damage area and the strings that changed (partial_area). */
void app_render(App *a)
{
    Damage d;
    a->frame_no++;
    if (partial_area(a, &d)) {
        render_partial(a, d);
        a->partial_frames++;
    } else {
        render_all(a);
    }
    Scene *sc = scene_top(a);
    a->drawn_scene = sc ? sc->s : NULL;
    a->drawn_depth = a->depth;
    a->drawn_w = a->w;
    a->drawn_h = a->h;
    a->drawn_steady = !scene_fading(a);
    a->dirty = false;
    a->redraw_all = false;
    ui_cursor_update(a); /* the controls under a still pointer may have changed */
}

int app_run(App *a)
{
    const uint64_t period_us = 1000000 / 60;
    uint64_t freq = SDL_GetPerformanceFrequency();
    uint64_t last_present = 0;
    a->now = clock_now(&a->clock);
    scene_apply(a);
    app_render(a);
    SDL_RenderPresent(a->ren);
    app_log_first_frame();
    uint64_t frames = 0, t0 = a->now;
    audio_init(a);
    userdata_load_log(a); /* after the first frame: start-up stays fast */
    bool was_animating = true;
    while (!a->quit) {
        SDL_Event e;
        if (!app_animating(a) && !a->dirty && !was_animating) {
            /* While a practice is open, wake now and then: it may be due a checkpoint. */
            if (recording_open(a) ? SDL_WaitEventTimeout(&e, RECORDING_WAKE_MS) : SDL_WaitEvent(&e)) {
                a->now = clock_now(&a->clock);
                app_handle_event(a, &e);
            }
        }
        while (!a->quit && SDL_PollEvent(&e)) {
            a->now = clock_now(&a->clock);
            app_handle_event(a, &e);
        }
        if (a->quit) break;
        a->now = clock_now(&a->clock);
        app_update(a);
        /* One more frame after motion stops, so the still picture is the final one. */
        bool animating = app_animating(a);
        if (!animating && !a->dirty && !was_animating) continue;
        was_animating = animating;
        app_render(a);
        SDL_RenderPresent(a->ren);
        frames++;
        /* Pace to ~60 fps whatever vsync did. */
        uint64_t t = SDL_GetPerformanceCounter();
        uint64_t elapsed_us = last_present ? (t - last_present) * 1000000 / freq : period_us;
        if (elapsed_us < period_us) SDL_Delay((Uint32)((period_us - elapsed_us) / 1000));
        last_present = SDL_GetPerformanceCounter();
    }
    if (getenv("ATTUNE_TRACE_STARTUP"))
        app_log("%llu frames drawn in %llu ms (%llu whole, %llu partial)", (unsigned long long)frames,
                (unsigned long long)(clock_now(&a->clock) - t0),
                (unsigned long long)(a->frame_no - a->partial_frames),
                (unsigned long long)a->partial_frames);
    return a->exit_code;
}
