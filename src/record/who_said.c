/* Who said what as text (who_said.h). A line reads
 *     Anita Rowe (person, Deputy Health Minister) — said, statement — direct: “We will not …”
 * and an unresolved speaker shows the words at the cue in quotes: ? ("she") — said — …; the parts
 * of one quotation follow each other, joined by " … ". */
#include "who_said.h"
#include <string.h>

static void put_span(buf *o, const char *text, qspan sp) {
    const char *s = text + sp.start;
    size_t n = sp.end - sp.start;
    /* one line: the paragraph breaks inside a quotation that runs on become spaces */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            if (o->len && o->data[o->len - 1] != ' ') buf_putc(o, ' ');
        } else {
            buf_putc(o, c);
        }
    }
}

void who_said_text(buf *out, const quotes_result *q, const char *text) {
    static const char *const TYPES[] = {"direct", "mixed", "continuation"};
    buf_clear(out);
    for (uint32_t i = 0; q && i < q->n_quotes; i++) {
        const quote *x = &q->quotes[i];
        const person *p = x->person >= 0 ? &q->people[x->person] : NULL;
        if (p) {
            buf_puts(out, p->name);
            buf_puts(out, " (");
            buf_puts(out, entity_kind_name((entity_kind)p->kind));
            if (p->title) {
                buf_puts(out, ", ");
                buf_puts(out, p->title);
            }
            buf_putc(out, ')');
        } else if (x->speaker) {
            buf_puts(out, x->speaker);
        } else {
            buf_putc(out, '?');
            if (x->mention.end) {
                buf_puts(out, " (\"");
                put_span(out, text, x->mention);
                buf_puts(out, "\")");
            }
        }
        buf_puts(out, " \xE2\x80\x94 ");
        if (x->cue.end) put_span(out, text, x->cue);
        else buf_puts(out, x->type == QT_CONTINUATION ? "(continues)" : "(no cue)");
        if (x->channel) {
            buf_puts(out, ", ");
            buf_puts(out, x->channel);
        }
        buf_puts(out, " \xE2\x80\x94 ");
        buf_puts(out, TYPES[x->type < 3 ? x->type : 0]);
        buf_puts(out, ": ");
        for (uint32_t k = 0; k < x->n_parts; k++) {
            if (k) buf_puts(out, " \xE2\x80\xA6 ");
            put_span(out, text, x->parts[k]);
        }
        buf_putc(out, '\n');
    }
}
