/* Dates as pages write them: ISO 8601, numeric and textual forms in English,
 * German, French, Spanish, Italian, Portuguese, Dutch and Polish, RFC 2822,
 * CJK, and dates in URLs. */
#ifndef BYLINE_DATES_H
#define BYLINE_DATES_H
#include <stddef.h>
#include <stdint.h>

typedef struct date_val {
    int16_t year;
    int8_t month, day;
    int8_t hour, minute, second;  /* -1 when not given */
    int16_t tz_minutes;           /* offset east of UTC */
    int8_t has_tz;
} date_val;

/* Parse a whole attribute value (meta content, datetime, JSON-LD string).
 * 1 on success. */
int date_parse(const char *s, size_t n, date_val *out);
/* Find the first date with day, month and year in running text; *at gets
 * its byte offset. 1 when found. */
int date_find(const char *s, size_t n, date_val *out, size_t *at);
/* A date in a URL path: /2019/03/05/, /2019-03-05, /20190305/. */
int date_from_url(const char *url, size_t n, date_val *out);
/* A date written relative to the reader's day ("3 hours ago", "vor 2 Tagen", "il y a un jour", "hace 5
 * horas", "2 giorni fa", "há 3 dias", "1 dag geleden", "yesterday at 5:30 pm"), counted back from
 * crawl, the moment the page was fetched: the day it names, or 0 (always 0 when crawl is NULL). Units
 * up to days only; *at gets its byte offset. */
int date_relative(const char *s, size_t n, const date_val *crawl, date_val *out, size_t *at);
/* Days since a fixed epoch (civil calendar): differences count days. */
long date_day_number(const date_val *d);
/* Plausible for a news page: 1990 .. max_year, valid day of month. */
int date_valid(const date_val *d, int max_year);
/* Move a UTC timestamp to Central European time (CET/CEST, EU summer-time
 * rules): for pages whose language or country says they were published
 * there, the local day is the publication day. */
void date_utc_to_cet(date_val *d);
/* ISO 8601: YYYY-MM-DD, then THH:MM:SS and the offset when known. Returns
 * the length written (at most 26 bytes plus NUL). */
size_t date_format(const date_val *d, char *out, size_t cap);
#endif
