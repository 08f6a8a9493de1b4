/* A WARC file as one stream of bytes: plain, gzip (one member per record or
 * one for the whole file) or zstd (with the WARC dictionary frame). Damage
 * (a corrupt or cut-off member) is reported once as a break in the stream,
 * then reading goes on at the next member that can be found. */
#ifndef BYLINE_WARC_STREAM_H
#define BYLINE_WARC_STREAM_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum { WZ_PLAIN, WZ_GZIP, WZ_ZSTD } wz_kind;

typedef struct wstream wstream;

/* Opens path ("-" = stdin); NULL with errno set when it cannot be read. */
wstream *wstream_open(const char *path);
void wstream_close(wstream *s);
/* Up to n bytes of the decompressed stream: > 0 bytes read, 0 at the end,
 * -1 once at each damaged place (data before it was good, data after it
 * starts at the next member found). */
long wstream_read(wstream *s, void *out, size_t n);
wz_kind wstream_kind(const wstream *s);
/* Compressed bytes consumed so far (for progress and offsets). */
uint64_t wstream_pos(const wstream *s);
/* Damage seen: corrupt members, a cut-off end, bytes skipped to resynchronise. */
typedef struct wstream_damage {
    unsigned corrupt;        /* corrupt compressed data (bad header, block or checksum) */
    unsigned truncated;      /* the file ends inside a compressed member or frame */
    unsigned garbage;        /* bytes that were not compressed data between members */
    uint64_t skipped_bytes;  /* compressed bytes passed over to find the next member */
    int read_error;          /* an I/O error stopped reading */
} wstream_damage;
const wstream_damage *wstream_damage_seen(const wstream *s);
#endif
