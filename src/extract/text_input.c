/* Text that someone already scraped: each line (or run of wrapped lines) is
 * a block; the story is the densest run of prose blocks, found as a maximum
 * subarray over block scores (prose counts for, chrome against); inside it,
 * chrome lines are dropped. Signals come from the text alone: length,
 * share of function words, sentence ends, repetition, link-like tokens
 * (|, @handles, URLs), boilerplate phrases and position. */
#include "text_input.h"
#include "phrases.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Function words of the languages measured on (en, de, fr, es, it, pt, nl,
 * pl): prose has many, chrome (menus, names, labels) few. An open-addressing
 * table under FNV-1a of the lower-cased word, laid out when it was written; each entry is eight
 * bytes, zero-padded, so that a probe is one 64-bit comparison. */
static const char STOPWORDS[1024][8] = {
    [7] = "co", [8] = "these", [16] = "it", [20] = "do", [21] = "gli", [23] = "so", [24] = "été",
    [26] = "than", [27] = "aan", [28] = "les", [31] = "mais", [32] = "einen", [36] = "to", [39] = "nog",
    [40] = "dan", [42] = "le", [43] = "para", [44] = "those", [47] = "what", [57] = "oder", [60] = "ne",
    [62] = "could", [66] = "się", [67] = "że", [71] = "elle", [77] = "are", [86] = "da", [89] = "sa",
    [91] = "ma", [92] = "sua", [97] = "come", [99] = "haben", [103] = "their", [104] = "of", [108] = "lo",
    [109] = "leur", [110] = "più", [117] = "from", [121] = "ao", [128] = "auch", [129] = "be", [137] = "om",
    [138] = "not", [141] = "as", [148] = "by", [156] = "you", [163] = "como", [167] = "est", [170] = "op",
    [171] = "que", [173] = "são", [177] = "che", [184] = "aus", [191] = "ale", [192] = "alla", [193] = "już",
    [194] = "é", [199] = "um", [201] = "della", [202] = "noch", [203] = "his", [205] = "los", [217] = "aux",
    [218] = "niet", [224] = "cette", [226] = "which", [231] = "pour", [238] = "di", [241] = "si",
    [252] = "sie", [255] = "they", [264] = "também", [265] = "zu", [266] = "muy", [267] = "im", [277] = "mit",
    [281] = "when", [284] = "said", [287] = "ein", [294] = "sobre", [300] = "a", [301] = "une",
    [302] = "were", [303] = "voor", [329] = "más", [331] = "con", [338] = "uma", [339] = "am",
    [349] = "there", [352] = "vor", [354] = "would", [357] = "can", [358] = "este", [361] = "es",
    [368] = "der", [369] = "seu", [370] = "du", [372] = "von", [380] = "sono", [388] = "or", [390] = "dat",
    [392] = "at", [394] = "en", [395] = "heeft", [396] = "her", [397] = "will", [401] = "dei", [413] = "aber",
    [414] = "sont", [420] = "dass", [421] = "per", [431] = "nella", [433] = "wenn", [435] = "ist",
    [452] = "i", [454] = "qui", [455] = "auf", [457] = "after", [468] = "questa", [474] = "también",
    [478] = "la", [479] = "ela", [480] = "more", [481] = "she", [493] = "jak", [495] = "one", [496] = "na",
    [497] = "nel", [498] = "was", [502] = "avec", [508] = "non", [511] = "zum", [514] = "ha", [527] = "jest",
    [528] = "over", [534] = "questo", [538] = "sich", [540] = "the", [547] = "een", [548] = "naar",
    [549] = "dos", [550] = "za", [553] = "met", [563] = "fue", [564] = "zijn", [574] = "about", [575] = "das",
    [586] = "del", [589] = "sin", [593] = "ils", [594] = "sus", [602] = "un", [612] = "el", [614] = "het",
    [616] = "par", [617] = "with", [629] = "plus", [635] = "son", [637] = "nicht", [640] = "po",
    [641] = "this", [651] = "sind", [655] = "who", [657] = "pero", [658] = "had", [661] = "ce", [670] = "in",
    [671] = "o", [674] = "de", [675] = "van", [676] = "vous", [677] = "se", [678] = "and", [683] = "wordt",
    [684] = "für", [690] = "te", [703] = "werd", [707] = "been", [708] = "dla", [713] = "als", [715] = "bei",
    [720] = "anche", [721] = "die", [734] = "com", [736] = "e", [737] = "não", [738] = "ses", [739] = "una",
    [742] = "an", [756] = "y", [758] = "por", [760] = "mas", [764] = "et", [771] = "des", [778] = "bij",
    [779] = "cuando", [782] = "eine", [783] = "zur", [789] = "delle", [790] = "is", [791] = "nie",
    [792] = "os", [795] = "au", [803] = "into", [804] = "den", [809] = "door", [810] = "nous", [811] = "wird",
    [812] = "that", [814] = "è", [822] = "w", [824] = "wie", [825] = "our", [833] = "dans", [850] = "also",
    [855] = "las", [858] = "nur", [877] = "wir", [884] = "maar", [888] = "il", [889] = "tym", [901] = "war",
    [908] = "but", [910] = "od", [912] = "for", [915] = "ele", [916] = "nach", [920] = "ook", [922] = "und",
    [935] = "entre", [937] = "we", [941] = "z", [945] = "foi", [946] = "esta", [950] = "he", [960] = "al",
    [961] = "werden", [962] = "hat", [964] = "all", [976] = "on", [980] = "przez", [981] = "su", [982] = "er",
    [985] = "its", [989] = "dem", [995] = "has", [997] = "sur", [1009] = "ou", [1015] = "em", [1018] = "no",
    [1019] = "have", [1020] = "pas",
};

