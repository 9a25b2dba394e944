/* The scene stack and the main loop. When nothing animates the loop blocks in SDL_WaitEvent
 * and draws nothing; while animating it presents at the display rate, pacing itself when the
 * renderer's vsync does not throttle (the software renderer never does). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "practice.h"
#include "scenes.h"

void app_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("attune: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

SDL_Point app_mouse(const App *a, int x, int y)
{
    return (SDL_Point){(int)(x * a->px_per_pt), (int)(y * a->px_per_pt)};
}

bool app_fading(const App *a) { return a->faded && a->now - a->fade_start < a->theme.fade_ms; }

void scene_push(App *a, const SceneVT *vt, void *state)
{
    if (!state) return;
    if (a->npending == SCENE_STACK_MAX) {
        if (vt->free) vt->free(a, state);
        else free(state);
        return;
    }
    a->pending[a->npending++] = (Scene){vt, state};
}

void scene_pop(App *a) { a->pending_pops++; }

void scene_replace(App *a, const SceneVT *vt, void *state)
{
    scene_pop(a);
    scene_push(a, vt, state);
}

void scene_to_root(App *a) { a->pending_root = true; }

static void free_scene(App *a, Scene *sc)
{
    if (sc->vt->free) sc->vt->free(a, sc->s);
    else free(sc->s);
}

static void apply_pending(App *a)
{
    if (!a->pending_pops && !a->npending && !a->pending_root) return;
    bool first = a->depth == 0; /* the first screen appears at once */
    int pops = a->pending_root ? a->depth - 1 : a->pending_pops;
    bool changed_top = pops > 0 || a->npending > 0;
    while (pops-- > 0 && a->depth > 0) free_scene(a, &a->stack[--a->depth]);
    for (int i = 0; i < a->npending; i++) {
        if (a->depth == SCENE_STACK_MAX) {
            free_scene(a, &a->pending[i]);
            continue;
        }
        a->stack[a->depth++] = a->pending[i];
        if (a->pending[i].vt->enter) a->pending[i].vt->enter(a, a->pending[i].s);
    }
    a->npending = a->pending_pops = 0;
    a->pending_root = false;
    if (a->depth == 0) a->quit = true;
    if (changed_top) {
        bool overlay = a->depth > 0 && a->stack[a->depth - 1].vt->overlay;
        if (!overlay && !first) {
            a->fade_start = a->now;
            a->faded = true;
        }
        if (a->depth > 0 && a->stack[a->depth - 1].vt->text_entry) SDL_StartTextInput();
        else SDL_StopTextInput();
    }
    a->dirty = true;
}

void scene_free_all(App *a)
{
    while (a->depth > 0) free_scene(a, &a->stack[--a->depth]);
    for (int i = 0; i < a->npending; i++) free_scene(a, &a->pending[i]);
    a->npending = 0;
}

static Scene *top(App *a) { return a->depth ? &a->stack[a->depth - 1] : NULL; }

static void toggle_fullscreen(App *a)
{
    Uint32 f = SDL_GetWindowFlags(a->win);
    SDL_SetWindowFullscreen(a->win, (f & SDL_WINDOW_FULLSCREEN_DESKTOP) ? 0
                                                                       : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

static void resized(App *a)
{
    int ww, wh;
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    SDL_GetWindowSize(a->win, &ww, &wh);
    a->px_per_pt = ww > 0 ? (float)a->w / (float)ww : 1.0f;
    text_resize(a);
    a->dirty = true;
}

void app_handle_event(App *a, const SDL_Event *e)
{
    Scene *sc = top(a);
    switch (e->type) {
    case SDL_QUIT: a->quit = true; return;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) resized(a);
        else a->dirty = true;
        return;
    case SDL_KEYDOWN:
        if (e->key.keysym.sym == SDLK_F11) {
            toggle_fullscreen(a);
            return;
        }
        if (sc && !sc->vt->text_entry) {
            if (ui_is_help_key(e) && !sc->vt->overlay) {
                help_push(a);
                apply_pending(a);
                return;
            }
            if (e->key.keysym.sym == SDLK_m) {
                audio_set_muted(a, !audio_muted(a));
                settings_changed(a);
                a->dirty = true;
                return;
            }
        }
        break;
    default: break;
    }
    if (sc && sc->vt->event) sc->vt->event(a, sc->s, e);
    apply_pending(a);
}

void app_update(App *a)
{
    Scene *sc = top(a);
    if (sc && sc->vt->update) sc->vt->update(a, sc->s);
    apply_pending(a);
}

bool app_animating(App *a)
{
    if (app_fading(a)) return true;
    Scene *sc = top(a);
    return sc && sc->vt->animating && sc->vt->animating(a, sc->s);
}

void app_render(App *a)
{
    text_frame_begin(a);
    draw_background(a);
    int base = a->depth - 1;
    while (base > 0 && a->stack[base].vt->overlay) base--;
    for (int i = base < 0 ? 0 : base; i < a->depth; i++) {
        if (i > base) { /* dim what lies under an overlay */
            SDL_Color dim = color_alpha(a->theme.bg_low, 0.94f);
            SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
            SDL_SetRenderDrawColor(a->ren, dim.r, dim.g, dim.b, dim.a);
            SDL_RenderFillRect(a->ren, NULL);
            text_frame_begin(a); /* only the overlay's words are on screen to read */
        }
        a->stack[i].vt->render(a, a->stack[i].s);
    }
    if (app_fading(a)) {
        float t = (float)(a->now - a->fade_start) / (float)a->theme.fade_ms;
        SDL_Color c = color_alpha(a->theme.bg, 1.0f - t);
        SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
        SDL_RenderFillRect(a->ren, NULL);
    }
    a->dirty = false;
}

int app_run(App *a)
{
    const uint64_t period_us = 1000000 / 60;
    uint64_t freq = SDL_GetPerformanceFrequency();
    uint64_t last_present = 0;
    a->now = clock_now(&a->clock);
    apply_pending(a);
    app_render(a);
    SDL_RenderPresent(a->ren);
    app_trace_first_frame();
    uint64_t frames = 0, t0 = a->now;
    audio_init(a);
    practice_load_log(a); /* after the first frame: start-up stays fast */
    bool was_animating = true;
    while (!a->quit) {
        SDL_Event e;
        if (!app_animating(a) && !a->dirty && !was_animating) {
            if (SDL_WaitEvent(&e)) {
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
        app_log("%llu frames drawn in %llu ms", (unsigned long long)frames,
                (unsigned long long)(clock_now(&a->clock) - t0));
    return a->exit_code;
}
