#include "decode.h"
#include "labels.h"
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <uchardet/uchardet.h>

/* The spec prescans 1024 bytes; real pages often put <meta charset> after long
 * inline scripts, so look further (as Chromium effectively does). */
enum { META_PRESCAN_BYTES = 8192, DETECT_SAMPLE_BYTES = 64 * 1024 };

const char *enc_source_name(enc_source s) {
    static const char *const names[] = {"bom", "transport", "meta", "utf8", "detector", "default"};
    return names[s];
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid.
 * Rejects overlongs, surrogates and code points above U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;
        if (c == 0xED && s[1] > 0x9F) return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] > 0x8F) return 0;
        return 4;
    }
    return 0;
}

/* The length of the ASCII run at s: 64 bytes a step with SSE2 (every x86-64: most of a page is
 * ASCII markup), 8 with a 64-bit word elsewhere. */
static size_t ascii_run(const unsigned char *s, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    while (i + 64 <= n) {
        __m128i a = _mm_loadu_si128((const __m128i *)(s + i)), b = _mm_loadu_si128((const __m128i *)(s + i + 16)),
                c = _mm_loadu_si128((const __m128i *)(s + i + 32)), d = _mm_loadu_si128((const __m128i *)(s + i + 48));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) break;
        i += 64;
    }
#endif
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < n && s[i] < 0x80) i++;
    return i;
}

size_t utf8_drop_invalid(char *str, size_t n) {
    unsigned char *s = (unsigned char *)str;
    size_t i = 0, j = 0;
    while (i < n) {
        size_t k = s[i] < 0x80 ? 1 : utf8_seq(s + i, n - i);
        if (!k) {
            i++;
            continue;
        }
        memmove(s + j, s + i, k);
        i += k, j += k;
    }
    if (j < n) s[j] = 0;
    return j;
}

/* 1 when str[0..n) is valid UTF-8; *non_ascii (if not NULL) then says whether a byte >= 0x80 is in it */
static int utf8_check(const char *str, size_t n, int *non_ascii) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = ascii_run(s, n);
    if (non_ascii) *non_ascii = i < n;
    while (i < n) {
        size_t k = utf8_seq(s + i, n - i);
        if (!k) return 0;
        i += k;
        i += ascii_run(s + i, n - i);
    }
    return 1;
}

int utf8_valid(const char *str, size_t n) { return utf8_check(str, n, NULL); }

/* Copy UTF-8, turning each maximal invalid subpart into U+FFFD. */
static int utf8_repair(arena *a, const char *in, size_t n, decoded *out) {
    char *o = arena_alloc(a, n * 3 + 1);
    if (!o) return -2;
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, j = 0;
    while (i < n) {
        size_t r = ascii_run(s + i, n - i);
        memcpy(o + j, s + i, r);
        i += r, j += r;
        if (i >= n) break;
        size_t k = utf8_seq(s + i, n - i);
        if (k) {
            memcpy(o + j, s + i, k);
            i += k, j += k;
        } else {
            memcpy(o + j, "\xEF\xBF\xBD", 3);
            j += 3;
            out->replaced++;
            i++;
            while (i < n && (s[i] & 0xC0) == 0x80) i++; /* rest of the broken sequence */
        }
    }
    o[j] = 0;
    out->data = o;
    out->len = j;
    return 0;
}

static int convert_iconv(arena *a, const char *in, size_t n, const char *encoding, decoded *out) {
    iconv_t cd = iconv_open("UTF-8", iconv_name_for(encoding));
    if (cd == (iconv_t)-1) return -1;
    size_t cap = n * 4 + 16; /* GB18030 / UTF-16 expand at most 2x; legacy single-byte 3x */
    char *o = arena_alloc(a, cap);
    if (!o) {
        iconv_close(cd);
        return -2;
    }
    char *ip = (char *)in, *op = o;
    size_t il = n, ol = cap - 1;
    while (il) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1) break;
        if (errno == E2BIG) break; /* cannot happen with our capacity; stop safely */
        /* EILSEQ or EINVAL (truncated at end): one U+FFFD, skip a byte */
        if (ol < 3) break;
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3, ol -= 3;
        ip++, il--;
        out->replaced++;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv(cd, NULL, NULL, &op, &ol);
    iconv_close(cd);
    *op = 0;
    out->data = o;
    out->len = (size_t)(op - o);
    return 0;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Read one attribute at *pp (prescan rules, simplified); returns 0 at '>' or end. */
static int prescan_attr(const unsigned char **pp, const unsigned char *end, const unsigned char **name,
                        size_t *nlen, const unsigned char **val, size_t *vlen) {
    const unsigned char *p = *pp;
    while (p < end && (is_space(*p) || *p == '/')) p++;
    if (p >= end || *p == '>') {
        *pp = p;
        return 0;
    }
    *name = p;
    while (p < end && !is_space(*p) && *p != '=' && *p != '>' && *p != '/') p++;
    *nlen = (size_t)(p - *name);
    while (p < end && is_space(*p)) p++;
    *val = p;
    *vlen = 0;
    if (p < end && *p == '=') {
        p++;
        while (p < end && is_space(*p)) p++;
        if (p < end && (*p == '"' || *p == '\'')) {
            unsigned char q = *p++;
            *val = p;
            while (p < end && *p != q) p++;
            *vlen = (size_t)(p - *val);
            if (p < end) p++;
        } else {
            *val = p;
            while (p < end && !is_space(*p) && *p != '>') p++;
            *vlen = (size_t)(p - *val);
        }
    }
    *pp = p;
    return 1;
}

