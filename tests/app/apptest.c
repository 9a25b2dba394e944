#include "apptest.h"

#include "attune/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char *at_attune;
const char *at_source;

void at_init(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s ATTUNE_BINARY SOURCE_DIR\n", argv[0]);
        exit(2);
    }
    at_attune = argv[1];
    at_source = argv[2];
    setenv("SDL_VIDEODRIVER", getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "dummy", 1);
    setenv("SDL_AUDIODRIVER", getenv("SDL_AUDIODRIVER") ? getenv("SDL_AUDIODRIVER") : "dummy", 1);
}

const char *at_tmpdir(int slot)
{
    static char dirs[8][512];
    const char *base = getenv("TMPDIR");
    snprintf(dirs[slot & 7], sizeof dirs[0], "%s/attune-app-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(dirs[slot & 7])) {
        perror("mkdtemp");
        exit(2);
    }
    return dirs[slot & 7];
}

static int run_shell(const char *cmd)
{
    int st = system(cmd);
    if (st == -1) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void script_command(const char *dir, const char *name, const char *data,
                           const char *script, const char *args, char *cmd, size_t n)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s.script", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(cmd, n, "false");
        return;
    }
    for (const char *c = script; *c; c++) { /* $D stands for dir */
        if (c[0] == '$' && c[1] == 'D') {
            fputs(dir, f);
            c++;
        } else {
            fputc(*c, f);
        }
    }
    fclose(f);
    char settings[600];
    snprintf(settings, sizeof settings, "%s/settings.json", data);
    struct stat st;
    if (stat(settings, &st) != 0) {
        mkdir(data, 0700); /* the run would make it too */
        at_write_settings(data, "{" AT_INTROS_SEEN "}");
    }
    snprintf(cmd, n, "'%s' --data-dir '%s' --window 800x600 --script '%s' %s 2>'%s/%s.err' >'%s/%s.out'",
             at_attune, data, path, args ? args : "", dir, name, dir, name);
}

int at_run(const char *dir, const char *name, const char *data, const char *script,
           const char *args)
{
    char cmd[2400];
    script_command(dir, name, data, script, args, cmd, sizeof cmd);
    return run_shell(cmd);
}

pid_t at_spawn(const char *dir, const char *name, const char *data, const char *script,
               const char *args)
{
    char cmd[2400], exec_cmd[2500];
    script_command(dir, name, data, script, args, cmd, sizeof cmd);
    snprintf(exec_cmd, sizeof exec_cmd, "exec %s", cmd);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", exec_cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

bool at_wait_for(const char *path, int ms)
{
    struct stat st;
    for (int waited = 0; waited < ms; waited += 10) {
        if (stat(path, &st) == 0 && st.st_size > 0) {
            usleep(20000); /* let the writer finish the file */
            return true;
        }
        usleep(10000);
    }
    return false;
}

int at_run_cli(const char *dir, const char *name, const char *data, const char *args)
{
    char cmd[2400];
    snprintf(cmd, sizeof cmd, "'%s' --data-dir '%s' %s 2>'%s/%s.err' >'%s/%s.out' </dev/null",
             at_attune, data, args, dir, name, dir, name);
    return run_shell(cmd);
}

void at_write_settings(const char *dir, const char *json)
{
    char path[600];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fprintf(f, "%s\n", json);
        fclose(f);
    }
}

void at_checkins_off(const char *dir)
{
    at_write_settings(dir, "{\"checkins\": false, " AT_INTROS_SEEN "}");
}

char *at_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s) s[n] = 0;
    fclose(f);
    return s;
}

static uint32_t le32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

