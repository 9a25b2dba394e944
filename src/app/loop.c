/* The main loop. When nothing animates the loop blocks in SDL_WaitEvent
 * and draws nothing; while animating it presents at the display rate, pacing itself when the
 * renderer's vsync does not throttle (the software renderer never does). A frame draws only
 * what changed since the last one (redraw.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "instance.h"
#include "recording.h"
#include "redraw.h"
#include "userdata.h"

void app_handle_event(App *a, const SDL_Event *e)
{
    Scene *sc = scene_top(a);
    redraw_invalidate(a); /* whatever it was, the next frame is drawn whole */
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
    audio_idle(a); /* a device that has been quiet a while is closed */
}

bool app_animating(App *a)
{
    if (scene_fading(a)) return true;
    Scene *sc = scene_top(a);
    return sc && sc->vt->animating && sc->vt->animating(a, sc->s);
}

/* Draws the frame: the background, the top scene (and what lies under an overlay, dimmed), the
 * fade of a new screen. Everything drawn is recorded, and redraw_end draws it where it changed
 * since the last frame (redraw.c). */
void app_render(App *a)
{
    redraw_begin(a);
    text_frame_begin(a);
    draw_background(a);
    a->ncontrols = 0;
    a->collect_controls = true;
    int base = a->depth - 1;
    while (base > 0 && a->stack[base].vt->overlay) base--;
    for (int i = base < 0 ? 0 : base; i < a->depth; i++) {
        if (i > base) { /* dim what lies under an overlay */
            draw_fill(a, NULL, color_alpha(a->theme.bg_low, 0.94f));
            text_frame_begin(a); /* only the overlay's words are on screen to read */
            a->ncontrols = 0;    /* and only its controls answer */
        }
        a->stack[i].vt->render(a, a->stack[i].s);
        if (i == a->depth - 1) ui_bar_render(a, &a->stack[i], i == 0);
    }
    a->collect_controls = false;
    if (scene_fading(a)) {
        float t = (float)(a->now - a->fade_start) / (float)a->theme.fade_ms;
        draw_fill(a, NULL, color_alpha(a->theme.bg, 1.0f - t));
    }
    redraw_end(a);
    a->dirty = false;
    ui_cursor_update(a); /* the controls under a still pointer may have changed */
}

void app_after_first_frame(App *a)
{
    audio_init(a);
    if (a->content.npending) {
        AtDiag d = {0};
        content_load_pending(&a->content, &d);
        content_check_refs(&a->content, &d);
        app_log_diag(&d);
        diag_free(&d);
    }
    userdata_load_log(a);
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
    app_after_first_frame(a);
    bool was_animating = true;
    while (!a->quit) {
        SDL_Event e;
        if (!app_animating(a) && !a->dirty && !was_animating) {
            /* While a practice is open, wake now and then: it may be due a checkpoint; while
             * the audio device is open, once more to close it when it has been quiet long
             * enough. Otherwise sleep until something happens. */
            uint32_t wake = recording_open(a) ? RECORDING_WAKE_MS : 0;
            uint32_t audio = audio_idle(a);
            if (audio && (!wake || audio < wake)) wake = audio;
            if (wake ? SDL_WaitEventTimeout(&e, (int)wake) : SDL_WaitEvent(&e)) {
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
    if (getenv("ATTUNE_TRACE_STARTUP")) {
        uint64_t drawn, partial;
        redraw_counts(a, &drawn, &partial);
        app_log("%llu frames drawn in %llu ms (%llu whole, %llu partial)", (unsigned long long)frames,
                (unsigned long long)(clock_now(&a->clock) - t0), (unsigned long long)(drawn - partial),
                (unsigned long long)partial);
    }
    return a->exit_code;
}
