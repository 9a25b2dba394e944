/* A text field of a few lines that takes all typing: what is typed goes at its end (control
 * characters become spaces), Backspace takes back one character (a whole UTF-8 sequence),
 * Enter keeps and Esc cancels, as the two buttons under it do. The caller owns the bytes it
 * edits. */
#ifndef ATTUNE_TEXTFIELD_H
#define ATTUNE_TEXTFIELD_H

#include "app.h"

typedef struct TextField {
    char *buf;  /* the caller's: cap bytes, NUL-terminated */
    size_t cap; /* room for cap - 1 bytes of text */
    size_t len;
} TextField;

/* A field over buf (cap bytes), holding what is there already. */
TextField textfield_over(char *buf, size_t cap);

/* The field with its two buttons, keep and cancel, as one form: 1 for Enter or the first
 * button, 0 for Esc or the second, -1 for anything else (typing included). Every key goes to
 * the field; typing that would not fit is refused whole, as it came. */
int textfield_form_event(App *a, TextField *f, UiButtons *b, const SDL_Event *e);

/* Draws the field a text measure wide, centred, its top at y and `lines` body lines tall:
 * the end of what was typed with the caret after it, or placeholder and the caret when it is
 * empty. Returns its rectangle. */
SDL_Rect textfield_render(App *a, const TextField *f, int y, int lines, const char *placeholder);

/* The padding inside the field above and below its lines (textfield_render). */
int textfield_pad(App *a);

#endif
