/* Quotations and their speakers, by rule.
 *
 * 1. Tokens: words, punctuation, quote marks, paragraph breaks.
 * 2. Quote marks are paired per paragraph (curly, straight, guillemets,
 *    German and CJK forms; single quotes only outside double ones, an
 *    apostrophe inside a word is never a mark). An unclosed quotation whose
 *    next paragraph reopens with a mark continues there; one that does not
 *    ends with its paragraph, so odd marks never derail the rest.
 * 3. Each quotation looks for its cue in its own sentence: after it
 *    ("…," she said / said Smith / according to X / ― X), else before it
 *    (X said: "…" / X said her "…" / "According to X"), else in a colon line
 *    just before its paragraph. No cue: it continues the quotation before it
 *    when that one is near, else a short one (a term, a scare quote) is left
 *    out and a long one kept without a speaker.
 * 4. The mention at the cue is a pronoun, a run of capitalised words (an
 *    appositive "Smith, a doctor," is passed over), or a noun phrase from
 *    its determiner; after "and" or a participle ("…, saying") it is the
 *    sentence's subject.
 * 5. People: runs of capitalised words; a surname alone, a pronoun or a
 *    definite description ("the 45-year-old") refers back to the latest
 *    person mentioned outside quotations, a pronoun only to one the article
 *    has not tied to the other pronoun. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

static const char *const TITLE_BEFORE[] = {"film", "movie", "book", "song", "album", "show", "series", "novel",
                                           "titled", "entitled", "play", "single", "hashtag", "slogan", "headline",
                                           "column", "article", "documentary", "episode", "programme", "program",
                                           "nickname", "moniker", "catchphrase", "motto", "magazine", "newspaper"};


/* Is raw quotation i in the same sentence as the one before it? */
/* Is the kept quotation before raw quotation i in the same sentence (a title left out earlier in the
 * sentence does not count)? */
static int same_sentence_prev(const qctx *c, const int32_t *entry_of, uint32_t i, uint32_t ss) {
    return i > 0 && entry_of[i - 1] >= 0 && sentence_start(&c->t, c->q[i - 1].open) == ss;
}

/* The title of a show, book or film: quoted words that are all capitalised
 * (small words apart), after a possessive ("MSNBC’s “Morning Joe”"), after
 * "of"/"on", or named by a word like "film" just before. */
static int looks_like_title(const qctx *c, const qraw *q) {
    if (q->open == 0) return 0;
    const tok *b = &c->t.v[q->open - 1];
    if (IN(c->text, b, TITLE_BEFORE)) return 1;
    if (is_p(b, ',') && q->open >= 2 && IN(c->text, &c->t.v[q->open - 2], TITLE_BEFORE)) return 1; /* "documentary, “13th”" */
    static const char *const SMALL[] = {"and", "of", "the", "a", "an", "in", "on", "to", "for", "with", "at", "it"};
    uint32_t words = 0, caps = 0;
    for (uint32_t i = q->open + 1; i < q->close; i++) {
        const tok *k = &c->t.v[i];
        if (k->kind != T_WORD) continue;
        words++;
        caps += k->cap || (c->text[k->s] >= '0' && c->text[k->s] <= '9') || (words > 1 && IN(c->text, k, SMALL));
    }
    if (!words || words > 7 || caps != words) return 0;
    int possessive = b->kind == T_WORD && b->e - b->s > 2 &&
                     (!memcmp(c->text + b->e - 2, "'s", 2) ||
                      (b->e - b->s > 4 && !memcmp(c->text + b->e - 4, "\xE2\x80\x99s", 4)));
    static const char *const OWNERS[] = {"his", "her", "their", "its", "our", "my", "your"};
    int year = b->kind == T_WORD && b->e - b->s == 4 && c->text[b->s] >= '1' && c->text[b->s] <= '2';
    return possessive || year || IN(c->text, b, OWNERS) || tok_is(c->text, b, "of") || tok_is(c->text, b, "on");
}

/* For the people layer: 2 a speech verb that may stand before its speaker ("…,” said Smith"), 1 a
 * cue whose following name is its object ("accused Smith", "told Smith"), 0 no cue. */
/* The end of the sentence after raw quotation i (where its cue may stand). */
static uint32_t sentence_after(const qctx *c, uint32_t i) {
    const qraw *r = &c->q[i];
    uint32_t hi = r->close + 1;
    while (hi < c->t.n && !sentence_end(&c->t, hi)) {
        /* the next quotation ends the search, unless it is a word or two (a nickname) */
        if (c->t.v[hi].kind == T_DQ_OPEN || c->t.v[hi].kind == T_DQ_STRAIGHT) {
            if (!(i + 1 < c->nq && c->q[i + 1].open == hi && c->q[i + 1].words <= 2)) break;
            hi = c->q[i + 1].close; /* past the nickname (an unclosed one: to the text's end) */
            if (hi >= c->t.n) break;
        }
        hi++;
    }
    return hi > c->t.n ? c->t.n : hi;
}

