/* The text field: the grounding note and the answer to a round's question (textfield.h). */
#include "textfield.h"

#include <string.h>

#include "attune/utf8.h"

TextField textfield_over(char *buf, size_t cap)
{
    return (TextField){buf, cap, strlen(buf)};
}

typedef enum TextFieldAct {
    TEXTFIELD_PASS,  /* not a key or typing: the caller's (a click, the pointer) */
    TEXTFIELD_TAKEN, /* typing, Backspace, or another key the field keeps from the screen */
    TEXTFIELD_ENTER, /* Enter (or keypad Enter) */
    TEXTFIELD_ESCAPE /* Esc */
} TextFieldAct;

static TextFieldAct field_event(App *a, TextField *f, const SDL_Event *e)
{
    if (e->type == SDL_TEXTINPUT) {
        size_t l = strlen(e->text.text);
        if (f->len + l < f->cap) {
            for (size_t i = 0; i < l; i++) /* control characters have no place in a line of text */
                f->buf[f->len++] = (unsigned char)e->text.text[i] < 0x20 ? ' ' : e->text.text[i];
            f->buf[f->len] = 0;
            a->dirty = true;
        }
        return TEXTFIELD_TAKEN;
    }
    if (e->type != SDL_KEYDOWN) return TEXTFIELD_PASS;
    switch (e->key.keysym.sym) {
    case SDLK_ESCAPE: return TEXTFIELD_ESCAPE;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return TEXTFIELD_ENTER;
    case SDLK_BACKSPACE:
        f->len = utf8_back(f->buf, f->len);
        f->buf[f->len] = 0;
        a->dirty = true;
        return TEXTFIELD_TAKEN;
    default: return TEXTFIELD_TAKEN;
    }
}

int textfield_form_event(App *a, TextField *f, UiButtons *b, const SDL_Event *e)
{
    switch (field_event(a, f, e)) {
    case TEXTFIELD_ENTER: return 1;
    case TEXTFIELD_ESCAPE: return 0;
    case TEXTFIELD_TAKEN: return -1;
    case TEXTFIELD_PASS: break;
    }
    int clicked = ui_buttons_event(a, b, e);
    return clicked == 0 ? 1 : clicked == 1 ? 0 : -1;
}

int textfield_pad(App *a)
{
    return text_line(a, TEXT_BODY) / 2;
}

SDL_Rect textfield_render(App *a, const TextField *f, int y, int lines, const char *placeholder)
{
    const Theme *t = &a->theme;
    int mw = text_measure(a), line = text_line(a, TEXT_BODY), pad = textfield_pad(a);
    SDL_Rect field = {(a->w - mw) / 2, y, mw, lines * line + 2 * pad};
    draw_rrect(a, field, pad, t->surface);
    draw_rrect_outline(a, field, pad, 2, t->focus);
    int tx = field.x + pad * 2, tw = field.w - pad * 4;
    int cx = tx - 4, cy = field.y + pad; /* the caret: before the placeholder, or after the text */
    if (f->len == 0) {
        text_draw(a, TEXT_BODY, placeholder, tx, field.y + pad, ALIGN_LEFT, color_alpha(t->muted, 0.8f), 0);
    } else {
        int starts[64], lens[64];
        int nl = text_wrap_lines(a, TEXT_BODY, f->buf, tw, starts, lens, 64);
        int first = nl > lines ? nl - lines : 0; /* keep the end, where the typing is */
        for (int i = first; i < nl; i++) {
            char *end = f->buf + starts[i] + lens[i], keep = *end;
            *end = 0; /* the line alone, for a moment */
            int ly = field.y + pad + (i - first) * line;
            SDL_Rect lr = text_draw(a, TEXT_BODY, f->buf + starts[i], tx, ly, ALIGN_LEFT, t->text, 0);
            *end = keep;
            cx = tx + lr.w;
            cy = ly;
        }
    }
    draw_rrect(a, (SDL_Rect){cx + 1, cy + line / 8, 2, line * 3 / 4}, 1, t->focus);
    return field;
}