enum { STOPWORD_MAX = 8 }; /* the longest entry, in bytes */

static int is_stopword(const char *w, size_t n) {
    if (n == 0 || n > STOPWORD_MAX) return 0;
    unsigned char low[8] = {0};
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        low[i] = (unsigned char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 0x20 : w[i]);
        h = (h ^ low[i]) * 16777619u;
    }
    uint64_t key, e;
    memcpy(&key, low, 8);
    for (uint32_t k = h & 1023;; k = (k + 1) & 1023) {
        memcpy(&e, STOPWORDS[k], 8);
        if (e == key) return 1;
        if (!e) return 0;
    }
}

/* ---- detection -------------------------------------------------------- */

int looks_like_html(const char *s, size_t n) {
    static const char *const TAGS[] = {"html", "head", "body", "p", "div", "br", "meta", "title", "span", "a",
                                       "table", "script", "article", "h1", "h2", "h3", "ul", "ol", "li", "link",
                                       "style", "section", "header", "footer", "nav", "main", "img", "form",
                                       "!doctype", "!--", "b", "i", "em", "strong", "td", "tr", "iframe", "?xml"};
    size_t lim = n < 65536 ? n : 65536;
    for (const char *p = s, *e = s + lim; (p = memchr(p, '<', (size_t)(e - p))); p++) {
        const char *q = p + 1;
        if (q < e && *q == '/') q++;
        size_t l = 0;
        while (q + l < e && l < 9 && ((q[l] | 0x20) >= 'a' && (q[l] | 0x20) <= 'z' ? 1 : (q[l] >= '0' && q[l] <= '9') || q[l] == '!' || q[l] == '-' || q[l] == '?')) l++;
        if (!l || q + l >= e) continue;
        char c = q[l];
        if (c != '>' && c != ' ' && c != '/' && c != '\t' && c != '\n' && c != '\r' && !(l >= 3 && !strncmp(q, "!--", 3))) continue;
        for (size_t k = 0; k < sizeof TAGS / sizeof *TAGS; k++) {
            size_t tl = strlen(TAGS[k]);
            if ((tl == l || (TAGS[k][0] == '!' && tl <= l)) && !strncasecmp(q, TAGS[k], tl)) return 1;
        }
    }
    return 0;
}

/* ---- blocks ----------------------------------------------------------- */

typedef struct feat {
    uint32_t chars, words, stops, digits, upper_words, pipes, links, punct, wide;
    uint8_t terminal;      /* ends a sentence */
    uint8_t strong_chrome; /* a boilerplate phrase, a copyright line */
    uint8_t weak_chrome;   /* link-like: menus with |, handles, URLs */
    uint8_t repeated;      /* the same line elsewhere */
    uint32_t hash;
} feat;

