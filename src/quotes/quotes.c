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
#include "quotes.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- tokens ------------------------------------------------------------- */

typedef enum {
    T_WORD, T_PUNCT, T_DQ_OPEN, T_DQ_CLOSE, T_DQ_STRAIGHT, T_SQ_OPEN, T_SQ_CLOSE, T_DASH, T_PARA
} tkind;

typedef struct tok {
    uint32_t s, e;
    uint8_t kind;
    uint8_t cap;      /* word starting with an upper-case letter (or a digit-free #tag) */
    uint8_t inq;      /* inside a quotation */
    char ch;          /* punctuation character; for marks: 'g' guillemet, 'l' low-9, 'c' CJK, '"' */
} tok;

typedef struct toks {
    tok *v;
    uint32_t n, cap;
} toks;

static int push(toks *t, arena *a, uint32_t s, uint32_t e, uint8_t kind, char ch) {
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 1024;
        tok *v = arena_alloc(a, cap * sizeof *v);
        if (!v) return -1;
        if (t->n) memcpy(v, t->v, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    tok *k = &t->v[t->n++];
    k->s = s, k->e = e, k->kind = kind, k->ch = ch, k->cap = 0, k->inq = 0;
    return 0;
}

static inline int is_letter(const unsigned char *u, size_t i, size_t n) {
    unsigned char c = u[i];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 1;
    if (c >= '0' && c <= '9') return 1;
    if (c >= 0xC3 && c <= 0xDF) return 1;                        /* Latin letters with marks, Greek, Cyrillic */
    if (c >= 0xE0 && !(c == 0xE2 && i + 1 < n && u[i + 1] == 0x80)) /* not general punctuation */
        return c != 0xE3 || (i + 1 < n && u[i + 1] != 0x80);      /* not CJK punctuation */
    return 0;
}

/* Marks at u[i]: length in bytes and kind, or 0. */
static int mark_at(const unsigned char *u, size_t i, size_t n, uint8_t *kind, char *ch) {
    if (u[i] == '"') return *kind = T_DQ_STRAIGHT, *ch = '"', 1;
    if (u[i] == 0xC2 && i + 1 < n) {
        if (u[i + 1] == 0xAB) return *kind = T_DQ_OPEN, *ch = 'g', 2;  /* « */
        if (u[i + 1] == 0xBB) return *kind = T_DQ_CLOSE, *ch = 'g', 2; /* » */
    }
    if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80) {
        switch (u[i + 2]) {
        case 0x9C: return *kind = T_DQ_OPEN, *ch = '"', 3;   /* “ */
        case 0x9D: return *kind = T_DQ_CLOSE, *ch = '"', 3;  /* ” */
        case 0x9E: return *kind = T_DQ_OPEN, *ch = 'l', 3;   /* „ */
        case 0x98: return *kind = T_SQ_OPEN, *ch = '\'', 3;  /* ‘ */
        case 0x99: return *kind = T_SQ_CLOSE, *ch = '\'', 3; /* ’ */
        case 0xB9: return *kind = T_SQ_OPEN, *ch = 'g', 3;   /* ‹ */
        case 0xBA: return *kind = T_SQ_CLOSE, *ch = 'g', 3;  /* › */
        case 0x93: case 0x94: case 0x95: return *kind = T_DASH, *ch = '-', 3; /* – — ― */
        }
    }
    if (u[i] == 0xE3 && i + 2 < n && u[i + 1] == 0x80) {
        if (u[i + 2] == 0x8C || u[i + 2] == 0x8E) return *kind = T_DQ_OPEN, *ch = 'c', 3;  /* 「 『 */
        if (u[i + 2] == 0x8D || u[i + 2] == 0x8F) return *kind = T_DQ_CLOSE, *ch = 'c', 3; /* 」 』 */
    }
    return 0;
}

static int tokenize(const char *text, size_t from, size_t to, arena *a, toks *t) {
    const unsigned char *u = (const unsigned char *)text;
    size_t i = from;
    while (i < to) {
        unsigned char c = u[i];
        if (c == '\n') {
            size_t j = i;
            while (j < to && (u[j] == '\n' || u[j] == ' ' || u[j] == '\r' || u[j] == '\t')) j++;
            if (push(t, a, (uint32_t)i, (uint32_t)j, T_PARA, '\n')) return -1;
            i = j;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
        if (c == 0xC2 && i + 1 < to && u[i + 1] == 0xA0) { i += 2; continue; }
        uint8_t kind;
        char ch;
        int ml = mark_at(u, i, to, &kind, &ch);
        if (ml) {
            /* ’ or ' between letters is an apostrophe: part of the word */
            if ((kind == T_SQ_CLOSE && ch == '\'') && i > from && is_letter(u, i - 1, to) && i + 3 < to &&
                is_letter(u, i + 3, to)) {
                /* handled by the word scanner below */
            } else {
                if (push(t, a, (uint32_t)i, (uint32_t)(i + ml), kind, ch)) return -1;
                i += (size_t)ml;
                continue;
            }
        }
        /* a straight apostrophe is never a quote mark: on the web it is far more
         * often an apostrophe (or half of a typewriter '' pair) than a quote */
        if (is_letter(u, i, to) || (c == '#' && i + 1 < to && is_letter(u, i + 1, to)) ||
            (c == '@' && i + 1 < to && is_letter(u, i + 1, to))) {
            size_t j = i + 1;
            for (;;) {
                while (j < to && (is_letter(u, j, to) || (u[j] & 0xC0) == 0x80)) j++;
                /* inner apostrophes, hyphens and dots (U.S., don't, 45-year-old) */
                if (j + 1 < to && (u[j] == '\'' || u[j] == '-' || (u[j] == '.' && j - i <= 2 && u[j + 1] != ' ')) &&
                    is_letter(u, j + 1, to)) {
                    j++;
                    continue;
                }
                if (j + 3 < to && u[j] == 0xE2 && u[j + 1] == 0x80 && u[j + 2] == 0x99 && is_letter(u, j + 3, to)) {
                    j += 3;
                    continue;
                }
                break;
            }
            if (push(t, a, (uint32_t)i, (uint32_t)j, T_WORD, 0)) return -1;
            tok *k = &t->v[t->n - 1];
            k->cap = (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC3 && i + 1 < to && u[i + 1] >= 0x80 && u[i + 1] <= 0x9E);
            i = j;
            continue;
        }
        /* any other character: punctuation of one code point */
        size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + l > to) l = to - i;
        if (push(t, a, (uint32_t)i, (uint32_t)(i + l), T_PUNCT, (char)(c < 0x80 ? c : '?'))) return -1;
        i += l;
    }
    return 0;
}

/* ---- word lists ------------------------------------------------------------ */

static int tok_is(const char *text, const tok *k, const char *w) {
    /* most comparisons fail on the first letter: test it before anything else */
    if (((unsigned char)text[k->s] | 0x20) != ((unsigned char)w[0] | 0x20) || k->kind != T_WORD) return 0;
    size_t l = k->e - k->s;
    return !strncasecmp(text + k->s, w, l) && w[l] == 0;
}

