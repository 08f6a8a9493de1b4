/* Decompression for WARC files. gzip through ISA-L's streaming inflater
 * (member after member, so one member per record and one for the whole file
 * read the same), zstd through libzstd; both without holding the file. */
#include "stream.h"
#include <isa-l/igzip_lib.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

enum { IN_CAP = 1 << 18 };
#define NO_START ((size_t)-1)

struct wstream {
    FILE *f;
    wz_kind kind;
    unsigned char *in;
    size_t in_pos, in_len;
    int in_eof;
    uint64_t consumed;         /* compressed bytes before in[in_pos] */
    struct inflate_state *gz;  /* gzip */
    int member_open;           /* inside a gzip member or zstd frame */
    size_t mstart;             /* where the open member began in in[], or NO_START */
    ZSTD_DCtx *zd;             /* zstd */
    int pending_break;         /* report damage on the next read */
    wstream_damage dmg;
};

static void refill(wstream *s) {
    if (s->in_eof) return;
    /* keep the open member's start while it fits: damage inside a member
     * sends reading back there, to look for the next member after it */
    size_t from = s->in_pos;
    if (s->mstart != NO_START && s->mstart < from && s->in_len - s->mstart <= IN_CAP / 2) from = s->mstart;
    else s->mstart = NO_START;
    if (from) {
        memmove(s->in, s->in + from, s->in_len - from);
        s->in_len -= from;
        s->in_pos -= from;
        if (s->mstart != NO_START) s->mstart -= from;
    }
    while (s->in_len < IN_CAP && !s->in_eof) {
        size_t r = fread(s->in + s->in_len, 1, IN_CAP - s->in_len, s->f);
        s->in_len += r;
        if (r == 0) {
            if (ferror(s->f)) s->dmg.read_error = 1;
            s->in_eof = 1;
        }
        if (s->in_len >= IN_CAP / 2) break;
    }
}

static void advance(wstream *s, size_t n) {
    s->in_pos += n;
    s->consumed += n;
}

/* ZSTD's frame magic, or a skippable frame's (0x184D2A5?), little-endian. */
static int zstd_magic(const unsigned char *p) {
    return (p[0] == 0x28 && p[1] == 0xB5 && p[2] == 0x2F && p[3] == 0xFD) ||
           ((p[0] & 0xF0) == 0x50 && p[1] == 0x2A && p[2] == 0x4D && p[3] == 0x18);
}

static int member_start(const wstream *s, const unsigned char *p) {
    return s->kind == WZ_GZIP ? p[0] == 0x1F && p[1] == 0x8B && p[2] == 8 : zstd_magic(p);
}

/* Pass over bytes up to the next member start (or the end); returns 1 when
 * one was found. */
static int resync(wstream *s, size_t from) {
    size_t need = s->kind == WZ_GZIP ? 3 : 4;
    for (;;) {
        size_t i = s->in_pos + from;
        for (; i + need <= s->in_len; i++)
            if (member_start(s, s->in + i)) {
                s->dmg.skipped_bytes += i - s->in_pos;
                advance(s, i - s->in_pos);
                return 1;
            }
        /* keep the last need-1 bytes: a magic may straddle the refill */
        size_t keep = s->in_len - s->in_pos < need - 1 ? s->in_len - s->in_pos : need - 1;
        size_t drop = s->in_len - s->in_pos - keep;
        s->dmg.skipped_bytes += drop;
        advance(s, drop);
        from = 0;
        if (s->in_eof) {
            s->dmg.skipped_bytes += s->in_len - s->in_pos;
            advance(s, s->in_len - s->in_pos);
            return 0;
        }
        refill(s);
    }
}

/* The WARC zstd dictionary: a skippable frame (magic 0x184D2A5D) first in
 * the file, its payload a dictionary, itself zstd-compressed or not. */
