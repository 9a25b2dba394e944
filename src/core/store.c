/* Practice records (one line of the log, as a struct and as JSON) and the log in memory. The
 * file is store_log.c. */
#include "attune/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attune/deck.h"
#include "attune/clock.h"
#include "attune/day.h"
#include "attune/strbuf.h"
#include "attune/utf8.h"

static const char *const KIND_NAMES[PRACTICE_KIND_COUNT] = {"breathing", "grounding", "cards"};
/* Every "kind" a line may have: the practices, then the records about a practice. */
static const char *const LINE_KINDS[] = {"breathing", "grounding", "cards", "rating", "checkpoint",
                                         "choice", "favourite"};
#define LINE_KIND_COUNT 7
#define LINE_KIND_CHOICE 5 /* choice and favourite: records about a card (cardmemory.h) */

const char *practice_kind_name(PracticeKind k)
{
    return (unsigned)k < PRACTICE_KIND_COUNT ? KIND_NAMES[k] : "unknown";
}

int practice_kind_from_name(const char *s)
{
    for (int i = 0; s && i < PRACTICE_KIND_COUNT; i++)
        if (strcmp(s, KIND_NAMES[i]) == 0) return i;
    return -1;
}

/* ---- ids, stamps ---- */

static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

void practice_new_id(char out[PRACTICE_ID_LEN + 1])
{
    unsigned char b[16];
    size_t got = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < sizeof b) {
            ssize_t r = read(fd, b + got, sizeof b - got);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            got += (size_t)r;
        }
        close(fd);
    }
    if (got < sizeof b) {
        /* Unique enough without /dev/urandom: time, pid and a per-process counter. */
        static uint64_t counter;
        struct timespec ts = {0, 0};
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t a = mix64((uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec);
        uint64_t c = mix64(((uint64_t)getpid() << 32) ^ ++counter ^ a);
        for (int i = 0; i < 8; i++) {
            b[i] = (unsigned char)(a >> (8 * i));
            b[8 + i] = (unsigned char)(c >> (8 * i));
        }
    }
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[b[i] >> 4];
        out[2 * i + 1] = hex[b[i] & 15];
    }
    out[PRACTICE_ID_LEN] = 0;
}