static int in_list(const char *text, const tok *k, const char *const *list, size_t n) {
    if (k->kind != T_WORD) return 0;
    for (size_t i = 0; i < n; i++)
        if (tok_is(text, k, list[i])) return 1;
    return 0;
}
#define IN(text, k, L) in_list(text, k, L, sizeof L / sizeof *L)

/* Membership in a list sorted bytewise (lower case), by binary search. */
static int in_sorted(const char *text, const tok *k, const char *const *list, size_t n) {
    if (k->kind != T_WORD || k->e - k->s > 15) return 0;
    char low[16];
    size_t l = k->e - k->s;
    for (size_t i = 0; i < l; i++) {
        char ch = text[k->s + i];
        low[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
    }
    low[l] = 0;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(list[mid], low);
        if (!c) return 1;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

typedef struct cue_form { const char *form, *lemma; uint8_t participle; } cue_form;

static const cue_form CUES[] = {
    {"said", "say", 0}, {"says", "say", 0}, {"say", "say", 0}, {"saying", "say", 1},
    {"told", "tell", 0}, {"tells", "tell", 0}, {"telling", "tell", 1},
    {"wrote", "write", 0}, {"writes", "write", 0}, {"writing", "write", 1},
    {"added", "add", 0}, {"adds", "add", 0}, {"adding", "add", 1},
    {"stated", "state", 0}, {"states", "state", 0}, {"tweeted", "tweet", 0}, {"tweets", "tweet", 0},
    {"tweeting", "tweet", 1}, {"posted", "post", 0}, {"insisted", "insist", 0}, {"insists", "insist", 0},
    {"insisting", "insist", 1}, {"urged", "urge", 0}, {"urges", "urge", 0}, {"urging", "urge", 1},
    {"asked", "ask", 0}, {"asks", "ask", 0}, {"asking", "ask", 1}, {"explained", "explain", 0},
    {"explains", "explain", 0}, {"noted", "note", 0}, {"notes", "note", 0}, {"noting", "note", 1},
    {"argued", "argue", 0}, {"argues", "argue", 0}, {"arguing", "argue", 1}, {"claimed", "claim", 0},
    {"claims", "claim", 0}, {"claiming", "claim", 1}, {"continued", "continue", 0}, {"continues", "continue", 0},
    {"responded", "respond", 0}, {"replied", "reply", 0}, {"declared", "declare", 0}, {"announced", "announce", 0},
    {"warned", "warn", 0}, {"warns", "warn", 0}, {"warning", "warn", 1}, {"recalled", "recall", 0},
    {"recalls", "recall", 0}, {"suggested", "suggest", 0}, {"admitted", "admit", 0}, {"acknowledged", "acknowledge", 0},
    {"reported", "report", 0}, {"reports", "report", 0}, {"called", "call", 0}, {"calls", "call", 0},
    {"calling", "call", 1}, {"described", "describe", 0}, {"describes", "describe", 0}, {"joked", "joke", 0},
    {"shouted", "shout", 0}, {"chanted", "chant", 0}, {"chanting", "chant", 1}, {"concluded", "conclude", 0},
    {"remarked", "remark", 0}, {"observed", "observe", 0}, {"predicted", "predict", 0}, {"promised", "promise", 0},
    {"vowed", "vow", 0}, {"quipped", "quip", 0}, {"conceded", "concede", 0}, {"complained", "complain", 0},
    {"boasted", "boast", 0}, {"charged", "charge", 0}, {"accused", "accuse", 0}, {"blasted", "blast", 0},
    {"criticized", "criticize", 0}, {"praised", "praise", 0}, {"wondered", "wonder", 0}, {"testified", "testify", 0},
    {"confirmed", "confirm", 0}, {"denied", "deny", 0}, {"maintained", "maintain", 0}, {"asserted", "assert", 0},
    {"contended", "contend", 0}, {"emphasized", "emphasize", 0}, {"stressed", "stress", 0}, {"cited", "cite", 0},
    {"wrote:", "write", 0}, {"explaining", "explain", 1}, {"declaring", "declare", 1}, {"recalling", "recall", 1},
    {"sings", "sing", 0}, {"sang", "sing", 0}, {"yelled", "yell", 0}, {"screamed", "scream", 0},
    {"posting", "post", 1}, {"texted", "text", 0}, {"messaged", "message", 0}, {"echoed", "echo", 0},
    {"countered", "counter", 0}, {"pleaded", "plead", 0}, {"demanded", "demand", 0}, {"mused", "muse", 0},
    {"announcing", "announce", 1}, {"speculated", "speculate", 0}, {"reiterated", "reiterate", 0},
    {"reads", "read", 0}, {"read", "read", 0}, {"writes:", "write", 0}, {"responds", "respond", 0},
    {"replies", "reply", 0}, {"asserts", "assert", 0}, {"argue", "argue", 0}, {"tell", "tell", 0},
    /* words that characterise what someone said in quoted words of theirs */
    {"dubbed", "dub", 0}, {"labeled", "label", 0}, {"labelled", "label", 0}, {"branded", "brand", 0},
    {"termed", "term", 0}, {"describing", "describe", 1}, {"accusing", "accuse", 1}, {"dismissed", "dismiss", 0},
    {"mocked", "mock", 0}, {"derided", "deride", 0}, {"decried", "decry", 0}, {"hailed", "hail", 0},
    {"touted", "tout", 0}, {"slammed", "slam", 0}, {"promising", "promise", 1}, {"promises", "promise", 0},
    {"pledged", "pledge", 0}, {"referred", "refer", 0}, {"called", "call", 0}, {"dismissing", "dismiss", 1},
    {"accuses", "accuse", 0}, {"describe", "describe", 0}, {"call", "call", 0},
    {"pointed", "point out", 0}, {"citing", "cite", 1}, {"denounced", "denounce", 0}, {"denouncing", "denounce", 1},
    {"revealed", "reveal", 0}, {"questioned", "question", 0}, {"indicated", "indicate", 0},
    {"suggesting", "suggest", 1}, {"suggests", "suggest", 0}, {"defended", "defend", 0}, {"expressed", "express", 0},
    {"referring", "refer", 1}, {"offered", "offer", 0}, {"commented", "comment", 0}, {"comments", "comment", 0},
    {"condemned", "condemn", 0}, {"condemning", "condemn", 1}, {"proclaimed", "proclaim", 0}, {"lauded", "laud", 0},
    {"referenced", "reference", 0}, {"scolded", "scold", 0}, {"chided", "chide", 0}, {"lamented", "lament", 0},
    {"put", "put", 0}, {"explain", "explain", 0}, {"argued:", "argue", 0}, {"answered", "answer", 0},
    /* the same in the other languages of the corpora */
    {"sagte", "say", 0}, {"sagt", "say", 0}, {"erkl\xC3\xA4rte", "explain", 0}, {"schrieb", "write", 0},
    {"betonte", "stress", 0}, {"dit", "say", 0}, {"d\xC3\xA9" "clare", "declare", 0},
    {"a\xC3\xB1" "adi\xC3\xB3", "add", 0}, {"explique", "explain", 0}, {"\xC3\xA9" "crit", "write", 0},
    {"dijo", "say", 0}, {"afirm\xC3\xB3", "state", 0}, {"declar\xC3\xB3", "declare", 0}, {"detto", "say", 0},
    {"disse", "say", 0}, {"dichiarato", "declare", 0}, {"afirmou", "state", 0}, {"zei", "say", 0},
    {"zegt", "say", 0}, {"verklaarde", "declare", 0}, {"powiedzia\xC5\x82", "say", 0},
};

static const cue_form *cue_of(const char *text, const tok *k) {
    /* a cue is a verb in running text: a capitalised "Said" is a name */
    if (k->kind != T_WORD || k->cap) return NULL;
    for (size_t i = 0; i < sizeof CUES / sizeof *CUES; i++)
        if (tok_is(text, k, CUES[i].form)) return &CUES[i];
    return NULL;
}

static const char *const PRONOUNS[] = {"he", "she", "they", "i", "we", "it", "you"};
static const char *const SKIP_BEFORE_CUE[] = {
    "also", "later", "then", "once", "again", "recently", "previously", "earlier", "reportedly", "further",
    "simply", "quickly", "repeatedly", "separately", "initially", "subsequently", "never", "often", "just",
    "publicly", "privately", "angrily", "finally", "only", "still", "even", "has", "had", "have", "would", "will",
    "had", "once", "frequently", "famously", "proudly", "bluntly", "flatly", "first", "last", "tearfully",
    "reportedly", "allegedly", "apparently", "ultimately", "immediately", "herself", "himself", "themselves"};
static const char *const DETERMINERS[] = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that",
                                          "one", "another", "some", "many", "several", "two", "three", "these",
                                          "those", "other", "each", "every", "both", "no", "my", "your"};
static const char *const PARTICLES[] = {"de", "van", "von", "der", "al", "bin", "la", "le", "da", "di", "dos", "del"};
/* sorted bytewise: looked up by binary search */
static const char *const NOT_NAMES[] = {
    "a", "according", "after", "all", "also", "although", "an", "and", "april", "as", "at", "august",
    "because", "before", "both", "but", "by", "december", "despite", "dr", "each", "every", "february", "for",
    "former", "friday", "from", "gov", "he", "her", "here", "his", "how", "however", "i", "if", "in", "it",
    "its", "january", "july", "june", "last", "many", "march", "may", "meanwhile", "monday", "more", "mr",
    "mrs", "ms", "my", "new", "next", "no", "not", "november", "now", "october", "of", "on", "one", "or",
    "our", "president", "read", "rep", "saturday", "sen", "september", "she", "since", "so", "some", "still",
    "sunday", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "thursday",
    "to", "today", "tomorrow", "tuesday", "we", "wednesday", "what", "when", "where", "while", "who", "why",
    "with", "yes", "yesterday", "yet", "you", "your",
};
static const char *const INTRO[] = {"after", "when", "while", "as", "in", "on", "during", "before", "although",
                                    "though", "since", "if", "despite", "following", "at", "for", "with", "by",
                                    "until", "upon", "once", "because", "asked", "speaking", "earlier", "later",
                                    "to", "under", "over", "from", "among", "amid", "unlike", "like", "without",
                                    "within", "through", "throughout", "according", "given", "whether", "even"};
static const char *const CONJ_START[] = {"but", "and", "yet", "so", "however", "meanwhile", "still", "now", "then",
                                         "instead", "also", "later", "earlier", "indeed", "moreover"};
static const char *const STOP_AFTER[] = {"in", "on", "at", "during", "after", "who", "which", "that", "when", "while",
                                         "before", "to", "as", "about", "on", "last", "this", "earlier", "later",
                                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "yesterday", "today", "and", "but", "because", "for", "with", "from"};
static const char *const FUNCTION_WORDS[] = {"about", "over", "of", "for", "with", "from", "into", "on", "in",
                                             "at", "to", "by", "is", "was", "are", "were", "be", "been", "not",
                                             "than", "then", "what", "which", "whom", "whose", "if", "because"};
static const char *const ORG_HEADS[] = {"campaign", "department", "agency", "committee", "ministry", "office",
                                        "company", "group", "party", "government", "administration", "newspaper",
                                        "network", "team", "court", "police", "report", "statement", "organization",
                                        "board", "council", "union", "association", "magazine", "station"};
static const char *const TITLE_BEFORE[] = {"film", "movie", "book", "song", "album", "show", "series", "novel",
                                           "titled", "entitled", "play", "single", "hashtag", "slogan", "headline",
                                           "column", "article", "documentary", "episode", "programme", "program",
                                           "nickname", "moniker", "catchphrase", "motto", "magazine", "newspaper"};

/* ---- quotations ---------------------------------------------------------- */

typedef struct qraw {
    uint32_t open, close;   /* token indices of the marks (close may be the paragraph break) */
    uint32_t s, e;          /* byte span, marks included */
    uint32_t para;          /* paragraph number */
    uint8_t continues;      /* runs on into the next paragraph */
    uint8_t single;
    uint32_t words;
} qraw;

typedef struct ctx {
    const char *text;
    toks t;
    uint32_t *para_of;      /* per token */
    qraw *q;
    uint32_t nq, capq;
    arena *a;
    person *people;
    uint32_t np, capp;
    /* people by name, case folded: full names -> the first person of that name; last words -> the
     * latest person with that last word, and the latest whose name is that one word */
    uint32_t *by_name, *by_last;  /* open addressing: index + 1 into people / surnames, 0 empty */
    uint32_t cap_idx;             /* slots of each (a power of two), at least twice the entries */
    struct surname { int32_t any, single; } *surnames;
    uint32_t n_surnames;
    /* every stored mention, sorted by (start, person): "the latest person mentioned before" */
    struct gmention { uint32_t start; int32_t p; } *gm;
    uint32_t ngm, capgm;
    int (*stop)(void *);          /* the time budget: nonzero ends the search */
    void *stop_ctx;
    /* the latest person mentioned outside quotations, by position */
    int32_t last_person;
    uint32_t last_person_at;
} ctx;

static int add_q(ctx *c, uint32_t open, uint32_t close, uint32_t s, uint32_t e, uint32_t para, int cont, int single) {
    if (c->nq == c->capq) {
        uint32_t cap = c->capq ? c->capq * 2 : 64;
        qraw *v = arena_alloc(c->a, cap * sizeof *v);
        if (!v) return -1;
        if (c->nq) memcpy(v, c->q, c->nq * sizeof *v);
        c->q = v;
        c->capq = cap;
    }
    qraw *r = &c->q[c->nq++];
    r->open = open, r->close = close, r->s = s, r->e = e, r->para = para, r->continues = (uint8_t)cont;
    r->single = (uint8_t)single;
    r->words = 0;
    for (uint32_t i = open + 1; i < close && i < c->t.n; i++) r->words += c->t.v[i].kind == T_WORD;
    for (uint32_t i = open; i <= close && i < c->t.n; i++) c->t.v[i].inq = 1;
    return 0;
}

/* Does a straight " at token i open (space or start before, a word after)? */
static int straight_opens(const ctx *c, uint32_t i) {
    const tok *k = &c->t.v[i];
    int before_space = k->s == 0 || c->text[k->s - 1] == ' ' || c->text[k->s - 1] == '\n' ||
                       c->text[k->s - 1] == '(' || c->text[k->s - 1] == '\t';
    int after_word = i + 1 < c->t.n && c->t.v[i + 1].s == k->e && c->t.v[i + 1].kind != T_PARA;
    return before_space && after_word;
}

static int pair_marks(ctx *c) {
    uint32_t para = 0;
    int32_t open = -1, sopen = -1;
    char open_ch = 0;
    /* single marks quote only in texts that use no double ones (the British
     * style); elsewhere they mark titles, terms and quotes within quotes */
    int singles = 1;
    for (uint32_t i = 0; i < c->t.n && singles; i++)
        if (c->t.v[i].kind == T_DQ_OPEN || c->t.v[i].kind == T_DQ_CLOSE || c->t.v[i].kind == T_DQ_STRAIGHT) singles = 0;
    for (uint32_t i = 0; i < c->t.n; i++) {
        tok *k = &c->t.v[i];
        c->para_of[i] = para;
        if (k->kind == T_PARA) {
            if (open >= 0) {
                /* unclosed: continues when the next paragraph reopens with a mark */
                int cont = i + 1 < c->t.n && (c->t.v[i + 1].kind == T_DQ_OPEN ||
                                              (c->t.v[i + 1].kind == T_DQ_STRAIGHT && straight_opens(c, i + 1)));
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->s, para, cont, 0)) return -1;
                open = -1;
            }
            sopen = -1;
            para++;
            continue;
        }
        switch (k->kind) {
        case T_DQ_OPEN:
            if (open >= 0 && open_ch == 's') break;
            if (open < 0) open = (int32_t)i, open_ch = k->ch, sopen = -1;
            else if (open_ch == 'l' && k->ch == '"') { /* „…“ */
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->e, para, 0, 0)) return -1;
                open = -1;
            }
            break;
        case T_DQ_CLOSE:
            if (open >= 0 && open_ch == 's') break; /* curly marks inside a straight-quoted passage */
            if (open >= 0) {
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->e, para, 0, 0)) return -1;
                open = -1;
            } else if (k->ch == 'g') { /* »…« (German guillemets) */
                open = (int32_t)i, open_ch = 'G';
            } else if (straight_opens(c, i)) { /* a closing mark typed where an opening one belongs */
                open = (int32_t)i, open_ch = '"', sopen = -1;
            }
            break;
        case T_DQ_STRAIGHT:
            if (open < 0) {
                if (straight_opens(c, i)) open = (int32_t)i, open_ch = 's', sopen = -1;
            } else {
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->e, para, 0, 0)) return -1;
                open = -1;
            }
            break;
        case T_SQ_OPEN:
            if (singles && open < 0 && sopen < 0) sopen = (int32_t)i;
            break;
        case T_SQ_CLOSE:
            if (open < 0 && sopen >= 0) {
                if (add_q(c, (uint32_t)sopen, i, c->t.v[sopen].s, k->e, para, 0, 1)) return -1;
                sopen = -1;
            }
            break;
        }
        if (k->kind == T_DQ_OPEN && open_ch == 'G') open_ch = 'g';
    }
    if (open >= 0 && add_q(c, (uint32_t)open, c->t.n, c->t.v[open].s, c->t.v[c->t.n - 1].e, para, 0, 0)) return -1;
    return 0;
}

