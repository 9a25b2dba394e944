/* Help and safety resources: the not-therapy notice, the safety note on abuse, and crisis and
 * domestic-abuse lines by region. Shipped content only: content_load_* refuses a "resources"
 * section from anywhere but the shipped folder. */
#ifndef ATTUNE_RESOURCES_H
#define ATTUNE_RESOURCES_H

#include <stdbool.h>

#include "attune/jsonv.h"

#define RES_MAX_LINES 6     /* crisis or abuse lines per region */
#define RES_MAX_REGIONS 48
#define RES_NOTICE_MAX 600
#define RES_SAFETY_MAX 420
#define RES_TEXT_MAX 600    /* breathing caution, therapist directories, first-start words */

typedef struct HelpLine {
    const char *name;    /* "988 Suicide & Crisis Lifeline" */
    const char *contact; /* "Call or text 988, any time" */
} HelpLine;

typedef struct HelpRegion {
    char code[3];          /* ISO 3166-1 alpha-2 ("CA"); "" for everywhere else */
    const char *name;      /* "Canada" */
    const char *emergency; /* "911" */
    HelpLine crisis[RES_MAX_LINES];
    int ncrisis;
    HelpLine abuse[RES_MAX_LINES];
    int nabuse;
} HelpRegion;

typedef struct Resources {
    const char *notice;    /* Attune is practice, not therapy */
    const char *safety;    /* where everyday friction ends and abuse begins */
    const char *breathing; /* dizzy or short of breath: go back to normal breathing */
    const char *therapist; /* how to find a therapist */
    const char *privacy;   /* your practice stays on this computer */
    HelpRegion regions[RES_MAX_REGIONS]; /* in file order */
    int nregions;
    HelpRegion elsewhere;  /* "everywhere else"; name is NULL until loaded */
} Resources;

/* Validates a "resources" object at `path` into *r (strings in v->pool). Sections present are
 * replaced; a bad region is reported and left out. Returns false if anything was wrong. */
bool resources_from_json(JsonV *v, const cJSON *obj, const char *path, Resources *r);

/* The region with this code (case-insensitive), else "everywhere else" (NULL if that is not
 * loaded either). */
const HelpRegion *resources_region(const Resources *r, const char *code);

/* The region a locale names: the first set of LC_ALL, LC_MESSAGES, LANG (any may be NULL),
 * read as lang_CC[.charset][@modifier]: "en_GB.UTF-8" -> "GB", "fr_CA" -> "CA". Writes ""
 * for C, POSIX or anything without a country. out holds 3 bytes. */
void resources_locale_region(const char *lc_all, const char *lc_messages, const char *lang,
                             char out[3]);

/* Whether code is two ASCII letters (stored upper case in out when it is). */
bool resources_code(const char *code, char out[3]);

#endif
