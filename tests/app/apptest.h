/* Helpers for app tests: run the real attune binary headless with a script, then read
 * back its screenshots (BMP) and drawn texts (JSON). */
#ifndef ATTUNE_APPTEST_H
#define ATTUNE_APPTEST_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

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
/* Runs attune with plain arguments (no script); stdout to DIR/NAME.out. */
int at_run_cli(const char *dir, const char *name, const char *data, const char *args);
char *at_read_file(const char *path);
/* Writes DIR/settings.json with check-ins turned off, for tests that time a practice. */
void at_checkins_off(const char *dir);
bool at_load_bmp(const char *path, AtImage *img);
void at_free_image(AtImage *img);
cJSON *at_load_texts(const char *path);
/* at_load_texts of DIR/NAME.json, saying so on stderr when it cannot. */
cJSON *at_texts_of(const char *dir, const char *name);
/* True if any drawn string equals s. */
bool at_texts_has(const cJSON *texts, const char *s);
/* True if any drawn string contains s. */
bool at_texts_contains(const cJSON *texts, const char *s);

/* Frames drawn in part must equal the same moments drawn whole. Runs attune ARGS in data
 * folder DIR with the script `setup`, then in 16 ms frames to each of the n moments (ms after
 * the setup), saving the frame as drawn there, then the same moment drawn whole (a key no
 * screen uses makes the next frame whole). Returns how many moments differ (saying where), or
 * -1 if the run or a screenshot failed. */
int at_parts_differ(const char *dir, const char *setup, const char *args, const int *moments, int n);

#endif