/* ---- sentences ------------------------------------------------------------ */

static const char *const ABBREV[] = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr",
                                     "sr", "inc", "co", "corp", "vs", "no", "sept", "aug", "oct", "nov", "dec",
                                     "jan", "feb", "u.s", "prof", "capt", "sgt", "rev", "ft", "mt", "est", "del",
                                     "sens", "reps", "atty", "hon", "amb", "maj", "cmdr", "adm", "pres", "supt"};

/* Does token i (., ! or ?) end a sentence? */
static int sentence_end(const ctx *c, uint32_t i) {
    const tok *k = &c->t.v[i];
    if (k->kind == T_PARA) return 1;
    if (k->kind != T_PUNCT || (k->ch != '.' && k->ch != '!' && k->ch != '?')) return 0;
    if (k->inq) return 0;
    if (k->ch == '.' && i > 0) {
        const tok *p = &c->t.v[i - 1];
        if (p->kind == T_WORD && p->e == k->s && (IN(c->text, p, ABBREV) || (p->e - p->s == 1 && p->cap))) return 0;
    }
    /* "(D-Wis.) said", "a.m. on": no sentence ends before a bracket, a comma or a lower-case word */
    if (i + 1 < c->t.n) {
        const tok *n = &c->t.v[i + 1];
        if ((n->kind == T_PUNCT && (n->ch == ')' || n->ch == ',')) ||
            (n->kind == T_WORD && !n->cap && c->text[n->s] >= 'a' && c->text[n->s] <= 'z'))
            return 0;
    }
    return 1;
}

