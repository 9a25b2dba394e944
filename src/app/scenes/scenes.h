/* Entry points of the scenes: each pushes (or replaces the top with) a new scene. */
#ifndef ATTUNE_SCENES_H
#define ATTUNE_SCENES_H

#include "app.h"

void menu_push(App *a);
void help_push(App *a);
/* The pattern picker; `pattern` preselects one (NULL: the last used). */
void breathe_picker_push(App *a);
/* Straight into a breathing session (after the pattern's caution, if it has one). */
void breathe_push(App *a, const BreathPattern *p, int minutes);
/* "Your pace" from the settings (Find your pace), or NULL while none has been found. The
 * pattern stays valid until the next call. */
const BreathPattern *breathe_your_pace(App *a);
/* Find your pace (pace.c): the guided sweep of slow rates, each rated for comfort. */
void pace_push(App *a);
/* Grounding (grounding.c): the exercise picker, focused on exercise_id (NULL: the first), and
 * straight into one exercise. */
void ground_picker_push(App *a, const char *exercise_id);
void ground_push(App *a, const GroundExercise *ex);
/* Progress: streaks, the week, the calendar, check-ins (stats_scene.c). */
void stats_push(App *a);
/* Settings: check-ins, sound, day start, weekly goal, text size, reduced motion
 * (settings_scene.c). */
void settings_push(App *a);

/* Scenario cards (cards.c, together.c). A level given as its id or its number 1-5, or
 * NULL when s names none. */
const DeckLevel *cards_find_level(const Content *c, const char *s);
/* The level picker, preselecting level_id (NULL: the suggested next level). names NULL: solo;
 * else the couple's two names, and picking a level starts a round together. */
void cards_picker_push(App *a, const char *level_id, const char *const *names);
/* Straight into a solo round of the level. */
void cards_round_push(App *a, const DeckLevel *level);
/* Cards together: both names first, then the picker (or level_id's round at once). */
void couple_names_push(App *a, const char *level_id);
/* Straight into a round together (empty names: "Partner A" / "Partner B"). */
void couple_round_push(App *a, const DeckLevel *level, const char *name_a, const char *name_b);

/* Persists user settings after a change (mute, text size, last pattern). In practice.c. */
void settings_changed(App *a);

#endif
