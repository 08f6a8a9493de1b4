/* Cues: the reporting verb of a quotation and where to look for it. */
#include "internal.h"
#include <string.h>

/* Cue verbs (English, and the commonest in the other languages of the corpora), sorted bytewise by
 * form: cue_of looks them up by bisection (tests/test_quotes.c checks the order). Besides verbs of
 * saying, verbs that characterise someone's words by quoting them ("dubbed", "slammed"). */
static const cue_form CUES[] = {
    {"accused", "accuse", 0}, {"accuses", "accuse", 0}, {"accusing", "accuse", 1},
    {"acknowledged", "acknowledge", 0}, {"added", "add", 0}, {"adding", "add", 1}, {"adds", "add", 0},
    {"admitted", "admit", 0}, {"afirmou", "state", 0}, {"afirm\xC3\xB3", "state", 0}, {"agreed", "agree", 0},
    {"agrees", "agree", 0}, {"announced", "announce", 0}, {"announcing", "announce", 1}, {"answered", "answer", 0},
    {"argue", "argue", 0}, {"argued", "argue", 0}, {"argues", "argue", 0}, {"arguing", "argue", 1},
    {"asked", "ask", 0}, {"asking", "ask", 1}, {"asks", "ask", 0}, {"asserted", "assert", 0},
    {"asserts", "assert", 0}, {"a\xC3\xB1" "adi\xC3\xB3", "add", 0}, {"betonte", "stress", 0},
    {"blasted", "blast", 0}, {"boasted", "boast", 0}, {"branded", "brand", 0}, {"call", "call", 0},
    {"called", "call", 0}, {"calling", "call", 1}, {"calls", "call", 0}, {"chanted", "chant", 0},
    {"chanting", "chant", 1}, {"charged", "charge", 0}, {"chided", "chide", 0}, {"cited", "cite", 0},
    {"citing", "cite", 1}, {"claimed", "claim", 0}, {"claiming", "claim", 1}, {"claims", "claim", 0},
    {"commented", "comment", 0}, {"comments", "comment", 0}, {"complained", "complain", 0},
    {"conceded", "concede", 0}, {"concluded", "conclude", 0}, {"concurred", "concur", 0},
    {"condemned", "condemn", 0}, {"condemning", "condemn", 1}, {"confirmed", "confirm", 0},
    {"contended", "contend", 0}, {"continued", "continue", 0}, {"continues", "continue", 0},
    {"countered", "counter", 0}, {"criticized", "criticize", 0}, {"declared", "declare", 0},
    {"declaring", "declare", 1}, {"declar\xC3\xB3", "declare", 0}, {"decried", "decry", 0},
    {"defended", "defend", 0}, {"demanded", "demand", 0}, {"denied", "deny", 0}, {"denounced", "denounce", 0},
    {"denouncing", "denounce", 1}, {"derided", "deride", 0}, {"describe", "describe", 0},
    {"described", "describe", 0}, {"describes", "describe", 0}, {"describing", "describe", 1}, {"detto", "say", 0},
    {"dichiarato", "declare", 0}, {"dijo", "say", 0}, {"dismissed", "dismiss", 0}, {"dismissing", "dismiss", 1},
    {"disse", "say", 0}, {"dit", "say", 0}, {"dubbed", "dub", 0}, {"d\xC3\xA9" "clare", "declare", 0},
    {"echoed", "echo", 0}, {"emphasized", "emphasize", 0}, {"enquired", "inquire", 0},
    {"erkl\xC3\xA4rte", "explain", 0}, {"exclaimed", "exclaim", 0}, {"explain", "explain", 0},
    {"explained", "explain", 0}, {"explaining", "explain", 1}, {"explains", "explain", 0},
    {"explique", "explain", 0}, {"expressed", "express", 0}, {"hailed", "hail", 0}, {"indicated", "indicate", 0},
    {"inquired", "inquire", 0}, {"insisted", "insist", 0}, {"insisting", "insist", 1}, {"insists", "insist", 0},
    {"interrupted", "interrupt", 0}, {"interrupts", "interrupt", 0}, {"joked", "joke", 0}, {"jokes", "joke", 0},
    {"labeled", "label", 0}, {"labelled", "label", 0}, {"lamented", "lament", 0}, {"lauded", "laud", 0},
    {"laughed", "laugh", 0}, {"laughs", "laugh", 0}, {"maintained", "maintain", 0}, {"messaged", "message", 0},
    {"mocked", "mock", 0}, {"mused", "muse", 0}, {"noted", "note", 0}, {"notes", "note", 0}, {"noting", "note", 1},
    {"observed", "observe", 0}, {"offered", "offer", 0}, {"offers", "offer", 0}, {"ordered", "order", 0},
    {"orders", "order", 0}, {"pleaded", "plead", 0}, {"pledged", "pledge", 0}, {"pointed", "point out", 0},
    {"portrayed", "portray", 0}, {"posted", "post", 0}, {"posting", "post", 1}, {"powiedzia\xC5\x82", "say", 0},
    {"praised", "praise", 0}, {"predicted", "predict", 0}, {"proclaimed", "proclaim", 0},
    {"promised", "promise", 0}, {"promises", "promise", 0}, {"promising", "promise", 1}, {"put", "put", 0},
    {"questioned", "question", 0}, {"quipped", "quip", 0}, {"read", "read", 0}, {"reads", "read", 0},
    {"recalled", "recall", 0}, {"recalling", "recall", 1}, {"recalls", "recall", 0}, {"recounted", "recount", 0},
    {"recounts", "recount", 0}, {"referenced", "reference", 0}, {"referred", "refer", 0}, {"referring", "refer", 1},
    {"reiterated", "reiterate", 0}, {"remarked", "remark", 0}, {"replied", "reply", 0}, {"replies", "reply", 0},
    {"reported", "report", 0}, {"reports", "report", 0}, {"responded", "respond", 0}, {"responds", "respond", 0},
    {"revealed", "reveal", 0}, {"sagt", "say", 0}, {"sagte", "say", 0}, {"said", "say", 0}, {"sang", "sing", 0},
    {"say", "say", 0}, {"saying", "say", 1}, {"says", "say", 0}, {"schrieb", "write", 0}, {"scolded", "scold", 0},
    {"screamed", "scream", 0}, {"shared", "share", 0}, {"shares", "share", 0}, {"shouted", "shout", 0},
    {"shouting", "shout", 1}, {"shouts", "shout", 0}, {"sighed", "sigh", 0}, {"sings", "sing", 0},
    {"slammed", "slam", 0}, {"snapped", "snap", 0}, {"snaps", "snap", 0}, {"speculated", "speculate", 0},
    {"stated", "state", 0}, {"states", "state", 0}, {"stressed", "stress", 0}, {"suggested", "suggest", 0},
    {"suggesting", "suggest", 1}, {"suggests", "suggest", 0}, {"tell", "tell", 0}, {"telling", "tell", 1},
    {"tells", "tell", 0}, {"termed", "term", 0}, {"testified", "testify", 0}, {"texted", "text", 0},
    {"told", "tell", 0}, {"touted", "tout", 0}, {"tweeted", "tweet", 0}, {"tweeting", "tweet", 1},
    {"tweets", "tweet", 0}, {"urged", "urge", 0}, {"urges", "urge", 0}, {"urging", "urge", 1},
    {"verklaarde", "declare", 0}, {"vowed", "vow", 0}, {"warned", "warn", 0}, {"warning", "warn", 1},
    {"warns", "warn", 0}, {"weighed", "weigh in", 0}, {"whispered", "whisper", 0}, {"wondered", "wonder", 0},
    {"writes", "write", 0}, {"writing", "write", 1}, {"wrote", "write", 0}, {"yelled", "yell", 0},
    {"zegt", "say", 0}, {"zei", "say", 0}, {"\xC3\xA9" "crit", "write", 0},
};

