/* Language of the article text (CLD2 behind a C entry point). */
#ifndef BYLINE_LANGID_H
#define BYLINE_LANGID_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

enum { LANGID_MAX_BYTES = 256 };  /* enough text to decide; keeps the cost flat */

typedef struct langid_result {
    char code[16];       /* ISO 639-1 where one exists ("de", "zh-Hant"), "" when unknown */
    double confidence;   /* share of the text in that language, halved when CLD2 is unsure */
    int reliable;
} langid_result;

/* 1 when a language was found. tld (e.g. "de") may be NULL. */
int langid_detect(const char *text, size_t n, const char *tld, langid_result *out);

#ifdef __cplusplus
}
#endif
#endif
