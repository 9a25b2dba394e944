#include "attune/day.h"

#include <stdio.h>
#include <string.h>

/* Civil-date <-> day-number conversions after Howard Hinnant's public-domain algorithms:
 * exact for every Gregorian date, leap years included, without tables or time zones. */
int day_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void day_to_ymd(int z, int *year, int *month, int *mday)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    *year = y + (m <= 2);
    *month = m;
    *mday = d;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool day_valid_ymd(int y, int m, int d)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < DAY_YEAR_MIN || y > DAY_YEAR_MAX || m < 1 || m > 12 || d < 1) return false;
    return d <= len[m - 1] + (m == 2 && leap(y));
}

/* Reads exactly n ASCII digits. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int day_parse(const char *s)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return DAY_NONE;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d)) return DAY_NONE;
    if (!day_valid_ymd(y, m, d)) return DAY_NONE;
    return day_from_ymd(y, m, d);
}

int day_parse_time(const char *s)
{
    int h, m, sec;
    if (!s || strlen(s) != 8 || s[2] != ':' || s[5] != ':') return -1;
    if (!digits(s, 2, &h) || !digits(s + 3, 2, &m) || !digits(s + 6, 2, &sec)) return -1;
    if (h > 23 || m > 59 || sec > 60) return -1;
    return h * 3600 + m * 60 + sec;
}

char *day_format(int day, char out[11])
{
    int y, m, d;
    day_to_ymd(day, &y, &m, &d);
    if (y < 0 || y > 9999) y = 0; /* keeps the text 10 characters */
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    memcpy(out, tmp, 10);
    out[10] = 0;
    return out;
}

int day_weekday(int day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (day % 7 + 7 + 3) % 7;
    return w;
}

int day_week_start(int day) { return day - day_weekday(day); }

int day_of(const char *date, const char *time, int day_start_hour)
{
    int day = day_parse(date);
    int secs = day_parse_time(time);
    if (day == DAY_NONE || secs < 0) return DAY_NONE;
    if (day_start_hour > 0 && secs < day_start_hour * 3600) day--;
    return day;
}

int day_now(time_t t, int day_start_hour)
{
    struct tm tm;
    if (!localtime_r(&t, &tm)) return DAY_NONE;
    int day = day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    if (tm.tm_hour < day_start_hour) day--;
    return day;
}

bool day_moment_of(const char *date, const char *time, int utc_offset_min, DayMoment *out)
{
    int day = day_parse(date), secs = day_parse_time(time);
    if (day == DAY_NONE || secs < 0) return false;
    out->utc_s = (int64_t)day * 86400 + secs - (int64_t)utc_offset_min * 60;
    out->utc_offset_min = utc_offset_min;
    return true;
}

DayMoment day_moment_now(time_t t)
{
    struct tm tm;
    DayMoment m = {(int64_t)t, 0};
    if (localtime_r(&t, &tm)) m.utc_offset_min = (int)(tm.tm_gmtoff / 60);
    return m;
}

int day_of_moment(DayMoment m, int view_offset_min, int day_start_hour)
{
    int64_t local = m.utc_s + (int64_t)view_offset_min * 60;
    int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    int64_t secs = local - day * 86400;
    if (day_start_hour > 0 && secs < (int64_t)day_start_hour * 3600) day--;
    return (int)day;
}

const char *day_weekday_name(int weekday)
{
    static const char *const NAME[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    return weekday >= 0 && weekday < 7 ? NAME[weekday] : "";
}

const char *day_month_name(int month)
{
    static const char *const NAME[12] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? NAME[month - 1] : "";
}
