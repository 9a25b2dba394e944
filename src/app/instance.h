/* One window per data folder, and the window commands it can be asked to perform.
 *
 * The first window on a data folder holds an flock on DATA/.window.lock and listens on a unix
 * socket: $XDG_RUNTIME_DIR/attune-HASH.sock (HASH from the folder's real path), or
 * DATA/.window.sock when XDG_RUNTIME_DIR is unset. A later window start on the same folder
 * finds the lock taken, sends its window command through the socket and exits; the first
 * window comes forward and performs it, unless a practice is under way (then it only comes
 * forward: a practice is never cut short by another start). Terminal commands (list, stats,
 * export, import, validate, reminders...) and --script runs never take part, so tests with
 * their own data folders run side by side. */
#ifndef ATTUNE_INSTANCE_H
#define ATTUNE_INSTANCE_H

#include <stdbool.h>

#include "app.h"

/* What a window start opens, as sent to a running window. */
typedef enum WindowKind {
    WINDOW_MENU,
    WINDOW_BREATHE,        /* straight into a pattern (arg, minutes) */
    WINDOW_BREATHE_CHOOSE, /* the breathing picker */
    WINDOW_GROUND,         /* the exercise picker, and the exercise arg if given */
    WINDOW_CARDS,          /* the level picker, and a round of level arg if given */
    WINDOW_COUPLE,         /* cards together: names first */
    WINDOW_PROGRESS,
    WINDOW_KIND_COUNT
} WindowKind;

typedef struct WindowCommand {
    WindowKind kind;
    char arg[64]; /* pattern, exercise or level id; "" none */
    int minutes;  /* WINDOW_BREATHE */
} WindowCommand;

/* Opens the command's screens over the menu (the menu must be at the bottom). Returns false
 * if its pattern, exercise or level is not loaded. */
bool window_command_open(App *a, const WindowCommand *wc);

/* Before the window opens: becomes the data folder's window (returns -1: go on and open it),
 * or hands wc to the window already open there and returns the exit code (0 delivered, 1 it
 * did not answer). When the lock cannot be taken at all (a read-only folder), returns -1. */
int instance_claim(App *a, const WindowCommand *wc);

/* Once the window exists: starts answering later starts (their commands arrive as events). */
void instance_listen(App *a);

/* For app_handle_event: performs a command sent by a later start and returns true, or returns
 * false for any other event. */
bool instance_handle(App *a, const SDL_Event *e);

/* At exit: stops listening and removes the socket. */
void instance_release(void);

#endif
