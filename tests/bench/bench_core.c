/* The core's figures (printed, not asserted, as rows of bench.sh's table): loading and validating 1,000 and 10,000 generated
 * cards, streaks and stats over ten years of practice, and importing 100,000 records. Each
 * figure is the median of a few runs in CPU time of this process (steadier than wall time on a
 * shared machine; the import's waits for the disk are not in it), read beside the targets in
 * the README's benchmark table, never asserted.
 *   bench_core [SCRATCH_DIR [FIGURE]]   (default: $TMPDIR or /tmp; every figure)
 * FIGURE is one of cards (1,000 only), stats or import: bench.sh counts the instructions of one
 * under callgrind, which repeat exactly where CPU time does not. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "attune/content.h"
#include "attune/day.h"
#include "attune/settings.h"
#include "attune/stats.h"
#include "attune/store.h"

#define CARDS_PER_FILE 100 /* DECK_MAX_CARDS: one generated level file holds this many */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* A level file of `n` cards with ids starting at first, as shipped cards are shaped. */
static void write_level(const char *path, int number, int first, int n)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    static const char *const STYLE[4] = {"secure", "anxious", "avoidant", "fearful"};
    static const char *const REL[5] = {"partner", "family", "friend", "work", "self"};
    fprintf(f, "{\"level\": {\"id\": \"gen-%d\", \"number\": %d, \"title\": \"Generated %d\", "
               "\"intro\": \"A generated level for the benchmark.\", \"practices\": "
               "{\"breathing\": [\"box\"], \"grounding\": [\"senses\"]}, \"cards\": [",
            number, number, number);
    for (int c = 0; c < n; c++) {
        fprintf(f, "%s{\"id\": \"card-%d\", \"relationship\": \"%s\", \"area\": \"social\", "
                   "\"themes\": [\"repair\", \"digital\"], \"situation\": \"Card %d: a moment "
                   "from an ordinary week, two or three sentences long, as the shipped ones are. "
                   "Your partner forgot the thing you asked for twice.\", \"responses\": [",
                c ? ", " : "", first + c, REL[c % 5], first + c);
        for (int s = 0; s < 4; s++)
            fprintf(f, "%s{\"style\": \"%s\", \"text\": \"Response %d of card %d, one sentence of "
                       "what you might say or do.\", \"why\": \"What it protects against, and "
                       "what it costs, in a sentence or two.\"}",
                    s ? ", " : "", STYLE[s], s, first + c);
        fprintf(f, "], \"try_saying\": \"A line to practise, warm and concrete.\", "
                   "\"reflect\": \"A question to sit with afterwards?\"}");
    }
    fputs("]}}\n", f);
    fclose(f);
}

/* Loads and validates `total` generated cards spread over level files (each checked as a whole
 * file: parse, validate every card, keep the level). */
static void bench_cards(const char *scratch, int total)
{
    char dir[600], path[700];
    snprintf(dir, sizeof dir, "%s/cards-%d", scratch, total);
    mkdir(dir, 0700);
    int files = (total + CARDS_PER_FILE - 1) / CARDS_PER_FILE;
    for (int i = 0; i < files; i++) {
        snprintf(path, sizeof path, "%s/%03d.json", dir, i);
        int n = total - i * CARDS_PER_FILE < CARDS_PER_FILE ? total - i * CARDS_PER_FILE : CARDS_PER_FILE;
        write_level(path, i % 5 + 1, i * CARDS_PER_FILE, n);
    }
    double t[5];
    int cards = 0, problems = 0;
    for (int run = 0; run < 5; run++) {
        double t0 = now_ms();
        cards = problems = 0;
        for (int i = 0; i < files; i++) {
            /* One Content per file: level numbers repeat across generated files, and the
             * figure is the cost of reading and validating cards. */
            Content c = {0};
            AtDiag d = {0};
            snprintf(path, sizeof path, "%s/%03d.json", dir, i);
            problems += content_load_file(&c, path, CONTENT_AUTHOR, &d);
            for (int l = 0; l < c.nlevels; l++) cards += c.levels[l].ncards;
            content_free(&c);
            diag_free(&d);
        }
        t[run] = now_ms() - t0;
    }
    printf("| load and validate %d generated cards (%d files) | %.1f ms CPU, median of 5 (%d loaded, "
           "%d problems) | %s |\n",
           total, files, median(t, 5), cards, problems, total == 1000 ? "< 20 ms" : "");
}

