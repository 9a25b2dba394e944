#include "attune/remind.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attune/day.h"

static const char *const DAY_SHORT[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const DAY_LONG[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
static const char *const DAY_UNIT[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

void remind_defaults(RemindPlan *p)
{
    memset(p, 0, sizeof *p);
    p->times[0] = 10 * 60;
    p->times[1] = 15 * 60;
    p->ntimes = 2;
    p->days = REMIND_ALL_DAYS;
    p->quiet_from = 21 * 60;
    p->quiet_to = 8 * 60;
}

/* ---- parsing ---- */

/* Copies the next comma-separated item of *s (spaces trimmed) into buf; false at the end. */
static bool next_item(const char **s, char *buf, size_t n)
{
    const char *p = *s;
    if (!*p) return false;
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    *s = end ? end + 1 : p + len;
    while (len && isspace((unsigned char)*p)) p++, len--;
    while (len && isspace((unsigned char)p[len - 1])) len--;
    if (len >= n) len = n - 1;
    memcpy(buf, p, len);
    buf[len] = 0;
    return true;
}

/* "9", "09", "9:30", "09:30" -> minutes after midnight, or -1. */
static int parse_clock(const char *s)
{
    int h = 0, m = 0, digits = 0;
    while (isdigit((unsigned char)*s) && digits < 3) h = h * 10 + (*s++ - '0'), digits++;
    if (digits == 0 || digits > 2) return -1;
    if (*s == ':') {
        s++;
        if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1])) return -1;
        m = (s[0] - '0') * 10 + (s[1] - '0');
        s += 2;
    }
    if (*s || h > 23 || m > 59) return -1;
    return h * 60 + m;
}

bool remind_parse_times(const char *s, RemindPlan *p, char *err, size_t n)
{
    RemindPlan q = *p;
    q.ntimes = 0;
    char item[32];
    while (next_item(&s, item, sizeof item)) {
        int t = parse_clock(item);
        if (t < 0) {
            snprintf(err, n, "--at: \"%s\" is not a time of day (HH:MM, e.g. 09:30)", item);
            return false;
        }
        int i = 0;
        while (i < q.ntimes && q.times[i] < t) i++;
        if (i < q.ntimes && q.times[i] == t) continue;
        if (q.ntimes == REMIND_MAX_TIMES) {
            snprintf(err, n, "--at: at most %d times a day", REMIND_MAX_TIMES);
            return false;
        }
        memmove(&q.times[i + 1], &q.times[i], (size_t)(q.ntimes - i) * sizeof q.times[0]);
        q.times[i] = t;
        q.ntimes++;
    }
    if (q.ntimes == 0) {
        snprintf(err, n, "--at needs at least one time of day, e.g. --at 09:00,15:00");
        return false;
    }
    *p = q;
    return true;
}

static int day_index(const char *s)
{
    for (int i = 0; i < 7; i++)
        if (!strcasecmp(s, DAY_SHORT[i]) || !strcasecmp(s, DAY_LONG[i])) return i;
    return -1;
}

bool remind_parse_days(const char *s, RemindPlan *p, char *err, size_t n)
{
    unsigned days = 0;
    char item[40];
    while (next_item(&s, item, sizeof item)) {
        if (!strcasecmp(item, "daily") || !strcasecmp(item, "all") || !strcasecmp(item, "every day")) {
            days |= REMIND_ALL_DAYS;
            continue;
        }
        if (!strcasecmp(item, "weekdays")) {
            days |= 0x1Fu;
            continue;
        }
        if (!strcasecmp(item, "weekends") || !strcasecmp(item, "weekend")) {
            days |= 0x60u;
            continue;
        }
        char *dash = strchr(item, '-');
        if (dash) *dash = 0;
        int a = day_index(item), b = dash ? day_index(dash + 1) : a;
        if (a < 0 || b < 0) {
            if (dash) *dash = '-';
            snprintf(err, n, "--days: \"%s\" is not a day or a range of days (e.g. mon-fri, sat,sun, daily)", item);
            return false;
        }
        for (int d = a;; d = (d + 1) % 7) { /* fri-mon wraps over the weekend */
            days |= 1u << d;
            if (d == b) break;
        }
    }
    if (!days) {
        snprintf(err, n, "--days needs at least one day, e.g. --days mon-fri");
        return false;
    }
    p->days = days;
    return true;
}

