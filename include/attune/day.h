/* Calendar days as plain integers: the number of days from 1970-01-01 to a local calendar
 * date. Streaks, weeks and the stats calendar are arithmetic on these numbers. A practice's day
 * comes from the local date and time written when it happened, never from UTC, so travelling
 * or a daylight-saving change never moves a past practice to another day. */
#ifndef ATTUNE_DAY_H
#define ATTUNE_DAY_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* "No day": returned for invalid input and used for "never". */
#define DAY_NONE INT_MIN

/* Years accepted by day_parse. */
#define DAY_YEAR_MIN 1900
#define DAY_YEAR_MAX 9999

/* Day number of a proleptic Gregorian date (no validation; see day_valid_ymd). */
int day_from_ymd(int year, int month, int mday);
void day_to_ymd(int day, int *year, int *month, int *mday);
bool day_valid_ymd(int year, int month, int mday);

/* Strict "YYYY-MM-DD" (a real date, DAY_YEAR_MIN..DAY_YEAR_MAX) -> day number, or DAY_NONE. */
int day_parse(const char *date);

/* Strict "HH:MM:SS" (00-23, 00-59, 00-60) -> seconds since midnight, or -1. */
int day_parse_time(const char *time);

/* Writes "YYYY-MM-DD" into out (11 bytes) and returns out. */
char *day_format(int day, char out[11]);

/* 0 = Monday ... 6 = Sunday. */
int day_weekday(int day);

/* "Monday" ... "Sunday" for 0..6 (English, as every word Attune shows; "" out of range). */
const char *day_weekday_name(int weekday);

/* "January" ... "December" for 1..12 ("" out of range). */
const char *day_month_name(int month);

/* The Monday on or before day. */
int day_week_start(int day);

/* The practice day of something that happened at local `date` `time`: its calendar date,
 * or the date before when the time is earlier than day_start_hour (0-23), so a practice at
 * 1 a.m. counts for the evening before with the default hour of 4. DAY_NONE if date or time
 * is malformed. */
int day_of(const char *date, const char *time, int day_start_hour);

/* The practice day at instant t in the current local time zone, by the same rule: what the
 * caller passes as "today". */
int day_now(time_t t, int day_start_hour);

/* An instant with the UTC offset in force where it happened: what a record's local date,
 * time and utc_offset_min name, or "now" on this computer. Only the travel rule of the streaks
 * (streak.h) looks at instants; days are always local. */
typedef struct DayMoment {
    int64_t utc_s;      /* seconds since 1970-01-01 00:00 UTC */
    int utc_offset_min; /* local time = UTC + this */
} DayMoment;

/* The moment named by a local date, time and offset; false if date or time is malformed. */
bool day_moment_of(const char *date, const char *time, int utc_offset_min, DayMoment *out);

/* Instant t with the current local time zone's offset at t. */
DayMoment day_moment_now(time_t t);

/* The practice day of moment m on a clock at offset view_offset_min (its own offset gives the
 * day its record has). */
int day_of_moment(DayMoment m, int view_offset_min, int day_start_hour);

#endif
