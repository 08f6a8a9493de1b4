/* Dates the page prints by its headline: the dateline over or under the <h1> ("Updated August 14,
 * 2025", "By Jane Doe · 12 March 2024", "Veröffentlicht am 3. Mai 2021"), with the label that says
 * what the date is in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish, and
 * relative ones ("3 hours ago") only against the crawl date. Comments, sidebars, teasers, related
 * lists (chrome the headline is not in) and copyright lines never give one. */
#include "metadata.h"
#include "fields.h"
#include "../extract/classify.h"
#include <string.h>
#include <strings.h>

static int word_byte(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

int date_label(const char *t, size_t before) {
    static const struct { const char *w; int kind; } LABELS[] = {
        {"published", 1}, {"posted", 1}, {"publish date", 1}, {"publication", 1}, {"veröffentlicht", 1},
        {"erschienen", 1}, {"publiziert", 1}, {"erstellt", 1}, {"publié", 1}, {"mis en ligne", 1},
        {"publicado", 1}, {"publicada", 1}, {"publicación", 1}, {"publicação", 1}, {"pubblicato", 1},
        {"pubblicata", 1}, {"pubblicazione", 1}, {"gepubliceerd", 1}, {"geplaatst", 1}, {"publicatie", 1},
        {"opublikowano", 1},
        {"updated", -1}, {"update:", -1}, {"modified", -1}, {"reviewed", -1}, {"revised", -1},
        {"aktualisiert", -1}, {"akt.", -1}, {"geändert", -1}, {"änderung", -1}, {"Änderung", -1}, {"stand:", -1},
        {"mis à jour", -1}, {"actualisé", -1}, {"modifié", -1}, {"actualizado", -1}, {"actualizada", -1},
        {"actualización", -1}, {"atualizado", -1}, {"atualizada", -1}, {"atualização", -1},
        {"aggiornato", -1}, {"aggiornata", -1}, {"aggiornamento", -1}, {"bijgewerkt", -1},
        {"gewijzigd", -1}, {"zaktualizowano", -1},
        /* a date the page is not of: until when something is on, when it ends or expires */
        {"until", DL_OTHER}, {"till", DL_OTHER}, {"expires", DL_OTHER}, {"available", DL_OTHER},
        {"verfügbar", DL_OTHER}, {"bis", DL_OTHER}, {"gültig", DL_OTHER}, {"jusqu", DL_OTHER},
        {"hasta", DL_OTHER}, {"fino al", DL_OTHER}, {"até", DL_OTHER}, {"tot en met", DL_OTHER},
        /* the print edition's day, not the web page's */
        {"ausgabe vom", DL_OTHER}, {"print edition", DL_OTHER}, {"édition du", DL_OTHER}};
    /* the nearest label before the date wins: from the date backwards, at word starts */
    for (size_t i = before, lo = before > 40 ? before - 40 : 0; i-- > lo;) {
        unsigned char c = (unsigned char)t[i];
        if (c == '|') break; /* a label beyond a bar is another item's ("Publication | 17 January") */
        if (i && word_byte((unsigned char)t[i - 1])) continue;
        c = (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        for (size_t k = 0; k < sizeof LABELS / sizeof *LABELS; k++) {
            size_t l = strlen(LABELS[k].w);
            if ((unsigned char)LABELS[k].w[0] == c && i + l <= before && !strncasecmp(t + i, LABELS[k].w, l))
                return LABELS[k].kind;
        }
    }
    return 0;
}

int copyright_date(const char *t, size_t at) {
    static const char *const MARKS[] = {"\xC2\xA9", "(c)", "copyright", "all rights reserved",
                                        "alle rechte vorbehalten", "tous droits réservés",
                                        "todos los derechos reservados", "tutti i diritti riservati"};
    /* the mark just before the date ("© 2024", "Copyright 1998-2024"); a footer that holds a
     * dateline and a copyright ("Erschienen am 01.11.2023 · © bei der Autorin") keeps its dateline */
    size_t lo = at > 40 ? at - 40 : 0;
    for (size_t k = 0; k < sizeof MARKS / sizeof *MARKS; k++) {
        size_t l = strlen(MARKS[k]);
        for (size_t i = lo; i + l <= at; i++)
            if (!strncasecmp(t + i, MARKS[k], l)) return 1;
    }
    return 0;
}

int date_block_excluded(const page *pg, uint32_t i) {
    /* a region of comments, a sidebar or navigation: more text than one meta box holds, for an
     * element whose name only mentions comments ("comments-date") or an <aside> with the article's
     * own date and tags is no such region */
    for (uint32_t e = pg->blocks[i].el; e != NO_EL; e = pg->els[e].parent) {
        const xel *x = &pg->els[e];
        if ((x->cls & CLS_COMMENT || x->tag == T_ASIDE || x->tag == T_NAV) && x->w > 200) {
            return 1;
        }
    }
    return 0;
}

uint8_t block_chrome(const page *pg, const selection *sel, uint32_t i) {
    const xblock *b = &pg->blocks[i];
    return sel->chrome && b->el != NO_EL ? sel->chrome[b->el] : 0;
}

/* The first date in t[from..n), written out or (with crawl) relative: the earlier of the two. */
static int next_date(const char *t, size_t n, size_t from, const date_val *crawl, date_val *d, size_t *at) {
    date_val r;
    size_t ra, da;
    int abs = date_find(t + from, n - from, d, &da);
    int rel = date_relative(t + from, n - from, crawl, &r, &ra);
    if (rel && (!abs || ra < da)) *d = r, da = ra;
    *at = from + da;
    return abs || rel;
}

/* "09.10.2024", "3/4/2021": a numeric date whose day and month could be either way round: 2 with
 * slashes or dashes (American English writes the month first so), 1 with dots (day first nearly
 * everywhere, though a site may still have it the other way), 0 not such a date. */
static int numeric_day_month(const char *t, size_t n) {
    size_t i = 0;
    int parts[2] = {0, 0};
    char sep = 0;
    for (int k = 0; k < 2; k++) {
        size_t d = 0;
        while (i < n && t[i] >= '0' && t[i] <= '9' && d < 3) parts[k] = parts[k] * 10 + (t[i++] - '0'), d++;
        if (!d || d > 2 || i >= n || (t[i] != '.' && t[i] != '/' && t[i] != '-')) return 0;
        sep = t[i++];
    }
    if (parts[0] < 1 || parts[0] > 12 || parts[1] < 1 || parts[1] > 12) return 0;
    return sep == '.' ? 1 : 2;
}

/* The label of a date at the start of block i that has none before it: a label block of its own
 * just before ("Last updated:" / "August 19, 2025"). */
static int label_before_block(const page *pg, uint32_t i, uint32_t from) {
    if (i == 0 || i - 1 < from) return 0;
    const xblock *p = &pg->blocks[i - 1];
    return p->text_len <= 40 ? date_label(pg->text.data + p->text_off, p->text_len) : 0;
}

/* The page's one h1, or NO_EL when it has none or several. */
static uint32_t only_h1(const page *pg) {
    uint32_t h = NO_EL;
    for (uint32_t i = 0; i < pg->n_blocks; i++)
        if (pg->blocks[i].kind == B_HEADING && pg->blocks[i].level == 1 && pg->blocks[i].text_len) {
            if (h != NO_EL) return NO_EL;
            h = i;
        }
    return h;
}

/* A labelled date on a line of its own further on ("Posted on April 13, 2023" after the article,
 * "Updated March 13, 2024" in an author box): the first one from the article's start to just after
 * its end, outside chrome. */
static int labelled_line(const page *pg, const selection *sel, const date_val *crawl, shown_date *out) {
    uint8_t base = sel->chrome && sel->root != NO_EL ? sel->chrome[sel->root] : 0;
    uint32_t to = sel->to + 12 < pg->n_blocks ? sel->to + 12 : pg->n_blocks;
    for (uint32_t i = sel->from > 12 ? sel->from - 12 : 0; i < to; i++) {
        const xblock *b = &pg->blocks[i];
        const char *t = pg->text.data + b->text_off;
        size_t n = b->text_len, at;
        date_val d;
        uint8_t ch = block_chrome(pg, sel, i) & ~base;
        if (n > 100 || ch & CH_CHROME || (ch & (CH_CAPTION | CH_META)) == CH_CAPTION || date_block_excluded(pg, i))
            continue;
        for (size_t off = 0; off < n && next_date(t, n, off, crawl, &d, &at); off = at + 1) {
            if (copyright_date(t, at)) continue;
            int label = date_label(t, at);
            if (label == 1 || label == -1) {
                *out = (shown_date){d, label, i, numeric_day_month(t + at, n - at), 1, {{0}, 0}};
                return 1;
            }
        }
    }
    return 0;
}

/* The dates of the zone around the headline h (or, with NO_EL, around the article's start) into
 * found[label + 1]. */
static void zone_dates(const page *pg, const selection *sel, const date_val *crawl, uint32_t h, int have[3],
                       shown_date found[3], shown_days *seen) {
    uint32_t from, to, start;
    uint8_t base;
    if (h != NO_EL) { /* from just over the headline to the article's text under it */
        from = h >= 2 ? h - 2 : 0, to = h + 14, start = h, base = block_chrome(pg, sel, h);
    } else {
        from = sel->from >= 6 ? sel->from - 6 : 0, to = sel->from + 8, start = sel->from;
        base = sel->chrome && sel->root != NO_EL ? sel->chrome[sel->root] : 0;
    }
    if (to > pg->n_blocks) to = pg->n_blocks;
    for (uint32_t i = from, paragraphs = 0; i < to; i++) {
        const xblock *b = &pg->blocks[i];
        const char *t = pg->text.data + b->text_off;
        size_t n = b->text_len;
        uint8_t ch = block_chrome(pg, sel, i) & ~base;
        /* chrome the headline is not in (nav, teasers, comments), but for a short line right by the
         * headline (a toolbar with the date); captions and figures, unless they are a byline too */
        if ((ch & CH_CHROME && !(h != NO_EL && i <= h + 3 && n <= 100)) || (ch & (CH_CAPTION | CH_META)) == CH_CAPTION)
            continue;
        /* running text: the article has begun after its second paragraph; a date in a sentence
         * counts only with a label ("The fair opens on 3 May" is no dateline) */
        int prose = n > 160 && !(ch & CH_META), line = n <= 100;
        if (prose && i > start && ++paragraphs >= 2) break;
        if (i < start && !line) continue; /* over the headline, kicker lines at most */
        /* a date in the headline is what it is about ("Results of 19.5.2007"), not when */
        if (i == h || (b->kind == B_HEADING && b->level == 1) || date_block_excluded(pg, i)) continue;
        date_val d;
        for (size_t off = 0, at; off < n && next_date(t, n, off, crawl, &d, &at); off = at + 1) {
            if (copyright_date(t, at)) continue;
            int label = date_label(t, at);
            if (!label && at <= 2) label = label_before_block(pg, i, from);
            if (label != DL_OTHER && seen->n < SHOWN_SEEN) seen->days[seen->n++] = date_day_number(&d);
            /* in running text only a dateline at its start: "published" further in is about
             * something else ("the report published on 3 May") */
            if (label == DL_OTHER || (!line && (!label || at > 60)) || have[label + 1]) continue;
            have[label + 1] = 1;
            found[label + 1] = (shown_date){d, label, i, numeric_day_month(t + at, n - at), 0, {{0}, 0}};
        }
    }
}

int dateline_find(const page *pg, const selection *sel, const date_val *crawl, shown_date *out) {
    if (!pg->n_blocks) return 0;
    int have[3] = {0, 0, 0}; /* by label: update, none, publication */
    shown_date found[3];
    shown_days seen = {{0}, 0};
    /* the headline by the article, else the page's only one when it comes before the article; then
     * the article's start */
    uint32_t h = article_h1_block(pg, sel);
    if (h == NO_EL && (h = only_h1(pg)) != NO_EL && h >= sel->from) h = NO_EL;
    if (h != NO_EL) zone_dates(pg, sel, crawl, h, have, found, &seen);
    int by_headline = have[0] || have[1] || have[2];
    if (!by_headline) zone_dates(pg, sel, crawl, NO_EL, have, found, &seen);
    /* a publication date before a bare one, a bare one (the page's own date) before an update */
    for (int k = 2; k >= 0; k--)
        if (have[k]) {
            *out = found[k];
            out->far = h != NO_EL && !by_headline; /* the headline is elsewhere: weaker */
            out->seen = seen;
            return 1;
        }
    return labelled_line(pg, sel, crawl, out);
}
