/* Entry points of the scenes: each pushes (or replaces the top with) a new scene. */
#ifndef ATTUNE_SCENES_H
#define ATTUNE_SCENES_H

#include "app.h"

/* The scenes of the engine's table (scene_table.c), opened with scene_open. */
extern const SceneVT SCENE_MENU, SCENE_HELP, SCENE_NOTICE, SCENE_CHECKIN;
/* The table itself, for App.scenes. */
extern const SceneTable SCENE_TABLE;

/* The pattern picker; `pattern` preselects one (NULL: the last used). */
void breathe_picker_push(App *a);
/* Straight into a breathing session. */
void breathe_push(App *a, const BreathPattern *p, int minutes);
/* Grounding (grounding.c): the exercise picker, focused on exercise_id (NULL: the first), and
 * straight into one exercise. */
void grounding_picker_push(App *a, const char *exercise_id);
void grounding_push(App *a, const GroundExercise *ex);
/* Progress: streaks, the week, the calendar, check-ins (progress.c). */
void progress_push(App *a);
/* Settings: check-ins, sound, day start, weekly goal, text size, reduced motion
 * (prefs.c). */
void prefs_push(App *a);

/* Scenario cards (cards.c, together.c). */
/* The level picker, preselecting level_id (NULL: the suggested next level). names NULL: solo;
 * else the couple's two names, and picking a level starts a round together. */
void cards_picker_push(App *a, const char *level_id, const char *const *names);
/* Straight into a solo round of the level. */
void cards_round_push(App *a, const DeckLevel *level);
/* Cards together: both names first, then the picker (or level_id's round at once). */
void together_names_push(App *a, const char *level_id);
/* Straight into a round together (empty names: "Partner A" / "Partner B"). */
void together_push(App *a, const DeckLevel *level, const char *name_a, const char *name_b);

#endif
