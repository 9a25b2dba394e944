/* A text field of a few lines that takes all typing: what is typed goes at its end (control
 * characters become spaces), Backspace takes back one character (a whole UTF-8 sequence),
 * Enter and Esc are the caller's to act on. The caller owns the bytes it edits. */
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

typedef enum TextFieldAct {
    TEXTFIELD_PASS,  /* not a key or typing: the caller's (a click, the pointer) */
    TEXTFIELD_TAKEN, /* typing, Backspace, or another key the field keeps from the screen */
    TEXTFIELD_ENTER, /* Enter (or keypad Enter) was pressed */
    TEXTFIELD_ESCAPE /* Esc was pressed */
} TextFieldAct;
/* Text that would not fit is refused whole, as it came. */
TextFieldAct textfield_event(App *a, TextField *f, const SDL_Event *e);

/* Draws the field a text measure wide, centred, its top at y and `lines` body lines tall:
 * the end of what was typed with the caret after it, or placeholder and the caret when it is
 * empty. Returns its rectangle. */
SDL_Rect textfield_render(App *a, const TextField *f, int y, int lines, const char *placeholder);

/* The padding inside the field above and below its lines (textfield_render). */
int textfield_pad(App *a);

#endif