bool remind_parse_quiet(const char *s, RemindPlan *p, char *err, size_t n)
{
    if (!strcasecmp(s, "none") || !strcasecmp(s, "off")) {
        p->quiet_from = p->quiet_to = -1;
        return true;
    }
    char a[16], b[16];
    const char *dash = strchr(s, '-');
    size_t la = dash ? (size_t)(dash - s) : 0;
    if (!dash || la >= sizeof a || strlen(dash + 1) >= sizeof b) {
        snprintf(err, n, "--quiet: \"%s\" is not a span of time (e.g. 21:00-08:00, or none)", s);
        return false;
    }
    memcpy(a, s, la);
    a[la] = 0;
    snprintf(b, sizeof b, "%s", dash + 1);
    int from = parse_clock(a), to = parse_clock(b);
    if (from < 0 || to < 0) {
        snprintf(err, n, "--quiet: \"%s\" is not a span of time (e.g. 21:00-08:00, or none)", s);
        return false;
    }
    if (from == to) from = to = -1; /* an empty span: no quiet hours */
    p->quiet_from = from;
    p->quiet_to = to;
    return true;
}

/* ---- formatting ---- */

static void fmt_clock(char *buf, size_t n, int m)
{
    snprintf(buf, n, "%02u:%02u", (unsigned)m / 60u % 24u, (unsigned)m % 60u);
}

/* Appends to buf (n bytes) what fmt gives. */
static void cat(char *buf, size_t n, const char *fmt, const char *s)
{
    size_t len = strlen(buf);
    if (len < n) snprintf(buf + len, n - len, fmt, s);
}

const char *remind_format_times(const RemindPlan *p, char *buf, size_t n)
{
    buf[0] = 0;
    for (int i = 0; i < p->ntimes; i++) {
        char c[8];
        fmt_clock(c, sizeof c, p->times[i]);
        cat(buf, n, i ? ",%s" : "%s", c);
    }
    return buf;
}

/* Runs of consecutive days (Monday to Sunday, no wrapping): calls emit for each. */
typedef void (*RunFn)(char *buf, size_t n, int first, int last, bool more, void *ud);

static void each_run(unsigned days, char *buf, size_t n, RunFn fn, void *ud)
{
    int runs[7][2], nr = 0;
    for (int d = 0; d < 7; d++) {
        if (!(days & (1u << d))) continue;
        if (nr && runs[nr - 1][1] == d - 1) runs[nr - 1][1] = d;
        else runs[nr][0] = runs[nr][1] = d, nr++;
    }
    for (int i = 0; i < nr; i++) fn(buf, n, runs[i][0], runs[i][1], i + 1 < nr, ud);
}

static void run_short(char *buf, size_t n, int a, int b, bool more, void *ud)
{
    const char *sep = ud; /* "-" for --days, ".." for OnCalendar */
    const char *const *names = !strcmp(sep, "-") ? DAY_SHORT : DAY_UNIT;
    cat(buf, n, "%s", names[a]);
    if (b == a + 1) cat(buf, n, ",%s", names[b]);
    else if (b > a) {
        cat(buf, n, "%s", sep);
        cat(buf, n, "%s", names[b]);
    }
    if (more) cat(buf, n, "%s", ",");
}

const char *remind_format_days(const RemindPlan *p, char *buf, size_t n)
{
    buf[0] = 0;
    if ((p->days & REMIND_ALL_DAYS) == REMIND_ALL_DAYS) {
        snprintf(buf, n, "daily");
        return buf;
    }
    each_run(p->days & REMIND_ALL_DAYS, buf, n, run_short, "-");
    return buf;
}

const char *remind_format_quiet(const RemindPlan *p, char *buf, size_t n)
{
    if (p->quiet_from < 0 || p->quiet_from == p->quiet_to) {
        snprintf(buf, n, "none");
        return buf;
    }
    char a[8], b[8];
    fmt_clock(a, sizeof a, p->quiet_from);
    fmt_clock(b, sizeof b, p->quiet_to);
    snprintf(buf, n, "%s-%s", a, b);
    return buf;
}

/* "a, b and c" over n words given by name(i). */
static void list_words(char *buf, size_t n, int count, const char *(*name)(int, char *, void *),
                       void *ud)
{
    for (int i = 0; i < count; i++) {
        char w[32];
        cat(buf, n, "%s", i == 0 ? "" : i == count - 1 ? " and " : ", ");
        cat(buf, n, "%s", name(i, w, ud));
    }
}

static const char *time_word(int i, char *w, void *ud)
{
    fmt_clock(w, 32, ((const RemindPlan *)ud)->times[i]);
    return w;
}

static const char *day_word(int i, char *w, void *ud)
{
    const int *list = ud;
    snprintf(w, 32, "%s", DAY_LONG[list[i]]);
    return w;
}