/* First token of the sentence that holds token i (outside quotations); a run-on "sentence" is cut
 * SENTENCE_MAX tokens back, so that text without sentence ends costs no more than text with them. */
enum { SENTENCE_MAX = 512 };
static uint32_t sentence_start(const ctx *c, uint32_t i) {
    uint32_t floor = i > SENTENCE_MAX ? i - SENTENCE_MAX : 0;
    while (i > floor) {
        const tok *p = &c->t.v[i - 1];
        if (p->kind == T_PARA || (!p->inq && sentence_end(c, i - 1))) break;
        i--;
    }
    return i;
}

/* ---- people ---------------------------------------------------------------- */

static int name_word(const ctx *c, const tok *k) {
    return k->kind == T_WORD && k->cap && c->text[k->s] != '#' && c->text[k->s] != '@' &&
           !in_sorted(c->text, k, NOT_NAMES, sizeof NOT_NAMES / sizeof *NOT_NAMES);
}

static int same_words(const char *a, size_t al, const char *b, size_t bl) {
    return al == bl && !strncasecmp(a, b, al);
}

/* The last word of a name (its surname). */
static void last_word(const char *name, const char **w, size_t *wl) {
    const char *sp = strrchr(name, ' ');
    *w = sp ? sp + 1 : name;
    *wl = strlen(*w);
}

static uint32_t fold_hash(const char *s, size_t l) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < l; i++) {
        unsigned char ch = (unsigned char)s[i];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch)) * 16777619u;
    }
    return h;
}

/* The slot of key s[0..l) in an index, where key_of gives an entry's key: its entry's slot, or the
 * empty slot where it would go. */
static uint32_t idx_slot(const ctx *c, const uint32_t *idx, const char *s, size_t l, int last) {
    uint32_t m = c->cap_idx - 1;
    for (uint32_t h = fold_hash(s, l) & m;; h = (h + 1) & m) {
        uint32_t e = idx[h];
        if (!e) return h;
        const char *k;
        size_t kl;
        if (last) {
            const struct surname *sn = &c->surnames[e - 1];
            last_word(c->people[sn->any].name, &k, &kl);
        } else {
            k = c->people[e - 1].name, kl = strlen(k);
        }
        if (same_words(k, kl, s, l)) return h;
    }
}

/* A known person by a name: the same full name, else a surname alone (the latest person with that
 * last word), else a full name whose last word is a known one-word name. */