static int ieq(const unsigned char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (n != m) return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != (unsigned char)lit[i]) return 0;
    return 1;
}

/* charset=... inside a Content-Type value */
static const char *charset_from_content(const unsigned char *v, size_t n) {
    for (size_t i = 0; i + 7 <= n; i++) {
        if (!ieq(v + i, 7, "charset")) continue;
        size_t j = i + 7;
        while (j < n && is_space(v[j])) j++;
        if (j >= n || v[j] != '=') continue;
        j++;
        while (j < n && is_space(v[j])) j++;
        size_t k = j;
        if (k < n && (v[k] == '"' || v[k] == '\'')) {
            unsigned char q = v[k++];
            j = k;
            while (k < n && v[k] != q) k++;
        } else {
            while (k < n && !is_space(v[k]) && v[k] != ';') k++;
        }
        return encoding_for_label((const char *)v + j, k - j);
    }
    return NULL;
}

static const char *meta_prescan(const unsigned char *s, size_t n) {
    const unsigned char *end = s + (n < META_PRESCAN_BYTES ? n : META_PRESCAN_BYTES), *p = s;
    while (p < end) {
        const unsigned char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        p = lt;
        if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
            const unsigned char *q = p + 4;
            while (q + 3 <= end && memcmp(q, "-->", 3)) q++;
            p = q + 3;
            continue;
        }
        if (end - p >= 6 && ieq(p + 1, 4, "meta") && (is_space(p[5]) || p[5] == '/')) {
            p += 5;
            const unsigned char *name, *val;
            size_t nlen, vlen;
            int http_equiv_ct = 0;
            const char *from_charset = NULL, *from_content = NULL;
            while (prescan_attr(&p, end, &name, &nlen, &val, &vlen)) {
                if (ieq(name, nlen, "charset")) {
                    if (!from_charset) from_charset = encoding_for_label((const char *)val, vlen);
                } else if (ieq(name, nlen, "http-equiv")) {
                    if (ieq(val, vlen, "content-type")) http_equiv_ct = 1;
                } else if (ieq(name, nlen, "content")) {
                    if (!from_content) from_content = charset_from_content(val, vlen);
                }
            }
            const char *enc = from_charset ? from_charset : (http_equiv_ct ? from_content : NULL);
            if (enc) {
                if (!strncmp(enc, "UTF-16", 6)) enc = "UTF-8"; /* spec: a meta cannot declare UTF-16 */
                return enc;
            }
            continue;
        }
        p++;
    }
    return NULL;
}

static const char *detect(const char *in, size_t n) {
    uchardet_t ud = uchardet_new();
    if (!ud) return NULL;
    const char *enc = NULL;
    if (uchardet_handle_data(ud, in, n < DETECT_SAMPLE_BYTES ? n : DETECT_SAMPLE_BYTES) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        if (name && *name) enc = encoding_for_label(name, strlen(name));
    }
    uchardet_delete(ud);
    return enc;
}


int decode_bytes(arena *a, const char *in, size_t n, const char *transport, decoded *out) {
    memset(out, 0, sizeof *out);
    const unsigned char *u = (const unsigned char *)in;
    const char *enc = NULL;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        enc = "UTF-8", in += 3, n -= 3;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        enc = "UTF-16BE", in += 2, n -= 2;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        enc = "UTF-16LE", in += 2, n -= 2;
    }
    if (enc) out->source = ENC_SRC_BOM;
    if (!enc && transport && *transport && (enc = encoding_for_label(transport, strlen(transport))))
        out->source = ENC_SRC_TRANSPORT;
    int valid = -1;  /* not known yet */
    if (!enc) {
        out->declared = meta_prescan(u, n);
        int non_ascii;
        valid = utf8_check(in, n, &non_ascii);
        /* A legacy declaration on bytes that are valid, non-ASCII UTF-8 is almost
         * always a stale template: trust the bytes (recorded as source utf8). */
        if (out->declared && !(valid && non_ascii && strcmp(out->declared, "UTF-8"))) {
            enc = out->declared;
            out->source = ENC_SRC_META;
        } else if (valid) {
            enc = "UTF-8";
            out->source = ENC_SRC_UTF8;
        } else if ((enc = detect(in, n))) {
            out->source = ENC_SRC_DETECTOR;
        } else {
            enc = "windows-1252";
            out->source = ENC_SRC_DEFAULT;
        }
    }
    if (!strcmp(enc, "replacement")) return -1;
    out->encoding = enc;
    if (!strcmp(enc, "UTF-8")) {
        if (valid < 0) valid = utf8_valid(in, n);
        if (valid) {
            out->data = in;
            out->len = n;
            return 0;
        }
        return utf8_repair(a, in, n, out);
    }
    return convert_iconv(a, in, n, enc, out);
}
