#include "dates.h"
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
            /* "5. März 2019" */
            if (sep == '.') {
                k = skip_spaces(s, n, j + 1);
                if ((mon = read_month(s, n, &k))) {
                    k = skip_spaces(s, n, k);
                    if (read_num(s, n, &k, 4, 4, &c)) {
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
        if (!read_num(s, n, &k, 4, 4, &c)) return 0;
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
        if (!read_num(s, n, &j, 4, 4, &c)) return 0;
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
            if (is_alpha_byte(c) && (is_alpha_byte(p) || is_digit(p))) continue;
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
