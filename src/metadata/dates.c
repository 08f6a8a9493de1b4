/* Dates as pages write them (the parsers), and the choice of the publication and modification
 * dates among what a page offers (the end of the file). */
#include "metadata.h"
#include "fields.h"
#include <strings.h>
#include <string.h>

typedef struct { const char *name; uint8_t len, month; } month_name;
#define M(s, m) {s, sizeof s - 1, m}

/* Lower-case month names and abbreviations (an abbreviation may carry a dot). */
static const month_name MONTHS[] = {
    /* English */
    M("january", 1), M("february", 2), M("march", 3), M("april", 4), M("may", 5), M("june", 6), M("july", 7),
    M("august", 8), M("september", 9), M("october", 10), M("november", 11), M("december", 12),
    M("jan", 1), M("feb", 2), M("mar", 3), M("apr", 4), M("jun", 6), M("jul", 7), M("aug", 8), M("sep", 9),
    M("sept", 9), M("oct", 10), M("nov", 11), M("dec", 12),
    /* German */
    M("januar", 1), M("jänner", 1), M("februar", 2), M("märz", 3), M("maerz", 3), M("mär", 3), M("mai", 5),
    M("juni", 6), M("juli", 7), M("oktober", 10), M("okt", 10), M("dezember", 12), M("dez", 12),
    /* French */
    M("janvier", 1), M("janv", 1), M("février", 2), M("fevrier", 2), M("févr", 2), M("mars", 3), M("avril", 4),
    M("avr", 4), M("juin", 6), M("juillet", 7), M("juil", 7), M("août", 8), M("aout", 8), M("septembre", 9),
    M("octobre", 10), M("novembre", 11), M("décembre", 12), M("decembre", 12), M("déc", 12),
    /* Spanish */
    M("enero", 1), M("ene", 1), M("febrero", 2), M("marzo", 3), M("abril", 4), M("abr", 4), M("mayo", 5),
    M("junio", 6), M("julio", 7), M("agosto", 8), M("ago", 8), M("septiembre", 9), M("setiembre", 9),
    M("octubre", 10), M("noviembre", 11), M("diciembre", 12), M("dic", 12),
    /* Italian */
    M("gennaio", 1), M("gen", 1), M("febbraio", 2), M("aprile", 4), M("maggio", 5), M("mag", 5), M("giugno", 6),
    M("giu", 6), M("luglio", 7), M("lug", 7), M("settembre", 9), M("set", 9), M("ottobre", 10), M("ott", 10),
    M("dicembre", 12),
    /* Portuguese */
    M("janeiro", 1), M("fevereiro", 2), M("fev", 2), M("março", 3), M("marco", 3), M("maio", 5), M("junho", 6),
    M("julho", 7), M("setembro", 9), M("outubro", 10), M("out", 10), M("novembro", 11), M("dezembro", 12),
    /* Dutch */
    M("januari", 1), M("februari", 2), M("maart", 3), M("mrt", 3), M("mei", 5), M("augustus", 8),
    /* Polish (genitive, as dates write them) */
    M("stycznia", 1), M("lutego", 2), M("marca", 3), M("kwietnia", 4), M("maja", 5), M("czerwca", 6),
    M("lipca", 7), M("sierpnia", 8), M("września", 9), M("października", 10), M("listopada", 11),
    M("grudnia", 12),
};

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha_byte(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; }

/* Read up to max digits at s[*i]; exactly-between min and max; no digit after. */
static int read_num(const char *s, size_t n, size_t *i, int min, int max, int *out) {
    size_t j = *i;
    int v = 0, k = 0;
    while (j < n && is_digit((unsigned char)s[j]) && k < max) v = v * 10 + (s[j++] - '0'), k++;
    if (k < min || (j < n && is_digit((unsigned char)s[j]))) return 0;
    *i = j;
    *out = v;
    return 1;
}