static int32_t find_person(ctx *c, const char *s, size_t l) {
    if (!c->cap_idx || !l) return -1;
    uint32_t e = c->by_name[idx_slot(c, c->by_name, s, l, 0)];
    if (e) return (int32_t)e - 1;
    const char *sp = memrchr(s, ' ', l);
    const char *w = sp ? sp + 1 : s;
    size_t wl = (size_t)(s + l - w);
    e = c->by_last[idx_slot(c, c->by_last, w, wl, 1)];
    if (!e) return -1;
    return sp ? c->surnames[e - 1].single : c->surnames[e - 1].any;
}

/* Enters person p (just added) in both indexes, growing them as needed. */
static int index_person(ctx *c, int32_t p) {
    if (2 * (uint32_t)(p + 1) > c->cap_idx) {
        uint32_t cap = c->cap_idx ? c->cap_idx * 2 : 64;
        uint32_t *bn = arena_calloc(c->a, cap * sizeof *bn), *bl = arena_calloc(c->a, cap * sizeof *bl);
        struct surname *sn = arena_alloc(c->a, cap / 2 * sizeof *sn);
        if (!bn || !bl || !sn) return -1;
        if (c->n_surnames) memcpy(sn, c->surnames, c->n_surnames * sizeof *sn);
        uint32_t old = c->cap_idx;
        uint32_t *obn = c->by_name, *obl = c->by_last;
        c->by_name = bn, c->by_last = bl, c->surnames = sn, c->cap_idx = cap;
        for (uint32_t h = 0; h < old; h++) {
            if (obn[h]) {
                const char *k = c->people[obn[h] - 1].name;
                bn[idx_slot(c, bn, k, strlen(k), 0)] = obn[h];
            }
            if (obl[h]) {
                const char *k;
                size_t kl;
                last_word(c->people[sn[obl[h] - 1].any].name, &k, &kl);
                bl[idx_slot(c, bl, k, kl, 1)] = obl[h];
            }
        }
    }
    const char *name = c->people[p].name, *w;
    size_t wl;
    uint32_t h = idx_slot(c, c->by_name, name, strlen(name), 0);
    if (!c->by_name[h]) c->by_name[h] = (uint32_t)p + 1; /* the first person of a name keeps it */
    last_word(name, &w, &wl);
    h = idx_slot(c, c->by_last, w, wl, 1);
    int single = strchr(name, ' ') == NULL;
    if (!c->by_last[h]) {
        c->surnames[c->n_surnames] = (struct surname){p, single ? p : -1};
        c->by_last[h] = ++c->n_surnames;
    } else {
        struct surname *sn = &c->surnames[c->by_last[h] - 1];
        sn->any = p;
        if (single) sn->single = p;
    }
    return 0;
}

static int32_t add_person(ctx *c, const char *s, size_t l) {
    if (c->np == c->capp) {
        uint32_t cap = c->capp ? c->capp * 2 : 16;
        person *v = arena_alloc(c->a, cap * sizeof *v);
        if (!v) return -1;
        if (c->np) memcpy(v, c->people, c->np * sizeof *v);
        c->people = v;
        c->capp = cap;
    }
    person *p = &c->people[c->np];
    memset(p, 0, sizeof *p);
    p->name = arena_strndup(c->a, s, l);
    if (!p->name) return -1;
    int32_t i = (int32_t)c->np++;
    return index_person(c, i) ? -1 : i;
}

static void add_mention(ctx *c, int32_t p, uint32_t s, uint32_t e) {
    if (p < 0) return;
    person *x = &c->people[p];
    if (x->n_mentions && x->mentions[x->n_mentions - 1].start == s) return;
    if (x->n_mentions < PERSON_MAX_MENTIONS) {
        x->mentions[x->n_mentions++] = (qspan){s, e};
        if (c->ngm == c->capgm) {
            uint32_t cap = c->capgm ? c->capgm * 2 : 256;
            struct gmention *v = arena_alloc(c->a, cap * sizeof *v);
            if (v) {
                if (c->ngm) memcpy(v, c->gm, c->ngm * sizeof *v);
                c->gm = v, c->capgm = cap;
            }
        }
        if (c->ngm < c->capgm) { /* mentions come mostly in order: insertion from the end */
            uint32_t i = c->ngm++;
            while (i > 0 && (c->gm[i - 1].start > s || (c->gm[i - 1].start == s && c->gm[i - 1].p > p))) {
                c->gm[i] = c->gm[i - 1];
                i--;
            }
            c->gm[i] = (struct gmention){s, p};
        }
    }
    if (s >= c->last_person_at) c->last_person = p, c->last_person_at = s;
}

/* Registers the runs of capitalised words outside quotations as people,
 * two words or more; a name within a longer one ("Milano" after "Alyssa
 * Milano") becomes a mention of it. Runs at a sentence start that begin
 * with a sentence word are trimmed. */
static void scan_people_upto(ctx *c, uint32_t *next, uint32_t upto) {
    uint32_t i = *next;
    while (i < upto && i < c->t.n) {
        const tok *k = &c->t.v[i];
        if (k->inq || !name_word(c, k)) { i++; continue; }
        uint32_t j = i + 1;
        while (j < c->t.n && !c->t.v[j].inq &&
               (name_word(c, &c->t.v[j]) || (IN(c->text, &c->t.v[j], PARTICLES) && j + 1 < c->t.n && name_word(c, &c->t.v[j + 1]))))
            j++;
        const tok *a = &c->t.v[i], *b = &c->t.v[j - 1];
        size_t l = b->e - a->s;
        /* a possessive ends the name: "Argento’s" */
        if (l > 3 && !memcmp(c->text + b->e - 3, "\xE2\x80\x99", 3)) l -= 3;
        else if (l > 2 && c->text[b->e - 2] == '\'' && (c->text[b->e - 1] | 0x20) == 's') l -= 2;
        if (l > 4 && !memcmp(c->text + a->s + l - 4, "\xE2\x80\x99s", 4)) l -= 4;
        int32_t p = find_person(c, c->text + a->s, l);
        if (p < 0 && j - i >= 2) p = add_person(c, c->text + a->s, l);
        add_mention(c, p, a->s, (uint32_t)(a->s + l));
        i = j;
    }
    *next = i > *next ? i : *next;
}

/* ---- mentions -------------------------------------------------------------- */

typedef struct mention {
    uint32_t s, e;          /* byte span; e == 0 when none */
    int pronoun;            /* 1 she, 2 he, 3 other pronoun */
    int definite;           /* "the ..." description */
    int name;               /* capitalised run */
    int coord;              /* "and"/"but" before the cue: the sentence's subject speaks */
} mention;

static int is_p(const tok *k, char ch) { return k->kind == T_PUNCT && k->ch == ch; }

/* A lower-case word ending in -ly: an adverb between subject and cue. */
static int adverb(const ctx *c, const tok *k) {
    return k->kind == T_WORD && !k->cap && k->e - k->s > 4 && c->text[k->e - 2] == 'l' && c->text[k->e - 1] == 'y';
}