bool practice_stamp(PracticeRecord *r, time_t t)
{
    struct tm tm;
    if (!localtime_r(&t, &tm)) return false;
    int y = tm.tm_year + 1900;
    if (y < DAY_YEAR_MIN || y > DAY_YEAR_MAX) return false;
    char d[48], h[48];
    snprintf(d, sizeof d, "%04d-%02d-%02d", y, tm.tm_mon + 1, tm.tm_mday);
    snprintf(h, sizeof h, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    memcpy(r->date, d, 10);
    r->date[10] = 0;
    memcpy(r->time, h, 8);
    r->time[8] = 0;
    r->utc_offset_min = (int)(tm.tm_gmtoff / 60);
    return true;
}

void practice_init(PracticeRecord *r, PracticeKind kind, const char *content_id, time_t started)
{
    memset(r, 0, sizeof *r);
    practice_new_id(r->id);
    if (!practice_stamp(r, started)) practice_stamp(r, clock_wall(clock_program()));
    r->kind = kind;
    if (content_id) snprintf(r->content, sizeof r->content, "%s", content_id);
    r->before = r->after = PRACTICE_NO_RATING;
}

void practice_rating(PracticeRecord *out, const PracticeRecord *p, int after, time_t t)
{
    memset(out, 0, sizeof *out);
    practice_new_id(out->id);
    if (!practice_stamp(out, t)) {
        memcpy(out->date, p->date, sizeof out->date);
        memcpy(out->time, p->time, sizeof out->time);
        out->utc_offset_min = p->utc_offset_min;
    }
    out->type = RECORD_RATING;
    out->kind = p->kind;
    memcpy(out->practice, p->id, sizeof out->practice);
    out->before = PRACTICE_NO_RATING;
    out->after = after >= 0 && after <= 10 ? after : PRACTICE_NO_RATING;
}

void practice_checkpoint(PracticeRecord *out, const PracticeRecord *p)
{
    *out = *p;
    practice_new_id(out->id);
    out->type = RECORD_CHECKPOINT;
    memcpy(out->practice, p->id, sizeof out->practice);
    out->completed = false;
    out->after = PRACTICE_NO_RATING;
}

bool practice_is_couple(const PracticeRecord *r) { return r->partner_a[0] && r->partner_b[0]; }

/* ---- JSON ---- */

/* The keys of a choice or favourite record after its "kind": level, card, and choice or on. */
static bool card_record_to_json(cJSON *o, const PracticeRecord *r)
{
    bool ok = cJSON_AddStringToObject(o, "level", r->content) &&
              cJSON_AddStringToObject(o, "card", r->card);
    if (!ok) return false;
    if (r->type == RECORD_CHOICE)
        return cJSON_AddStringToObject(o, "choice", deck_style_name((DeckStyle)r->choice)) != NULL;
    return cJSON_AddBoolToObject(o, "on", r->on) != NULL;
}

static void card_record_from_json(JsonV *v, const cJSON *obj, const char *path, PracticeRecord *out)
{
    out->kind = PRACTICE_CARDS;
    const char *level = jv_id(v, obj, path, "level", true);
    if (level) snprintf(out->content, sizeof out->content, "%s", level);
    const char *card = jv_id(v, obj, path, "card", true);
    if (card) snprintf(out->card, sizeof out->card, "%s", card);
    if (out->type == RECORD_CHOICE) {
        const char *styles[DECK_STYLE_COUNT];
        for (int i = 0; i < DECK_STYLE_COUNT; i++) styles[i] = deck_style_name((DeckStyle)i);
        int s = jv_enum(v, obj, path, "choice", styles, DECK_STYLE_COUNT, true);
        if (s >= 0) out->choice = s;
    } else {
        jv_bool(v, obj, path, "on", true, &out->on);
    }
}

cJSON *practice_to_json(const PracticeRecord *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    const char *kind = r->type == RECORD_RATING       ? "rating"
                     : r->type == RECORD_CHECKPOINT ? "checkpoint"
                     : r->type == RECORD_CHOICE     ? "choice"
                     : r->type == RECORD_FAVOURITE  ? "favourite"
                                                    : practice_kind_name(r->kind);
    bool ok = cJSON_AddStringToObject(o, "id", r->id) &&
              cJSON_AddStringToObject(o, "date", r->date) &&
              cJSON_AddStringToObject(o, "time", r->time) &&
              cJSON_AddNumberToObject(o, "utc_offset_min", r->utc_offset_min) &&
              cJSON_AddStringToObject(o, "kind", kind);
    if (r->type == RECORD_CHOICE || r->type == RECORD_FAVOURITE) {
        if (!ok || !card_record_to_json(o, r)) {
            cJSON_Delete(o);
            return NULL;
        }
        return o;
    }
    if (ok && r->type != RECORD_PRACTICE)
        ok = cJSON_AddStringToObject(o, "practice", r->practice) != NULL;
    if (r->type == RECORD_RATING) {
        if (ok && r->after >= 0) ok = cJSON_AddNumberToObject(o, "after", r->after) != NULL;
        if (!ok) {
            cJSON_Delete(o);
            return NULL;
        }
        return o;
    }
    if (ok && r->type == RECORD_CHECKPOINT)
        ok = cJSON_AddStringToObject(o, "practice_kind", practice_kind_name(r->kind)) != NULL;
    if (ok && r->content[0]) ok = cJSON_AddStringToObject(o, "content", r->content) != NULL;
    ok = ok && cJSON_AddNumberToObject(o, "duration_ms", r->duration_ms) &&
         cJSON_AddBoolToObject(o, "completed", r->completed) &&
         cJSON_AddNumberToObject(o, "count", r->count);
    if (ok && r->before >= 0) ok = cJSON_AddNumberToObject(o, "before", r->before) != NULL;
    if (ok && r->after >= 0) ok = cJSON_AddNumberToObject(o, "after", r->after) != NULL;
    if (ok && (r->partner_a[0] || r->partner_b[0])) {
        const char *names[2] = {r->partner_a, r->partner_b};
        cJSON *p = cJSON_CreateStringArray(names, 2);
        ok = p && cJSON_AddItemToObject(o, "partners", p);
        if (!ok) cJSON_Delete(p);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool is_id(const char *s, size_t max) { return jv_is_id(s) && strlen(s) <= max; }

/* Optional 0-10 rating; null counts as absent. */
static bool read_rating(JsonV *v, const cJSON *obj, const char *path, const char *key, int *out)
{
    *out = PRACTICE_NO_RATING;
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it)) return true;
    long val = 0;
    if (!jv_int(v, obj, path, key, 0, 10, false, &val)) return false;
    *out = (int)val;
    return true;
}

bool practice_from_json(JsonV *v, const cJSON *obj, const char *path, PracticeRecord *out)
{
    char kp[JV_PATH_MAX];
    memset(out, 0, sizeof *out);
    out->before = out->after = PRACTICE_NO_RATING;
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    int errors = v->errors;

    const char *id = jv_str(v, obj, path, "id", PRACTICE_ID_LEN, true);
    if (id && !is_id(id, PRACTICE_ID_LEN))
        jv_error(v, jv_key_path(kp, path, "id"), "expected 1 to %d characters of a-z, 0-9, - or _",
                 PRACTICE_ID_LEN);
    else if (id) str_copy(out->id, sizeof out->id, id);

    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, "date");
    if (!it) jv_error(v, jv_key_path(kp, path, "date"), "missing");
    else if (!cJSON_IsString(it) || day_parse(it->valuestring) == DAY_NONE)
        jv_error(v, jv_key_path(kp, path, "date"), "expected YYYY-MM-DD");
    else str_copy(out->date, sizeof out->date, it->valuestring);

    it = cJSON_GetObjectItemCaseSensitive(obj, "time");
    if (!it) jv_error(v, jv_key_path(kp, path, "time"), "missing");
    else if (!cJSON_IsString(it) || day_parse_time(it->valuestring) < 0)
        jv_error(v, jv_key_path(kp, path, "time"), "expected HH:MM:SS");
    else str_copy(out->time, sizeof out->time, it->valuestring);

    long val = 0;
    if (jv_int(v, obj, path, "utc_offset_min", -18 * 60, 18 * 60, true, &val))
        out->utc_offset_min = (int)val;

    int kind = jv_enum(v, obj, path, "kind", LINE_KINDS, LINE_KIND_COUNT, true);
    if (kind >= LINE_KIND_CHOICE) {
        out->type = kind == LINE_KIND_CHOICE ? RECORD_CHOICE : RECORD_FAVOURITE;
        card_record_from_json(v, obj, path, out);
        return v->errors == errors;
    }
    if (kind >= PRACTICE_KIND_COUNT) {
        out->type = kind == PRACTICE_KIND_COUNT ? RECORD_RATING : RECORD_CHECKPOINT;
        const char *of = jv_str(v, obj, path, "practice", PRACTICE_ID_LEN, true);
        if (of && !is_id(of, PRACTICE_ID_LEN))
            jv_error(v, jv_key_path(kp, path, "practice"),
                     "expected the id of a practice (1 to %d characters of a-z, 0-9, - or _)",
                     PRACTICE_ID_LEN);
        else if (of) str_copy(out->practice, sizeof out->practice, of);
    }
    if (out->type == RECORD_RATING) {
        /* The rating of a practice: when it was given, and the answer. */
        it = cJSON_GetObjectItemCaseSensitive(obj, "after");
        if (!it) jv_error(v, jv_key_path(kp, path, "after"), "missing");
        else read_rating(v, obj, path, "after", &out->after);
        return v->errors == errors;
    }
    if (out->type == RECORD_CHECKPOINT) {
        int pk = jv_enum(v, obj, path, "practice_kind", KIND_NAMES, PRACTICE_KIND_COUNT, true);
        if (pk >= 0) out->kind = (PracticeKind)pk;
    } else if (kind >= 0) {
        out->kind = (PracticeKind)kind;
    }

    it = cJSON_GetObjectItemCaseSensitive(obj, "content");
    if (it && !(cJSON_IsString(it) && it->valuestring[0] == 0)) {
        const char *c = jv_id(v, obj, path, "content", false);
        if (c) str_copy(out->content, sizeof out->content, c);
    }

    val = 0;
    if (jv_int(v, obj, path, "duration_ms", 0, PRACTICE_MAX_DURATION_MS, true, &val))
        out->duration_ms = (uint32_t)val;
    jv_bool(v, obj, path, "completed", true, &out->completed);
    val = 0;
    if (jv_int(v, obj, path, "count", 0, PRACTICE_MAX_COUNT, false, &val)) out->count = (int)val;
    read_rating(v, obj, path, "before", &out->before);
    read_rating(v, obj, path, "after", &out->after);

    const cJSON *p = jv_array(v, obj, path, "partners", 2, 2, false);
    if (p) {
        char ip[JV_PATH_MAX], ap[JV_PATH_MAX];
        jv_key_path(ap, path, "partners");
        char *dst[2] = {out->partner_a, out->partner_b};
        for (int i = 0; i < 2; i++) {
            const cJSON *n = cJSON_GetArrayItem(p, i);
            jv_index_path(ip, ap, i);
            if (!cJSON_IsString(n) || !n->valuestring[0] || utf8_chars(n->valuestring, strlen(n->valuestring)) >
                                                                   PRACTICE_NAME_MAX ||
                strlen(n->valuestring) >= PRACTICE_NAME_BYTES)
                jv_error(v, ip, "expected a name of 1 to %d characters", PRACTICE_NAME_MAX);
            else str_copy(dst[i], PRACTICE_NAME_BYTES, n->valuestring);
        }
    }
    return v->errors == errors;
}

/* ---- the in-memory log ---- */

bool log_add(PracticeLog *log, const PracticeRecord *r)
{
    if (log->count == log->cap) {
        int cap = log->cap ? log->cap * 2 : 64;
        PracticeRecord *n = realloc(log->rec, (size_t)cap * sizeof *n);
        if (!n) return false;
        log->rec = n;
        log->cap = cap;
    }
    log->rec[log->count++] = *r;
    return true;
}

int log_find(const PracticeLog *log, const char *id)
{
    for (int i = 0; i < log->count; i++)
        if (strcmp(log->rec[i].id, id) == 0) return i;
    return -1;
}

void log_free(PracticeLog *log)
{
    free(log->rec);
    log->rec = NULL;
    log->count = log->cap = 0;
}