/* The month named by the word at s[*i] (lower-cased compare), or 0. */
static int read_month(const char *s, size_t n, size_t *i) {
    size_t j = *i;
    char w[24];
    size_t wl = 0;
    while (j < n && is_alpha_byte((unsigned char)s[j]) && wl < sizeof w) {
        unsigned char c = (unsigned char)s[j++];
        w[wl++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    if (!wl || wl == sizeof w) return 0;
    /* upper-case UTF-8 letters of the table's languages: Ä É Û Ç ... */
    for (size_t k = 0; k + 1 < wl; k++)
        if ((unsigned char)w[k] == 0xC3 && (unsigned char)w[k + 1] >= 0x80 && (unsigned char)w[k + 1] <= 0x9E)
            w[k + 1] = (char)((unsigned char)w[k + 1] + 0x20);
    for (size_t m = 0; m < sizeof MONTHS / sizeof *MONTHS; m++)
        if (MONTHS[m].len == wl && !memcmp(MONTHS[m].name, w, wl)) {
            if (j < n && s[j] == '.') j++;
            *i = j;
            return MONTHS[m].month;
        }
    return 0;
}

/* The year of a date that names its month: four digits, also where markup ran the next number into
 * them ("November 11, 20228:23 PM", "Mar 27, 20255 mins"): a year of news then. */
static int read_year(const char *s, size_t n, size_t *i, int *out) {
    if (read_num(s, n, i, 4, 4, out)) return 1;
    size_t j = *i;
    int v = 0;
    for (int k = 0; k < 4; k++, j++) {
        if (j >= n || !is_digit((unsigned char)s[j])) return 0;
        v = v * 10 + (s[j] - '0');
    }
    if (v < 1990 || v > 2100) return 0;
    *i = j, *out = v;
    return 1;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    /* no-break space */
    while (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
        i += 2;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    }
    return i;
}

static int year4(int y) { return y >= 1000 ? y : -1; }

/* Optional time and zone after a date: "T10:05", " 10:05:33", ", 10.05 Uhr",
 * " um 10:05", " at 3:05 pm", "+02:00", "Z", " GMT". */
static void read_time(const char *s, size_t n, size_t *pi, date_val *d) {
    size_t i = *pi, j = i;
    if (j < n && (s[j] == 'T' || s[j] == 't')) j++;
    else {
        while (j < n && (s[j] == ',' || s[j] == ' ' || s[j] == '-' || s[j] == '|' || s[j] == '\t')) j++;
        static const char *const WORDS[] = {"um ", "at ", "à ", "a las ", "alle ", "às ", "om ", "o "};
        for (size_t k = 0; k < sizeof WORDS / sizeof *WORDS; k++) {
            size_t l = strlen(WORDS[k]);
            if (j + l <= n && !memcmp(s + j, WORDS[k], l)) { j += l; break; }
        }
        if (j - i > 8) return;
    }
    int h, mi, se = -1;
    if (!read_num(s, n, &j, 1, 2, &h) || j >= n || (s[j] != ':' && s[j] != '.' && s[j] != 'h')) return;
    j++;
    if (!read_num(s, n, &j, 2, 2, &mi)) return;
    if (j < n && s[j] == ':') {
        size_t k = j + 1;
        if (read_num(s, n, &k, 2, 2, &se)) j = k;
        if (j < n && (s[j] == '.' || s[j] == ',')) {
            j++;
            while (j < n && is_digit((unsigned char)s[j])) j++;
        }
    }
    size_t k = skip_spaces(s, n, j);
    if (k + 1 < n && (s[k] | 0x20) == 'p' && (s[k + 1] | 0x20) == 'm') { if (h < 12) h += 12; j = k + 2; }
    else if (k + 1 < n && (s[k] | 0x20) == 'a' && (s[k + 1] | 0x20) == 'm') { if (h == 12) h = 0; j = k + 2; }
    if (h > 23 || mi > 59 || se > 59) return;
    d->hour = (int8_t)h, d->minute = (int8_t)mi, d->second = (int8_t)(se < 0 ? 0 : se);
    /* zone */
    k = j;
    if (k < n && s[k] == ' ') k++;
    if (k < n && s[k] == 'Z') {
        d->has_tz = 1, d->tz_minutes = 0, j = k + 1;
    } else if (k < n && (s[k] == '+' || s[k] == '-')) {
        int sign = s[k] == '-' ? -1 : 1, zh = 0, zm = 0, ok = 0;
        size_t z = k + 1;
        if (read_num(s, n, &z, 4, 4, &zh)) {
            zm = zh % 100, zh /= 100, ok = 1;
        } else if ((z = k + 1, read_num(s, n, &z, 2, 2, &zh))) {
            ok = 1;
            size_t z2 = z + 1;
            if (z < n && s[z] == ':' && read_num(s, n, &z2, 2, 2, &zm)) z = z2;
        }
        if (ok && zh <= 14 && zm < 60) {
            d->has_tz = 1, d->tz_minutes = (int16_t)(sign * (zh * 60 + zm));
            j = z;
        }
    } else if (k + 3 <= n && (!memcmp(s + k, "GMT", 3) || !memcmp(s + k, "UTC", 3))) {
        d->has_tz = 1, d->tz_minutes = 0, j = k + 3;
    }
    *pi = j;
}

static void init(date_val *d) {
    memset(d, 0, sizeof *d);
    d->hour = d->minute = d->second = -1;
}

/* One date starting exactly at s[i]; *end gets where it stops. */
static int date_at(const char *s, size_t n, size_t i, date_val *d, size_t *end) {
    init(d);
    size_t j = i;
    int a, b, c, mon;
    unsigned char ch = (unsigned char)s[i];
    if (is_digit(ch)) {
        if (read_num(s, n, &j, 4, 4, &a)) {
            /* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日 */
            if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
                char sep = s[j++];
                if (read_num(s, n, &j, 1, 2, &b) && j < n && s[j] == sep && (j++, read_num(s, n, &j, 1, 2, &c))) {
                    d->year = (int16_t)a, d->month = (int8_t)b, d->day = (int8_t)c;
                    read_time(s, n, &j, d);
                    *end = j;
                    return 1;
                }
                return 0;
            }
            if (j + 3 <= n && !memcmp(s + j, "年", 3)) {
                j += 3;
                if (read_num(s, n, &j, 1, 2, &b) && j + 3 <= n && !memcmp(s + j, "月", 3) && (j += 3, 1) &&
                    read_num(s, n, &j, 1, 2, &c) && j + 3 <= n && (!memcmp(s + j, "日", 3))) {
                    d->year = (int16_t)a, d->month = (int8_t)b, d->day = (int8_t)c;
                    j += 3;
                    read_time(s, n, &j, d);
                    *end = j;
                    return 1;
                }
                return 0;
            }
            /* Korean: 2019년 3월 5일 */
            if (j + 3 <= n && !memcmp(s + j, "년", 3)) {
                j = skip_spaces(s, n, j + 3);
                if (read_num(s, n, &j, 1, 2, &b) && j + 3 <= n && !memcmp(s + j, "월", 3) &&
                    (j = skip_spaces(s, n, j + 3), read_num(s, n, &j, 1, 2, &c)) && j + 3 <= n &&
                    !memcmp(s + j, "일", 3)) {
                    d->year = (int16_t)a, d->month = (int8_t)b, d->day = (int8_t)c;
                    *end = j + 3;
                    return 1;
                }
            }
            return 0;
        }
        j = i;
        if (!read_num(s, n, &j, 1, 2, &a)) return 0;
        /* DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY (MM/DD/YYYY when the second part cannot be a month) */
        if (j < n && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
            char sep = s[j];
            size_t k = j + 1;
            k = sep == '.' ? skip_spaces(s, n, k) : k;
            if (read_num(s, n, &k, 1, 2, &b) && k < n && s[k] == sep) {
                size_t y = k + 1;
                int yy;
                if (read_num(s, n, &y, 4, 4, &yy) || (sep == '.' && read_num(s, n, &y, 2, 2, &yy) && (yy += 2000, 1))) {
                    if (b > 12 && a <= 12) { int t = a; a = b; b = t; }
                    d->year = (int16_t)yy, d->month = (int8_t)b, d->day = (int8_t)a;
                    read_time(s, n, &y, d);
                    *end = y;
                    return 1;
                }
                return 0;
            }
            /* "04-ago-2021", "12/Mar/2024": the month named between the same separators */
            if (sep != '.') {
                k = j + 1;
                if ((mon = read_month(s, n, &k)) && k < n && s[k] == sep && (k++, read_num(s, n, &k, 4, 4, &c))) {
                    d->year = (int16_t)c, d->month = (int8_t)mon, d->day = (int8_t)a;
                    read_time(s, n, &k, d);
                    *end = k;
                    return 1;
                }
                return 0;
            }
            /* "5. März 2019" */
            if (sep == '.') {
                k = skip_spaces(s, n, j + 1);
                if ((mon = read_month(s, n, &k))) {
                    k = skip_spaces(s, n, k);
                    if (read_year(s, n, &k, &c)) {
                        d->year = (int16_t)c, d->month = (int8_t)mon, d->day = (int8_t)a;
                        read_time(s, n, &k, d);
                        *end = k;
                        return 1;
                    }
                }
            }
            return 0;
        }
        /* "5 March 2019", "5th March, 2019", "5 de marzo de 2019", "5 mars 2019" */
        size_t k = j;
        if (k + 2 <= n && (!memcmp(s + k, "st", 2) || !memcmp(s + k, "nd", 2) || !memcmp(s + k, "rd", 2) ||
                           !memcmp(s + k, "th", 2)))
            k += 2;
        /* "21Aug18": day, month and two-digit year run together */
        int compact = k == j && k < n && is_alpha_byte((unsigned char)s[k]);
        k = skip_spaces(s, n, k);
        if (k + 3 <= n && !memcmp(s + k, "de ", 3)) k += 3;
        else if (k + 3 <= n && !memcmp(s + k, "of ", 3)) k += 3;
        size_t m0 = k;
        if (!(mon = read_month(s, n, &k))) return 0;
        if (compact && k - m0 == 3 && read_num(s, n, &k, 2, 2, &c) && !(k < n && is_digit((unsigned char)s[k]))) {
            d->year = (int16_t)(c < 70 ? 2000 + c : 1900 + c), d->month = (int8_t)mon, d->day = (int8_t)a;
            *end = k;
            return 1;
        }
        if (compact) return 0;
        if (k < n && s[k] == ',') k++;
        k = skip_spaces(s, n, k);
        if (k + 3 <= n && (!memcmp(s + k, "de ", 3))) k += 3;
        if (!read_year(s, n, &k, &c)) return 0;
        d->year = (int16_t)c, d->month = (int8_t)mon, d->day = (int8_t)a;
        read_time(s, n, &k, d);
        *end = k;
        return 1;
    }
    if (is_alpha_byte(ch)) {
        /* "March 5, 2019", "Mar. 5 2019", "Tue, 05 Mar 2019" handled by the digit branch */
        if (!(mon = read_month(s, n, &j))) return 0;
        j = skip_spaces(s, n, j);
        if (!read_num(s, n, &j, 1, 2, &a)) return 0;
        if (j + 2 <= n && (!memcmp(s + j, "st", 2) || !memcmp(s + j, "nd", 2) || !memcmp(s + j, "rd", 2) ||
                           !memcmp(s + j, "th", 2)))
            j += 2;
        if (j < n && s[j] == ',') j++;
        j = skip_spaces(s, n, j);
        if (!read_year(s, n, &j, &c)) return 0;
        d->year = (int16_t)c, d->month = (int8_t)mon, d->day = (int8_t)a;
        read_time(s, n, &j, d);
        *end = j;
        return 1;
    }
    return 0;
}

int date_find(const char *s, size_t n, date_val *out, size_t *at) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* a date starts a word or a number */
        if (i > 0) {
            unsigned char p = (unsigned char)s[i - 1];
            if (is_digit(c) && is_digit(p)) continue;
            /* a capital after a small letter starts a word where markup ran two together
             * ("Jane DoeMar 5, 2025") */
            int camel = c >= 'A' && c <= 'Z' && p >= 'a' && p <= 'z';
            if (is_alpha_byte(c) && (is_alpha_byte(p) || is_digit(p)) && !camel) continue;
        }
        if (!is_digit(c) && !is_alpha_byte(c)) continue;
        if (c >= 0x80 && c < 0xC0) continue;
        if (!is_digit(c)) {
            /* a month name is followed by a day: skip words that are not */
            size_t j = i;
            while (j < n && is_alpha_byte((unsigned char)s[j]) && j - i < 24) j++;
            if (j - i < 3 || j - i >= 24) { i = j; continue; }
            if (j < n && s[j] == '.') j++;
            while (j < n && s[j] == ' ') j++;
            if (j >= n || !is_digit((unsigned char)s[j])) { i = j - 1; continue; }
        }
        size_t end;
        date_val d;
        if (date_at(s, n, i, &d, &end) && date_valid(&d, 2100)) {
            *out = d;
            if (at) *at = i;
            return 1;
        }
    }
    return 0;
}

