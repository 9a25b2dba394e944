#ifndef ATTUNE_SCRIPT_H
#define ATTUNE_SCRIPT_H

#include "app.h"

/* Runs a script against the app with the fake clock reading *now. Returns the exit code:
 * 0 when every line ran, 1 with a "FILE:LINE: ..." message otherwise. */
int script_run(App *a, const char *path, uint64_t *now);

/* Saves the current frame as PNG, or BMP when the name ends in .bmp. */
bool app_screenshot(App *a, const char *path, char *err, size_t errlen);

#endif