const char *remind_describe(const RemindPlan *p, char *buf, size_t n)
{
    buf[0] = 0;
    unsigned days = p->days & REMIND_ALL_DAYS;
    if (days == REMIND_ALL_DAYS) cat(buf, n, "%s", "Every day");
    else if (days == 0x1Fu) cat(buf, n, "%s", "Monday to Friday");
    else if (days == 0x60u) cat(buf, n, "%s", "Saturday and Sunday");
    else {
        int list[7], k = 0;
        for (int d = 0; d < 7; d++)
            if (days & (1u << d)) list[k++] = d;
        list_words(buf, n, k, day_word, list);
    }
    cat(buf, n, "%s", " at ");
    list_words(buf, n, p->ntimes, time_word, (void *)p);
    if (p->quiet_from >= 0 && p->quiet_from != p->quiet_to) {
        char a[8], b[8];
        fmt_clock(a, sizeof a, p->quiet_from);
        fmt_clock(b, sizeof b, p->quiet_to);
        cat(buf, n, ", quiet from %s", a);
        cat(buf, n, " to %s", b);
    }
    return buf;
}

/* ---- the decision ---- */

bool remind_is_quiet(const RemindPlan *p, int minute)
{
    if (p->quiet_from < 0 || p->quiet_from == p->quiet_to) return false;
    if (p->quiet_from < p->quiet_to) return minute >= p->quiet_from && minute < p->quiet_to;
    return minute >= p->quiet_from || minute < p->quiet_to; /* across midnight */
}

/* (day, minute) pairs in order. */
static bool before(int d1, int m1, int d2, int m2) { return d1 < d2 || (d1 == d2 && m1 < m2); }

RemindVerdict remind_decide(const RemindPlan *p, const PracticeLog *log, RemindNow now,
                            int *since_day, int *since_minute)
{
    /* The window: since the reminder time before the latest one due, but never before the
     * practice day began. */
    int dsh = now.day_start_hour * 60;
    int start_day = now.minute >= dsh ? now.day : now.day - 1, start_min = dsh;
    int due = 0;
    for (int i = 0; i < p->ntimes; i++)
        if (p->times[i] <= now.minute) due++;
    if (due >= 2 && before(start_day, start_min, now.day, p->times[due - 2])) {
        start_day = now.day;
        start_min = p->times[due - 2];
    }
    if (since_day) *since_day = start_day;
    if (since_minute) *since_minute = start_min;

    if (remind_is_quiet(p, now.minute)) return REMIND_SILENT_QUIET;
    if (!(p->days & (1u << day_weekday(now.day)))) return REMIND_SILENT_DAY;
    for (int i = 0; log && i < log->count; i++) {
        const PracticeRecord *r = &log->rec[i];
        int d = day_parse(r->date), s = day_parse_time(r->time);
        if (d == DAY_NONE || s < 0) continue;
        int m = s / 60;
        if (!before(d, m, start_day, start_min) && !before(now.day, now.minute, d, m))
            return REMIND_SILENT_PRACTISED;
    }
    return REMIND_SHOW;
}

/* ---- words ---- */

const char *remind_summary(void) { return "A minute to breathe?"; }

const char *remind_body(int seed)
{
    static const char *const BODIES[] = {
        "One slow minute, whenever you're ready.",
        "A short pause for your breath, if it would help.",
        "Your breath is here whenever you want it.",
    };
    int n = (int)(sizeof BODIES / sizeof BODIES[0]);
    return BODIES[((seed % n) + n) % n];
}

const char *remind_action_label(void) { return "Breathe now"; }

/* ---- unit files ---- */

const char *remind_unit_quote(const char *word, char *buf, size_t n)
{
    bool plain = *word != 0;
    for (const char *c = word; *c; c++)
        if (isspace((unsigned char)*c) || *c == '"' || *c == '\'' || *c == '\\' || *c == ';' ||
            (unsigned char)*c < 0x20)
            plain = false;
    size_t o = 0;
    if (n == 0) return buf;
#define PUT(ch) do { if (o + 1 < n) buf[o++] = (ch); } while (0)
    if (!plain) PUT('"');
    for (const char *c = word; *c; c++) {
        if (*c == '%' || *c == '$') PUT(*c);
        else if (!plain && (*c == '"' || *c == '\\')) PUT('\\');
        PUT(*c);
    }
    if (!plain) PUT('"');
#undef PUT
    buf[o] = 0;
    return buf;
}

static bool appendf(char *buf, size_t n, size_t *o, const char *s)
{
    size_t len = strlen(s);
    if (*o + len + 1 > n) return false;
    memcpy(buf + *o, s, len + 1);
    *o += len;
    return true;
}