/* A capitalised run ending at token j (inclusive), going left. */
static uint32_t cap_run_left(const ctx *c, uint32_t j, uint32_t lo) {
    uint32_t i = j;
    while (i > lo) {
        const tok *p = &c->t.v[i - 1];
        if (p->inq) break;
        if (name_word(c, p) || (IN(c->text, p, PARTICLES) && i - 1 > lo)) { i--; continue; }
        if (p->kind == T_WORD && p->cap && p->e - p->s <= 4 && IN(c->text, p, ABBREV)) { i--; continue; }
        /* "Sen. Smith", "G.K. Butterfield": the dot of a title or an initial */
        if (is_p(p, '.') && i - 1 > lo && c->t.v[i - 2].kind == T_WORD && c->t.v[i - 2].cap &&
            (IN(c->text, &c->t.v[i - 2], ABBREV) || c->t.v[i - 2].e - c->t.v[i - 2].s <= 3)) { i--; continue; }
        break;
    }
    return i;
}

static void set_pronoun(const ctx *c, const tok *k, mention *m) {
    m->s = k->s, m->e = k->e;
    m->pronoun = tok_is(c->text, k, "she") || tok_is(c->text, k, "her") ? 1
               : tok_is(c->text, k, "he") || tok_is(c->text, k, "him") ? 2 : 3;
}

/* The noun phrase that ends just before token j (the subject at a cue). */
static mention np_left(const ctx *c, uint32_t j, uint32_t lo) {
    mention m = {0, 0, 0, 0, 0, 0};
    uint32_t i = j;
    for (;;) {
        while (i > lo && (IN(c->text, &c->t.v[i - 1], SKIP_BEFORE_CUE) || adverb(c, &c->t.v[i - 1]))) i--;
        /* a parenthesis before the cue: "Rep. Gwen Moore (D-Wis.) said" */
        if (i > lo && is_p(&c->t.v[i - 1], ')')) {
            uint32_t q = i - 1;
            while (q > lo && q + 12 > i && !is_p(&c->t.v[q - 1], '(')) q--;
            if (q > lo && is_p(&c->t.v[q - 1], '(')) { i = q - 1; continue; }
        }
        break;
    }
    if (i <= lo) return m;
    const tok *k = &c->t.v[i - 1];
    if (k->inq) return m;
    if (k->kind == T_PUNCT && k->ch == ',') {
        /* an appositive: "Smith, a doctor, said" -> the words before its first comma */
        uint32_t q = i - 1;
        while (q > lo && q + 24 > i && !(c->t.v[q - 1].kind == T_PUNCT && c->t.v[q - 1].ch == ',') &&
               c->t.v[q - 1].kind != T_PARA)
            q--;
        if (q > lo && c->t.v[q - 1].kind == T_PUNCT && c->t.v[q - 1].ch == ',') return np_left(c, q - 1, lo);
        return m;
    }
    if (tok_is(c->text, k, "and") || tok_is(c->text, k, "but") || tok_is(c->text, k, "or")) {
        m.coord = 1;
        return m;
    }
    if (IN(c->text, k, PRONOUNS)) {
        set_pronoun(c, k, &m);
        return m;
    }
    if (name_word(c, k) || (k->kind == T_WORD && k->cap)) {
        uint32_t a = cap_run_left(c, i - 1, lo);
        /* "The New York Post": a determiner before the run belongs to it */
        if (a > lo && tok_is(c->text, &c->t.v[a - 1], "the")) a--;
        m.s = c->t.v[a].s, m.e = k->e, m.name = 1;
        return m;
    }
    if (k->kind == T_WORD) {
        /* a function word is no subject: "over the claims" */
        if (IN(c->text, k, DETERMINERS) || IN(c->text, k, STOP_AFTER) || IN(c->text, k, FUNCTION_WORDS)) return m;
        /* a description: back to its determiner, five words at most */
        uint32_t a = i - 1;
        while (a > lo && i - a < 6 && !IN(c->text, &c->t.v[a], DETERMINERS) && c->t.v[a - 1].kind == T_WORD &&
               !c->t.v[a - 1].inq && !cue_of(c->text, &c->t.v[a - 1]))
            a--;
        if (IN(c->text, &c->t.v[a], DETERMINERS)) {
            m.s = c->t.v[a].s, m.e = k->e;
            m.definite = tok_is(c->text, &c->t.v[a], "the");
            return m;
        }
        /* bare plural or noun: "officials said" */
        m.s = k->s, m.e = k->e;
        return m;
    }
    return m;
}

/* The noun phrase that starts at token j (after an inverted cue). */
static mention np_right(const ctx *c, uint32_t j, uint32_t hi) {
    mention m = {0, 0, 0, 0, 0, 0};
    while (j < hi && c->t.v[j].kind == T_PUNCT && c->t.v[j].ch == ',') j++;
    if (j >= hi || c->t.v[j].kind != T_WORD || c->t.v[j].inq) return m;
    const tok *k = &c->t.v[j];
    if (IN(c->text, k, PRONOUNS)) {
        set_pronoun(c, k, &m);
        return m;
    }
    uint32_t a = j;
    /* "said spokesman John Smith", "said Sen. Smith" */
    while (a < hi && a < j + 3 && c->t.v[a].kind == T_WORD && !c->t.v[a].cap && !IN(c->text, &c->t.v[a], DETERMINERS) &&
           !IN(c->text, &c->t.v[a], STOP_AFTER))
        a++;
    if (a < hi && c->t.v[a].kind == T_WORD && c->t.v[a].cap) {
        uint32_t b = a;
        while (b + 1 < hi && c->t.v[b + 1].kind == T_WORD && !c->t.v[b + 1].inq &&
               (c->t.v[b + 1].cap || (IN(c->text, &c->t.v[b + 1], PARTICLES) && b + 2 < hi && c->t.v[b + 2].cap)))
            b++;
        if (b + 1 < hi && c->t.v[b + 1].kind == T_PUNCT && c->t.v[b + 1].ch == '.' && c->t.v[b].e - c->t.v[b].s <= 3 &&
            b + 2 < hi && c->t.v[b + 2].cap)
            b += 2; /* "Sen. Smith" */
        m.s = c->t.v[j].s, m.e = c->t.v[b].e, m.name = 1;
        if (j < a) m.s = c->t.v[a].s; /* the name itself */
        return m;
    }
    /* a description up to a stop word or punctuation, six words at most */
    uint32_t b = j;
    while (b + 1 < hi && b < j + 6 && c->t.v[b + 1].kind == T_WORD && !IN(c->text, &c->t.v[b + 1], STOP_AFTER) &&
           !c->t.v[b + 1].inq)
        b++;
    m.s = k->s, m.e = c->t.v[b].e;
    m.definite = tok_is(c->text, k, "the");
    return m;
}

/* The subject of the sentence that starts at token s: past a leading
 * conjunction and an introductory clause, the first noun phrase. */