static int grow_blocks(page *pg, uint32_t need) {
    if (need <= pg->cap_blocks) return 0;
    uint32_t cap = pg->cap_blocks ? pg->cap_blocks : 64;
    while (cap < need) cap *= 2;
    xblock *b = realloc(pg->blocks, cap * sizeof *b);
    if (!b) return -1;
    pg->blocks = b;
    pg->cap_blocks = cap;
    return 0;
}

static int is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Bytes that put_text must look at: spaces and controls, the lead byte of a
 * no-break space, and the ASCII punctuation that Markdown escapes. */
static const uint8_t SPECIAL[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* 1 when s[0..n) has no byte to escape or drop and no two spaces in a row, and neither starts nor
 * ends with a space: copied as it is. Branch-free per byte; spaces are checked eight at a time. */
static int usual_line(const unsigned char *s, size_t n) {
    if (!n || s[0] == ' ' || s[n - 1] == ' ') return 0;
    unsigned acc = 0;
    size_t k = 0;
    for (; k + 4 <= n; k += 4) /* SPECIAL but for the space */
        acc |= (SPECIAL[s[k]] & (s[k] != ' ')) | (SPECIAL[s[k + 1]] & (s[k + 1] != ' ')) |
               (SPECIAL[s[k + 2]] & (s[k + 2] != ' ')) | (SPECIAL[s[k + 3]] & (s[k + 3] != ' '));
    for (; k < n; k++) acc |= SPECIAL[s[k]] & (s[k] != ' ');
    if (acc) return 0;
    const uint64_t L = 0x7F7F7F7F7F7F7F7Full, H = 0x8080808080808080ull, SP = 0x2020202020202020ull;
    uint64_t carry = 0; /* a space in the previous word's last byte */
    for (k = 0; k + 8 <= n; k += 8) {
        uint64_t x;
        memcpy(&x, s + k, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x); /* byte 0 in the low bits, as the carry expects */
#endif
        uint64_t y = x ^ SP, sp = ~(((y & L) + L) | y) & H; /* the high bit of each space byte */
        if ((sp & (sp >> 8)) | (carry & sp)) return 0;
        carry = sp >> 63 << 7; /* byte 7's space lines up with byte 0 */
    }
    for (int prev = k > 0 && carry; k < n; k++) {
        int cur = s[k] == ' ';
        if (prev & cur) return 0;
        prev = cur;
    }
    return 1;
}

/* Appends s[0..n) to the block being built, whitespace collapsed and
 * Markdown punctuation escaped in md. */
static int put_text(page *pg, const char *s, size_t n, int sep) {
    if (!buf_reserve(&pg->text, n + 2) || !buf_reserve(&pg->md, 2 * n + 2)) return -1;
    char *t = pg->text.data, *m = pg->md.data;
    size_t tl = pg->text.len, ml = pg->md.len;
    /* the usual line: single spaces between words, nothing to escape or drop */
    if (usual_line((const unsigned char *)s, n)) {
        if (sep > 0 && tl > 0 && t[tl - 1] != ' ') t[tl++] = ' ', m[ml++] = ' ';
        memcpy(t + tl, s, n);
        memcpy(m + ml, s, n);
        pg->text.len = tl + n, pg->md.len = ml + n;
        t[tl + n] = 0, m[ml + n] = 0;
        return 0;
    }
    int space = sep;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!SPECIAL[c]) {
            if (space) {
                if (tl > 0 && t[tl - 1] != ' ' && sep >= 0) t[tl++] = ' ', m[ml++] = ' ';
                space = sep = 0;
            }
            t[tl++] = (char)c, m[ml++] = (char)c;
            continue;
        }
        if (c == ' ' || c == '\n' || is_space_byte(c)) {
            space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;
        /* no-break space as a space */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            space = 1;
            i++;
            continue;
        }
        if (space && tl > 0 && t[tl - 1] != ' ' && sep >= 0) t[tl++] = ' ', m[ml++] = ' ';
        space = sep = 0;
        t[tl++] = (char)c;
        if (SPECIAL[c] && c != 0xC2) m[ml++] = '\\';
        m[ml++] = (char)c;
    }
    pg->text.len = tl, pg->md.len = ml;
    t[tl] = 0, m[ml] = 0;
    return 0;
}

