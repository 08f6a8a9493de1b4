/* Metadata of scraped text: what the lines around the story say (headline,
 * the site's name, a byline, a credit line), the first date the story or
 * its head gives (its weekday checked when one is named), and the marks of
 * social media that any article can carry (hashtags, handles). */
#include "metadata.h"
#include "fields.h"
#include "agency.h"
#include "../people/names.h"
#include "langid.h"
#include <string.h>
#include <strings.h>

static const char *block_text(const page *pg, int32_t i, arena *a) {
    if (i < 0 || (uint32_t)i >= pg->n_blocks) return NULL;
    const xblock *b = &pg->blocks[i];
    return arena_strndup(a, pg->text.data + b->text_off, b->text_len);
}

/* 0 = Sunday .. 6 = Saturday (Sakamoto's method). */
static int weekday(int y, int m, int d) {
    static const int T[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + T[m - 1] + d) % 7;
}

/* A weekday named just before a date ("Tuesday (21Aug18)", "Mon, 5 March"):
 * its number, or -1. */
static int weekday_before(const char *s, size_t at) {
    static const char *const DAYS[7][4] = {
        {"sunday", "sonntag", "dimanche", "domingo"}, {"monday", "montag", "lundi", "lunes"},
        {"tuesday", "dienstag", "mardi", "martes"},   {"wednesday", "mittwoch", "mercredi", "miércoles"},
        {"thursday", "donnerstag", "jeudi", "jueves"}, {"friday", "freitag", "vendredi", "viernes"},
        {"saturday", "samstag", "samedi", "sábado"}};
    /* the word before the date, past spaces, commas, dots and an opening parenthesis */
    size_t e = at;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ',' || s[e - 1] == '(' || s[e - 1] == '.')) e--;
    size_t b = e;
    while (b > 0 && e - b < 12 && (((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z') || (unsigned char)s[b - 1] >= 0x80))
        b--;
    if (b == e) return -1;
    for (int wd = 0; wd < 7; wd++)
        for (int k = 0; k < 4; k++)
            if (strlen(DAYS[wd][k]) == e - b && !strncasecmp(s + b, DAYS[wd][k], e - b)) return wd;
    return -1;
}

static int word_byte(unsigned char c);

/* The first date in t whose named weekday (if any) agrees. */
static int date_checked(const char *t, size_t n, date_val *out) {
    size_t off = 0, at;
    while (off < n && date_find(t + off, n - off, out, &at)) {
        int wd = weekday_before(t + off, at);
        if (wd < 0 || wd == weekday(out->year, out->month, out->day)) return 1;
        /* past the rejected date's token, so its tail is not read as another date */
        off += at + 1;
        while (off < n && (word_byte((unsigned char)t[off]) || t[off] == '.' || t[off] == '/')) off++;
    }
    return 0;
}

static int has_letter(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (unsigned char)s[i] >= 0xC0) return 1;
    return 0;
}

static int word_byte(unsigned char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 1 : (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static void add_mark(metadata *m, arena *a, const char *w, size_t l, int site) {
    const char **list = w[0] == '#' ? m->hashtags : m->handles;
    uint32_t *count = w[0] == '#' ? &m->n_hashtags : &m->n_handles;
    uint32_t cap = w[0] == '#' ? sizeof m->hashtags / sizeof *m->hashtags : sizeof m->handles / sizeof *m->handles;
    if (*count >= cap) return;
    for (uint32_t k = 0; k < *count; k++)
        if (strlen(list[k]) == l && !strncasecmp(list[k], w, l)) return;
    if (w[0] == '@') m->handle_site[*count] = (uint8_t)site;
    list[(*count)++] = arena_strndup(a, w, l);
}

void social_marks(metadata *m, arena *a, const char *t, size_t n, int site) {
    if (!t || !n) return; /* an empty text may have no buffer at all */
    for (int pass = 0; pass < 2; pass++) {
        char mark = pass ? '@' : '#';
        for (const char *p = t, *e = t + n; (p = memchr(p, mark, (size_t)(e - p))); p++) {
            size_t i = (size_t)(p - t);
            if (i > 0 && word_byte((unsigned char)t[i - 1])) continue;
            size_t j = i + 1;
            while (j < n && word_byte((unsigned char)t[j]) && j - i < 60) j++;
            while (j < n && ((unsigned char)t[j] & 0xC0) == 0x80) j--; /* the cap cut a character: end before it */
            /* a hashtag names a topic (#MeToo, not #1); a handle is not an
             * e-mail's domain and ends where the word ends */
            if (j - i < 3 || !has_letter(t + i + 1, j - i - 1)) continue;
            if (mark == '@' && j + 1 < n && t[j] == '.' && word_byte((unsigned char)t[j + 1])) continue;
            add_mark(m, a, t + i, j - i, site);
            p = t + j - 1;
        }
    }
}

int metadata_from_text(const page *pg, const selection *sel, const text_info *ti, arena *a, const char *text,
                       size_t text_len, metadata *m) {
    memset(m, 0, sizeof *m);
    m->title = block_text(pg, ti->title_block, a);
    if (m->title) m->title_src = MS_TEXT;
    m->site_name = block_text(pg, ti->site_block, a);
    if (m->site_name) m->site_src = MS_TEXT;
    const char *by = block_text(pg, ti->byline_block, a);
    if (by) {
        m->n_authors = authors_clean(a, by, strlen(by), m->authors, META_MAX_AUTHORS);
        if (m->n_authors) m->byline = by, m->authors_src = MS_TEXT;
        uint32_t orgs = 0; /* a byline that names only organisations ("Harbour Holdings Ltd") */
        for (uint32_t i = 0; i < m->n_authors; i++) orgs += author_kind(m->authors[i]) == EK_ORG;
        m->authors_are_organization = orgs && orgs == m->n_authors;
    }
    /* the agency: a dateline in the first paragraph, or a credit line after the story */
    const char *first = sel->n_kept ? block_text(pg, (int32_t)sel->kept[0], a) : NULL;
    const char *credit = block_text(pg, ti->credit_block, a);
    m->agency = agency_in_text(first, first ? strlen(first) : 0, credit, credit ? strlen(credit) : 0);
    if (m->agency) m->agency_src = MS_TEXT;
    /* the date: the lines before the story, then the story */
    date_val d;
    int found = 0;
    uint32_t head = sel->n_kept ? sel->kept[0] : sel->from;
    for (uint32_t i = head > 8 ? head - 8 : 0; i < head && !found; i++) {
        const xblock *b = &pg->blocks[i];
        found = date_checked(pg->text.data + b->text_off, b->text_len, &d);
    }
    /* a story gives its date early: its first 4 KB are searched */
    if (!found && text_len) found = date_checked(text, text_len < 4096 ? text_len : 4096, &d);
    if (found) {
        date_format(&d, m->published, sizeof m->published);
        m->published_src = MS_TEXT;
    }
    langid_result li;
    if (text_len && langid_detect(text, text_len, NULL, &li)) {
        memcpy(m->language, li.code, sizeof m->language);
        m->language_confidence = li.confidence;
    }
    m->page_type = text_len >= 300 ? "article" : "other";
    /* hashtags of the story (headline and text); handles in the story are
     * its own, handles in the chrome the site's */
    if (m->title) social_marks(m, a, m->title, strlen(m->title), 0);
    social_marks(m, a, text, text_len, 0);
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        if (!ti->chrome[i]) continue;
        const xblock *b = &pg->blocks[i];
        const char *t = pg->text.data + b->text_off;
        for (size_t k = 0; k < b->text_len; k++)
            if (t[k] == '@') {
                metadata hm;
                memset(&hm, 0, sizeof hm);
                social_marks(&hm, a, t, b->text_len, 1);
                for (uint32_t h = 0; h < hm.n_handles && m->n_handles < sizeof m->handles / sizeof *m->handles; h++) {
                    int dup = 0;
                    for (uint32_t q = 0; q < m->n_handles; q++) dup |= !strcasecmp(m->handles[q], hm.handles[h]);
                    if (!dup) m->handle_site[m->n_handles] = 1, m->handles[m->n_handles++] = hm.handles[h];
                }
                break;
            }
    }
    return 0;
}

void social_choose(metadata *m, const meta_raw *raw, arena *a, const char *text, size_t text_len) {
    static const char *const TW[] = {"twitter:site"};
    const meta_pair *tw = meta_get(raw, TW, 1);
    if (tw && tw->val_len > 1 && tw->val[0] == '@') social_marks(m, a, tw->val, tw->val_len, 1);
    if (m->title) social_marks(m, a, m->title, strlen(m->title), 0);
    if (text_len) social_marks(m, a, text, text_len, 0);
}
