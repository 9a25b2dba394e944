/* The user's data held by the app (AppData in app.h): settings and the practice log, for
 * main.c, the scenes that show or change them, and the menu's note about the data folder. */
#ifndef ATTUNE_USERDATA_H
#define ATTUNE_USERDATA_H

#include "app.h"

/* Loads settings.json (before the first frame: it is tiny, and the text size and sound come
 * from it) and applies text size and mute. A file that cannot be read is kept aside by the
 * core; the user is told once (stderr and a note on the menu). `mute_flag` is --mute. */
void userdata_load_settings(App *a, bool mute_flag);

/* Instead of userdata_load_settings when the data folder cannot be a folder (main.c has told
 * the terminal): defaults, an empty history, and a note on the menu. */
void userdata_without_data(App *a, bool mute_flag);

/* Loads the practice log if it is not loaded yet (after the first frame; any caller that
 * needs the log calls it first). Skipped lines become a note on the menu. */
void userdata_load_log(App *a);

/* The cards' memory (choices and favourites), read from the log the first time it is asked
 * for. Never NULL; empty when the log cannot be read. */
CardMemory *userdata_cards(App *a);

/* A problem with the data folder for the menu to show small, or NULL. */
const char *userdata_note(const App *a);

/* Persists user settings after a change of mute or text size on the App. */
void userdata_settings_changed(App *a);

/* Saves settings after a change; a failure is logged once and becomes the menu note. */
void userdata_save_settings(App *a);

/* The note for the menu (fmt with one %s): the first problem is the one shown, except that
 * force (practice not being saved matters most) replaces any other. */
void userdata_set_note(App *a, bool force, const char *fmt, const char *arg);

/* At exit, after recording_quit: frees the log and the cards' memory. */
void userdata_quit(App *a);

#endif
