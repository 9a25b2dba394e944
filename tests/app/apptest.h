/* Helpers for app tests: run the real attune binary headless with a script, then read
 * back its screenshots (BMP) and drawn texts (JSON). */
#ifndef ATTUNE_APPTEST_H
#define ATTUNE_APPTEST_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct AtImage {
    int w, h;
    uint8_t *rgb; /* w*h*3, top row first */
} AtImage;

/* Paths given on the test's command line: the attune binary and the source tree. */
extern const char *at_attune;
extern const char *at_source;

void at_init(int argc, char **argv);
/* A fresh empty folder under $TMPDIR; returned string is static per call slot (0..7). */
const char *at_tmpdir(int slot);
/* Writes script text to DIR/NAME.script ($D in it stands for DIR) and runs
 *   attune --data-dir DATA --window 800x600 --script FILE ARGS...
 * Returns the exit status; stderr is kept in DIR/NAME.err. */
int at_run(const char *dir, const char *name, const char *data, const char *script,
           const char *args);
/* As at_run, in the background: returns the pid of attune itself (or -1). */
pid_t at_spawn(const char *dir, const char *name, const char *data, const char *script,
               const char *args);
/* Waits up to ms milliseconds for a non-empty file at path. */
bool at_wait_for(const char *path, int ms);
/* Runs attune with plain arguments (no script); stdout to DIR/NAME.out. */
int at_run_cli(const char *dir, const char *name, const char *data, const char *args);
char *at_read_file(const char *path);
/* Writes DIR/settings.json with check-ins turned off, for tests that time a practice. */
void at_checkins_off(const char *dir);
/* Writes DIR/settings.json. A scripted run (at_run) on a data folder without one starts it with
 * AT_INTROS_SEEN, as for a person who has met the first-start welcome and the notes before the
 * first cards; tests of those screens start from at_write_settings(dir, "{}"). */
void at_write_settings(const char *dir, const char *json);
#define AT_INTROS_SEEN "\"welcomed\": true, \"cards_safety_seen\": true, \"moves_seen\": true"
bool at_load_bmp(const char *path, AtImage *img);
/* Frames drawn in part must equal the same moments drawn whole. Runs attune ARGS on DIR's data
 * with the script `setup`, then in 16 ms frames to each of the n moments (ms after the setup),
 * saving the frame as drawn there, then the same moment drawn whole (F2: any key makes the next
 * frame whole). Returns how many moments differ (saying so on stdout), or -1 if the run
 * failed. */
int at_parts_equal_whole(const char *dir, const char *setup, const char *args, const int *moments,
                         int n);
void at_free_image(AtImage *img);
cJSON *at_load_texts(const char *path);
/* at_load_texts of DIR/NAME.json, saying so on stderr when it cannot. */
cJSON *at_texts_of(const char *dir, const char *name);
/* True if any drawn string equals s. */
bool at_texts_has(const cJSON *texts, const char *s);
/* True if any drawn string contains s. */
bool at_texts_contains(const cJSON *texts, const char *s);
/* A rectangle of a `texts` entry (zero for NULL). */
typedef struct AtRect {
    int x, y, w, h;
} AtRect;
AtRect at_rect(const cJSON *entry);
/* The first drawn string (not a control) equal to s, or containing it when exact is false;
 * NULL if none. */
const cJSON *at_text_entry(const cJSON *texts, const char *s, bool exact);
/* The control ("role": "button") named label, the last one listed (the control bar is drawn
 * last); NULL if none. */
const cJSON *at_button(const cJSON *texts, const char *label);
/* o[key] when it is a string, else NULL. */
const char *at_str(const cJSON *o, const char *key);
/* The rectangle of the drawn string s (exact); false if it is not drawn. */
bool at_text_rect(const cJSON *texts, const char *s, int *x, int *y, int *w, int *h);
/* The first drawn string that starts with prefix, or NULL. */
const char *at_text_starting(const cJSON *texts, const char *prefix);
/* Checks of a `texts` dump. Each problem is said on stderr (after "who: " when who is not
 * NULL); they return how many there are.
 * Entries (strings and controls) not wholly inside a w x h window: */
int at_outside(const cJSON *texts, int w, int h, const char *who);
/* Strings that overlap by more than slack_x pixels across and slack_y down (lines of one font
 * may touch by a pixel or two); controls are left out, as one lies under its own label: */
int at_overlaps(const cJSON *texts, int slack_x, int slack_y, const char *who);
/* Every string under j (in place) as Attune shows card words: with typographic quotes
 * (utf8_typographic), for comparing content read from levels/ with what is drawn. */
void at_typographic(cJSON *j);

#endif
