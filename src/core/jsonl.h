/* Private to the core: files of one JSON value per line that are only ever appended to (the
 * notes; the same promises as the practice log). */
#ifndef ATTUNE_JSONL_H
#define ATTUNE_JSONL_H

#include <stdbool.h>
#include <stddef.h>

/* Appends lines (each ending in '\n') to DIR/NAME with one write and one fsync: creates the
 * folder (0700) and the file (0600, made so even if it was not), fsyncs the folder when the file
 * is new, and starts on a new line if the file does not end in one (a torn write), so a torn
 * line cannot swallow these. False with a message in err ("could not save to PATH: why"). */
bool jsonl_append(const char *dir, const char *name, const char *lines, size_t len, char *err,
                  size_t errlen);

/* Calls each(line, len, lineno, torn, ud) for every non-blank line of text (len bytes with a
 * NUL at text[len]), trimmed of '\r' and blanks and NUL-terminated in place. torn is true for a
 * last line without its newline or a line holding NUL bytes: what an interrupted write leaves
 * (a complete value there is still good: the caller decides). */
void jsonl_lines(char *text, size_t len,
                 void (*each)(char *line, size_t len, int lineno, bool torn, void *ud), void *ud);

#endif
