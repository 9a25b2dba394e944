/* Helpers for the store, streak and crash tests: scratch folders under $TMPDIR, whole-file
 * reads and writes, and compact record builders. */
#ifndef ATTUNE_STORETEST_H
#define ATTUNE_STORETEST_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/store.h"

/* snprintf that must fit (the test stops otherwise). */
#define ST_FMT(buf, n, ...)                                                              \
    do {                                                                                 \
        if (snprintf((buf), (n), __VA_ARGS__) >= (int)(n)) abort();                      \
    } while (0)

/* A fresh empty folder "$TMPDIR/attune-NAME-XXXXXX" (path in buf). */
static inline const char *st_tmpdir(char *buf, size_t n, const char *name)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base) base = "/tmp";
    mkdir(base, 0700);
    ST_FMT(buf, n, "%s/attune-%s-XXXXXX", base, name);
    if (!mkdtemp(buf)) {
        perror(buf);
        exit(2);
    }
    return buf;
}

/* rm -rf path (files we made; chmod'd folders are made writable again first). */
static inline void st_rmrf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            char sub[4096];
            while ((e = readdir(d))) {
                if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
                ST_FMT(sub, sizeof sub, "%s/%s", path, e->d_name);
                st_rmrf(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static inline void st_path(char *buf, size_t n, const char *dir, const char *name)
{
    ST_FMT(buf, n, "%s/%s", dir, name);
}

/* The whole file as a malloc'd string ("" if missing; *len gets the size, may be NULL). */
static inline char *st_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0, cap = 4096;
    char *s = malloc(cap);
    if (f) {
        size_t r;
        while ((r = fread(s + n, 1, cap - n - 1, f)) > 0) {
            n += r;
            if (cap - n < 2) s = realloc(s, cap *= 2);
        }
        fclose(f);
    }
    s[n] = 0;
    if (len) *len = n;
    return s;
}

static inline void st_write(const char *path, const char *data, size_t len, const char *mode)
{
    FILE *f = fopen(path, mode);
    if (!f) {
        perror(path);
        exit(2);
    }
    fwrite(data, 1, len, f);
    fclose(f);
}

static inline bool st_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Files in dir whose names start with prefix. */
static inline int st_count_prefix(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d) return 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) n++;
    closedir(d);
    return n;
}

/* A solo record at a local date/time with a UTC offset; counts (>= 1 minute) unless
 * duration_ms says otherwise. */
static inline PracticeRecord st_rec(const char *date, const char *time, int offset_min,
                                    uint32_t duration_ms, bool completed)
{
    PracticeRecord r;
    memset(&r, 0, sizeof r);
    practice_new_id(r.id);
    snprintf(r.date, sizeof r.date, "%s", date);
    snprintf(r.time, sizeof r.time, "%s", time);
    r.utc_offset_min = offset_min;
    r.kind = PRACTICE_BREATHING;
    snprintf(r.content, sizeof r.content, "box");
    r.duration_ms = duration_ms;
    r.completed = completed;
    r.count = 12;
    r.before = r.after = PRACTICE_NO_RATING;
    return r;
}

#endif
