/* Cards together, first: the two names (both optional), then the level picker or the round. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/couple.h"
#include "attune/utf8.h"
#include "cards_view.h"
#include "scenes.h"

typedef struct Names {
    char name[2][COUPLE_NAME_MAX];
    int focus;               /* 0, 1: the fields; 2: Continue */
    int hover;               /* -1 none, 0..2 */
    SDL_Rect rect[3];        /* fields and the button, as last drawn */
    char level_id[SETTINGS_ID_MAX + 1]; /* from the command line: "" lets the couple choose */
} Names;

static void names_continue(App *a, Names *n)
{
    const char *names[2] = {n->name[0], n->name[1]};
    const DeckLevel *l = levels_find(&a->content, n->level_id);
    cards_picker_push(a, l ? l->id : NULL, names);
    if (l) cards_begin(a, l, names);
}

/* UTF-8 sequence length from its lead byte (1 for anything unexpected). */
static size_t utf8_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Appends whole characters while they fit. */
static void name_append(char *dst, const char *s)
{
    size_t n = strlen(dst);
    while (*s) {
        size_t k = utf8_len((unsigned char)*s);
        if (strnlen(s, k) < k || n + k > COUPLE_NAME_MAX - 1) break;
        if ((unsigned char)*s >= 0x20) {
            memcpy(dst + n, s, k);
            n += k;
        }
        s += k;
    }
    dst[n] = 0;
}

static void name_backspace(char *s)
{
    s[utf8_back(s, strlen(s))] = 0;
}

static void names_event(App *a, void *s, const SDL_Event *e)
{
    Names *n = s;
    switch (e->type) {
    case SDL_TEXTINPUT:
        if (n->focus < 2) name_append(n->name[n->focus], e->text.text);
        a->dirty = true;
        break;
    case SDL_KEYDOWN:
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); break;
        case SDLK_BACKSPACE:
            if (n->focus < 2) name_backspace(n->name[n->focus]);
            break;
        case SDLK_TAB:
            n->focus = (e->key.keysym.mod & KMOD_SHIFT) ? (n->focus + 2) % 3 : (n->focus + 1) % 3;
            break;
        case SDLK_UP: n->focus = (n->focus + 2) % 3; break;
        case SDLK_DOWN: n->focus = (n->focus + 1) % 3; break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            /* Enter moves from the first name to the second, then goes on. */
            if (e->key.repeat) break;
            if (n->focus == 0) n->focus = 1;
            else names_continue(a, n);
            break;
        default: return;
        }
        a->dirty = true;
        break;
    case SDL_MOUSEMOTION: {
        int h = ui_hit(n->rect, 3, window_mouse(a, e->motion.x, e->motion.y));
        if (h != n->hover) a->dirty = true;
        n->hover = h;
        break;
    }
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT) break;
        int h = ui_hit(n->rect, 3, window_mouse(a, e->button.x, e->button.y));
        if (h == 2) names_continue(a, n);
        else if (h >= 0) n->focus = h;
        a->dirty = true;
        break;
    }
    default: break;
    }
}

static void names_render(App *a, void *s)
{
    Names *n = s;
    const Theme *t = &a->theme;
    int y = ui_header(a, "Cards together",
                      "You'll share one screen and take turns. Each of you chooses privately, "
                      "then you see both choices and talk them through.");
    static const char *const LABEL[2] = {"Who chooses first?", "Who chooses second?"};
    static const char *const PLACEHOLDER[2] = {"Partner A", "Partner B"};
    int w = text_measure(a) * 2 / 3;
    int x = (a->w - w) / 2;
    int line = text_line(a, TEXT_BODY), pad = line / 2, small = text_line(a, TEXT_SMALL);
    y += a->lay.margin;
    /* Too short a window for the fields one under the other: side by side, where they fit. */
    int field = small + pad / 2 + line + 2 * pad + a->h / 25;
    int rest = a->lay.unit + a->lay.button_h + a->lay.gap + small;
    bool beside = y + 2 * field + rest > a->lay.hints_y;
    if (beside && 2 * w + a->lay.gap > a->lay.wide) w = (a->lay.wide - a->lay.gap) / 2;
    int y0 = y;
    for (int i = 0; i < 2; i++) {
        if (beside) {
            x = (a->w - 2 * w - a->lay.gap) / 2 + i * (w + a->lay.gap);
            y = y0;
        }
        SDL_Rect r = text_draw(a, TEXT_SMALL, LABEL[i], x, y, ALIGN_LEFT, t->muted, 0);
        y += r.h + pad / 2;
        SDL_Rect f = {x, y, w, line + 2 * pad};
        n->rect[i] = f;
        ui_control_add(a, LABEL[i], f);
        bool focus = n->focus == i;
        draw_rrect(a, f, a->lay.tight, focus || n->hover == i ? t->surface_hi : t->surface);
        if (focus) draw_rrect_outline(a, f, a->lay.tight, 2, t->focus);
        int tx = f.x + pad;
        if (n->name[i][0]) {
            r = text_draw(a, TEXT_BODY, n->name[i], tx, f.y + pad, ALIGN_LEFT, t->text, 0);
            tx = r.x + r.w;
        } else {
            /* The placeholder steps aside for the caret at the start. */
            text_draw(a, TEXT_BODY, PLACEHOLDER[i], tx + line / 5, f.y + pad, ALIGN_LEFT,
                      color_alpha(t->muted, 0.6f), 0);
            tx -= 2;
        }
        if (focus) { /* a still caret: a blinking one would keep the loop awake */
            SDL_Rect caret = {tx + 1, f.y + pad, 2, line};
            draw_fill(a, &caret, color_alpha(t->focus, 1.0f));
        }
        y += f.h + (beside ? a->lay.unit : a->h / 25); /* side by side, room is short */
    }
    UiButtons b = {.count = 1, .focus = n->focus == 2 ? 0 : -1, .hover = n->hover == 2 ? 0 : -1};
    static const char *const label[1] = {"Continue"};
    ui_buttons_render(a, &b, label, y + a->lay.unit);
    n->rect[2] = b.rect[0];
    text_draw(a, TEXT_SMALL, "Names are optional.", a->w / 2, b.rect[0].y + b.rect[0].h + a->lay.gap,
              ALIGN_CENTER, t->muted, 0);
    ui_hints(a, "Tab next   Enter continue", "Esc back");
}

static const SceneVT NAMES = {
    .name = "couple-names",
    .event = names_event,
    .render = names_render,
    .text_entry = true,
};

void together_names_push(App *a, const char *level_id)
{
    Names *n = calloc(1, sizeof *n);
    if (!n) return;
    n->hover = -1;
    if (level_id) snprintf(n->level_id, sizeof n->level_id, "%s", level_id);
    scene_push(a, &NAMES, n);
}
