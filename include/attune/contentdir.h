/* Where Attune's shipped content and fonts are: found from the binary's own location, never
 * silently from somewhere else.
 *
 * The rules, in order:
 *  1. Installed: EXE_DIR/REL_SHARE (e.g. "../share/attune") holding a levels/ folder. Fonts are
 *     in its fonts/ folder.
 *  2. Built: the binary sits in its own build folder (the same folder as BUILD_DIR, compared by
 *     device and inode, so a renamed or moved build tree no longer matches) and the source
 *     tree it was built from still has levels/: SOURCE_DIR/levels, fonts in SOURCE_DIR/assets.
 *  3. Otherwise there is no content folder: the caller refuses to start, naming where it looked.
 * Then ATTUNE_CONTENT_DIR (the override) replaces the folder of patterns, exercises and card
 * levels, for content authors (loaded as CONTENT_AUTHOR: it may hold no resources); the safety
 * resources (the notice, crisis and abuse lines) still come from the shipped folder's
 * resources.json, loaded on its own as CONTENT_SHIPPED. */
#ifndef ATTUNE_CONTENTDIR_H
#define ATTUNE_CONTENTDIR_H

#include <stdbool.h>
#include <stddef.h>


#define CONTENTDIR_PATH_MAX 1024
/* The file of safety resources inside the shipped levels folder. */
#define CONTENTDIR_RESOURCES_FILE "resources.json"

typedef enum ContentDirSource {
    CONTENTDIR_INSTALLED, /* EXE_DIR/REL_SHARE */
    CONTENTDIR_BUILD,     /* the source tree, for a binary in its own build folder */
} ContentDirSource;

typedef struct ContentDirs {
    ContentDirSource source;
    char shipped[CONTENTDIR_PATH_MAX];   /* the shipped levels folder */
    char levels[CONTENTDIR_PATH_MAX];    /* patterns, exercises, levels: shipped or the override */
    char assets[CONTENTDIR_PATH_MAX];    /* holds fonts/ */
    char resources[CONTENTDIR_PATH_MAX]; /* shipped/resources.json, whatever the override */
    bool overridden;                     /* levels comes from ATTUNE_CONTENT_DIR */
} ContentDirs;

/* Applies the rules above. exe_dir: the folder of the running binary (absolute); rel_share:
 * the installed data folder relative to it; build_dir and source_dir: compiled in (may be NULL
 * for an installed-only build); override: ATTUNE_CONTENT_DIR or NULL/"" for none. Paths are
 * made absolute and free of "..". Returns false with a message in err naming the folder(s)
 * looked at. */
bool contentdir_resolve(const char *exe_dir, const char *rel_share, const char *build_dir,
                        const char *source_dir, const char *override, ContentDirs *out,
                        char *err, size_t errlen);

/* The folder holding the running binary, from /proc/self/exe (symlinks resolved). */
bool contentdir_exe_dir(char *out, size_t n);

/* One line for people: "/usr/share/attune/levels (installed)", "... (source tree of this
 * build)", or "/x (ATTUNE_CONTENT_DIR; safety resources from /usr/share/attune/levels)". */
const char *contentdir_describe(const ContentDirs *d, char *buf, size_t n);

#endif