/* The second letters that follow each first letter in the table (bit n: 'a' + n), so that most
 * words are turned away before the search; forms that do not open with two ASCII letters ("éc…")
 * are always searched. */
static const uint32_t CUE_PREFIX[26] = {
    0x006206c, 0x0024810, 0x0024981, 0x0100110, 0x0823004, 0x0000000, 0x0000000, 0x0000001, 0x0002000, 0x0004000, 0x0000000, 0x0000001, 0x0104011, 0x0004000, 0x0020022, 0x0124800, 0x0100000, 0x0000010, 0x018a985, 0x0404010, 0x0020000, 0x0004010, 0x0024091, 0x0000000, 0x0000010, 0x0000010};

const cue_form *cue_of(const char *text, const tok *k) {
    /* a cue is a verb in running text: a capitalised "Said" is a name */
    size_t l = k->e - k->s;
    if (k->kind != T_WORD || k->cap || l < 3 || l > 12) return NULL;
    unsigned char a = (unsigned char)text[k->s], b = (unsigned char)(text[k->s + 1] | 0x20);
    if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && !(CUE_PREFIX[a - 'a'] >> (b - 'a') & 1)) return NULL;
    char low[13];
    for (size_t i = 0; i < l; i++) {
        char ch = text[k->s + i];
        low[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
    }
    low[l] = 0;
    size_t lo = 0, hi = sizeof CUES / sizeof *CUES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(CUES[mid].form, low);
        if (!c) return &CUES[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

int cues_sorted(void) {
    for (size_t i = 0; i < sizeof CUES / sizeof *CUES; i++) {
        const char *f = CUES[i].form;
        if ((i && strcmp(CUES[i - 1].form, f) >= 0) || strlen(f) > 12 || strlen(f) < 3) return 0;
        if (f[0] >= 'a' && f[0] <= 'z' && f[1] >= 'a' && f[1] <= 'z' && !(CUE_PREFIX[f[0] - 'a'] >> (f[1] - 'a') & 1))
            return 0;
    }
    return 1;
}

/* Words after which a form like "states" or "reports" is a noun: "EU states will", "the claims". */
static const char *const NOUN_BEFORE[] = {"the", "a", "an", "his", "her", "their", "its", "our", "these", "those",
                                          "many", "some", "several", "of", "two", "three", "four", "five", "six",
                                          "seven", "eight", "nine", "ten", "19", "new", "recent", "other", "such"};
static const char *const AUX_AFTER[] = {"will", "would", "can", "could", "should", "may", "might", "must", "have",
                                        "has", "had", "are", "were", "is", "was", "do", "did", "that", "which", "who"};

static const char *const PREPS[] = {"in", "within", "on", "at", "of", "for", "from", "with", "by", "to", "about",
                                    "against", "among", "over", "under", "between", "than"};

const cue_form *cue_at(const qctx *c, uint32_t k) {
    const tok *t = &c->t.v[k];
    const cue_form *cf = cue_of(c->text, t);
    if (!cf) return NULL;
    const tok *prev = k > 0 ? &c->t.v[k - 1] : NULL, *next = k + 1 < c->t.n ? &c->t.v[k + 1] : NULL;
    const char *w = c->text + t->s;
    size_t l = t->e - t->s;
    /* "EU states will meet", "a series of 19 tweets": a plural noun, not a verb */
    if (w[l - 1] == 's' && strcmp(cf->lemma, "say") &&
        ((prev && (IN(c->text, prev, NOUN_BEFORE) || (prev->kind == T_WORD && c->text[prev->s] >= '0' &&
                                                       c->text[prev->s] <= '9'))) ||
         (next && next->kind == T_WORD && IN(c->text, next, AUX_AFTER) && !tok_is(c->text, next, "that"))))
        return NULL;
    /* "the question asked of the court": a participle, not a cue */
    if (l > 2 && w[l - 2] == 'e' && w[l - 1] == 'd' && next && tok_is(c->text, next, "of") && k >= 2 &&
        prev->kind == T_WORD && !prev->cap && IN(c->text, &c->t.v[k - 2], NOUN_BEFORE))
        return NULL;
    /* "as he put it", "Benioff weighed in": these speak only with their particle */
    if ((!strcmp(cf->lemma, "put") && !(next && tok_is(c->text, next, "it"))) ||
        (!strcmp(cf->lemma, "weigh in") && !(next && tok_is(c->text, next, "in"))))
        return NULL;
    /* "there continues to be": to continue is to speak only before the words or after them */
    if (!strcmp(cf->lemma, "continue") &&
        !(next && (next->kind != T_WORD || tok_is(c->text, next, "that"))) && !(prev && prev->kind != T_WORD))
        return NULL;
    return cf;
}

const char *channel_in(const qctx *c, uint32_t from_tok, uint32_t to_tok) {
    static const struct { const char *w, *ch; } CH[] = {
        {"statement", "statement"}, {"tweet", "tweet"}, {"tweeted", "tweet"}, {"tweets", "tweet"},
        {"twitter", "tweet"}, {"blog", "blog post"}, {"interview", "interview"}, {"instagram", "Instagram"},
        {"facebook", "Facebook"}, {"podcast", "podcast"}, {"op-ed", "op-ed"}, {"letter", "letter"},
        {"email", "email"}, {"speech", "speech"}, {"conference", "press conference"}, {"rally", "rally"},
        {"debate", "debate"}, {"radio", "radio"}, {"television", "television"}, {"video", "video"}};
    const char *found = NULL;
    for (uint32_t i = from_tok; i < to_tok && i < c->t.n; i++) {
        const tok *k = &c->t.v[i];
        if (k->kind != T_WORD || k->inq) {
            if (found) return found;
            continue;
        }
        const char *ch = NULL;
        for (size_t q = 0; q < sizeof CH / sizeof *CH && !ch; q++)
            if (tok_is(c->text, k, CH[q].w)) ch = CH[q].ch;
        /* "a radio interview": the last of the words that name a channel together */
        if (ch) found = ch;
        else if (found) return found;
    }
    return found;
}

/* After the quote: "…," she said / said Smith / according to X / ― X. */
found after_quote(const qctx *c, uint32_t close, uint32_t hi, uint32_t reach) {
    found f;
    memset(&f, 0, sizeof f);
    uint32_t j = close + 1;
    if (j < hi && (is_p(&c->t.v[j], ',') || is_p(&c->t.v[j], ':'))) j++;
    if (j < hi && c->t.v[j].kind == T_DASH) {
        f.m = np_right(c, j + 1, hi);
        if (f.m.e && f.m.name) f.ok = 1, f.cue_s = c->t.v[j].s, f.cue_e = c->t.v[j].e, f.lemma = "-", f.cue_tok = j;
        return f;
    }
    for (uint32_t k = j; k < hi && k < j + reach; k++) {
        const tok *t = &c->t.v[k];
        if (t->kind == T_PUNCT && (t->ch == '.' || t->ch == '(' || t->ch == ')' || t->ch == ',' || t->ch == '-')) continue;
        if (t->inq && t->kind != T_WORD) {
            /* a nickname quoted inside the speaker's name: Marcia "Cia" Price */
            uint32_t q = k + 1, words = 0;
            while (q < hi && c->t.v[q].inq && c->t.v[q].kind == T_WORD) q++, words++;
            if (words <= 2 && q < hi && c->t.v[q].inq && c->t.v[q].kind != T_WORD) { k = q; continue; }
            break;
        }
        if (t->kind != T_WORD || t->inq) break;
        if (tok_is(c->text, t, "according") && k + 1 < hi && tok_is(c->text, &c->t.v[k + 1], "to")) {
            f.m = np_right(c, k + 2, hi);
            if (f.m.e) f.ok = 1, f.cue_s = t->s, f.cue_e = c->t.v[k + 1].e, f.lemma = "according to", f.cue_tok = k;
            return f;
        }
        const cue_form *cf = cue_at(c, k);
        if (!cf) continue;
        f.cue_s = t->s, f.cue_e = t->e, f.lemma = cf->lemma, f.cue_tok = k;
        /* inverted: "said Smith"; also after an auxiliary: "a dit Dubois", "hat gesagt" */
        static const char *const AUX[] = {"a", "hat", "ha", "heeft"};
        int inverted = k == j || (k == j + 1 && IN(c->text, &c->t.v[j], AUX));
        if (inverted) f.m = np_right(c, k + 1, hi);
        else f.m = np_left(c, k, j);
        /* "…” even within Hamas, said Matthew Levitt": after a comma, when nothing before it is the
         * subject (no name, or a name after a preposition), the cue comes before its speaker */
        if (!inverted && is_p(&c->t.v[k - 1], ',') && k + 1 < hi && c->t.v[k + 1].kind == T_WORD &&
            strcmp(cf->lemma, "tell")) {
            uint32_t ls = f.m.e ? words_at(&c->t, f.m.s) : 0;
            int subject = f.m.pronoun || (f.m.name && !(ls > 0 && IN(c->text, &c->t.v[ls - 1], PREPS)));
            mention r = subject ? f.m : np_right(c, k + 1, hi);
            if (!subject && r.e && (r.name || r.pronoun) && !(word_flags(c->text, &c->t.v[k + 1]) & LEX_TIME)) f.m = r;
        }
        if (f.m.e) {
            f.ok = 1;
            return f;
        }
        /* a verb of a clause inside the speaker's description ("…, the engineer
         * who wrote the report, said"): the cue is further on */
    }
    return f;
}

/* Before the quote, in its sentence: X said: "…" / X said her "…". */
found before_quote(const qctx *c, uint32_t open, uint32_t sstart) {
    found f;
    memset(&f, 0, sizeof f);
    for (uint32_t k = open; k-- > sstart;) {
        const tok *t = &c->t.v[k];
        if (t->inq) {
            /* a title or a term quoted on the way is part of the sentence; a
             * longer quotation has its own cue */
            uint32_t q = k, words = 0;
            while (q > sstart && c->t.v[q - 1].inq) q--, words += c->t.v[q].kind == T_WORD;
            if (words > 4) break;
            k = q;
            continue;
        }
        if (tok_is(c->text, t, "to") && k > sstart && tok_is(c->text, &c->t.v[k - 1], "according")) {
            f.m = np_right(c, k + 1, open);
            if (f.m.e) f.ok = 1, f.cue_s = c->t.v[k - 1].s, f.cue_e = t->e, f.lemma = "according to", f.cue_tok = k - 1;
            f.embedded = 0;
            return f;
        }
        const cue_form *cf = cue_at(c, k);
        if (!cf) continue;
        f.cue_s = t->s, f.cue_e = t->e, f.lemma = cf->lemma, f.cue_tok = k;
        /* words between the cue and the quote (other than "that" and
         * punctuation): the quote is a fragment of reported speech */
        for (uint32_t q = k + 1; q < open; q++) {
            const tok *x = &c->t.v[q];
            if (x->kind == T_WORD && !tok_is(c->text, x, "that")) { f.embedded = 1; break; }
        }
        if (open > 0 && (is_p(&c->t.v[open - 1], ',') || is_p(&c->t.v[open - 1], ':'))) f.embedded = 0;
        if (cf->participle) {
            /* "footage of Hillary Clinton asking, …": the name just before; else the sentence's subject */
            f.m = k > sstart && name_word(c->text, &c->t.v[k - 1]) ? np_left(c, k, sstart) : subject_of(c, sstart, k);
        } else {
            f.m = np_left(c, k, sstart);
        }
        if (f.m.coord) {
            /* "… tweeted … and wrote:": the subject of the sentence's first cue, else the sentence's */
            mention sub = {0};
            for (uint32_t q = sstart; q < k; q++)
                if (cue_at(c, q) && !c->t.v[q].inq) {
                    sub = np_left(c, q, sstart);
                    break;
                }
            if (!sub.e) sub = subject_of(c, sstart, k);
            f.m = sub;
        }
        if (f.m.e) f.ok = 1;
        return f;
    }
    return f;
}

/* The paragraph before holds only "X continued:" / "The Times reports:". */
found colon_line(const qctx *c, uint32_t open) {
    found f;
    memset(&f, 0, sizeof f);
    uint32_t k = open;
    if (k == 0 || c->t.v[k - 1].kind != T_PARA || k < 2 || !is_p(&c->t.v[k - 2], ':')) return f;
    uint32_t colon = k - 2, s = sentence_start(&c->t, colon);
    for (uint32_t q = colon; q-- > s;) {
        const cue_form *cf = cue_at(c, q);
        if (!cf) continue;
        f.m = cf->participle ? subject_of(c, s, q) : np_left(c, q, s);
        f.cue_s = c->t.v[q].s, f.cue_e = c->t.v[colon].e, f.lemma = cf->lemma, f.cue_tok = q;
        if (f.m.e) f.ok = 1;
        return f;
    }
    /* "Sanders made the following comment:" — the colon is the cue when the
     * sentence's subject is a person the article has named (or she / he) */
    mention m = subject_of(c, s, colon);
    int known = 0;
    if (m.name) {
        uint32_t words = 0;
        for (uint32_t q = s; q < colon && c->t.v[q].s < m.e; q++) words += c->t.v[q].s >= m.s && c->t.v[q].kind == T_WORD;
        known = words >= 2 || people_find(&c->pp, c->text + m.s, m.e - m.s) >= 0;
    }
    if (m.e && (known || m.pronoun == 1 || m.pronoun == 2)) {
        f.m = m, f.ok = 1;
        f.cue_s = c->t.v[colon].s, f.cue_e = c->t.v[colon].e, f.lemma = ":", f.cue_tok = colon;
    }
    return f;
}

