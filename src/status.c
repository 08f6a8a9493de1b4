/* The names the record and the API give to statuses and limits, and the
 * version: a leaf that both src/byline.c and the record stage include, so
 * that imports run one way, from the bytes to the record. */
#include "status.h"

const char *byline_status_name(byline_status s) {
    static const char *const names[] = {"ok", "empty", "not_html", "too_large", "decode_error",
                                        "limit_exceeded", "internal_error"};
    return (unsigned)s < BYLINE_STATUS_COUNT ? names[s] : "unknown";
}

const char *byline_limit_name(byline_limit l) {
    switch (l) {
    case BYLINE_LIMIT_DEPTH: return "depth";
    case BYLINE_LIMIT_NODES: return "nodes";
    case BYLINE_LIMIT_TIME: return "time";
    default: return NULL;
    }
}

const char *byline_version(void) { return BYLINE_VERSION; }
