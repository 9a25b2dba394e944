/* Reminders that respect the person: the rules, without a clock or a desktop.
 *
 * A plan is times of day, days of the week and quiet hours. `attune reminders on` turns it into
 * a systemd user timer (one OnCalendar= line per time) and a service running `attune remind`
 * with the same plan on its command line, so the unit files are the one place it is kept.
 * When the timer fires, remind_decide says whether to show anything:
 *  - never during quiet hours, nor on a day that is not in the plan;
 *  - never when the person has already practised since the previous reminder time today, or
 *    since the practice day began (day_start_hour) for the first reminder of the day. Any
 *    recorded practice counts, however short: they came back, which is the point.
 * Missed reminders are not caught up (the timer is not Persistent). */
#ifndef ATTUNE_REMIND_H
#define ATTUNE_REMIND_H

#include <stdbool.h>
#include <stddef.h>

#include "attune/store.h"

#define REMIND_MAX_TIMES 8
#define REMIND_ALL_DAYS 0x7Fu /* bit 0 = Monday ... bit 6 = Sunday */
#define REMIND_TIMER_UNIT "attune-reminder.timer"
#define REMIND_SERVICE_UNIT "attune-reminder.service"

typedef struct RemindPlan {
    int times[REMIND_MAX_TIMES]; /* minutes after midnight, ascending, no repeats */
    int ntimes;
    unsigned days;               /* REMIND_ALL_DAYS bits */
    int quiet_from, quiet_to;    /* minutes after midnight; equal (-1) means no quiet hours */
} RemindPlan;

/* 10:00 and 15:00, every day, quiet from 21:00 to 08:00. */
void remind_defaults(RemindPlan *p);

/* "09:00,15:30" (also "9:00", "9"): up to REMIND_MAX_TIMES times, sorted, repeats merged.
 * False with a message in err ("--at: \"25:00\" is not a time of day (HH:MM)"). */
bool remind_parse_times(const char *s, RemindPlan *p, char *err, size_t n);
/* "mon-fri", "sat,sun", "mon,wed-fri", "daily", "weekdays", "weekends" (case-insensitive;
 * three-letter names or whole names). */
bool remind_parse_days(const char *s, RemindPlan *p, char *err, size_t n);
/* "21:00-08:00" (may wrap past midnight), or "none"/"off". */
bool remind_parse_quiet(const char *s, RemindPlan *p, char *err, size_t n);

/* The same forms back: "09:00,15:30"; "mon-fri", "daily", "mon,wed,fri"; "21:00-08:00" or
 * "none". Parsing what they write gives the same plan. */
const char *remind_format_times(const RemindPlan *p, char *buf, size_t n);
const char *remind_format_days(const RemindPlan *p, char *buf, size_t n);
const char *remind_format_quiet(const RemindPlan *p, char *buf, size_t n);
/* For people: "Monday to Friday at 09:00 and 15:30, quiet from 21:00 to 08:00". */
const char *remind_describe(const RemindPlan *p, char *buf, size_t n);

/* True if the minute of the day (0..1439) falls in the quiet hours [from, to). */
bool remind_is_quiet(const RemindPlan *p, int minute);

typedef enum RemindVerdict {
    REMIND_SHOW,
    REMIND_SILENT_QUIET,     /* in quiet hours */
    REMIND_SILENT_DAY,       /* today is not one of the plan's days */
    REMIND_SILENT_PRACTISED, /* practised since the previous reminder (or the day's start) */
} RemindVerdict;

typedef struct RemindNow {
    int day;            /* calendar day number (day.h) of the local date now */
    int minute;         /* local minutes after midnight now */
    int day_start_hour; /* settings: when a practice day begins */
} RemindNow;

/* Whether a reminder at `now` shows, given the practice log. since_day/since_minute (may be
 * NULL) get the start of the window looked at for practice. */
RemindVerdict remind_decide(const RemindPlan *p, const PracticeLog *log, RemindNow now,
                            int *since_day, int *since_minute);

/* The notification's words: a kind question, never about streaks. `seed` picks one of a few
 * bodies (the day number, so it changes from day to day). */
const char *remind_summary(void);
const char *remind_body(int seed);
/* The label of the notification's one action. */
const char *remind_action_label(void);

/* systemd quoting for one ExecStart= word: as is when plain, else in double quotes with \\ and
 * \" escaped; % becomes %% and $ becomes $$ either way. */
const char *remind_unit_quote(const char *word, char *buf, size_t n);

/* The unit files' text. exe: absolute path of attune; data_dir: NULL for the default data
 * folder, else passed to `attune remind` as --data-dir. Returns false if buf is too small. */
bool remind_timer_text(const RemindPlan *p, char *buf, size_t n);
bool remind_service_text(const RemindPlan *p, const char *exe, const char *data_dir, char *buf,
                         size_t n);

/* Reads back the plan and data folder from a service file written by remind_service_text.
 * data_dir gets "" when the default is used. False if the file is not one of ours. */
bool remind_service_parse(const char *text, RemindPlan *p, char *data_dir, size_t n);

#endif
