/* Settings and card-level progress: a small struct, saved as DIR/settings.json.
 *
 * Saving is atomic (temp file, fsync, rename, fsync the folder) and keeps the previous
 * version as settings.json.bak. Saves hold an exclusive lock on settings.json.lock, so two
 * processes never interleave a read-merge-write. A settings.json that cannot be read is never overwritten: it is
 * kept aside as settings.json.unreadable-YYYYMMDD-HHMMSS and the user is told. Top-level keys
 * this version does not know are carried over from the file on disk when saving. */
#ifndef ATTUNE_SETTINGS_H
#define ATTUNE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "attune/diag.h"
#include "attune/jsonv.h"

#define SETTINGS_MAX_LEVELS 64
#define SETTINGS_ID_MAX 40
#define SETTINGS_MAX_BYTES (1024u * 1024u)
#define SETTINGS_MAX_PAIRS 64   /* pairs of names that have passed the Cards together gate */
#define SETTINGS_PACE_MIN 4.5   /* "your_pace", breaths a minute */
#define SETTINGS_PACE_MAX 6.5

typedef enum SettingsTheme {
    SETTINGS_THEME_DARK,     /* "dark" (default) */
    SETTINGS_THEME_LIGHT,    /* "light" */
    SETTINGS_THEME_CONTRAST, /* "contrast" (high contrast) */
    SETTINGS_THEME_COUNT
} SettingsTheme;

/* Progress through one card level (deck). */
typedef struct LevelProgress {
    char id[SETTINGS_ID_MAX + 1]; /* level id, [a-z0-9_-] */
    int seen;                     /* cards seen */
    int connected;                /* connection-oriented (secure) picks */
} LevelProgress;

typedef struct Settings {
    bool checkins;        /* "checkins": ask before/after each practice; default true */
    int day_start_hour;   /* "day_start_hour": 0..23, default 4 (1 a.m. counts for the evening) */
    int weekly_goal;      /* "weekly_goal": days per Monday-to-Sunday week, 1..7, default 5 */
    bool muted;           /* "muted": default false */
    bool reduced_motion;  /* "reduced_motion": default false */
    bool quick_calm_checkin; /* "quick_calm_checkin": ask before a quick calm too; default false
                              * (a quick calm starts at once and asks only afterwards) */
    double text_size;     /* "text_size": text scale 0.5..3.0, default 1.0 */
    SettingsTheme theme;  /* "theme": default dark */
    char last_pattern[SETTINGS_ID_MAX + 1]; /* "last_pattern": "" = none yet */
    int last_minutes;     /* "last_minutes": 1..60, 0 = none yet */
    char region[3];       /* "region": ISO 3166-1 alpha-2 for help lines; "" = from the locale */
    bool welcomed;        /* "welcomed": the first-start notice has been shown */
    bool cards_safety_seen; /* "cards_safety_seen": the safety note was shown before solo cards */
    bool moves_seen;      /* "moves_seen": "moves, not types" was shown before the first card */
    double your_pace;     /* "your_pace": breaths a minute found by Find your pace; 0 = none */
    unsigned pairs[SETTINGS_MAX_PAIRS]; /* "couple_pairs": hashes of name pairs past the gate */
    int npairs;
    LevelProgress levels[SETTINGS_MAX_LEVELS]; /* "levels": {"<id>": {"seen", "connected"}} */
    int nlevels;
} Settings;

void settings_defaults(Settings *s);

/* "dark", "light", "contrast". */
const char *settings_theme_name(SettingsTheme t);

/* Loads DIR/settings.json into *s, always leaving usable settings:
 *  - missing file: defaults, no message;
 *  - a bad value: that setting keeps its default, the rest loads (message names the key);
 *  - a file that cannot be read or parsed: kept aside under a new name, then
 *    settings.json.bak is used if it is readable, else defaults (messages say which).
 * Returns the number of problems added to diag (0 = loaded cleanly). diag may be NULL. */
int settings_load(const char *dir, Settings *s, AtDiag *diag);

/* As settings_load, for commands that only read (stats, export): an unreadable file is left
 * where it is ("it was left as it is"), never renamed. raw, when not NULL, gets the JSON
 * object the settings came from (the file or its backup, unknown keys included; NULL for
 * defaults; caller deletes). */
int settings_peek(const char *dir, Settings *s, cJSON **raw, AtDiag *diag);

/* Saves *s atomically to DIR/settings.json (creating DIR, 0700), keeping the previous file as
 * settings.json.bak. If the file on disk cannot be parsed it is kept aside first, and the save
 * is refused if that fails. Unknown top-level keys in the current file are preserved.
 * Returns false with a message in err; the file on disk is then unchanged. */
bool settings_save(const char *dir, const Settings *s, char *err, size_t errlen);

/* Saves what changed in *s since *base (what this process last loaded or saved) without
 * undoing what another process saved meanwhile: under a lock (flock on settings.json.lock) the
 * file is read again, the settings that differ between *s and *base are set in it, level
 * progress keeps the larger counts, and the result is written as settings_save does. On
 * success *s and *base both become the merged settings (problems with values in the file go
 * to diag, may be NULL). False with err, nothing changed. */
bool settings_update(const char *dir, Settings *base, Settings *s, AtDiag *diag, char *err,
                     size_t errlen);

/* For an import, under the same lock: with no settings.json yet, `theirs` (a validated settings
 * object) is written as it is, unknown keys included, and *used is set. Otherwise ours stay
 * and only card level progress is merged (larger counts). Returns how many levels grew, or -1
 * with err. */
int settings_import(const char *dir, const cJSON *theirs, bool *used, char *err, size_t errlen);

/* Settings as a JSON object with the keys above plus "version": 1 (caller deletes). */
cJSON *settings_to_json(const Settings *s);

/* Reads the known keys of obj (at `path`, "" for the top) into *s, leaving a setting as it was
 * when its value is invalid. Returns the number of problems reported through v. */
int settings_from_json(JsonV *v, const cJSON *obj, const char *path, Settings *s);

/* The progress entry for a level id, added (zeroed) if new. NULL if id is not a valid id or
 * the table is full. */
LevelProgress *settings_level(Settings *s, const char *id);

/* Whether this pair of names (in either order, case-insensitive, trimmed) has passed the
 * Cards together safety gate; settings_pair_mark records that it has (oldest dropped when
 * full). Only a hash of the names is kept. */
bool settings_pair_seen(const Settings *s, const char *a, const char *b);
void settings_pair_mark(Settings *s, const char *a, const char *b);

/* The progress entry for a level id, or NULL. */
const LevelProgress *settings_find_level(const Settings *s, const char *id);

#endif
