/* For tests of loaders: a fresh folder of the test's own under $TMPDIR, files written into it,
 * and what a load said (its AtDiag messages). */
#ifndef ATTUNE_FILETEST_H
#define ATTUNE_FILETEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attune/diag.h"

/* The test's folder, made by filetest_dir. */
static char dir[512];

/* Makes dir, $TMPDIR/attune-NAME-XXXXXX; false (said on stderr) if it cannot. */
static inline bool filetest_dir(const char *name)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/attune-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    if (mkdtemp(dir)) return true;
    perror("mkdtemp");
    return false;
}

/* Writes text to dir/name; returns the path (static: the next call reuses it). */
static inline const char *write_file(const char *name, const char *text)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* True if some message contains s. */
static inline bool said(const AtDiag *d, const char *s)
{
    for (int i = 0; i < d->count; i++)
        if (strstr(d->msg[i], s)) return true;
    return false;
}

/* Every message, on stderr. */
static inline void dump(const AtDiag *d)
{
    for (int i = 0; i < d->count; i++) fprintf(stderr, "    message: %s\n", d->msg[i]);
}

#endif