/* "Lacerda added during the massage Epstein exposed himself.¶ “And then …”": a quotation that opens
 * a paragraph with no cue, after a paragraph whose last sentence reports someone's words without
 * quoting them. */
static found reported_before(const qctx *c, uint32_t open) {
    found f;
    memset(&f, 0, sizeof f);
    if (open < 2 || c->t.v[open - 1].kind != T_PARA) return f;
    uint32_t pe = open - 1, ps = sentence_start(&c->t, pe - 1);
    for (uint32_t k = ps; k < pe; k++)
        if (c->t.v[k].inq) return f;
    for (uint32_t k = ps; k < pe; k++) {
        const cue_form *cf = cue_at(c, k);
        if (!cf) continue;
        mention m = cf->participle ? subject_of(c, ps, k) : np_left(c, k, ps);
        if (m.e && (m.name || m.pronoun == 1 || m.pronoun == 2)) f.m = m, f.ok = 1, f.cue_tok = UINT32_MAX;
        return f;
    }
    return f;
}

enum { INTERVIEW_GAP = 4 }; /* paragraphs */

/* Does a description's head name someone who can speak ("the minister", "the agency", "officials")? */
static int speaker_noun(const qctx *c, mention m) {
    uint32_t e = words_at(&c->t, m.e - 1);
    return (word_flags(c->text, &c->t.v[e]) & (LEX_ROLE | LEX_ORG_HEAD | LEX_GROUP)) != 0 || noun_gender(c->text, &c->t.v[e]) ||
           document_noun(c->text, &c->t.v[e]);
}

/* "WALLACE: Let’s start …": a line of a transcript, its speaker named in capitals before a colon. */
static int transcript_line(const qctx *c, const qraw *r) {
    uint32_t k = r->open + 1;
    if (k + 1 >= c->t.n || c->t.v[k].kind != T_WORD || !is_p(&c->t.v[k + 1], ':')) return 0;
    for (uint32_t b = c->t.v[k].s; b < c->t.v[k].e; b++)
        if (c->text[b] >= 'a' && c->text[b] <= 'z') return 0;
    return c->t.v[k].e - c->t.v[k].s >= 2;
}

static int is_cue(const char *text, const tok *k) {
    static const char *const INVERTS[] = {"say", "add", "write", "ask", "explain", "note", "continue", "recall",
                                          "reply", "respond", "tweet", "post", "state", "declare", "warn", "insist",
                                          "argue", "claim", "conclude", "observe", "remark", "quip", "joke",
                                          "admit", "concede", "suggest", "counter", "muse", "answer"};
    const cue_form *cf = cue_of(text, k);
    if (!cf) return 0;
    for (size_t i = 0; i < sizeof INVERTS / sizeof *INVERTS; i++)
        if (!strcmp(cf->lemma, INVERTS[i])) return 2;
    return 1;
}