static mention subject_of(const ctx *c, uint32_t s, uint32_t hi) {
    mention m = {0, 0, 0, 0, 0, 0};
    while (s < hi && IN(c->text, &c->t.v[s], CONJ_START)) s++;
    if (s < hi && (c->t.v[s].kind == T_PUNCT && c->t.v[s].ch == ',')) s++;
    if (s < hi && IN(c->text, &c->t.v[s], INTRO)) {
        uint32_t k = s;
        while (k < hi && k < s + 16 && !(c->t.v[k].kind == T_PUNCT && c->t.v[k].ch == ',')) k++;
        if (k < hi && k < s + 16) s = k + 1;
    }
    /* the rest of a date after the introductory phrase: "On July 6, 2015, Sanders …" */
    while (s < hi && (is_p(&c->t.v[s], ',') || (c->t.v[s].kind == T_WORD && c->text[c->t.v[s].s] >= '0' &&
                                                 c->text[c->t.v[s].s] <= '9')))
        s++;
    if (s < hi && c->t.v[s].cap && c->t.v[s].e - c->t.v[s].s > 4 && c->text[c->t.v[s].e - 2] == 'l' &&
        c->text[c->t.v[s].e - 1] == 'y')
        s++; /* "Ironically, …" */
    if (s < hi && is_p(&c->t.v[s], ',')) s++;
    if (s >= hi || c->t.v[s].inq) return m;
    const tok *k = &c->t.v[s];
    if (IN(c->text, k, PRONOUNS)) {
        set_pronoun(c, k, &m);
        return m;
    }
    uint32_t a = s;
    if (tok_is(c->text, k, "the") && s + 1 < hi && c->t.v[s + 1].cap) a = s + 1;
    if (c->t.v[a].kind == T_WORD && name_word(c, &c->t.v[a])) {
        uint32_t b = a;
        while (b + 1 < hi && c->t.v[b + 1].kind == T_WORD && name_word(c, &c->t.v[b + 1]) && !c->t.v[b + 1].inq) b++;
        /* a title in capitals ("CONGRESS HAS …") is no name */
        int upper = 1;
        for (uint32_t q = c->t.v[a].s; q < c->t.v[b].e && upper; q++)
            if (c->text[q] >= 'a' && c->text[q] <= 'z') upper = 0;
        if (upper && b > a) return m;
        m.s = c->t.v[s].s, m.e = c->t.v[b].e, m.name = 1;
        return m;
    }
    if (IN(c->text, k, DETERMINERS)) {
        uint32_t b = s;
        while (b + 1 < hi && b < s + 5 && c->t.v[b + 1].kind == T_WORD && !cue_of(c->text, &c->t.v[b + 1])) b++;
        m.s = k->s, m.e = c->t.v[b].e;
        m.definite = tok_is(c->text, k, "the");
    }
    return m;
}

/* ---- resolution ----------------------------------------------------------- */