static int ends_terminal(const char *t, size_t n) {
    while (n && (t[n - 1] == ' ')) n--;
    if (!n) return 0;
    unsigned char c = (unsigned char)t[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':' || c == ';') return 1;
    /* ” ’ » … 。 ！ ？ */
    if (n >= 3 && (unsigned char)t[n - 3] == 0xE2 && (unsigned char)t[n - 2] == 0x80 &&
        ((unsigned char)t[n - 1] == 0x9D || (unsigned char)t[n - 1] == 0x99 || (unsigned char)t[n - 1] == 0xA6))
        return 1;
    if (n >= 2 && (unsigned char)t[n - 2] == 0xC2 && (unsigned char)t[n - 1] == 0xBB) return 1;
    if (n >= 3 && (unsigned char)t[n - 3] == 0xE3 && (unsigned char)t[n - 2] == 0x80 && (unsigned char)t[n - 1] == 0x82)
        return 1;
    if (n >= 3 && (unsigned char)t[n - 3] == 0xEF && (unsigned char)t[n - 2] == 0xBC &&
        ((unsigned char)t[n - 1] == 0x81 || (unsigned char)t[n - 1] == 0x9F))
        return 1;
    return 0;
}

static int alnum_byte(unsigned char c) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* Per byte, in 16-bit lanes: a character starts (not a UTF-8 continuation),
 * a space, a digit, sentence punctuation. */
static const uint64_t COUNTS[256] = {
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x10001ull, 0x1000000000001ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1000000000001ull, 0x1ull, 0x1000000000001ull,
    0x1ull, 0x100000001ull, 0x100000001ull, 0x100000001ull, 0x100000001ull, 0x100000001ull, 0x100000001ull,
    0x100000001ull, 0x100000001ull, 0x100000001ull, 0x100000001ull, 0x1ull, 0x1000000000001ull, 0x1ull,
    0x1ull, 0x1ull, 0x1000000000001ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull,
};

/* A block's counts (one table look-up per byte), then its
 * words (function words, capitals, link-like tokens), then phrases. */
