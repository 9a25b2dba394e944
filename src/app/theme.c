#include "app.h"
#include "redraw.h"

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

/* Light: warm paper, ink-dark text; the breathing colours deepened so the circle stands out
 * on a light ground (text on them stays at least 3:1, as large text). */
const Theme THEME_LIGHT = {
    .bg = {0xF5, 0xF2, 0xEC, 255},
    .bg_low = {0xF0, 0xEC, 0xE4, 255},
    .surface = {0xFF, 0xFF, 0xFF, 255},
    .surface_hi = {0xE3, 0xDD, 0xD2, 255},
    .text = {0x1B, 0x21, 0x30, 255},
    .muted = {0x4A, 0x52, 0x64, 255},
    .on_accent = {0xFF, 0xFF, 0xFF, 255},
    .focus = {0x17, 0x5E, 0x5A, 255},
    .step = {
        {0x1E, 0x71, 0x6C, 255}, /* breathe in: deep teal */
        {0x6E, 0x5C, 0xC0, 255}, /* hold: deep lavender */
        {0x96, 0x60, 0x2C, 255}, /* breathe out: ochre sand */
        {0x56, 0x67, 0x8A, 255}, /* rest: slate */
    },
    .style = {
        {0x17, 0x5E, 0x5A, 255}, /* secure: teal */
        {0x7A, 0x4E, 0x16, 255}, /* anxious: amber brown */
        {0x3A, 0x52, 0xA0, 255}, /* avoidant: cornflower, deepened */
        {0x7D, 0x40, 0x89, 255}, /* fearful-avoidant: orchid, deepened */
    },
    .type_scale = {0.07f, 0.045f, 0.03f, 0.022f},
    .fade_ms = 200,
    .colour_fade_ms = 300,
};

/* High contrast: black ground, white text, every colour used for text at least 7:1 on every
 * surface it sits on. */
const Theme THEME_CONTRAST = {
    .bg = {0x00, 0x00, 0x00, 255},
    .bg_low = {0x00, 0x00, 0x00, 255},
    .surface = {0x12, 0x12, 0x12, 255},
    .surface_hi = {0x2E, 0x2E, 0x2E, 255},
    .text = {0xFF, 0xFF, 0xFF, 255},
    .muted = {0xE6, 0xE6, 0xE6, 255},
    .on_accent = {0x00, 0x00, 0x00, 255},
    .focus = {0xFF, 0xE0, 0x66, 255},
    .step = {
        {0x66, 0xF0, 0xE6, 255}, /* breathe in: bright teal */
        {0xD2, 0xC6, 0xFF, 255}, /* hold: pale lavender */
        {0xFF, 0xCB, 0x8E, 255}, /* breathe out: light sand */
        {0xB4, 0xC4, 0xE4, 255}, /* rest: pale slate */
    },
    .style = {
        {0x66, 0xF0, 0xE6, 255}, /* secure: teal */
        {0xFF, 0xCB, 0x8E, 255}, /* anxious: amber */
        {0xA9, 0xBF, 0xFF, 255}, /* avoidant: cornflower */
        {0xF0, 0xB4, 0xFF, 255}, /* fearful-avoidant: orchid */
    },
    .type_scale = {0.07f, 0.045f, 0.03f, 0.022f},
    .fade_ms = 200,
    .colour_fade_ms = 300,
};

const Theme *theme_for(SettingsTheme t)
{
    switch (t) {
    case SETTINGS_THEME_LIGHT: return &THEME_LIGHT;
    case SETTINGS_THEME_CONTRAST: return &THEME_CONTRAST;
    default: return &THEME_DARK;
    }
}

void theme_apply(App *a)
{
    a->theme = *theme_for(a->data.settings.theme);
    /* The background and everything composited over it (the CPU-drawn figure follows bg_gen)
     * are made again with the new colours at the next frame. */
    a->bg_w = a->bg_h = 0;
    a->dirty = true;
    redraw_invalidate(a);
}

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