bool at_load_bmp(const char *path, AtImage *img)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n);
    bool ok = b && fread(b, 1, (size_t)n, f) == (size_t)n && n > 54 && b[0] == 'B' && b[1] == 'M';
    fclose(f);
    if (!ok) {
        free(b);
        return false;
    }
    uint32_t off = le32(b + 10);
    int32_t w = (int32_t)le32(b + 18), h = (int32_t)le32(b + 22);
    int bpp = b[28] | b[29] << 8;
    bool top_down = h < 0;
    if (h < 0) h = -h;
    if ((bpp != 24 && bpp != 32) || w <= 0 || h <= 0) {
        free(b);
        return false;
    }
    size_t stride = ((size_t)w * (size_t)(bpp / 8) + 3) & ~(size_t)3;
    if (off + stride * (size_t)h > (size_t)n) {
        free(b);
        return false;
    }
    img->w = w;
    img->h = h;
    img->rgb = malloc((size_t)w * (size_t)h * 3);
    for (int y = 0; y < h; y++) {
        const uint8_t *row = b + off + stride * (size_t)(top_down ? y : h - 1 - y);
        for (int x = 0; x < w; x++) {
            const uint8_t *px = row + (size_t)x * (size_t)(bpp / 8);
            uint8_t *o = img->rgb + ((size_t)y * (size_t)w + (size_t)x) * 3;
            o[0] = px[2]; /* BMP stores BGR(A) */
            o[1] = px[1];
            o[2] = px[0];
        }
    }
    free(b);
    return true;
}

void at_free_image(AtImage *img)
{
    free(img->rgb);
    img->rgb = NULL;
}

cJSON *at_load_texts(const char *path)
{
    char *s = at_read_file(path);
    if (!s) return NULL;
    cJSON *j = cJSON_Parse(s);
    free(s);
    return j;
}

cJSON *at_texts_of(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s.json", dir, name);
    cJSON *t = at_load_texts(path);
    if (!t) fprintf(stderr, "no texts at %s\n", path);
    return t;
}

static bool texts_match(const cJSON *texts, const char *s, bool exact)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(texts, "texts");
    const cJSON *it;
    cJSON_ArrayForEach(it, list) {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (!cJSON_IsString(t)) continue;
        if (exact ? strcmp(t->valuestring, s) == 0 : strstr(t->valuestring, s) != NULL) return true;
    }
    return false;
}

bool at_texts_has(const cJSON *texts, const char *s) { return texts_match(texts, s, true); }
bool at_texts_contains(const cJSON *texts, const char *s) { return texts_match(texts, s, false); }

static int rect_field(const cJSON *e, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, key);
    return cJSON_IsNumber(v) ? v->valueint : 0;
}

AtRect at_rect(const cJSON *entry)
{
    AtRect r = {0, 0, 0, 0};
    if (entry)
        r = (AtRect){rect_field(entry, "x"), rect_field(entry, "y"), rect_field(entry, "w"), rect_field(entry, "h")};
    return r;
}

const char *at_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The first entry whose text matches s (exactly or containing it), a string (buttons false) or
 * a control (buttons true); the last control when several match (the bar is drawn last). */
static const cJSON *entry_match(const cJSON *texts, const char *s, bool exact, bool buttons)
{
    const cJSON *found = NULL, *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(texts, "texts")) {
        const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "text"));
        bool control = cJSON_GetObjectItemCaseSensitive(it, "role") != NULL;
        if (!t || control != buttons) continue;
        if (exact ? strcmp(t, s) != 0 : strstr(t, s) == NULL) continue;
        if (!buttons) return it;
        found = it;
    }
    return found;
}

const cJSON *at_text_entry(const cJSON *texts, const char *s, bool exact)
{
    return entry_match(texts, s, exact, false);
}

const cJSON *at_button(const cJSON *texts, const char *label) { return entry_match(texts, label, true, true); }

bool at_text_rect(const cJSON *texts, const char *s, int *x, int *y, int *w, int *h)
{
    const cJSON *e = at_text_entry(texts, s, true);
    if (!e) return false;
    AtRect r = at_rect(e);
    *x = r.x, *y = r.y, *w = r.w, *h = r.h;
    return true;
}

const char *at_text_starting(const cJSON *texts, const char *prefix)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(texts, "texts")) {
        const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "text"));
        if (t && !strncmp(t, prefix, strlen(prefix))) return t;
    }
    return NULL;
}