/* How many stored mentions start before byte s (they are sorted). */
static uint32_t mentions_before(const ctx *c, uint32_t s) {
    uint32_t lo = 0, hi = c->ngm;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->gm[mid].start < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The person a mention refers to, or -1; names register themselves. */
static int32_t resolve(ctx *c, const mention *m) {
    if (!m->e) return -1;
    const char *s = c->text + m->s;
    size_t l = m->e - m->s;
    if (m->name) {
        const char *x = s;
        size_t xl = l;
        if (xl > 4 && !strncasecmp(x, "the ", 4)) x += 4, xl -= 4;
        if (xl > 3 && !memcmp(x + xl - 3, "\xE2\x80\x99", 3)) xl -= 3;
        int32_t p = find_person(c, x, xl);
        if (p < 0) p = add_person(c, x, xl);
        return p;
    }
    if (m->pronoun == 1 || m->pronoun == 2) {
        /* the latest person whose pronoun the article has not shown to be the other one */
        int want = m->pronoun;
        int32_t best = -1;
        for (uint32_t i = mentions_before(c, m->s); i-- > 0;) {
            const person *x = &c->people[c->gm[i].p];
            if (!x->gender || x->gender == want) { best = c->gm[i].p; break; }
        }
        if (best >= 0 && !c->people[best].gender) c->people[best].gender = (int8_t)want;
        return best;
    }
    if (m->definite) {
        /* "the 45-year-old", "the Italian actress": the latest person, not an organisation */
        const char *last = memrchr(s, ' ', l);
        const char *head = last ? last + 1 : s;
        tok h = {(uint32_t)(head - c->text), m->e, T_WORD, 0, 0, 0};
        if (in_list(c->text, &h, ORG_HEADS, sizeof ORG_HEADS / sizeof *ORG_HEADS)) return -1;
        uint32_t i = mentions_before(c, m->s);
        return i ? c->gm[i - 1].p : -1;
    }
    return -1;
}

/* Is raw quotation i in the same sentence as the one before it? */
static int same_sentence_prev(const ctx *c, uint32_t i, uint32_t ss) {
    return i > 0 && sentence_start(c, c->q[i - 1].open) == ss;
}

/* ---- channels --------------------------------------------------------------- */

static const char *channel_in(const ctx *c, uint32_t from_tok, uint32_t to_tok) {
    static const struct { const char *w, *ch; } CH[] = {
        {"statement", "statement"}, {"tweet", "tweet"}, {"tweeted", "tweet"}, {"tweets", "tweet"},
        {"twitter", "tweet"}, {"blog", "blog post"}, {"interview", "interview"}, {"instagram", "Instagram"},
        {"facebook", "Facebook"}, {"podcast", "podcast"}, {"op-ed", "op-ed"}, {"letter", "letter"},
        {"email", "email"}, {"speech", "speech"}, {"conference", "press conference"}, {"rally", "rally"},
        {"debate", "debate"}, {"radio", "radio"}, {"television", "television"}, {"video", "video"}};
    for (uint32_t i = from_tok; i < to_tok && i < c->t.n; i++) {
        const tok *k = &c->t.v[i];
        if (k->kind != T_WORD || k->inq) continue;
        for (size_t q = 0; q < sizeof CH / sizeof *CH; q++)
            if (tok_is(c->text, k, CH[q].w)) return CH[q].ch;
    }
    return NULL;
}

/* ---- attribution ------------------------------------------------------------ */

typedef struct found {
    mention m;
    uint32_t cue_s, cue_e;
    const char *lemma;
    int ok;
    int embedded;   /* the quote sits inside reported speech: mixed */
    uint32_t cue_tok;
} found;

/* After the quote: "…," she said / said Smith / according to X / ― X. */
static found after_quote(const ctx *c, uint32_t close, uint32_t hi, uint32_t reach) {
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
        const cue_form *cf = cue_of(c->text, t);
        if (!cf) continue;
        f.cue_s = t->s, f.cue_e = t->e, f.lemma = cf->lemma, f.cue_tok = k;
        /* inverted: "said Smith"; also after an auxiliary: "a dit Dubois", "hat gesagt" */
        static const char *const AUX[] = {"a", "hat", "ha", "heeft"};
        int inverted = k == j || (k == j + 1 && IN(c->text, &c->t.v[j], AUX));
        if (inverted) f.m = np_right(c, k + 1, hi);
        else f.m = np_left(c, k, j);
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
static found before_quote(const ctx *c, uint32_t open, uint32_t sstart) {
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
        const cue_form *cf = cue_of(c->text, t);
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
            f.m = k > sstart && name_word(c, &c->t.v[k - 1]) ? np_left(c, k, sstart) : subject_of(c, sstart, k);
        } else {
            f.m = np_left(c, k, sstart);
        }
        if (f.m.coord) {
            /* "… tweeted … and wrote:": the subject of the sentence's first cue, else the sentence's */
            mention sub = {0, 0, 0, 0, 0, 0};
            for (uint32_t q = sstart; q < k; q++)
                if (cue_of(c->text, &c->t.v[q]) && !c->t.v[q].inq) {
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
static found colon_line(const ctx *c, uint32_t open) {
    found f;
    memset(&f, 0, sizeof f);
    uint32_t k = open;
    if (k == 0 || c->t.v[k - 1].kind != T_PARA || k < 2 || !is_p(&c->t.v[k - 2], ':')) return f;
    uint32_t colon = k - 2, s = sentence_start(c, colon);
    for (uint32_t q = colon; q-- > s;) {
        const cue_form *cf = cue_of(c->text, &c->t.v[q]);
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
        known = words >= 2 || find_person((ctx *)c, c->text + m.s, m.e - m.s) >= 0;
    }
    if (m.e && (known || m.pronoun == 1 || m.pronoun == 2)) {
        f.m = m, f.ok = 1;
        f.cue_s = c->t.v[colon].s, f.cue_e = c->t.v[colon].e, f.lemma = ":", f.cue_tok = colon;
    }
    return f;
}

/* The title of a show, book or film: quoted words that are all capitalised
 * (small words apart), after a possessive ("MSNBC’s “Morning Joe”"), after
 * "of"/"on", or named by a word like "film" just before. */
static int looks_like_title(const ctx *c, const qraw *q) {
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

int quotes_find(const char *text, size_t len, size_t from, size_t to, arena *a, int (*stop)(void *), void *stop_ctx,
                quotes_result *out) {
    memset(out, 0, sizeof *out);
    if (to > len) to = len;
    if (from >= to) return 0;
    ctx c;
    memset(&c, 0, sizeof c);
    c.text = text;
    c.a = a;
    c.last_person = -1;
    c.stop = stop, c.stop_ctx = stop_ctx;
    if (tokenize(text, from, to, a, &c.t)) return -1;
    if (!c.t.n) return 0;
    c.para_of = arena_alloc(a, c.t.n * sizeof *c.para_of);
    if (!c.para_of || pair_marks(&c)) return -1;
    quote *qs = arena_alloc(a, (c.nq ? c.nq : 1) * sizeof *qs);
    int32_t *entry_of = arena_alloc(a, (c.nq ? c.nq : 1) * sizeof *entry_of);  /* raw quotation -> entry */
    uint32_t *cue_tok = arena_alloc(a, (c.nq ? c.nq : 1) * sizeof *cue_tok);   /* entry -> its cue token */
    if (!qs || !entry_of || !cue_tok) return -1;
    uint32_t nout = 0, people_next = 0;
    for (uint32_t i = 0; i < c.nq; i++) {
        if (c.stop && !(i & 31) && c.stop(c.stop_ctx)) return -2;
        qraw *r = &c.q[i];
        if (r->close >= c.t.n) r->close = c.t.n - 1;
        uint32_t ss = sentence_start(&c, r->open);
        /* people mentioned before this sentence's quotation */
        scan_people_upto(&c, &people_next, r->open);
        /* the sentence's end after the quotation */
        uint32_t hi = r->close + 1;
        while (hi < c.t.n && !sentence_end(&c, hi)) {
            /* the next quotation ends the search, unless it is a word or two (a nickname) */
            if (c.t.v[hi].kind == T_DQ_OPEN || c.t.v[hi].kind == T_DQ_STRAIGHT) {
                if (!(i + 1 < c.nq && c.q[i + 1].open == hi && c.q[i + 1].words <= 2)) break;
                hi = c.q[i + 1].close; /* past the nickname (an unclosed one: to the text's end) */
                if (hi >= c.t.n) break;
            }
            hi++;
        }
        if (hi > c.t.n) hi = c.t.n;
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
            uint32_t ps = sentence_start(&c, ss - 1);
            /* (a sentence with a quotation of its own: this one continues that) */
            for (uint32_t k = ps; k < ss; k++)
                if (c.t.v[k].inq) { ps = ss; break; }
            for (uint32_t k = ss - 1; k-- > ps && !f.ok;) {
                const cue_form *cf = c.t.v[k].inq ? NULL : cue_of(text, &c.t.v[k]);
                if (!cf) continue;
                mention pm = cf->participle ? subject_of(&c, ps, k) : np_left(&c, k, ps);
                if (pm.e && (pm.name || pm.pronoun == 1 || pm.pronoun == 2)) {
                    memset(&f, 0, sizeof f);
                    f.m = pm, f.ok = 1, f.cue_s = c.t.v[k].s, f.cue_e = c.t.v[k].e, f.lemma = cf->lemma, f.cue_tok = k;
                }
            }
        }
        /* people named after the quotation in its sentence ("said Smith") */
        scan_people_upto(&c, &people_next, hi);
        entry_of[i] = -1;
        if (looks_like_title(&c, r)) continue;
        /* the entry of the quotation just before, when it was kept */
        quote *prev = i > 0 && entry_of[i - 1] >= 0 ? &qs[entry_of[i - 1]] : NULL;
        int near = prev && c.para_of[r->open] <= c.para_of[c.q[i - 1].open] + 1;
        /* one quotation in several parts: run on into this paragraph, or in one
         * sentence around its cue ("…," she said, "…"), or a second fragment
         * of the same reported speech */
        int same_sentence = prev && sentence_start(&c, c.q[i - 1].open) == ss;
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
        if (!f.ok && !opens && !(same_sentence_prev(&c, i, ss))) {
            mention sm = subject_of(&c, ss, r->open);
            /* the quotation is not part of the subject itself ("The so-called “experts” had said") */
            uint32_t between = 0;
            for (uint32_t k = ss; k < r->open; k++) between += c.t.v[k].s >= sm.e && c.t.v[k].kind == T_WORD;
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
        quote *q = &qs[nout];
        memset(q, 0, sizeof *q);
        q->parts[q->n_parts++] = (qspan){r->s, r->e};
        q->person = -1;
        if (f.ok) {
            q->mention = (qspan){f.m.s, f.m.e};
            if (!subject_only) q->cue = (qspan){f.cue_s, f.cue_e};
            q->cue_lemma = f.lemma;
            q->type = f.embedded || r->words <= 4 ? QT_MIXED : QT_DIRECT;
            q->person = resolve(&c, &f.m);
            if (q->person >= 0) {
                add_mention(&c, q->person, f.m.s, f.m.e);
                q->speaker = c.people[q->person].name;
            } else if (!f.m.pronoun) {
                q->speaker = arena_strndup(a, text + f.m.s, f.m.e - f.m.s);
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
        } else {
            continue; /* no cue, nothing to continue: not an attribution (a sign, a transcript line) */
        }
        cue_tok[nout] = f.ok ? f.cue_tok : UINT32_MAX;
        entry_of[i] = (int32_t)nout++;
    }
    out->quotes = qs;
    out->n_quotes = nout;
    scan_people_upto(&c, &people_next, c.t.n);
    out->people = c.people;
    out->n_people = c.np;
    return 0;
}

int quotes_lists_sorted(void) {
    for (size_t i = 1; i < sizeof NOT_NAMES / sizeof *NOT_NAMES; i++)
        if (strcmp(NOT_NAMES[i - 1], NOT_NAMES[i]) >= 0) return 0;
    return 1;
}
