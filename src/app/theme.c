#include "app.h"

const Theme THEME_DARK = {
    .bg = {0x16, 0x1C, 0x29, 255},
    .bg_low = {0x10, 0x15, 0x20, 255},
    .surface = {0x1E, 0x26, 0x36, 255},
    .surface_hi = {0x28, 0x32, 0x46, 255},
    .text = {0xE8, 0xEC, 0xF4, 255},
    .muted = {0x9A, 0xA4, 0xB8, 255},
    .on_accent = {0x14, 0x1A, 0x26, 255},
    .focus = {0x5F, 0xC9, 0xC3, 255},
    .step = {
        {0x5F, 0xC9, 0xC3, 255}, /* breathe in: soft teal */
        {0xA9, 0x9B, 0xE6, 255}, /* hold: lavender */
        {0xE8, 0xB0, 0x7A, 255}, /* breathe out: warm sand */
        {0x7C, 0x8C, 0xA8, 255}, /* rest: slate blue */
    },
    .style = {
        {0x5F, 0xC9, 0xC3, 255}, /* secure: teal */
        {0xE0, 0xA8, 0x6C, 255}, /* anxious: amber */
        {0x86, 0x9C, 0xD8, 255}, /* avoidant: cornflower */
        {0xC5, 0x94, 0xD0, 255}, /* fearful-avoidant: orchid */
    },
    .type_scale = {0.07f, 0.045f, 0.03f, 0.022f},
    .fade_ms = 200,
    .colour_fade_ms = 300,
};

static Uint8 mix8(Uint8 a, Uint8 b, float t) { return (Uint8)(a + (b - a) * t + 0.5f); }

SDL_Color color_mix(SDL_Color a, SDL_Color b, float t)
{
    if (t <= 0) return a;
    if (t >= 1) return b;
    return (SDL_Color){mix8(a.r, b.r, t), mix8(a.g, b.g, t), mix8(a.b, b.b, t), mix8(a.a, b.a, t)};
}

SDL_Color color_alpha(SDL_Color c, float alpha)
{
    if (alpha < 0) alpha = 0;
    if (alpha > 1) alpha = 1;
    c.a = (Uint8)(c.a * alpha + 0.5f);
    return c;
}
