/* Terminal commands about the user's data: no window, no video. */
#ifndef ATTUNE_DATACMD_H
#define ATTUNE_DATACMD_H

#include <stdbool.h>

#include "attune/clock.h"

/* True for "stats", "export" and "import". */
bool datacmd_is(const char *cmd);
/* Runs one on data folder dir, with today from clock; file is the FILE argument (export, import). Returns the exit
 * code: 0 done, 1 failed (messages on stderr, nothing changed), 2 usage error. */
int datacmd_run(const char *dir, const AtClock *clock, const char *cmd, const char *file, bool json);

#endif
