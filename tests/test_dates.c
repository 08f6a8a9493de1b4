/* Dates as pages write them. */
#include "metadata/dates.h"
#include "test_util.h"

static const char *iso(const char *s) {
    static char out[40];
    date_val d;
    if (!date_parse(s, strlen(s), &d)) return "none";
    date_format(&d, out, sizeof out);
    return out;
}

static const char *found(const char *s) {
    static char out[40];
    date_val d;
    size_t at;
    if (!date_find(s, strlen(s), &d, &at)) return "none";
    date_format(&d, out, sizeof out);
    return out;
}

static const char *url(const char *s) {
    static char out[40];
    date_val d;
    if (!date_from_url(s, strlen(s), &d)) return "none";
    date_format(&d, out, sizeof out);
    return out;
}

/* A relative date read against crawl (ISO), "none" when there is none. */
static const char *rel(const char *s, const char *crawl) {
    static char out[40];
    date_val c, d;
    size_t at;
    if (crawl && !date_parse(crawl, strlen(crawl), &c)) return "bad crawl";
    if (!date_relative(s, strlen(s), crawl ? &c : NULL, &d, &at)) return "none";
    date_format(&d, out, sizeof out);
    return out;
}

static void test_spellings(void) {
    /* markup ran the time into the year: the year is still four digits */
    CHECK_STR(found("Updated November 11, 20228:23 PM ET"), "2022-11-11T20:23:00");
    CHECK_STR(found("Mar 27, 20255 mins read"), "2025-03-27");
    CHECK_STR(found("November 11, 21228 people"), "none"); /* 2122 is no year of news */
    /* the month named between the separators */
    CHECK_STR(found("publicado 04-ago-2021 por"), "2021-08-04");
    CHECK_STR(found("12/Mar/2024:10:20"), "2024-03-12");
    CHECK_STR(found("04-xyz-2021"), "none");
    /* a capital after a small letter starts a word */
    CHECK_STR(found("Jane DoeMar 5, 2025"), "2025-03-05");
    CHECK_STR(found("SummaryMarch notes"), "none");
    CHECK_STR(found("ClaMar 5, 2025"), "2025-03-05");
    CHECK_STR(found("clamar 5, 2025"), "none"); /* all small: one word */
}

static void test_relative(void) {
    const char *crawl = "2024-03-05T10:20:00Z";
    CHECK_STR(rel("3 hours ago", NULL), "none"); /* never without a day to count from */
    CHECK_STR(rel("3 hours ago", crawl), "2024-03-05");
    CHECK_STR(rel("By Ann Lee · 11 hours ago", crawl), "2024-03-04"); /* before the crawl's midnight */
    CHECK_STR(rel("2 days ago", crawl), "2024-03-03");
    CHECK_STR(rel("an hour ago", crawl), "2024-03-05");
    CHECK_STR(rel("vor 2 Tagen", crawl), "2024-03-03");
    CHECK_STR(rel("vor einer Stunde", "2024-03-01T00:30:00Z"), "2024-02-29"); /* leap day */
    CHECK_STR(rel("il y a 3 jours", "2024-01-02T08:00:00Z"), "2023-12-30"); /* across the year */
    CHECK_STR(rel("hace 5 horas", crawl), "2024-03-05");
    CHECK_STR(rel("2 giorni fa", crawl), "2024-03-03");
    CHECK_STR(rel("1 dag geleden", crawl), "2024-03-04");
    CHECK_STR(rel("yesterday at 5:30 pm", crawl), "2024-03-04");
    CHECK_STR(rel("we met yesterday", crawl), "none");   /* a day word without a time is prose */
    CHECK_STR(rel("3 weeks ago", crawl), "none");        /* names no day */
    CHECK_STR(rel("3 hours of rain", crawl), "none");    /* no "ago" */
    CHECK_STR(rel("5 hours", "2024-03-05"), "none");
    CHECK_STR(rel("5 hours ago", "2024-03-05"), "2024-03-05"); /* no time of day: the crawl's day */
    /* day numbers count days, and back */
    date_val a, b;
    date_parse("2024-02-28", 10, &a);
    date_parse("2024-03-01", 10, &b);
    CHECK(date_day_number(&b) - date_day_number(&a) == 2);
    date_parse("2023-02-28", 10, &a);
    date_parse("2023-03-01", 10, &b);
    CHECK(date_day_number(&b) - date_day_number(&a) == 1);
}

