/* Status and limit names (the public byline_status_name and byline_version live here too). */
#ifndef BYLINE_STATUS_H
#define BYLINE_STATUS_H
#include "../include/byline.h"

/* "depth", "nodes", "time", or NULL for BYLINE_LIMIT_NONE. */
const char *byline_limit_name(byline_limit l);
#endif