static int zstd_dictionary(wstream *s) {
    const unsigned char *p = s->in + s->in_pos;
    if (s->in_len - s->in_pos < 8 || !(p[0] == 0x5D && p[1] == 0x2A && p[2] == 0x4D && p[3] == 0x18)) return 0;
    size_t n = (size_t)p[4] | (size_t)p[5] << 8 | (size_t)p[6] << 16 | (size_t)p[7] << 24;
    if (n > IN_CAP - 8 || s->in_len - s->in_pos < 8 + n) return -1;
    const unsigned char *d = p + 8;
    int rc = 0;
    if (n >= 4 && zstd_magic(d) && d[0] == 0x28) {
        unsigned long long full = ZSTD_getFrameContentSize(d, n);
        if (full == ZSTD_CONTENTSIZE_ERROR || full == ZSTD_CONTENTSIZE_UNKNOWN || full > (1u << 30)) return -1;
        void *dict = malloc(full ? full : 1);
        if (!dict) return -1;
        size_t got = ZSTD_decompress(dict, full, d, n);
        rc = ZSTD_isError(got) || ZSTD_isError(ZSTD_DCtx_loadDictionary(s->zd, dict, got)) ? -1 : 0;
        free(dict);
    } else {
        rc = ZSTD_isError(ZSTD_DCtx_loadDictionary(s->zd, d, n)) ? -1 : 0;
    }
    advance(s, 8 + n);
    return rc;
}

wstream *wstream_open(const char *path) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return NULL;
    wstream *s = calloc(1, sizeof *s);
    if (!s || !(s->in = malloc(IN_CAP))) {
        free(s);
        if (f != stdin) fclose(f);
        return NULL;
    }
    s->f = f;
    s->mstart = NO_START;
    refill(s);
    const unsigned char *p = s->in;
    if (s->in_len >= 3 && p[0] == 0x1F && p[1] == 0x8B) {
        s->kind = WZ_GZIP;
        s->gz = malloc(sizeof *s->gz);
    } else if (s->in_len >= 4 && zstd_magic(p)) {
        s->kind = WZ_ZSTD;
        s->zd = ZSTD_createDCtx();
        if (s->zd && zstd_dictionary(s)) s->dmg.corrupt++;
    }
    if ((s->kind == WZ_GZIP && !s->gz) || (s->kind == WZ_ZSTD && !s->zd)) {
        wstream_close(s);
        return NULL;
    }
    return s;
}

void wstream_close(wstream *s) {
    if (!s) return;
    if (s->f && s->f != stdin) fclose(s->f);
    free(s->gz);
    ZSTD_freeDCtx(s->zd);
    free(s->in);
    free(s);
}

wz_kind wstream_kind(const wstream *s) { return s->kind; }
uint64_t wstream_pos(const wstream *s) { return s->consumed; }
const wstream_damage *wstream_damage_seen(const wstream *s) { return &s->dmg; }

/* Back to the start of the damaged member when it is still in the buffer:
 * a corrupt member can decode past its own end into the next ones. */
static void rewind_member(wstream *s) {
    if (s->mstart == NO_START || s->mstart > s->in_pos) return;
    s->consumed -= s->in_pos - s->mstart;
    s->in_pos = s->mstart;
    s->mstart = NO_START;
}

static void damaged(wstream *s, unsigned *counter) {
    (*counter)++;
    s->member_open = 0;
    s->pending_break = 1;
}

