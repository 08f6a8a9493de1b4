#ifndef BYLINE_LABELS_H
#define BYLINE_LABELS_H
/* Canonical WHATWG name -> the name glibc iconv knows it by. */
const char *iconv_name_for(const char *encoding);
#endif
