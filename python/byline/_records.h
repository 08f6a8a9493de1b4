/* byline._records: what its two C files share (python/byline/_records.c, _pool.c). */
#ifndef BYLINE_RECORDS_H
#define BYLINE_RECORDS_H
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The record (byline's JSON, UTF-8) in buf[0..len) as dicts and lists, as json.loads gives it; NULL
 * with ValueError when it is not JSON. GIL held. */
PyObject *byline_records_parse(const char *buf, Py_ssize_t len);

/* The Pool type (a new heap type) for the module m. */
PyObject *byline_pool_type(PyObject *m);
#endif
