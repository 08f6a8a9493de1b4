/* Wire services and content agencies: credited in bylines ("By The Associated
 * Press"), as authors in structured data, in datelines ("BERLIN (dpa) -") and
 * in credit lines that end a story ("– Cover Media", "(c) 2019 Reuters"); and the choice of the one a
 * page credits. */
#include "agency.h"
#include "fields.h"
#include <string.h>
#include <strings.h>

typedef struct { const char *alias; const char *name; uint8_t exact_case; } agency_alias;

/* Short aliases that are also words ("AP", "PA", "TT") match with their case only. */
static const agency_alias AGENCIES[] = {
    {"AP", "AP", 1}, {"Associated Press", "AP", 0}, {"The Associated Press", "AP", 0},
    {"Reuters", "Reuters", 0}, {"Thomson Reuters", "Reuters", 0},
    {"AFP", "AFP", 1}, {"Agence France-Presse", "AFP", 0}, {"Agence France Presse", "AFP", 0},
    {"dpa", "dpa", 0}, {"Deutsche Presse-Agentur", "dpa", 0}, {"dpa-AFX", "dpa-AFX", 0},
    {"PA", "PA", 1}, {"PA Media", "PA", 0}, {"Press Association", "PA", 0}, {"PA Wire", "PA", 0},
    {"The Canadian Press", "The Canadian Press", 0}, {"Canadian Press", "The Canadian Press", 0}, {"CP", "The Canadian Press", 1},
    {"Cover Media", "Cover Media", 0}, {"WENN", "WENN", 1}, {"Bang Showbiz", "Bang Showbiz", 0},
    {"UPI", "UPI", 1}, {"United Press International", "UPI", 0},
    {"Bloomberg", "Bloomberg", 0}, {"Bloomberg News", "Bloomberg", 0},
    {"ANSA", "ANSA", 1}, {"EFE", "EFE", 1}, {"Europa Press", "Europa Press", 0}, {"APA", "APA", 1},
    {"SDA", "SDA", 1}, {"Keystone-SDA", "Keystone-SDA", 0}, {"KNA", "KNA", 1}, {"epd", "epd", 1},
    {"AAP", "AAP", 1}, {"Australian Associated Press", "AAP", 0}, {"Kyodo", "Kyodo", 0},
    {"Kyodo News", "Kyodo", 0}, {"Xinhua", "Xinhua", 0}, {"TASS", "TASS", 1}, {"Yonhap", "Yonhap", 0},
    {"Anadolu", "Anadolu", 0}, {"Anadolu Agency", "Anadolu", 0}, {"ANP", "ANP", 1}, {"Belga", "Belga", 0},
    {"Lusa", "Lusa", 0}, {"NTB", "NTB", 1}, {"TT", "TT", 1}, {"Ritzau", "Ritzau", 0}, {"STT", "STT", 1},
    {"PAP", "PAP", 1}, {"ČTK", "ČTK", 1}, {"MTI", "MTI", 1}, {"Agencia EFE", "EFE", 0}, {"RIA Novosti", "RIA Novosti", 0},
    {"Interfax", "Interfax", 0}, {"PTI", "PTI", 1}, {"Press Trust of India", "PTI", 0}, {"IANS", "IANS", 1},
    {"CNN Wire", "CNN Wire", 0}, {"Nexstar Media Wire", "Nexstar Media Wire", 0}, {"AP-NORC", "AP", 0},
};

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