static void features(const phrase_index *ix, const char *t, size_t n, feat *f) {
    memset(f, 0, sizeof *f);
    const unsigned char *u = (const unsigned char *)t;
    /* four 16-bit counters in one word, flushed before they can overflow */
    uint64_t chars = 0, spaces = 0, wide, digits = 0, punct = 0;
    for (size_t k0 = 0; k0 < n; k0 += 65535) {
        uint64_t acc = 0;
        for (size_t k = k0; k < n && k < k0 + 65535; k++) acc += COUNTS[u[k]];
        chars += acc & 0xFFFF, spaces += acc >> 16 & 0xFFFF, digits += acc >> 32 & 0xFFFF, punct += acc >> 48;
    }
    /* CJK and Thai characters take three bytes: many bytes per character mean a wide script */
    wide = n > chars ? (n - chars) / 2 : 0;
    f->chars = (uint32_t)chars, f->wide = (uint32_t)wide, f->digits = (uint32_t)digits, f->punct = (uint32_t)punct;
    if (wide * 4 > n) /* CJK sentence marks: 。 ， ！ ？ */
        for (size_t k = 0; k + 2 < n; k++)
            if ((u[k] == 0xE3 && u[k + 1] == 0x80 && u[k + 2] == 0x82) ||
                (u[k] == 0xEF && u[k + 1] == 0xBC && (u[k + 2] == 0x8C || u[k + 2] == 0x81 || u[k + 2] == 0x9F)))
                f->punct++;
    int copyright = 0;
    if (n < 300) /* a copyright line: ©, (c), (C) */
        for (size_t k = 0; k + 1 < n && !copyright; k++)
            copyright = (u[k] == 0xC2 && u[k + 1] == 0xA9) || (u[k] == '(' && k + 2 < n && (u[k + 1] | 0x20) == 'c' && u[k + 2] == ')');
    /* repetition is judged on the length and the first 32 bytes (then compared whole) */
    uint32_t h = 2166136261u ^ (uint32_t)n;
    for (size_t k = 0; k < n && k < 32; k++) h = (h ^ u[k]) * 16777619u;
    f->hash = h;
    int check_phrases = n < 160; /* a phrase in a long sentence is prose ("Graham’s comments came") */
    int check_stops = spaces >= 11; /* prose needs a dozen words: shorter lines cannot be */
    /* a long block's first 40 words tell its kind; the rest is scaled */
    size_t w = 0;
    while (w < n && f->words < 40) {
        size_t e = w;
        while (e < n && t[e] != ' ') e++;
        if (e > w) {
            const char *word = t + w;
            size_t wl = e - w, a = 0, b = wl;
            f->words++;
            unsigned char c0 = (unsigned char)(word[0] >= 'A' && word[0] <= 'Z' ? word[0] | 0x20 : word[0]);
            unsigned char c1 = wl > 1 ? (unsigned char)(word[1] >= 'A' && word[1] <= 'Z' ? word[1] | 0x20 : word[1]) : ' ';
            if (check_phrases && !f->strong_chrome && phrase_may_start(ix, c0, c1) && boilerplate_at(ix, t, n, w))
                f->strong_chrome = 1;
            /* the word without surrounding punctuation */
            while (a < b && (unsigned char)word[a] < 0x80 && !alnum_byte((unsigned char)word[a])) a++;
            while (b > a && (unsigned char)word[b - 1] < 0x80 && !alnum_byte((unsigned char)word[b - 1])) b--;
            if (check_stops && b > a && is_stopword(word + a, b - a)) f->stops++;
            if (b > a && word[a] >= 'A' && word[a] <= 'Z') f->upper_words++;
            if (wl == 1 && (word[0] == '|' || word[0] == '/' || word[0] == '>')) f->pipes++;
            char w0 = (char)(word[0] | 0x20);
            if (w0 == 'c' && wl >= 9 && n < 300 && !strncasecmp(word, "copyright", 9)) copyright = 1;
            if (wl >= 3 && (word[0] == '@' || (w0 == 'h' && !strncasecmp(word, "http", 4)) ||
                            (w0 == 'w' && !strncasecmp(word, "www.", 4))))
                f->links++;
        }
        w = e + 1;
    }
    if (w < n && w > 0) {
        double scale = (double)n / (double)w;
        f->words = (uint32_t)(f->words * scale), f->stops = (uint32_t)(f->stops * scale);
        f->upper_words = (uint32_t)(f->upper_words * scale);
    }
    f->terminal = (uint8_t)ends_terminal(t, n);
    if (copyright) f->strong_chrome = 1;
    if (f->pipes >= 1 || f->links >= 1) f->weak_chrome = 1;
}