/* "who: " before a message, when there is a who. */
static const char *who_of(const char *who, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", who ? who : "", who ? ": " : "");
    return buf;
}

int at_outside(const cJSON *texts, int w, int h, const char *who)
{
    char pre[200];
    int bad = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(texts, "texts")) {
        AtRect r = at_rect(a);
        if (r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h) continue;
        const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "text"));
        fprintf(stderr, "  %s\"%.40s\" (%d,%d %dx%d) leaves the window\n", who_of(who, pre, sizeof pre),
                s ? s : "", r.x, r.y, r.w, r.h);
        bad++;
    }
    return bad;
}

int at_overlaps(const cJSON *texts, int slack_x, int slack_y, const char *who)
{
    char pre[200];
    int bad = 0;
    const cJSON *a, *b;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(texts, "texts")) {
        if (cJSON_GetObjectItemCaseSensitive(a, "role")) continue; /* a control lies under its own label */
        AtRect r = at_rect(a);
        for (b = a->next; b; b = b->next) {
            if (cJSON_GetObjectItemCaseSensitive(b, "role")) continue;
            AtRect q = at_rect(b);
            if (r.x < q.x + q.w - slack_x && q.x < r.x + r.w - slack_x && r.y < q.y + q.h - slack_y &&
                q.y < r.y + r.h - slack_y) {
                const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "text"));
                const char *s2 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "text"));
                fprintf(stderr, "  %s\"%.40s\" (%d,%d %dx%d) overlaps \"%.40s\" (%d,%d %dx%d)\n",
                        who_of(who, pre, sizeof pre), s ? s : "", r.x, r.y, r.w, r.h, s2 ? s2 : "", q.x, q.y,
                        q.w, q.h);
                bad++;
            }
        }
    }
    return bad;
}

int at_parts_equal_whole(const char *dir, const char *setup, const char *args, const int *moments,
                         int n)
{
    size_t cap = strlen(setup) + 64 * 1024, len = 0;
    char *script = malloc(cap);
    if (!script) return -1;
    len += (size_t)snprintf(script, cap, "%s", setup);
    int t = 0;
    for (int i = 0; i < n; i++) {
        for (; t + 16 <= moments[i] && len < cap; t += 16)
            len += (size_t)snprintf(script + len, cap - len, "wait 16\n");
        if (len < cap)
            len += (size_t)snprintf(script + len, cap - len,
                                    "shot $D/part%d.bmp\nkey F2\nshot $D/whole%d.bmp\n", i, i);
    }
    int rc = len < cap ? at_run(dir, "parts", dir, script, args) : -1;
    free(script);
    if (rc != 0) return -1;
    int bad = 0;
    for (int i = 0; i < n; i++) {
        char path[600];
        AtImage part = {0}, whole = {0};
        snprintf(path, sizeof path, "%s/part%d.bmp", dir, i);
        bool ok = at_load_bmp(path, &part);
        snprintf(path, sizeof path, "%s/whole%d.bmp", dir, i);
        ok = at_load_bmp(path, &whole) && ok && part.w == whole.w && part.h == whole.h;
        long differ = 0;
        for (size_t k = 0; ok && k < (size_t)part.w * (size_t)part.h * 3; k++)
            differ += part.rgb[k] != whole.rgb[k];
        if (!ok || differ) {
            printf("at %d ms, %ld bytes differ between the frame drawn in part and whole%s\n",
                   moments[i], differ, ok ? "" : " (a frame is missing)");
            bad++;
        }
        at_free_image(&part);
        at_free_image(&whole);
    }
    return bad;
}

void at_typographic(cJSON *j)
{
    cJSON *e;
    cJSON_ArrayForEach(e, j) {
        if (cJSON_IsString(e) && e->valuestring) {
            size_t n = utf8_typographic(e->valuestring, NULL, 0) + 1;
            char *t = malloc(n);
            if (!t) continue;
            utf8_typographic(e->valuestring, t, n);
            cJSON_SetValuestring(e, t);
            free(t);
        } else {
            at_typographic(e);
        }
    }
}