int date_parse(const char *s, size_t n, date_val *out) {
    while (n && (*s == ' ' || *s == '\n' || *s == '\t')) s++, n--;
    /* compact 20190305 */
    if (n == 8) {
        int ok = 1;
        for (size_t i = 0; i < 8; i++) ok &= is_digit((unsigned char)s[i]);
        if (ok) {
            init(out);
            out->year = (int16_t)((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'));
            out->month = (int8_t)((s[4] - '0') * 10 + (s[5] - '0'));
            out->day = (int8_t)((s[6] - '0') * 10 + (s[7] - '0'));
            return date_valid(out, 2100);
        }
    }
    return date_find(s, n, out, NULL);
}

/* A path segment "29-10-2021" or "10_29_2021": day and month told apart only when one of them
 * exceeds 12; an ambiguous one is no date. */
static int url_day_first(const char *url, size_t n, size_t j, date_val *out) {
    int a, b, y;
    if (!read_num(url, n, &j, 1, 2, &a) || j >= n || (url[j] != '-' && url[j] != '_')) return 0;
    char sep = url[j++];
    if (!read_num(url, n, &j, 1, 2, &b) || j >= n || url[j++] != sep || !read_num(url, n, &j, 4, 4, &y)) return 0;
    if (j < n && url[j] != '/' && url[j] != '-' && url[j] != '_' && url[j] != '.' && url[j] != '?') return 0;
    if ((a > 12) == (b > 12)) return 0;
    init(out);
    out->year = (int16_t)y, out->month = (int8_t)(a > 12 ? b : a), out->day = (int8_t)(a > 12 ? a : b);
    return date_valid(out, 2100);
}

int date_from_url(const char *url, size_t n, date_val *out) {
    /* skip scheme and host */
    size_t i = 0;
    const char *p = memchr(url, ':', n);
    if (p && (size_t)(p - url) + 2 < n && p[1] == '/' && p[2] == '/') {
        i = (size_t)(p - url) + 3;
        while (i < n && url[i] != '/') i++;
    }
    for (; i < n; i++) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        size_t j = i + 1;
        int y, m, d = 0;
        if (url_day_first(url, n, i + 1, out)) return 1;
        if (!read_num(url, n, &j, 4, 4, &y) && !(j = i + 1, read_num(url, n, &j, 8, 8, &y))) continue;
        if (j - i - 1 == 8) {
            init(out);
            out->year = (int16_t)(y / 10000), out->month = (int8_t)(y / 100 % 100), out->day = (int8_t)(y % 100);
            if (date_valid(out, 2100)) return 1;
            continue;
        }
        if (j >= n || (url[j] != '/' && url[j] != '-' && url[j] != '_')) continue;
        char sep = url[j++];
        if (!read_num(url, n, &j, 1, 2, &m)) continue;
        if (j < n && url[j] == sep) {
            size_t k = j + 1;
            if (!read_num(url, n, &k, 1, 2, &d)) d = 0;
        }
        if (!d) continue; /* a month without a day is no publication day */
        init(out);
        out->year = (int16_t)y, out->month = (int8_t)m, out->day = (int8_t)d;
        if (date_valid(out, 2100)) return 1;
    }
    return 0;
}

long date_day_number(const date_val *d) {
    /* days since a fixed epoch (civil calendar) */
    int y = d->year, m = d->month;
    if (m <= 2) y--, m += 12;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d->day;
}

/* The civil date of a day number (date_day_number's inverse), time unknown. */
static void date_of_day(long n, date_val *d) {
    int y = (int)((n * 400) / 146097) - 1; /* at most one short: stepped up below */
    date_val t = {.month = 3, .day = 1};
    for (;; y++) {
        t.year = (int16_t)(y + 1);
        if (date_day_number(&t) > n) break;
    }
    t.year = (int16_t)y; /* the year of n, counted from March */
    long mar1 = date_day_number(&t), off = n - mar1;
    int m = (int)((5 * off + 2) / 153), day = (int)(off - (153 * m + 2) / 5 + 1);
    init(d);
    d->year = (int16_t)(m >= 10 ? y + 1 : y), d->month = (int8_t)(m < 10 ? m + 3 : m - 9), d->day = (int8_t)day;
}

/* ---- relative dates ("3 hours ago", "vor 2 Tagen") ------------------- */

enum { REL_MIN, REL_HOUR, REL_DAY };
typedef struct { const char *w; uint8_t len, unit; } rel_word;
#define R(s, u) {s, sizeof s - 1, u}
/* Units up to days: a week or a month ago names no day. Longer spellings first. */
static const rel_word REL_UNITS[] = {
    R("seconds", REL_MIN), R("second", REL_MIN), R("secs", REL_MIN), R("sec", REL_MIN), R("minutes", REL_MIN),
    R("minute", REL_MIN), R("mins", REL_MIN), R("min", REL_MIN), R("hours", REL_HOUR), R("hour", REL_HOUR),
    R("hrs", REL_HOUR), R("hr", REL_HOUR), R("h", REL_HOUR), R("days", REL_DAY), R("day", REL_DAY), R("d", REL_DAY),
    /* de */
    R("sekunden", REL_MIN), R("sekunde", REL_MIN), R("minuten", REL_MIN), R("stunden", REL_HOUR),
    R("stunde", REL_HOUR), R("std.", REL_HOUR), R("tagen", REL_DAY), R("tag", REL_DAY),
    /* fr */
    R("secondes", REL_MIN), R("seconde", REL_MIN), R("heures", REL_HOUR), R("heure", REL_HOUR),
    R("jours", REL_DAY), R("jour", REL_DAY),
    /* es, pt, it */
    R("segundos", REL_MIN), R("segundo", REL_MIN), R("minutos", REL_MIN), R("minuto", REL_MIN),
    R("horas", REL_HOUR), R("hora", REL_HOUR), R("d\xC3\xAD" "as", REL_DAY), R("d\xC3\xAD" "a", REL_DAY),
    R("dias", REL_DAY), R("dia", REL_DAY), R("secondi", REL_MIN), R("minuti", REL_MIN), R("ore", REL_HOUR),
    R("ora", REL_HOUR), R("giorni", REL_DAY), R("giorno", REL_DAY),
    /* nl */
    R("seconden", REL_MIN), R("minuut", REL_MIN), R("uur", REL_HOUR), R("dagen", REL_DAY), R("dag", REL_DAY),
};
/* Words before the amount ("vor", "il y a", "hace", "há") and after the unit ("ago", "fa", "geleden"). */
static const char *const REL_BEFORE[] = {"vor ", "il y a ", "hace ", "h\xC3\xA1 "};
static const char *const REL_AFTER[] = {" ago", " fa", " geleden"};
/* "an hour ago", "vor einer Stunde", "il y a un jour", "hace una hora", "há um dia", "een uur geleden" */
static const char *const REL_ONE[] = {"an", "a", "one", "einer", "einem", "un", "une", "una", "um", "uma", "een"};
/* yesterday and today, in the same languages: read only with a time of day after them */
static const char *const REL_YESTERDAY[] = {"yesterday", "gestern", "hier", "ayer", "ieri", "ontem", "gisteren"};
static const char *const REL_TODAY[] = {"today", "heute", "aujourd'hui", "aujourd\xE2\x80\x99hui", "hoy", "oggi",
                                        "hoje", "vandaag"};

static int lower_eq(const char *s, size_t n, const char *w, size_t wl) {
    if (n < wl) return 0;
    for (size_t i = 0; i < wl; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c) != w[i]) return 0;
    }
    return 1;
}