int text_extract(page *pg, arena *a, const char *s, size_t n, float precision, selection *sel, text_info *ti) {
    memset(sel, 0, sizeof *sel);
    memset(ti, 0, sizeof *ti);
    ti->title_block = ti->site_block = ti->credit_block = ti->byline_block = -1;
    sel->root = NO_EL;
    /* lines to blocks; a line joins the one before when that one runs on
     * (long, no sentence end) and this one starts in lower case */
    size_t cap_src = 64;
    uint32_t *src = malloc(cap_src * sizeof *src);
    if (!src) return -1;
    int blank_before = 1;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        size_t a0 = i, a1 = e;
        while (a0 < a1 && (is_space_byte((unsigned char)s[a0]))) a0++;
        while (a1 > a0 && (is_space_byte((unsigned char)s[a1 - 1]))) a1--;
        if (a0 == a1) {
            blank_before = 1;
        } else {
            xblock *prev = pg->n_blocks ? &pg->blocks[pg->n_blocks - 1] : NULL;
            int join = prev && !blank_before && prev->text_len >= 50 &&
                       !ends_terminal(pg->text.data + prev->text_off, prev->text_len) &&
                       (unsigned char)s[a0] >= 'a' && (unsigned char)s[a0] <= 'z';
            if (join) {
                if (put_text(pg, s + a0, a1 - a0, 1)) goto oom;
                prev->text_len = (uint32_t)(pg->text.len - prev->text_off);
                prev->md_len = (uint32_t)(pg->md.len - prev->md_off);
            } else {
                if (grow_blocks(pg, pg->n_blocks + 1)) goto oom;
                if (pg->n_blocks >= cap_src) {
                    uint32_t *ns = realloc(src, (cap_src *= 2) * sizeof *src);
                    if (!ns) goto oom;
                    src = ns;
                }
                xblock *b = &pg->blocks[pg->n_blocks];
                memset(b, 0, sizeof *b);
                b->el = b->table = NO_EL;
                b->kind = 0; /* B_PARA */
                b->text_off = (uint32_t)pg->text.len;
                b->md_off = (uint32_t)pg->md.len;
                if (put_text(pg, s + a0, a1 - a0, -1)) goto oom;
                b->text_len = (uint32_t)(pg->text.len - b->text_off);
                b->md_len = (uint32_t)(pg->md.len - b->md_off);
                src[pg->n_blocks] = (uint32_t)a0;
                pg->n_blocks++;
            }
            blank_before = 0;
        }
        i = e + 1;
    }
    uint32_t nb = pg->n_blocks;
    feat *f = arena_alloc(a, (nb ? nb : 1) * sizeof *f);
    float *score = arena_alloc(a, (nb ? nb : 1) * sizeof *score);
    uint8_t *chrome = arena_alloc(a, nb ? nb : 1);
    uint32_t *kept = arena_alloc(a, (nb ? nb : 1) * sizeof *kept);
    uint32_t *srco = arena_alloc(a, (nb ? nb : 1) * sizeof *srco);
    if (!f || !score || !chrome || !kept || !srco) goto oom;
    if (nb) memcpy(srco, src, nb * sizeof *src);
    free(src);
    src = NULL;
    ti->src_off = srco;
    ti->chrome = chrome;
    memset(chrome, 1, nb ? nb : 1);
    phrase_index ix;
    boilerplate_index(&ix);
    for (uint32_t i = 0; i < nb; i++) {
        xblock *b = &pg->blocks[i];
        const char *t = pg->text.data + b->text_off;
        features(&ix, t, b->text_len, &f[i]);
        b->w = f[i].chars;
        b->punct = (uint16_t)(f[i].punct > 0xFFFF ? 0xFFFF : f[i].punct);
    }
    /* repetition: a line that occurs again is chrome (menus, slogans, the
     * headline shown twice); hashing keeps this linear */
    {
        uint32_t hcap = 1;
        while (hcap < nb * 2 + 2) hcap <<= 1;
        uint32_t *slot = arena_alloc(a, hcap * sizeof *slot);
        if (!slot) goto oom;
        memset(slot, 0xFF, hcap * sizeof *slot);
        for (uint32_t i = 0; i < nb; i++) {
            uint32_t h = f[i].hash & (hcap - 1);
            while (slot[h] != UINT32_MAX) {
                uint32_t j = slot[h];
                const xblock *x = &pg->blocks[j], *y = &pg->blocks[i];
                if (f[j].hash == f[i].hash && x->text_len == y->text_len &&
                    !memcmp(pg->text.data + x->text_off, pg->text.data + y->text_off, x->text_len)) {
                    f[i].repeated = f[j].repeated = 1;
                    break;
                }
                h = (h + 1) & (hcap - 1);
            }
            if (slot[h] == UINT32_MAX) slot[h] = i;
        }
    }
    /* block scores: prose for, chrome against */
    float bias = 0.25f * precision;
    for (uint32_t i = 0; i < nb; i++) {
        const feat *x = &f[i];
        const xblock *b = &pg->blocks[i];
        int dense = x->wide * 4 > b->text_len; /* CJK or Thai: no spaces to count words by */
        float stop = x->words ? (float)x->stops / (float)x->words : 0;
        float c = (float)x->chars;
        int prose = dense ? (x->chars >= 40 && b->punct >= 1) : (x->words >= 12 && stop >= 0.18f + bias);
        if (x->strong_chrome) score[i] = -(c + 150);
        else if (x->repeated) score[i] = -(c + 40);
        else if (x->weak_chrome && !(prose && x->links + x->pipes <= 1 && x->words >= 25)) score[i] = -(c + 30);
        else if (prose && x->chars >= 100) score[i] = c;
        else if (prose || (x->terminal && x->words >= 8)) score[i] = c * 0.5f;
        else if (x->digits * 4 > x->chars) score[i] = -(c + 10);
        else score[i] = -(c * 0.3f + 10);
    }
    /* the densest run (maximum subarray) */
    float best = 0, run = 0;
    uint32_t from = 0, to = 0, start = 0;
    for (uint32_t i = 0; i < nb; i++) {
        if (run <= 0) run = 0, start = i;
        run += score[i];
        if (run > best) best = run, from = start, to = i + 1;
    }
    /* the headline: a line shown twice before the story, else the nearest
     * headline-like line before it */
    for (uint32_t i = 0; i < from && i < 12 && ti->title_block < 0; i++) {
        const feat *x = &f[i];
        if (x->repeated && x->words >= 3 && x->chars <= 250 && !x->strong_chrome) ti->title_block = (int32_t)i;
    }
    for (uint32_t i = from; i-- > 0 && from - i <= 6 && ti->title_block < 0;) {
        const feat *x = &f[i];
        if (x->words >= 3 && x->words <= 30 && x->chars <= 250 && !x->strong_chrome && !x->weak_chrome &&
            x->digits * 4 < x->chars && !(x->terminal && pg->text.data[pg->blocks[i].text_off + pg->blocks[i].text_len - 1] == '.'))
            ti->title_block = (int32_t)i;
    }
    /* the site's name: a short line that the chrome repeats */
    for (uint32_t i = 0; i < nb && ti->site_block < 0; i++) {
        const feat *x = &f[i];
        if ((int32_t)i == ti->title_block || (i >= from && i < to)) continue;
        if (x->repeated && x->words >= 1 && x->words <= 5 && x->chars <= 40 && !x->strong_chrome && !x->weak_chrome &&
            !x->terminal && (ti->title_block < 0 ||
                             pg->blocks[i].text_len != pg->blocks[ti->title_block].text_len ||
                             memcmp(pg->text.data + pg->blocks[i].text_off,
                                    pg->text.data + pg->blocks[ti->title_block].text_off, pg->blocks[i].text_len)))
            ti->site_block = (int32_t)i;
    }
    /* inside the run: chrome lines out; lines before the first sentence
     * that are not prose (bylines, dates) out, the byline remembered */
    uint32_t nk = 0, kept_chars = 0;
    int started = 0;
    for (uint32_t i = from; i < to; i++) {
        const feat *x = &f[i];
        xblock *b = &pg->blocks[i];
        const char *t = pg->text.data + b->text_off;
        /* after some story, "Related articles", "Most read", "Leave a reply" end it */
        if (nk >= 2 && kept_chars >= 400 && x->words <= 6 && section_end(t, b->text_len)) {
            to = i;
            break;
        }
        if (x->strong_chrome || x->repeated || (x->weak_chrome && score[i] < 0)) continue;
        if (!started && score[i] <= 0) {
            if (ti->byline_block < 0 && x->words <= 12 &&
                (!strncasecmp(t, "by ", 3) || !strncasecmp(t, "von ", 4) || !strncasecmp(t, "par ", 4) ||
                 !strncasecmp(t, "por ", 4)))
                ti->byline_block = (int32_t)i;
            continue;
        }
        started = 1;
        /* a short line without a sentence end, followed by prose: a subheading */
        if (!x->terminal && x->words <= 14 && x->chars <= 120 && i + 1 < to && score[i + 1] > 0)
            b->kind = 1, b->level = 2; /* B_HEADING */
        kept[nk++] = i;
        kept_chars += x->chars;
        chrome[i] = 0;
    }
    /* trailing short lines that are not sentences (credits, labels) */
    while (nk && !f[kept[nk - 1]].terminal && f[kept[nk - 1]].words <= 6) {
        chrome[kept[nk - 1]] = 1;
        nk--;
    }
    /* a credit line just after the story: "– Cover Media", "(Reuters)" */
    for (uint32_t i = nk ? kept[nk - 1] + 1 : to; i < nb && i <= (nk ? kept[nk - 1] + 3 : to + 2); i++) {
        if (f[i].words >= 1 && f[i].words <= 6 && f[i].chars <= 60) {
            ti->credit_block = (int32_t)i;
            break;
        }
    }
    sel->kept = kept;
    sel->n_kept = nk;
    sel->from = from;
    sel->to = to;
    return 0;
oom:
    free(src);
    return -1;
}