/* One practice line as the log stores it. */
static int record_line(char *buf, size_t n, unsigned id, const struct tm *day, int minute)
{
    return snprintf(buf, n,
                    "{\"id\":\"b%07x\",\"date\":\"%04d-%02d-%02d\",\"time\":\"%02d:%02d:00\","
                    "\"utc_offset_min\":60,\"kind\":\"breathing\",\"content\":\"box\","
                    "\"duration_ms\":240000,\"completed\":true,\"count\":15,\"before\":6,"
                    "\"after\":3}\n",
                    id, day->tm_year + 1900, day->tm_mon + 1, day->tm_mday, 7 + minute / 60,
                    minute % 60);
}

/* Writes `n` records, one or two a day going back from today, into dir/practice.jsonl. */
static void write_log(const char *dir, int n)
{
    char path[700], line[400];
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/practice.jsonl", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    time_t t = time(NULL);
    for (int i = 0; i < n; i++) {
        /* Two a day going back; past ten years, round again (several a day). */
        time_t at = t - (time_t)((i / 2) % 3650) * 86400;
        struct tm day;
        localtime_r(&at, &day);
        record_line(line, sizeof line, (unsigned)i, &day, i % 600);
        fputs(line, f);
    }
    fclose(f);
}

static void bench_stats(const char *scratch)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/ten-years", scratch);
    int n = 2 * 3650; /* two practices a day for ten years */
    write_log(dir, n);
    Settings s;
    settings_defaults(&s);
    double t[5];
    Stats st;
    int loaded = 0;
    for (int run = 0; run < 5; run++) {
        double t0 = now_ms();
        PracticeLog log = {0};
        LogReport rep;
        log_load(dir, &log, &rep, NULL);
        stats_compute_at(&log, day_moment_now(time(NULL)), &s, &st);
        loaded = log.count;
        log_free(&log);
        t[run] = now_ms() - t0;
    }
    printf("| stats over ten years of practice (%d records: load, streaks, stats) | %.1f ms CPU, median "
           "of 5 | < 50 ms |\n",
           loaded, median(t, 5));
}

static void bench_import(const char *scratch)
{
    char from[600], file[700], to[700];
    snprintf(from, sizeof from, "%s/import-from", scratch);
    snprintf(file, sizeof file, "%s/export.json", scratch);
    int n = 100000;
    write_log(from, n);
    int exported = 0;
    AtDiag d = {0};
    if (!store_export(from, file, &exported, &d)) {
        for (int i = 0; i < d.count; i++) fprintf(stderr, "%s\n", d.msg[i]);
        exit(2);
    }
    diag_free(&d);
    double t[3];
    ImportResult res = {0};
    for (int run = 0; run < 3; run++) {
        snprintf(to, sizeof to, "%s/import-to-%d", scratch, run);
        mkdir(to, 0700);
        double t0 = now_ms();
        AtDiag di = {0};
        store_import(to, file, &res, &di);
        t[run] = now_ms() - t0;
        diag_free(&di);
    }
    printf("| `attune import` of %d records into an empty data folder | %.0f ms CPU, median of 3 | |\n",
           exported, median(t, 3));
}

int main(int argc, char **argv)
{
    const char *base = argc > 1 ? argv[1] : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char scratch[512];
    snprintf(scratch, sizeof scratch, "%s/attune-bench-XXXXXX", base);
    if (!mkdtemp(scratch)) {
        perror("mkdtemp");
        return 2;
    }
    const char *only = argc > 2 ? argv[2] : "";
    bool all = !*only;
    if (all || !strcmp(only, "cards")) bench_cards(scratch, 1000);
    if (all) bench_cards(scratch, 10000);
    if (all || !strcmp(only, "stats")) bench_stats(scratch);
    if (all || !strcmp(only, "import")) bench_import(scratch);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    return system(cmd) == 0 ? 0 : 1;
}
