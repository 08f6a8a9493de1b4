/* Who said what, as lines a person reads: the record's quotations rendered one per line. */
#ifndef BYLINE_WHO_SAID_H
#define BYLINE_WHO_SAID_H
#include "../quotes/quotes.h"
#include "../util/buf.h"

/* One line per quotation of q (text: what the spans refer to): the speaker with its kind and title,
 * the cue and channel, the type, and the quoted words. Nothing for no quotation. */
void who_said_text(buf *out, const quotes_result *q, const char *text);
#endif
