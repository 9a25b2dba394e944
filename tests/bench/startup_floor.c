/* The floor under Attune's start-up: a program linked to the same libraries as attune (SDL2,
 * SDL2_ttf, cJSON; SDL_mixer is loaded later by Attune, not linked), with the same hints and
 * window as window.c, that presents one cleared 1280x720 frame and prints, as Attune's
 * ATTUNE_TRACE_STARTUP does, the CPU time since the process began. No fonts, no content.
 * bench.sh measures it beside Attune's first frame; callgrind can stop at first_frame. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <time.h>

/* Not inlined: `valgrind --tool=callgrind --dump-before=first_frame` counts up to here. */
__attribute__((noinline)) static void first_frame(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    printf("first frame presented (%.1f ms of CPU)\n", (double)ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
    fflush(stdout);
}

int main(void)
{
    /* Referenced, so the linker keeps the libraries Attune links. */
    if (!TTF_Linked_Version() || !cJSON_Version()) return 1;
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return 1;
    SDL_Window *w = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280,
                                     720, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (!r) return 1;
    SDL_SetRenderDrawColor(r, 20, 24, 33, 255);
    SDL_RenderClear(r);
    SDL_RenderPresent(r);
    first_frame();
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    return 0;
}