int main(void) {
    test_spellings();
    test_relative();
    CHECK_STR(iso("2019-03-05"), "2019-03-05");
    CHECK_STR(iso("2019-03-05T10:04:09Z"), "2019-03-05T10:04:09+00:00");
    CHECK_STR(iso("2019-03-05T10:04:09.123+01:00"), "2019-03-05T10:04:09+01:00");
    CHECK_STR(iso("2019-03-05 10:04:09 -0500"), "2019-03-05T10:04:09-05:00");
    CHECK_STR(iso("20190305"), "2019-03-05");
    CHECK_STR(iso("Tue, 05 Mar 2019 10:04:09 GMT"), "2019-03-05T10:04:09+00:00");
    CHECK_STR(iso("March 5, 2019"), "2019-03-05");
    CHECK_STR(iso("Mar. 5th, 2019 at 3:05 pm"), "2019-03-05T15:05:00");
    CHECK_STR(iso("5 March 2019"), "2019-03-05");
    CHECK_STR(iso("05.03.2019, 10:04 Uhr"), "2019-03-05T10:04:00");
    CHECK_STR(iso("5. März 2019"), "2019-03-05");
    CHECK_STR(iso("5 mars 2019 à 10h04"), "2019-03-05T10:04:00");
    CHECK_STR(iso("5 de marzo de 2019"), "2019-03-05");
    CHECK_STR(iso("5 marzo 2019"), "2019-03-05");
    CHECK_STR(iso("5 de março de 2019"), "2019-03-05");
    CHECK_STR(iso("5 maart 2019"), "2019-03-05");
    CHECK_STR(iso("5 marca 2019"), "2019-03-05");
    CHECK_STR(iso("2019年3月5日"), "2019-03-05");
    CHECK_STR(iso("2019년 3월 5일"), "2019-03-05");
    CHECK_STR(iso("03/25/2019"), "2019-03-25"); /* month first when the day part cannot be a month */
    CHECK_STR(iso("25/03/2019"), "2019-03-25");
    CHECK_STR(iso("05.03.19"), "2019-03-05");
    CHECK_STR(found("she wrote on Tuesday (21Aug18), a day later"), "2018-08-21"); /* day, month, year run together */
    CHECK_STR(found("room 21Augustus18 is closed"), "none");
    CHECK_STR(iso("2019-02-29"), "none"); /* not a leap year */
    CHECK_STR(iso("2019-13-01"), "none");
    CHECK_STR(iso("1889-03-05"), "none");
    CHECK_STR(iso("no date here"), "none");
    CHECK_STR(found("Published by the desk two days ago, updated on 21 August 2018 at 10:30."), "2018-08-21T10:30:00");
    CHECK_STR(found("Call 0800 123 4567 or visit us from 9 to 5; since 2004."), "none");
    CHECK_STR(url("https://news.example/2019/03/05/story.html"), "2019-03-05");
    CHECK_STR(url("https://news.example/politics/2019-03-05-vote"), "2019-03-05");
    CHECK_STR(url("https://news.example/a/20190305/story"), "2019-03-05");
    CHECK_STR(url("https://news.example/2019/03/story"), "none"); /* no day */
    CHECK_STR(url("https://2019.example/03/05"), "none");         /* the host is not a date */
    CHECK_STR(url("https://news.example/notes/29-10-2021"), "2021-10-29");     /* day first */
    CHECK_STR(url("https://news.example/notes/10_29_2021/x"), "2021-10-29");   /* month first */
    CHECK_STR(url("https://news.example/notes/05-03-2021"), "none");           /* which is the day? */
    /* UTC to Central European time, summer and winter, across midnight and month ends */
    date_val d;
    char out[40];
    date_parse("2019-10-18T22:04:00Z", 20, &d);
    date_utc_to_cet(&d);
    date_format(&d, out, sizeof out);
    CHECK_STR(out, "2019-10-19T00:04:00+02:00");
    date_parse("2021-11-04T23:00Z", 17, &d);
    date_utc_to_cet(&d);
    date_format(&d, out, sizeof out);
    CHECK_STR(out, "2021-11-05T00:00:00+01:00");
    date_parse("2021-12-31T23:30:00+00:00", 25, &d);
    date_utc_to_cet(&d);
    date_format(&d, out, sizeof out);
    CHECK_STR(out, "2022-01-01T00:30:00+01:00");
    date_parse("2023-11-09T01:09:55-07:00", 25, &d); /* not UTC: converted through UTC */
    date_utc_to_cet(&d);
    date_format(&d, out, sizeof out);
    CHECK_STR(out, "2023-11-09T09:09:55+01:00");
    return test_summary("test_dates");
}