/* The word at s[i] is w (case folded) and ends there. */
static int word_is(const char *s, size_t n, size_t i, const char *w) {
    size_t l = strlen(w);
    return lower_eq(s + i, n - i, w, l) && (i + l >= n || !is_alpha_byte((unsigned char)s[i + l]));
}

/* An amount and a unit at s[*i]: "3 hours", "a day", "2h". */
static int rel_amount(const char *s, size_t n, size_t *i, int *amount, int *unit) {
    size_t j = *i;
    int v;
    if (!read_num(s, n, &j, 1, 3, &v)) {
        size_t k;
        for (k = 0; k < sizeof REL_ONE / sizeof *REL_ONE; k++)
            if (word_is(s, n, j, REL_ONE[k])) break;
        if (k == sizeof REL_ONE / sizeof *REL_ONE) return 0;
        j += strlen(REL_ONE[k]), v = 1;
    }
    j = skip_spaces(s, n, j);
    for (size_t k = 0; k < sizeof REL_UNITS / sizeof *REL_UNITS; k++) {
        const rel_word *u = &REL_UNITS[k];
        if (!lower_eq(s + j, n - j, u->w, u->len)) continue;
        if (j + u->len < n && is_alpha_byte((unsigned char)s[j + u->len])) continue;
        *i = j + u->len, *amount = v, *unit = u->unit;
        return 1;
    }
    return 0;
}

/* A time of day right after a day word: "yesterday at 5:30 pm", "gestern, 14:30 Uhr", "hier à 14h30". */
static int time_follows(const char *s, size_t n, size_t i) {
    date_val t;
    init(&t);
    read_time(s, n, &i, &t);
    return t.hour >= 0;
}

int date_relative(const char *s, size_t n, const date_val *crawl, date_val *out, size_t *at) {
    if (!crawl) return 0; /* never without a day to count from */
    for (size_t i = 0; i < n; i++) {
        if (i && (is_alpha_byte((unsigned char)s[i - 1]) || is_digit((unsigned char)s[i - 1]))) continue;
        int amount = 0, unit = -1;
        size_t j = i;
        for (size_t k = 0; k < sizeof REL_BEFORE / sizeof *REL_BEFORE && unit < 0; k++) {
            size_t l = strlen(REL_BEFORE[k]);
            j = i + l;
            if (!lower_eq(s + i, n - i, REL_BEFORE[k], l) || !rel_amount(s, n, &j, &amount, &unit)) unit = -1;
        }
        j = i;
        if (unit < 0 && rel_amount(s, n, &j, &amount, &unit)) {
            size_t k;
            for (k = 0; k < sizeof REL_AFTER / sizeof *REL_AFTER; k++)
                if (word_is(s, n, j, REL_AFTER[k])) break;
            if (k == sizeof REL_AFTER / sizeof *REL_AFTER) unit = -1;
        }
        for (size_t k = 0; k < sizeof REL_YESTERDAY / sizeof *REL_YESTERDAY && unit < 0; k++)
            if (word_is(s, n, i, REL_YESTERDAY[k]) && time_follows(s, n, i + strlen(REL_YESTERDAY[k])))
                amount = 1, unit = REL_DAY;
        for (size_t k = 0; k < sizeof REL_TODAY / sizeof *REL_TODAY && unit < 0; k++)
            if (word_is(s, n, i, REL_TODAY[k]) && time_follows(s, n, i + strlen(REL_TODAY[k])))
                amount = 0, unit = REL_DAY;
        if (unit < 0) continue;
        /* minutes back from the crawl's time of day; without one, hours stay on the crawl's day */
        long minutes = unit == REL_MIN ? amount : unit == REL_HOUR ? amount * 60L : amount * 1440L;
        long day = date_day_number(crawl);
        if (unit != REL_DAY && crawl->hour >= 0) {
            long m = crawl->hour * 60L + crawl->minute - minutes;
            day += m < 0 ? (m - 1439) / 1440 : 0;
        } else if (unit == REL_DAY) {
            day -= amount;
        }
        date_of_day(day, out);
        if (!date_valid(out, 2100)) continue;
        if (at) *at = i;
        return 1;
    }
    return 0;
}

