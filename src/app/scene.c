/* The scene stack: one scene on top, overlays over it. Changes wait until the current event or
 * update has been handled (scene_apply), so a scene may pop itself from its own handler. The
 * engine knows scenes only through their tables (SceneVT, and App.scenes for the few it opens
 * itself). */
#include <stdlib.h>

#include "app.h"

bool scene_fading(const App *a) { return a->faded && a->now - a->fade_start < a->theme.fade_ms; }

void scene_push(App *a, const SceneVT *vt, void *state)
{
    if (!state) return;
    if (a->npending == SCENE_STACK_MAX) {
        if (vt->free) vt->free(a, state);
        else free(state);
        return;
    }
    a->pending[a->npending++] = (Scene){vt, state, false};
}

bool scene_open(App *a, const SceneVT *vt, const void *args)
{
    void *state = vt && vt->make ? vt->make(a, args) : NULL;
    if (!state) return false;
    scene_push(a, vt, state);
    return true;
}

void scene_fade(App *a)
{
    a->fade_start = a->now;
    a->faded = true;
    a->dirty = true;
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

void scene_apply(App *a)
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
    for (int i = 0; i < a->depth; i++) {
        Scene *sc = &a->stack[i];
        bool covered = i < a->depth - 1;
        if (covered == sc->covered) continue;
        sc->covered = covered;
        if (sc->vt->covered) sc->vt->covered(a, sc->s, covered);
    }
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

Scene *scene_top(App *a) { return a->depth ? &a->stack[a->depth - 1] : NULL; }
