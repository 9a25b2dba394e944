/* Entry points of the scenes: each pushes (or replaces the top with) a new scene. */
#ifndef ATTUNE_SCENES_H
#define ATTUNE_SCENES_H

#include "app.h"

/* The scenes of the engine's table (scene_table.c), opened with scene_open. */
extern const SceneVT SCENE_MENU, SCENE_HELP, SCENE_NOTICE, SCENE_CHECKIN;
/* The table itself, for App.scenes. */
extern const SceneTable SCENE_TABLE;

/* The pattern picker, opened on the last pattern used (breathe_picker.c). */
void breathe_picker_push(App *a);
/* Straight into a breathing session (after the pattern's caution, if it has one). */
void breathe_push(App *a, const BreathPattern *p, int minutes);
/* "Your pace" from the settings (Find your pace), or NULL while none has been found. The
 * pattern stays valid until the next call. */
const BreathPattern *breathe_your_pace(App *a);
/* A quick calm now: the quick-calm pattern at its own length (breathe.c). */
void breathe_quick_push(App *a);
/* Find your pace (pace.c): the guided sweep of slow rates, each rated for comfort. */
void pace_push(App *a);
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
/* A round of a deck across levels: one random card, or the favourites (nothing when there
 * are none). */
void cards_mix_push(App *a, bool favourites);
/* Cards together: both names first, then the picker (or level_id's round at once). */
void together_names_push(App *a, const char *level_id);
/* Straight into a round together (empty names: "Partner A" / "Partner B"). */
void together_push(App *a, const DeckLevel *level, const char *name_a, const char *name_b);
/* A round of the level, solo (names NULL) or together, after the notes this person has not
 * met yet: the safety note before the first solo round, the Cards together gate the first
 * time a pair of names plays, "four moves anyone makes" before the first card ever. */
void cards_begin(App *a, const DeckLevel *level, const char *const *names);

/* The Journal (journal.c): saved notes, named feelings and card reflections, newest first,
 * searchable and deletable. */
void journal_push(App *a);
/* A "Journal" button on the control bar's row, left of Help (Progress has one): draws it,
 * records it as a control, and returns where it is for the scene's click. */
SDL_Rect journal_bar_button(App *a);
/* At a round's end, centred at y: "Write your answer" (a button, its rect returned), or once
 * answered a line saying where it went (w 0: nothing to click). Its height is
 * journal_answer_button_h. */
SDL_Rect journal_answer_button(App *a, bool answered, int y);
int journal_answer_button_h(App *a);
/* The answer field for a question (a card's or a round's, from deck `deck`, card `card` or
 * NULL for the round, practice id or NULL): what is written is saved to the journal as a
 * reflection. done (optional) is called after the field has closed, with whether it was saved. */
typedef void (*JournalAnswered)(App *a, void *ctx, bool saved);
void journal_answer_push(App *a, const char *deck, const char *card, const char *practice,
                         const char *question, JournalAnswered done, void *ctx);

/* Learn (learn.c): the learning screens, a list of topics and a reading panel, showing the
 * screen with this id (NULL or unknown: the first). */
void learn_push(App *a, const char *id);

/* A calm panel over the current screen (notice.c) with one "OK". */
void notice_push(App *a, const char *title, const char *body);
/* The same with 1-3 choices (Space makes choice `space`, -1 none); done (optional) is called
 * once, with the index chosen, or -1 for Esc, after the panel has been popped (it may push the
 * next screen); also with -1 if the panel closes with the app (then it must only free ctx). */
typedef void (*NoticeDone)(App *a, void *ctx, int choice);
void notice_push_choice(App *a, const char *title, const char *body, const char *const *labels,
                        int nlabels, int space, NoticeDone done, void *ctx);
/* The first-start welcome (welcome.c): not therapy, where help is, your data stays here. Shown
 * once, over the menu, never before a quick calm; Help can show it again. */
void welcome_push(App *a);

/* Help (help.c): the help lines of the user's region (the --region option, else the region
 * setting, else the locale's country), or "everywhere else". */
const HelpRegion *help_region(const App *a);
/* The list of every region's lines, one step from Help; choosing one saves it as the region. */
void help_regions_push(App *a);

#endif