static const char HEADER[] =
    "# Written by `attune reminders on`: a gentle reminder to practise, at the times you chose.\n"
    "# `attune reminders off` removes it; `attune reminders on` with other times rewrites it.\n";

bool remind_timer_text(const RemindPlan *p, char *buf, size_t n)
{
    size_t o = 0;
    bool ok = appendf(buf, n, &o, HEADER) &&
              appendf(buf, n, &o, "[Unit]\nDescription=Attune: a gentle reminder to practise\n\n"
                                  "[Timer]\n");
    char days[64] = "";
    if ((p->days & REMIND_ALL_DAYS) != REMIND_ALL_DAYS) {
        each_run(p->days & REMIND_ALL_DAYS, days, sizeof days, run_short, "..");
        cat(days, sizeof days, "%s", " ");
    }
    for (int i = 0; ok && i < p->ntimes; i++) {
        char line[128];
        char c[8];
        fmt_clock(c, sizeof c, p->times[i]);
        snprintf(line, sizeof line, "OnCalendar=%s*-*-* %s:00\n", days, c);
        ok = appendf(buf, n, &o, line);
    }
    /* Missed reminders are not caught up (Persistent=false), and none is sent at once when
     * the timer starts. */
    return ok && appendf(buf, n, &o, "AccuracySec=1min\nPersistent=false\n\n"
                                     "[Install]\nWantedBy=timers.target\n");
}

bool remind_service_text(const RemindPlan *p, const char *exe, const char *data_dir, char *buf,
                         size_t n)
{
    size_t o = 0;
    char q[2200], times[64], days[64], quiet[16];
    bool ok = appendf(buf, n, &o, HEADER) &&
              appendf(buf, n, &o, "[Unit]\nDescription=Attune: a gentle reminder to practise\n\n"
                                  "[Service]\nType=oneshot\n"
                                  /* The window "Breathe now" opens outlives `attune remind`. */
                                  "KillMode=process\n"
                                  "ExecStart=") &&
              appendf(buf, n, &o, remind_unit_quote(exe, q, sizeof q)) &&
              appendf(buf, n, &o, " remind --at ") &&
              appendf(buf, n, &o, remind_format_times(p, times, sizeof times)) &&
              appendf(buf, n, &o, " --days ") &&
              appendf(buf, n, &o, remind_format_days(p, days, sizeof days)) &&
              appendf(buf, n, &o, " --quiet ") &&
              appendf(buf, n, &o, remind_format_quiet(p, quiet, sizeof quiet));
    if (ok && data_dir && *data_dir)
        ok = appendf(buf, n, &o, " --data-dir ") &&
             appendf(buf, n, &o, remind_unit_quote(data_dir, q, sizeof q));
    return ok && appendf(buf, n, &o, "\n");
}

/* The next word of an ExecStart= line, undoing remind_unit_quote. */
static bool next_word(const char **s, char *out, size_t n)
{
    const char *c = *s;
    while (*c == ' ' || *c == '\t') c++;
    if (!*c || *c == '\n') return false;
    size_t o = 0;
    bool quoted = *c == '"';
    if (quoted) c++;
    while (*c && *c != '\n' && (quoted ? *c != '"' : (*c != ' ' && *c != '\t'))) {
        if (quoted && *c == '\\' && c[1]) c++;
        else if ((*c == '%' || *c == '$') && c[1] == *c) c++;
        if (o + 1 < n) out[o++] = *c;
        c++;
    }
    if (quoted && *c == '"') c++;
    out[o] = 0;
    *s = c;
    return true;
}

bool remind_service_parse(const char *text, RemindPlan *p, char *data_dir, size_t n)
{
    const char *line = strstr(text, "\nExecStart=");
    if (!line) return false;
    const char *c = line + strlen("\nExecStart=");
    char w[2200], err[200];
    if (!next_word(&c, w, sizeof w) || !next_word(&c, w, sizeof w) || strcmp(w, "remind"))
        return false;
    remind_defaults(p);
    if (n) data_dir[0] = 0;
    while (next_word(&c, w, sizeof w)) {
        char v[2200];
        if (!next_word(&c, v, sizeof v)) return false;
        bool ok = true;
        if (!strcmp(w, "--at")) ok = remind_parse_times(v, p, err, sizeof err);
        else if (!strcmp(w, "--days")) ok = remind_parse_days(v, p, err, sizeof err);
        else if (!strcmp(w, "--quiet")) ok = remind_parse_quiet(v, p, err, sizeof err);
        else if (!strcmp(w, "--data-dir")) snprintf(data_dir, n, "%s", v);
        else ok = false;
        if (!ok) return false;
    }
    return true;
}
