/* Shared by the fuzz targets (tests/fuzz/fuzz_*.c). Each target defines
 * LLVMFuzzerTestOneInput; it is built twice: with libFuzzer (clang, ATTUNE_FUZZ=ON) to search,
 * and with replay.c in every build to run the seed corpus and the saved crashes as a test.
 *
 * A target feeds its input to one of Attune's loaders exactly as the app would, then checks
 * what the loader promises: it never crashes, a refusal always says why (file and JSON path),
 * what it accepts is in range and safe for the code that uses it next. A broken promise
 * aborts, which libFuzzer reports as a crash with the input saved. */
#ifndef ATTUNE_FUZZ_H
#define ATTUNE_FUZZ_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/diag.h"
#include "attune/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_ASSERT(cond)                                                                  \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* A NUL-terminated copy of the input (caller frees). */
static inline char *fz_text(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) abort();
    if (size) memcpy(s, data, size);
    s[size] = 0;
    return s;
}

static char fz_dir_path[600];

static void fz_remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", path, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) fz_remove_tree(p);
        else unlink(p);
    }
    closedir(d);
    rmdir(path);
}

static void fz_cleanup(void)
{
    if (fz_dir_path[0]) fz_remove_tree(fz_dir_path);
}

/* This process's scratch folder, made on first use and removed at exit: under
 * $ATTUNE_FUZZ_TMP, else /dev/shm (fsync is free there), else $TMPDIR, else /tmp. */
static inline const char *fz_dir(void)
{
    if (fz_dir_path[0]) return fz_dir_path;
    const char *base = getenv("ATTUNE_FUZZ_TMP");
    if (!base || !*base) base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    if (!base || !*base) base = "/tmp";
    snprintf(fz_dir_path, sizeof fz_dir_path, "%s/attune-fuzz-XXXXXX", base);
    if (!mkdtemp(fz_dir_path)) {
        perror(fz_dir_path);
        abort();
    }
    atexit(fz_cleanup);
    return fz_dir_path;
}

/* Empties the scratch folder (loaders may have written, renamed or kept files aside). */
static inline void fz_clean(void)
{
    const char *dir = fz_dir();
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        fz_remove_tree(p);
    }
    closedir(d);
}

/* Writes the input to DIR/name and returns the path (static). */
static inline const char *fz_write(const char *name, const uint8_t *data, size_t size)
{
    static char path[1200];
    snprintf(path, sizeof path, "%s/%s", fz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

/* Every message is one printable line of UTF-8 that starts with `prefix` (the file). */
static inline void fz_check_messages(const AtDiag *d, int from, const char *prefix)
{
    size_t plen = prefix ? strlen(prefix) : 0;
    for (int i = from; i < d->count; i++) {
        const char *m = d->msg[i];
        size_t n = strlen(m);
        if (prefix) FZ_ASSERT(strncmp(m, prefix, plen) == 0);
        FZ_ASSERT(utf8_valid(m, n, NULL));
        for (size_t k = 0; k < n; k++) FZ_ASSERT((unsigned char)m[k] >= 0x20 && m[k] != 0x7F);
    }
}

#endif