int quotes_find(const char *text, size_t len, size_t from, size_t to, arena *a, int (*stop)(void *), void *stop_ctx,
                quotes_result *out) {
    memset(out, 0, sizeof *out);
    if (to > len) to = len;
    if (from >= to) return 0;
    qctx c;
    memset(&c, 0, sizeof c);
    c.text = text;
    c.a = a;
    c.stop = stop, c.stop_ctx = stop_ctx;
    if (words_tokenize(&c.t, text, from, to, a)) return -1;
    if (!c.t.n) return 0;
    c.para_of = arena_alloc(a, c.t.n * sizeof *c.para_of);
    if (!c.para_of || pair_marks(&c)) return -1;
    int prc = people_scan(&c.pp, text, &c.t, a, is_cue, stop, stop_ctx);
    if (prc) return prc;
    if (c.stop && c.stop(c.stop_ctx)) return -2;
    quote *qs = arena_alloc(a, (c.nq ? c.nq : 1) * sizeof *qs);
    int32_t *entry_of = arena_alloc(a, (c.nq ? c.nq : 1) * sizeof *entry_of);  /* raw quotation -> entry */
    uint32_t *cue_tok = arena_alloc(a, (c.nq ? c.nq : 1) * sizeof *cue_tok);   /* entry -> its cue token */
    if (!qs || !entry_of || !cue_tok) return -1;
    uint32_t nout = 0, last_para = 0;
    int32_t last = -1; /* the latest entry with a speaker */
    for (uint32_t i = 0; i < c.nq; i++) {
        if (c.stop && !(i & 31) && c.stop(c.stop_ctx)) return -2;
        qraw *r = &c.q[i];
        if (r->close >= c.t.n) r->close = c.t.n - 1;
        uint32_t ss = sentence_start(&c.t, r->open);
        uint32_t hi = sentence_after(&c, i);
        /* a quotation that opens its sentence has its cue after it; one
         * inside a sentence mostly before it ("said her …"), else just after */
        int opens = 1;
        for (uint32_t k = ss; k < r->open; k++)
            if (c.t.v[k].kind == T_WORD) { opens = 0; break; }
        found f;
        if (opens) {
            f = after_quote(&c, r->close, hi, 30);
            if (!f.ok) f = before_quote(&c, r->open, ss);
            if (!f.ok && r->open == ss) f = colon_line(&c, r->open);
        } else {
            f = before_quote(&c, r->open, ss);
            if (!f.ok) f = after_quote(&c, r->close, hi, 8);
        }
        /* a quotation that opens its sentence with no cue, after a sentence of
         * the same paragraph that attributes something to someone ("… called
         * him a master of the deal. “He showed …”"): that someone */
        if (!f.ok && opens && ss > 0 && c.t.v[ss - 1].kind != T_PARA) {
            uint32_t ps = sentence_start(&c.t, ss - 1);
            /* (a sentence with a quotation of its own: this one continues that) */
            for (uint32_t k = ps; k < ss; k++)
                if (c.t.v[k].inq) { ps = ss; break; }
            for (uint32_t k = ss - 1; k-- > ps && !f.ok;) {
                const cue_form *cf = c.t.v[k].inq ? NULL : cue_at(&c, k);
                if (!cf) continue;
                mention pm = cf->participle ? subject_of(&c, ps, k) : np_left(&c, k, ps);
                /* "…, says Yao.": a cue before its speaker at the sentence's end */
                if (k > ps && is_p(&c.t.v[k - 1], ',') && k + 1 < ss && name_word(text, &c.t.v[k + 1]) &&
                    strcmp(cf->lemma, "tell") && !(pm.e && (pm.name || pm.pronoun))) {
                    mention rm = np_right(&c, k + 1, ss);
                    if (rm.e && rm.name) pm = rm;
                }
                if (pm.e && (pm.name || pm.pronoun == 1 || pm.pronoun == 2)) {
                    memset(&f, 0, sizeof f);
                    f.m = pm, f.ok = 1, f.cue_s = c.t.v[k].s, f.cue_e = c.t.v[k].e, f.lemma = cf->lemma, f.cue_tok = k;
                }
            }
        }
        /* a quotation that runs on over paragraphs has its cue after its last part */
        if (!f.ok && r->continues) {
            uint32_t e = i;
            while (e + 1 < c.nq && c.q[e].continues) e++;
            f = after_quote(&c, c.q[e].close, sentence_after(&c, e), 30);
        }
        int reported = 0; /* the speaker comes from reported speech in the paragraph before */
        if (!f.ok && opens && r->open == ss) {
            f = reported_before(&c, r->open);
            reported = f.ok;
        }
        entry_of[i] = -1;
        if (looks_like_title(&c, r)) continue;
        /* the entry of the quotation just before, when it was kept */
        quote *prev = i > 0 && entry_of[i - 1] >= 0 ? &qs[entry_of[i - 1]] : NULL;
        int near = prev && c.para_of[r->open] <= c.para_of[c.q[i - 1].open] + 1;
        /* one quotation in several parts: run on into this paragraph, or in one
         * sentence around its cue ("…," she said, "…"), or a second fragment
         * of the same reported speech */
        int same_sentence = prev && sentence_start(&c.t, c.q[i - 1].open) == ss;
        int cont_para = prev && c.q[i - 1].continues;
        int same_cue = prev && f.ok && f.cue_tok == cue_tok[entry_of[i - 1]] && prev->cue.end;
        if (prev && (cont_para || (same_sentence && (!f.ok || same_cue))) && prev->n_parts < QUOTE_MAX_PARTS) {
            prev->parts[prev->n_parts++] = (qspan){r->s, r->e};
            entry_of[i] = entry_of[i - 1];
            continue;
        }
        /* no cue: words quoted inside a sentence about a named person (or a
         * pronoun) are theirs ("Reid has gone after Trump as a “con artist”") */
        int subject_only = 0;
        if (!f.ok && !opens && !same_sentence_prev(&c, entry_of, i, ss)) {
            /* the clause that holds the quotation: after the last semicolon ("I ask Blair …; he
             * has visited the region … and so professes to “know the detail”") */
            uint32_t cs = ss;
            for (uint32_t k = ss; k < r->open; k++)
                if (is_p(&c.t.v[k], ';') && !c.t.v[k].inq) cs = k + 1;
            mention sm = subject_of(&c, cs, r->open);
            /* a person, a group, an organisation or a document speaks; the narrator's "I" does not */
            if (sm.pronoun == 5 || (sm.definite && !speaker_noun(&c, sm))) sm.e = 0;
            /* the quotation is not part of the subject itself ("The so-called “experts” had said") */
            uint32_t between = 0;
            for (uint32_t k = cs; k < r->open; k++) between += c.t.v[k].s >= sm.e && c.t.v[k].kind == T_WORD;
            if (sm.e && between >= 2 && (sm.name || sm.pronoun || sm.definite)) {
                memset(&f, 0, sizeof f);
                f.m = sm, f.ok = 1, f.embedded = 1, f.cue_tok = UINT32_MAX;
                subject_only = 1;
            }
        }
        /* a term or a scare quote; but a short sentence quoted right after a
         * speaker's quotation is theirs ("…?” Graham asked. “Neither do I.”) */
        if (!f.ok && r->words <= 4 && !(opens && near && c.para_of[r->open] == c.para_of[c.q[i - 1].open])) continue;
        if (!f.ok && !near) {
            /* the same words quoted again without a speaker (a headline shown twice) */
            int again = 0;
            for (uint32_t k = 0; k < nout && !again; k++)
                again = qs[k].parts[0].end - qs[k].parts[0].start == r->e - r->s &&
                        !memcmp(text + qs[k].parts[0].start, text + r->s, r->e - r->s);
            if (again) continue;
        }
        if (r->single && !f.ok && r->words < 6) continue;
        if (r->single == 2 && (!f.ok || subject_only || reported)) continue;
        quote *q = &qs[nout];
        memset(q, 0, sizeof *q);
        q->parts[q->n_parts++] = (qspan){r->s, r->e};
        q->person = -1;
        if (f.ok) {
            if (!subject_only) q->cue = (qspan){f.cue_s, f.cue_e};
            q->cue_lemma = f.lemma;
            q->type = f.embedded || r->words <= 4 ? QT_MIXED : QT_DIRECT;
            q->person = people_resolve(&c.pp, &f.m, words_at(&c.t, f.m.s), &q->mention);
            if (f.m.shown_e) q->mention = (qspan){f.m.shown_s, f.m.shown_e};
            if (q->person >= 0) {
                person *x = &c.pp.v[q->person];
                if (!f.m.pronoun && !f.m.name) people_mention(&c.pp, q->person, f.m.s, f.m.e, MT_DESCRIPTION);
                x->spoke = 1;
                q->speaker = x->name;
            }
            q->confidence = subject_only ? 0.4f : f.m.name ? 0.9f : f.m.pronoun ? 0.75f : 0.7f;
            uint32_t ch_from = ss, ch_to = hi;
            q->channel = channel_in(&c, ch_from, ch_to);
        } else if (near) {
            /* a floating quotation: the speaker of the one before */
            q->type = QT_CONTINUATION;
            q->mention = prev->mention;
            q->person = prev->person;
            q->speaker = prev->speaker;
            q->channel = prev->channel;
            q->confidence = 0.6f;
        } else if (last >= 0 && qs[last].person >= 0 && r->words >= 6 && r->open == ss &&
                   c.t.v[r->open - (r->open > 0)].kind == T_PARA &&
                   (r->close + 1 >= c.t.n || c.t.v[r->close + 1].kind == T_PARA || r->continues) &&
                   c.para_of[r->open] <= last_para + INTERVIEW_GAP && !transcript_line(&c, r) &&
                   !(r->open >= 2 && is_p(&c.t.v[r->open - 2], ':'))) {
            /* an interview: a paragraph of quoted words with no cue, a few paragraphs after the
             * last speaker's, is theirs */
            q->type = QT_CONTINUATION;
            q->mention = qs[last].mention;
            q->person = qs[last].person;
            q->speaker = qs[last].speaker;
            q->confidence = 0.5f;
        } else {
            continue; /* no cue, nothing to continue: not an attribution (a sign, a transcript line) */
        }
        if (reported) q->type = QT_CONTINUATION, q->cue = (qspan){0, 0}, q->cue_lemma = NULL, q->confidence = 0.5f;
        cue_tok[nout] = f.ok ? f.cue_tok : UINT32_MAX;
        if (q->person >= 0) last = (int32_t)nout, last_para = c.para_of[r->open];
        entry_of[i] = (int32_t)nout++;
    }
    out->quotes = qs;
    out->n_quotes = nout;
    for (uint32_t k = 0; k < nout; k++)
        if (qs[k].person >= 0) c.pp.v[qs[k].person].quotes++;
    out->people = c.pp.v;
    out->n_people = c.pp.n;
    return 0;
}

