/* Diagnostics: a growable list of one-line messages (content errors, store warnings).
 * Core functions report problems here instead of printing; the caller decides how to show them. */
#ifndef ATTUNE_DIAG_H
#define ATTUNE_DIAG_H

typedef struct AtDiag {
    char **msg;   /* msg[0..count-1], each owned by the list */
    int count;
    int cap;
} AtDiag;

/* Appends a printf-formatted message. Never fails loudly: on out-of-memory the message is dropped. */
void diag_addf(AtDiag *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Frees every message; the list is empty and reusable afterwards. */
void diag_free(AtDiag *d);

#endif