static long read_gzip(wstream *s, unsigned char *out, size_t n) {
    size_t made = 0;
    while (made < n && !s->pending_break) {
        if (s->in_pos == s->in_len) refill(s);
        if (s->in_pos == s->in_len) {
            if (s->member_open) damaged(s, &s->dmg.truncated);
            break;
        }
        if (!s->member_open) {
            refill(s);
            if (s->in_len - s->in_pos < 3 || !member_start(s, s->in + s->in_pos)) {
                /* padding or junk between members: NULs and newlines are
                 * passed quietly, anything else is damage */
                size_t i = s->in_pos;
                while (i < s->in_len && (s->in[i] == 0 || s->in[i] == '\n' || s->in[i] == '\r')) i++;
                if (i > s->in_pos) {
                    advance(s, i - s->in_pos);
                    continue;
                }
                if (s->in_eof && s->in_len - s->in_pos < 3) {
                    s->dmg.garbage++;
                    s->dmg.skipped_bytes += s->in_len - s->in_pos;
                    advance(s, s->in_len - s->in_pos);
                    break;
                }
                s->dmg.garbage++;
                s->pending_break = 1;
                resync(s, 0);
                break;
            }
            isal_inflate_init(s->gz);
            s->gz->crc_flag = ISAL_GZIP;
            s->member_open = 1;
            s->mstart = s->in_pos;
        }
        s->gz->next_in = s->in + s->in_pos;
        s->gz->avail_in = (uint32_t)(s->in_len - s->in_pos);
        s->gz->next_out = out + made;
        s->gz->avail_out = (uint32_t)(n - made);
        int rc = isal_inflate(s->gz);
        size_t used = (size_t)(s->gz->next_in - (s->in + s->in_pos));
        made = (size_t)(s->gz->next_out - out);
        advance(s, used);
        if (rc < 0) {
            damaged(s, &s->dmg.corrupt);
            rewind_member(s);
            resync(s, 1);
            break;
        }
        if (s->gz->block_state == ISAL_BLOCK_FINISH) {
            s->member_open = 0;
            s->mstart = NO_START;
            continue;
        }
        if (!used && made < n) {
            /* the inflater wants more input than the buffer holds */
            if (s->in_eof) {
                damaged(s, &s->dmg.truncated);
                break;
            }
            refill(s);
        }
    }
    return (long)made;
}

static long read_zstd(wstream *s, unsigned char *out, size_t n) {
    ZSTD_outBuffer ob = {out, n, 0};
    while (ob.pos < n && !s->pending_break) {
        if (s->in_pos == s->in_len) refill(s);
        if (s->in_pos == s->in_len) {
            if (s->member_open) damaged(s, &s->dmg.truncated);
            break;
        }
        if (!s->member_open) s->mstart = s->in_pos;
        ZSTD_inBuffer ib = {s->in + s->in_pos, s->in_len - s->in_pos, 0};
        size_t rc = ZSTD_decompressStream(s->zd, &ob, &ib);
        advance(s, ib.pos);
        if (ZSTD_isError(rc)) {
            ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
            damaged(s, &s->dmg.corrupt);
            rewind_member(s);
            resync(s, 1);
            break;
        }
        s->member_open = rc != 0;
        if (!s->member_open) s->mstart = NO_START;
        if (!ib.pos && ob.pos < n) {
            if (s->in_eof) {
                if (s->member_open) damaged(s, &s->dmg.truncated);
                break;
            }
            refill(s);
        }
    }
    return (long)ob.pos;
}

long wstream_read(wstream *s, void *out, size_t n) {
    if (s->pending_break) {
        s->pending_break = 0;
        return -1;
    }
    long r;
    if (s->kind == WZ_GZIP) r = read_gzip(s, out, n);
    else if (s->kind == WZ_ZSTD) r = read_zstd(s, out, n);
    else {
        if (s->in_pos == s->in_len && n >= IN_CAP / 4 && !s->in_eof) {
            /* plain and large: straight into the caller's buffer */
            size_t got = fread(out, 1, n, s->f);
            if (!got) {
                s->dmg.read_error |= ferror(s->f) != 0;
                s->in_eof = 1;
            }
            s->consumed += got;
            return (long)got;
        }
        if (s->in_pos == s->in_len) refill(s);
        r = (long)(s->in_len - s->in_pos < n ? s->in_len - s->in_pos : n);
        memcpy(out, s->in + s->in_pos, (size_t)r);
        advance(s, (size_t)r);
    }
    if (r == 0 && s->pending_break) {
        s->pending_break = 0;
        return -1;
    }
    return r;
}