int date_valid(const date_val *d, int max_year) {
    static const int8_t DAYS[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year4(d->year) < 1990 || d->year > max_year) return 0;
    if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > DAYS[d->month]) return 0;
    if (d->month == 2 && d->day == 29 && !((d->year % 4 == 0 && d->year % 100) || d->year % 400 == 0)) return 0;
    return 1;
}

static void put2(char *o, int v) { o[0] = (char)('0' + v / 10 % 10), o[1] = (char)('0' + v % 10); }

size_t date_format(const date_val *d, char *out, size_t cap) {
    char b[32];
    size_t n = 0;
    b[n++] = (char)('0' + d->year / 1000 % 10), b[n++] = (char)('0' + d->year / 100 % 10);
    put2(b + n, d->year % 100), n += 2;
    b[n++] = '-', put2(b + n, d->month), n += 2;
    b[n++] = '-', put2(b + n, d->day), n += 2;
    if (d->hour >= 0) {
        b[n++] = 'T', put2(b + n, d->hour), n += 2;
        b[n++] = ':', put2(b + n, d->minute), n += 2;
        b[n++] = ':', put2(b + n, d->second < 0 ? 0 : d->second), n += 2;
        if (d->has_tz) {
            int z = d->tz_minutes;
            b[n++] = z < 0 ? '-' : '+';
            if (z < 0) z = -z;
            put2(b + n, z / 60), n += 2;
            b[n++] = ':', put2(b + n, z % 60), n += 2;
        }
    }
    if (n >= cap) n = cap - 1;
    memcpy(out, b, n);
    out[n] = 0;
    return n;
}

