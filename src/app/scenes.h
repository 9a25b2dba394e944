/* Entry points of the scenes: each pushes (or replaces the top with) a new scene. */
#ifndef ATTUNE_SCENES_H
#define ATTUNE_SCENES_H

#include "app.h"

void menu_push(App *a);
void help_push(App *a);
/* The pattern picker; `pattern` preselects one (NULL: the last used). */
void breathe_picker_push(App *a);
/* Straight into a breathing session. */
void breathe_push(App *a, const BreathPattern *p, int minutes);

/* Persists user settings after a change (mute, text size, last pattern). */
void settings_changed(App *a);

#endif
