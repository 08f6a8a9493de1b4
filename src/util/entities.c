#include "entities.h"
#include "text.h"
#include <stdint.h>
#include <string.h>

typedef struct { const char *name; uint32_t cp; } entity;

/* The references that show up double-escaped in titles and names. */
static const entity NAMED[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"auml", 0xE4}, {"ouml", 0xF6}, {"uuml", 0xFC}, {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC},
    {"szlig", 0xDF}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA}, {"aacute", 0xE1}, {"agrave", 0xE0},
    {"acirc", 0xE2}, {"iacute", 0xED}, {"oacute", 0xF3}, {"uacute", 0xFA}, {"ntilde", 0xF1}, {"ccedil", 0xE7},
    {"Eacute", 0xC9}, {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"laquo", 0xAB},
    {"raquo", 0xBB}, {"euro", 0x20AC}, {"copy", 0xA9}, {"shy", 0xAD},
};

const char *entities_decode(arena *a, const char *s, size_t n) {
    if (!memchr(s, '&', n)) return arena_strndup(a, s, n);
    char *o = arena_alloc(a, n + 1);
    if (!o) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '&') {
            const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
            if (semi) {
                const char *nm = s + i + 1;
                size_t nl = (size_t)(semi - nm);
                uint32_t cp = 0;
                if (nl >= 2 && nm[0] == '#') {
                    int hex = nm[1] == 'x' || nm[1] == 'X';
                    for (size_t k = hex ? 2 : 1; k < nl; k++) {
                        char c = nm[k];
                        int v = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
                        if (v < 0 || cp > 0x10FFFF) { cp = 0; break; }
                        cp = cp * (hex ? 16 : 10) + (uint32_t)v;
                    }
                    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0;
                } else {
                    for (size_t k = 0; k < sizeof NAMED / sizeof *NAMED; k++)
                        if (strlen(NAMED[k].name) == nl && !memcmp(NAMED[k].name, nm, nl)) { cp = NAMED[k].cp; break; }
                }
                /* a decoded reference is never longer than its source */
                if (cp && cp != 0xAD) {
                    j += utf8_put(o + j, cp == 0xA0 ? ' ' : cp);
                    i = (size_t)(semi - s) + 1;
                    continue;
                }
                if (cp == 0xAD) { i = (size_t)(semi - s) + 1; continue; }
            }
        }
        o[j++] = s[i++];
    }
    o[j] = 0;
    return o;
}