/* Day of week, 0 = Sunday (Sakamoto). */
static int weekday(int y, int m, int d) {
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static int last_sunday(int y, int m) {
    static const int8_t DAYS[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int d = DAYS[m];
    return d - weekday(y, m, d);
}

static int days_in(int y, int m) {
    static const int8_t DAYS[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0) ? 29 : DAYS[m];
}

void date_utc_to_cet(date_val *d) {
    if (!d->has_tz || d->hour < 0) return;
    /* to UTC first */
    int minutes = d->hour * 60 + d->minute - d->tz_minutes;
    int y = d->year, m = d->month, day = d->day;
    /* summer time: last Sunday of March 01:00 UTC .. last Sunday of October 01:00 UTC */
    int utc_h = ((minutes % 1440) + 1440) % 1440 / 60;
    int shift_day = minutes < 0 ? -1 : minutes >= 1440 ? 1 : 0;
    int ud = day + shift_day, um = m, uy = y;
    if (ud < 1) { if (--um < 1) um = 12, uy--; ud = days_in(uy, um); }
    else if (ud > days_in(uy, um)) { ud = 1; if (++um > 12) um = 1, uy++; }
    int ls_mar = last_sunday(uy, 3), ls_oct = last_sunday(uy, 10);
    int summer = (um > 3 && um < 10) || (um == 3 && (ud > ls_mar || (ud == ls_mar && utc_h >= 1))) ||
                 (um == 10 && (ud < ls_oct || (ud == ls_oct && utc_h < 1)));
    int off = summer ? 120 : 60;
    minutes += off;
    int nd = day;
    while (minutes < 0) minutes += 1440, nd--;
    while (minutes >= 1440) minutes -= 1440, nd++;
    if (nd < 1) { if (--m < 1) m = 12, y--; nd = days_in(y, m); }
    else if (nd > days_in(y, m)) { nd = 1; if (++m > 12) m = 1, y++; }
    d->year = (int16_t)y, d->month = (int8_t)m, d->day = (int8_t)nd;
    d->hour = (int8_t)(minutes / 60), d->minute = (int8_t)(minutes % 60);
    d->tz_minutes = (int16_t)off;
}

/* ---- the choice ------------------------------------------------------
 * Publication: JSON-LD (read before), explicit meta keys, microdata, <time> by the article, a
 * generic meta date, the URL, script data, image URLs, the text by the article; then the day the
 * article shows settles sources days apart, and a UTC timestamp is read in the page's zone. */

/* A date value: machine-readable, or a short human one ("Di., 25.01.2022 - 14:45"). */
static int date_value(const char *s, size_t n, date_val *d) {
    return date_parse(s, n, d) || (n < 64 && date_find(s, n, d, NULL));
}

static void set_date_from(const char *s, size_t n, meta_source src, char *dst, size_t cap, meta_source *dsrc) {
    date_val d;
    if (*dsrc || !s || !date_value(s, n, &d)) return;
    date_format(&d, dst, cap);
    *dsrc = src;
}

static const char *const PUBLISHED_KEYS[] = {
    "article:published_time", "og:article:published_time", "og:published_time", "datePublished",
    "article.published", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "original-publish-date",
    "article:post_date", "og:pubdate", "cxenseparse:recs:publishtime", "date.available", "pub_date", "published",
    "publication_date", "publication-date", "published-date"};
#define MAX_ALT_TIMES 8 /* <time>s weighed against the chosen publication date */
/* Generic dates: CMSs fill them with the last change as often as with the publication. */
static const char *const GENERIC_DATE_KEYS[] = {"dc.date", "dcterms.date", "date"};
static const char *const MODIFIED_KEYS[] = {
    "article:modified_time", "og:updated_time", "og:article:modified_time", "dateModified", "modified_time",
    "last-modified", "lastmod", "dc.date.modified", "dcterms.modified", "article.updated", "revised", "modified-date"};

/* ---- time zones ----------------------------------------------------- */

/* A page in a Central European language, or on a Central European country
 * domain: its UTC timestamps are read in CET/CEST for the local day. */
static int central_european(const metadata *m) {
    static const char *const LANGS[] = {"de", "fr", "it", "nl", "pl", "cs", "da", "sv", "nb", "nn", "no", "hu",
                                        "sk", "sl", "hr", "sr", "bs", "lb", "ca"};
    const char *l = m->lang_declared;
    if (l && strlen(l) >= 2) {
        for (size_t i = 0; i < sizeof LANGS / sizeof *LANGS; i++)
            if (!strncasecmp(l, LANGS[i], 2) && (l[2] == 0 || l[2] == '-' || l[2] == '_')) {
                /* fr-CA, de-US: the region says otherwise */
                if (l[2] && strlen(l) >= 5 && strchr("-_", l[2])) {
                    static const char *const EU[] = {"de", "at", "ch", "fr", "be", "lu", "it", "nl", "pl", "cz",
                                                     "dk", "se", "no", "hu", "sk", "si", "hr", "rs", "ba", "es",
                                                     "li", "mc", "ad"};
                    int eu = 0;
                    for (size_t k = 0; k < sizeof EU / sizeof *EU; k++) eu |= !strncasecmp(l + 3, EU[k], 2);
                    return eu;
                }
                return 1;
            }
        if (!strncasecmp(l, "es-es", 5)) return 1;
    }
    const char *h = m->hostname;
    if (h) {
        const char *dot = strrchr(h, '.');
        static const char *const TLD[] = {".de", ".at", ".ch", ".fr", ".it", ".nl", ".be", ".pl", ".cz", ".dk",
                                          ".se", ".no", ".hu", ".sk", ".si", ".hr", ".es", ".lu", ".li"};
        for (size_t i = 0; dot && i < sizeof TLD / sizeof *TLD; i++)
            if (!strcasecmp(dot, TLD[i])) return 1;
    }
    return 0;
}

/* American English writes the month first ("10/12/2023" is 12 October): pages declared "en-US", or
 * plain "en" (the region left unsaid is mostly American). */
static int month_first(const metadata *m) {
    const char *l = m->lang_declared;
    return l && !strncasecmp(l, "en", 2) && (!l[2] || ((l[2] == '-' || l[2] == '_') && !strncasecmp(l + 3, "us", 2)));
}

static void localize(char *iso, size_t cap) {
    date_val d;
    if (!iso[0] || !date_parse(iso, strlen(iso), &d) || !d.has_tz || d.tz_minutes != 0) return;
    date_utc_to_cet(&d);
    date_format(&d, iso, cap);
}

/* The offset east of UTC, in minutes, that turns the instant u into the wall-clock time l (no zone)
 * when both name the same minute and second; 1 when there is such an offset, a whole quarter hour
 * within the zones that exist. Pages often print the local time beside a UTC timestamp. */
static int wall_clock_offset(const date_val *u, const date_val *l, int *offset) {
    if (l->has_tz || l->hour < 0 || u->hour < 0 || l->minute % 15 != u->minute % 15 || l->second != u->second)
        return 0;
    long day = (long)(l->year - u->year) * 400 + (l->month - u->month) * 31 + (l->day - u->day);
    if (day < -1 || day > 1) return 0; /* more than a day apart: another date */
    int mins = (l->hour * 60 + l->minute) - (u->hour * 60 + u->minute);
    if (day) mins += day > 0 ? 1440 : -1440;
    if (mins % 15 || mins == 0 || mins < -720 || mins > 840) return 0;
    *offset = mins;
    return 1;
}

/* Can an instant at UTC time u fall on the day after (+1) or before (-1) in some zone? Central
 * European pages are read in CET/CEST only. */
static int crosses_midnight(const date_val *u, int dir, int cet) {
    int m = u->hour * 60 + (u->minute > 0 ? u->minute : 0);
    int east = cet ? 120 : 840, west = cet ? 0 : 720;
    return dir > 0 ? m + east >= 1440 : m - west < 0;
}

/* The first date in t: with want_cue, only one announced as the publication.
 * Dates announced as updates are passed over. 1 when one is found. */
static int text_date(const char *t, size_t n, int want_cue, date_val *out) {
    size_t off = 0;
    while (off < n) {
        size_t at;
        if (!date_find(t + off, n - off, out, &at)) return 0;
        int cue = copyright_date(t, off + at) ? DL_OTHER : date_label(t, off + at);
        if (cue == 1 || (!want_cue && cue == 0)) return 1;
        off += at + 1;
    }
    return 0;
}

/* The first date written in the text around the start of the article: before it, or in its first
 * six blocks; with wide, anywhere in it before its second paragraph of running text. */
static int visible_date(const page *pg, const selection *sel, int wide, date_val *out) {
    uint32_t from = sel->from > 12 ? sel->from - 12 : 0, paragraphs = 0;
    uint32_t to = wide || sel->to < sel->from + 6 ? sel->to : sel->from + 6;
    for (uint32_t i = from; i < to && i < pg->n_blocks && paragraphs < 2; i++) {
        const xblock *b = &pg->blocks[i];
        if (date_find(pg->text.data + b->text_off, b->text_len, out, NULL)) return 1;
        if (wide && i >= sel->from && b->text_len > 150) paragraphs++;
    }
    return 0;
}

static long day_distance(const date_val *a, const date_val *b) {
    long d = date_day_number(a) - date_day_number(b);
    return d < 0 ? -d : d;
}

static int txt_before(const date_val *t, const date_val *p) { return date_day_number(t) < date_day_number(p); }

/* A date under one of the keys that page scripts use for publication, in
 * JSON blobs the page carries: "published_at":"2019-03-02T06:22:28+01:00". */
static int date_in_scripts(const char *html, size_t n, date_val *out) {
    static const char *const KEYS[] = {"datePublished\"", "published_at\"", "publishedAt\"",
                                       "publishDate\"", "publishedDate\"", "date_published\"",
                                       "firstPublished\"", "publicationDate\"", "pubDate\"",
                                       "createdAt\"", "created_at\"", "dateCreated\""};
    enum { NK = sizeof KEYS / sizeof *KEYS };
    /* one pass over the quotation marks; the earliest key of the list wins, wherever it stands */
    int best = NK;
    const char *p = html, *end = html + n;
    while (best > 0 && (p = memchr(p, '"', (size_t)(end - p)))) {
        p++;
        if (p >= end) break;
        char c = *p;
        if (c != 'd' && c != 'p' && c != 'f' && c != 'c') continue; /* no key starts otherwise */
        for (int k = 0; k < best; k++) {
            size_t kl = strlen(KEYS[k]);
            if (KEYS[k][0] != c || (size_t)(end - p) < kl || memcmp(p, KEYS[k], kl)) continue;
            const char *v = p + kl;
            while (v < end && (*v == ' ' || *v == ':' || *v == '"' || *v == '\\')) v++;
            size_t avail = (size_t)(end - v) < 40 ? (size_t)(end - v) : 40;
            date_val d;
            if (avail >= 8 && v[0] >= '1' && v[0] <= '2' && date_parse(v, avail, &d)) *out = d, best = k;
            break;
        }
    }
    return best < NK;
}

/* The candidates in order of trust: the first source that gives a date wins. */
static void published_candidates(metadata *m, const page *pg, const selection *sel, const meta_raw *raw,
                                 const char *url, const char *html, size_t html_len, const shown_date *shown) {
    const meta_pair *p = meta_get(raw, PUBLISHED_KEYS, sizeof PUBLISHED_KEYS / sizeof *PUBLISHED_KEYS);
    if (p) set_date_from(p->val, p->val_len, meta_source_of_key(p->key), m->published, sizeof m->published, &m->published_src);
    for (uint32_t i = 0; i < raw->n_props; i++) {
        const meta_pair *q = &raw->props[i];
        if (!strcasecmp(q->key, "datePublished") || !strcasecmp(q->key, "dateCreated"))
            set_date_from(q->val, q->val_len, MS_MICRODATA, m->published, sizeof m->published, &m->published_src);
    }
    /* <time>: by the article before anywhere else (sidebars and teasers mark their own times as
     * published too), marked as the publication before unmarked; unmarked ones only near the
     * article's start, since times further in belong to embeds and comments */
    {
        uint32_t near = sel->from > 12 ? sel->from - 12 : 0, start_end = sel->from + 6;
        for (int pass = 0; pass < 3 && !m->published_src; pass++) {
            for (uint32_t i = 0; i < raw->n_times && !m->published_src; i++) {
                int pub = raw->times[i].key_len == 3 && !memcmp(raw->times[i].key, "pub", 3);
                int unmarked = raw->times[i].key_len == 0;
                uint32_t b = raw->time_block[i];
                int in_article = pg->n_blocks && b >= near && b < sel->to, at_start = in_article && b < start_end;
                if ((pass == 0 && pub && in_article) || (pass == 1 && unmarked && at_start) || (pass == 2 && pub))
                    set_date_from(raw->times[i].val, raw->times[i].val_len, MS_TIME, m->published,
                                  sizeof m->published, &m->published_src);
            }
            if (pass == 1 && !m->published_src) {
                /* a generic meta date, unless the article's start shows another day */
                p = meta_get(raw, GENERIC_DATE_KEYS, sizeof GENERIC_DATE_KEYS / sizeof *GENERIC_DATE_KEYS);
                date_val g, v;
                if (p && date_parse(p->val, p->val_len, &g)) {
                    if (pg->n_blocks && visible_date(pg, sel, 0, &v) && day_distance(&g, &v) != 0)
                        date_format(&v, m->published, sizeof m->published), m->published_src = MS_TEXT;
                    else
                        date_format(&g, m->published, sizeof m->published), m->published_src = MS_META;
                }
            }
        }
    }
    if (!m->published_src) {
        const char *u = m->canonical_url ? m->canonical_url : url;
        date_val dv;
        if (u && date_from_url(u, strlen(u), &dv)) date_format(&dv, m->published, sizeof m->published), m->published_src = MS_URL;
        else if (url && u != url && date_from_url(url, strlen(url), &dv))
            date_format(&dv, m->published, sizeof m->published), m->published_src = MS_URL;
    }
    if (!m->published_src) {
        date_val dv;
        if (html && date_in_scripts(html, html_len, &dv))
            date_format(&dv, m->published, sizeof m->published), m->published_src = MS_META;
    }
    if (!m->published_src) {
        /* an image filed under the day: /files/2016/05/04/photo.png */
        static const char *const IMG[] = {"og:image", "twitter:image", "og:image:url"};
        const meta_pair *ip = meta_get(raw, IMG, 3);
        date_val dv;
        if (ip && date_from_url(ip->val, ip->val_len, &dv))
            date_format(&dv, m->published, sizeof m->published), m->published_src = MS_URL;
    }
    if (!m->published_src && shown) date_format(&shown->d, m->published, sizeof m->published), m->published_src = MS_TEXT;
    if (!m->published_src && pg->n_blocks) {
        /* the text: a date announced as the publication ("Published on",
         * "Erschienen am") anywhere, then the first date around the start of
         * the article, then in the article, then on the page; dates announced
         * as updates ("Updated", "Letzte Änderung") are not publication dates */
        uint32_t from = sel->from > 12 ? sel->from - 12 : 0;
        uint32_t cue_to = sel->to + 12 < pg->n_blocks ? sel->to + 12 : pg->n_blocks;
        uint32_t spans[4][2] = {{from, cue_to}, {from, sel->to < sel->from + 6 ? sel->to : sel->from + 6},
                                {sel->from, sel->to}, {0, pg->n_blocks}};
        for (int sp = 0; sp < 4 && !m->published_src; sp++)
            for (uint32_t i = spans[sp][0]; i < spans[sp][1] && i < pg->n_blocks && !m->published_src; i++) {
                const xblock *b = &pg->blocks[i];
                const char *t = pg->text.data + b->text_off;
                date_val dv;
                /* never from a comment section, a sidebar, navigation or a copyright line */
                if (text_date(t, b->text_len, sp == 0, &dv) && !date_block_excluded(pg, i))
                    date_format(&dv, m->published, sizeof m->published), m->published_src = MS_TEXT;
            }
    }
    for (uint32_t i = 0; i < raw->n_times && !m->published_src; i++)
        if (!raw->times[i].key_len) /* an unmarked <time> far from the article: the last resort */
            set_date_from(raw->times[i].val, raw->times[i].val_len, MS_TIME, m->published, sizeof m->published,
                          &m->published_src);
}

/* Does the date the page prints by its headline outweigh the structured one (cur)? */
static int page_date_wins(const metadata *m, const meta_raw *raw, const char *url, const shown_date *shown,
                          const date_val *cur) {
    long dist = day_distance(cur, &shown->d);
    if (dist == 0) return 0;
    /* a UTC instant that falls on the shown day in some zone: localize_published reads it */
    if (dist == 1 && cur->has_tz && cur->tz_minutes == 0 && cur->hour >= 0 &&
        crosses_midnight(cur, txt_before(&shown->d, cur) ? -1 : 1, central_european(m)))
        return 0;
    if (shown->either_way && cur->day == shown->d.month && cur->month == shown->d.day && cur->year == shown->d.year)
        return 0; /* the same day, written month first */
    /* a live blog prints its latest entry's time; it was published when it opened */
    if (m->jsonld_type && !strcasecmp(m->jsonld_type, "LiveBlogPosting")) return 0;
    /* a thread or a question prints its newest posts by the title; it began when it was opened */
    if (m->jsonld_type && (!strcasecmp(m->jsonld_type, "DiscussionForumPosting") || !strcasecmp(m->jsonld_type, "QAPage")))
        return 0;
    if (shown->label == 1) return 1; /* the page says "Published" */
    /* the page prints the structured day too (an update beside it, a second date): they agree */
    for (int k = 0; k < shown->seen.n; k++)
        if (shown->seen.days[k] == date_day_number(cur)) return 0;
    /* the URL names the structured day: two of the CMS's own records agree */
    date_val ud;
    if (url && date_from_url(url, strlen(url), &ud) && day_distance(&ud, cur) == 0) return 0;
    if (shown->far) return 0;        /* away from the headline only "Published" outweighs structure */
    /* Open Graph's article:published_time is the CMS's own record of the publication: an "Updated"
     * date does not undo it, nor does a bare date when it agrees with the structured one. JSON-LD
     * alone is often a plugin's stale or generated value, and the page's own date wins over it. */
    const meta_pair *og = meta_get(raw, PUBLISHED_KEYS, sizeof PUBLISHED_KEYS / sizeof *PUBLISHED_KEYS);
    date_val ogd;
    if (og && meta_source_of_key(og->key) == MS_OPENGRAPH && date_value(og->val, og->val_len, &ogd) &&
        (shown->label == -1 || day_distance(&ogd, cur) == 0))
        return 0;
    return 1;
}

/* The day the page prints by its headline against the structured one: when it wins, a structured
 * value of that day (dateModified, a <time>) gives it its time and zone; else the shown date stands
 * as the page prints it. */
static int side_with_page(metadata *m, const meta_raw *raw, const char *url, const shown_date *shown) {
    date_val cur;
    if (!m->published_src || m->published_src == MS_TEXT || !date_parse(m->published, strlen(m->published), &cur) ||
        !page_date_wins(m, raw, url, shown, &cur))
        return 0;
    const meta_pair *alt[4 + MAX_ALT_TIMES];
    meta_source alt_src[4 + MAX_ALT_TIMES];
    size_t na = 0;
    const meta_pair *p;
    meta_pair mod = {"", m->modified, 0, strlen(m->modified)};
    if (m->modified_src) alt[na] = &mod, alt_src[na++] = m->modified_src;
    if ((p = meta_get(raw, PUBLISHED_KEYS, sizeof PUBLISHED_KEYS / sizeof *PUBLISHED_KEYS)))
        alt[na] = p, alt_src[na++] = meta_source_of_key(p->key);
    if ((p = meta_get(raw, MODIFIED_KEYS, sizeof MODIFIED_KEYS / sizeof *MODIFIED_KEYS)))
        alt[na] = p, alt_src[na++] = meta_source_of_key(p->key);
    for (uint32_t i = 0; i < raw->n_props && na < 4; i++)
        if (!strcasecmp(raw->props[i].key, "datePublished") || !strcasecmp(raw->props[i].key, "dateModified"))
            alt[na] = &raw->props[i], alt_src[na++] = MS_MICRODATA;
    for (uint32_t i = 0; i < raw->n_times && na < 4 + MAX_ALT_TIMES; i++) alt[na] = &raw->times[i], alt_src[na++] = MS_TIME;
    for (size_t k = 0; k < na; k++) {
        date_val x;
        if (date_parse(alt[k]->val, alt[k]->val_len, &x) && x.hour >= 0 && day_distance(&x, &shown->d) == 0) {
            date_format(&x, m->published, sizeof m->published);
            m->published_src = alt_src[k];
            return 1;
        }
    }
    date_format(&shown->d, m->published, sizeof m->published);
    m->published_src = MS_TEXT;
    return 1;
}

static void settle_on_visible(metadata *m, const page *pg, const selection *sel, const meta_raw *raw) {
    /* Sources that disagree on the day by days (not a zone's midnight, not the months between a
     * first version and a live page's latest): the one the article shows wins. */
    if (m->published_src && m->published_src != MS_TEXT && pg->n_blocks) {
        date_val cur, vis;
        if (date_parse(m->published, strlen(m->published), &cur) && visible_date(pg, sel, 1, &vis) &&
            day_distance(&cur, &vis) > 1 && day_distance(&cur, &vis) <= 31) {

            const meta_pair *alt[2 + MAX_ALT_TIMES];
            meta_source alt_src[2 + MAX_ALT_TIMES];
            size_t na = 0;
            const meta_pair *p;
            if ((p = meta_get(raw, PUBLISHED_KEYS, sizeof PUBLISHED_KEYS / sizeof *PUBLISHED_KEYS)))
                alt[na] = p, alt_src[na++] = meta_source_of_key(p->key);
            for (uint32_t i = 0; i < raw->n_props && na < 2; i++)
                if (!strcasecmp(raw->props[i].key, "datePublished")) alt[na] = &raw->props[i], alt_src[na++] = MS_MICRODATA;
            for (uint32_t i = 0; i < raw->n_times && na < 2 + MAX_ALT_TIMES; i++)
                if (raw->times[i].key_len != 3 || memcmp(raw->times[i].key, "mod", 3))
                    alt[na] = &raw->times[i], alt_src[na++] = MS_TIME;
            for (size_t k = 0; k < na; k++) {
                date_val x;
                if (date_parse(alt[k]->val, alt[k]->val_len, &x) && day_distance(&x, &vis) == 0) {
                    date_format(&x, m->published, sizeof m->published);
                    m->published_src = alt_src[k];
                    break;
                }
            }
        }
    }
}

static void localize_published(metadata *m, const page *pg, const selection *sel, const meta_raw *raw) {
    /* A UTC timestamp names an instant, the reader's page a local day: when
     * the visible date by the article is the day before or after, the page
     * was published across midnight from UTC, and the local reading wins
     * (with the offset the two times imply, when the text gives a time). */
    int localized = 0;
    date_val pub = {0};
    if (m->published_src && m->published_src != MS_TEXT &&
        date_parse(m->published, strlen(m->published), &pub) && pub.has_tz && pub.tz_minutes == 0 && pub.hour >= 0) {
        /* a <time> that prints the same instant as a wall-clock time gives the zone itself */
        for (uint32_t i = 0; i < raw->n_times && !localized; i++) {
            date_val l;
            int off;
            if (date_parse(raw->times[i].val, raw->times[i].val_len, &l) && wall_clock_offset(&pub, &l, &off)) {
                l.has_tz = 1, l.tz_minutes = (int16_t)off;
                date_format(&l, m->published, sizeof m->published);
                localized = 1;
            }
        }
    }
    if (!localized && m->published_src && m->published_src != MS_TEXT && pg->n_blocks && pub.has_tz &&
        pub.tz_minutes == 0 && pub.hour >= 0) {
        date_val txt;
        if (visible_date(pg, sel, 0, &txt) && day_distance(&pub, &txt) == 1 &&
            crosses_midnight(&pub, txt_before(&txt, &pub) ? -1 : 1, central_european(m))) {
            int offset = 0;
            if (txt.hour >= 0) {
                int mins = (txt.hour * 60 + txt.minute) - (pub.hour * 60 + pub.minute);
                mins += (txt.day != pub.day) ? (txt_before(&txt, &pub) ? -1440 : 1440) : 0;
                offset = (int)((mins + (mins < 0 ? -7 : 7)) / 15) * 15;
            }
            if (txt.hour >= 0 && offset >= -720 && offset <= 840) {
                txt.second = pub.second;
                txt.has_tz = 1, txt.tz_minutes = (int16_t)offset;
            }
            date_format(&txt, m->published, sizeof m->published);
            localized = 1;
        }
    }
    if (!localized && central_european(m)) {
        localize(m->published, sizeof m->published);
        localize(m->modified, sizeof m->modified);
    }
}

/* The last modification: JSON-LD (read before), meta keys, microdata, a <time> marked so. */
static void modified_choose(metadata *m, const meta_raw *raw) {
    const meta_pair *p = meta_get(raw, MODIFIED_KEYS, sizeof MODIFIED_KEYS / sizeof *MODIFIED_KEYS);
    if (p) set_date_from(p->val, p->val_len, meta_source_of_key(p->key), m->modified, sizeof m->modified, &m->modified_src);
    for (uint32_t i = 0; i < raw->n_props; i++)
        if (!strcasecmp(raw->props[i].key, "dateModified"))
            set_date_from(raw->props[i].val, raw->props[i].val_len, MS_MICRODATA, m->modified, sizeof m->modified,
                          &m->modified_src);
    for (uint32_t i = 0; i < raw->n_times && !m->modified_src; i++)
        if (raw->times[i].key_len == 3 && !memcmp(raw->times[i].key, "mod", 3))
            set_date_from(raw->times[i].val, raw->times[i].val_len, MS_TIME, m->modified, sizeof m->modified,
                          &m->modified_src);
}

void dates_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, const char *url,
                  const char *html, size_t html_len, const date_val *crawl) {
    modified_choose(m, raw);
    shown_date shown;
    int have_shown = dateline_find(pg, sel, crawl, &shown);
    if (have_shown && shown.either_way == 2 && month_first(m)) {
        int8_t d = shown.d.day;
        shown.d.day = shown.d.month, shown.d.month = d;
    }
    published_candidates(m, pg, sel, raw, url, html, html_len, have_shown ? &shown : NULL);
    if (!have_shown || !side_with_page(m, raw, url, &shown)) settle_on_visible(m, pg, sel, raw);
    localize_published(m, pg, sel, raw);
}