const char *agency_match(const char *s, size_t n) {
    if (n > 4 && !strncasecmp(s, "(c) ", 4)) s += 4, n -= 4;
    for (;;) {
        while (n && (is_space(*s) || *s == '-' || *s == '(' || *s == '/' || *s == ',' || *s == '|')) s++, n--;
        /* en and em dashes, no-break space */
        if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)) { s += 3, n -= 3; continue; }
        if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) { s += 2, n -= 2; continue; }
        break;
    }
    while (n && (is_space(s[n - 1]) || s[n - 1] == ')' || s[n - 1] == '.' || s[n - 1] == ',')) n--;
    /* "By", "Von", "via", "Source:", "mit Material von" */
    static const char *const LEAD[] = {"by ", "von ", "via ", "source: ", "quelle: ", "mit material von ",
                                       "mit material der ", "mit ", "par ", "por ", "fonte: ", "bron: ", "©",
                                       "(c) ", "copyright "};
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; k < sizeof LEAD / sizeof *LEAD; k++) {
            size_t l = strlen(LEAD[k]);
            if (n > l && !strncasecmp(s, LEAD[k], l)) {
                s += l, n -= l;
                while (n && is_space(*s)) s++, n--;
                again = 1;
            }
        }
        /* a year after a copyright sign */
        if (n > 5 && s[0] >= '1' && s[0] <= '2' && s[4] == ' ') s += 5, n -= 5, again = 1;
    }
    for (size_t i = 0; i < sizeof AGENCIES / sizeof *AGENCIES; i++) {
        const agency_alias *a = &AGENCIES[i];
        size_t l = strlen(a->alias);
        if (l != n) continue;
        if (a->exact_case ? !memcmp(a->alias, s, n) : !strncasecmp(a->alias, s, n)) return a->name;
    }
    return NULL;
}

/* "(AP)", "(dpa)", "(Reuters)": a parenthesised credit in the first words. */
static const char *dateline_credit(const char *s, size_t n) {
    size_t lim = n < 120 ? n : 120;
    for (size_t i = 0; i < lim; i++) {
        if (s[i] != '(') continue;
        const char *close = memchr(s + i, ')', lim - i);
        if (!close) return NULL;
        const char *name = agency_match(s + i + 1, (size_t)(close - s - i - 1));
        if (name) return name;
        i = (size_t)(close - s);
    }
    return NULL;
}

const char *agency_in_text(const char *first, size_t first_len, const char *last, size_t last_len) {
    const char *a = first ? dateline_credit(first, first_len) : NULL;
    if (a) return a;
    if (!last || !last_len || last_len > 80) return NULL;
    /* a credit line of its own: "– Cover Media", "(c) 2019 Reuters", "(dpa)", "Source: AFP" */
    return agency_match(last, last_len);
}

/* ---- the choice ------------------------------------------------------ */

void agency_choose(metadata *m, const page *pg, const selection *sel) {
    /* an "author" that is an agency moves to agency; then the byline's parts, the dateline of the
     * first paragraph, a credit line at the end */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < m->n_authors; i++) {
        const char *ag = agency_match(m->authors[i], strlen(m->authors[i]));
        if (ag) {
            if (!m->agency) m->agency = ag, m->agency_src = m->authors_src;
        } else {
            m->authors[kept++] = m->authors[i];
        }
    }
    if (kept < m->n_authors && !kept) m->authors_are_organization = 1;
    m->n_authors = kept;
    if (!m->agency && m->byline) {
        const char *b = m->byline;
        size_t n = strlen(b), i = 0;
        while (i < n && !m->agency) {
            size_t j = i;
            while (j < n && b[j] != ',' && b[j] != '/' && b[j] != ';' && b[j] != '|' && b[j] != '&') j++;
            /* "FR mit dpa", "Jane Doe and AP": the agency after "mit"/"and" */
            const char *part = b + i;
            size_t pl = j - i;
            for (size_t k = 0; k + 5 <= pl && !m->agency; k++)
                if (!strncasecmp(part + k, " mit ", 5) || !strncasecmp(part + k, " and ", 5) ||
                    !strncasecmp(part + k, " und ", 5)) {
                    const char *ag = agency_match(part + k + 5, pl - k - 5);
                    if (ag) m->agency = ag, m->agency_src = m->authors_src;
                }
            const char *ag = agency_match(part, pl);
            if (ag && !m->agency) m->agency = ag, m->agency_src = m->authors_src;
            i = j + 1;
        }
    }
    if (!m->agency && sel->n_kept) {
        /* the first kept paragraph's dateline; the last lines of the region,
         * where a credit line stands (trimming may have left it out of the text) */
        const xblock *f = &pg->blocks[sel->kept[0]];
        const char *ag = agency_in_text(pg->text.data + f->text_off, f->text_len, NULL, 0);
        for (uint32_t i = sel->to, seen = 0; !ag && i-- > sel->from && seen < 3;) {
            const xblock *l = &pg->blocks[i];
            if (!l->w) continue;
            seen++;
            ag = agency_in_text(NULL, 0, pg->text.data + l->text_off, l->text_len);
        }
        if (ag) m->agency = ag, m->agency_src = MS_TEXT;
    }
}
