/* The floor under Attune's breathing figure: a window (1280x720 unless given) on SDL's software
 * renderer (SDL_RENDER_DRIVER overrides it) that presents an unchanged frame at 60 fps and paces
 * itself as Attune does, drawing nothing. bench.sh measures its CPU beside Attune's.
 *   present_floor [SECONDS [WIDTH HEIGHT]]   (default 30 s) */
#include <SDL.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    Uint64 seconds = argc > 1 ? strtoull(argv[1], NULL, 10) : 30;
    int width = argc > 3 ? atoi(argv[2]) : 1280, height = argc > 3 ? atoi(argv[3]) : 720;
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_Window *w = SDL_CreateWindow("floor", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                     width, height, 0);
    SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, 0) : NULL;
    if (!r) return 1;
    SDL_SetRenderDrawColor(r, 20, 24, 33, 255);
    SDL_RenderClear(r);
    Uint64 end = SDL_GetTicks64() + seconds * 1000;
    while (SDL_GetTicks64() < end) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            if (e.type == SDL_QUIT) end = 0;
        Uint64 t = SDL_GetTicks64();
        SDL_RenderPresent(r);
        Uint64 spent = SDL_GetTicks64() - t;
        if (spent < 16) SDL_Delay((Uint32)(16 - spent));
    }
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    return 0;
}
