/* byline._records.Pool: extract_many's native worker pool.
 *
 * N POSIX threads, each with its own byline_doc, extract pages and make their output (JSON, text,
 * Markdown or who-said-what) without ever taking the GIL; the thread that iterates (the caller of
 * extract_many) pulls pages from the Python iterable, hands them over, and turns each finished output
 * into a dict or str, in input order. Python code runs only in that thread, so the workers never wait
 * for the GIL; with the ThreadPoolExecutor this replaces, each worker built its dicts with the GIL
 * held and two workers queued for it.
 *
 * With helps (jobs >= 2), the iterating thread is one of the jobs: jobs - 1 threads are started, and
 * while the oldest page is not done the iterating thread extracts the next queued one itself (GIL
 * released) instead of sleeping; so jobs threads of work run, not jobs + 1, and on a machine with as
 * many cores as jobs none waits for a core (dicts: 2-3 % more pages/s with jobs=2 on 2 cores).
 *
 * A ring of `window` tasks bounds what is in flight: the consumer fills a task (the page's buffer,
 * held through its Py_buffer until the output has been read, and the URL's bytes), workers take tasks
 * in order and mark them done, the consumer waits for the oldest one. Sequence numbers fed >= taken >=
 * delivered under the pool's mutex say who owns which task: [delivered, taken) belongs to the thread
 * that took it (a worker, or the consumer helping) until done, [taken, fed) is queued, the rest is
 * the consumer's.
 *
 * The library is called through function pointers the package passes in from cffi (the addresses of
 * byline_doc_new, byline_doc_free, byline_extract and the output function in the libbyline.so cffi
 * loaded), not by linking it: the records are then made by the very library the rest of the package
 * uses (the one BYLINE_LIBRARY or the install chose), and the module still builds from python/ alone
 * (pip) without byline.h. For the same reason the options come as the bytes of the byline_options
 * struct cffi filled (its strings kept alive by `keep`), with the offset of its url field. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE  /* pthread_setname_np */
#endif
#include "_records.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef void *(*doc_new_fn)(void);
typedef void (*doc_free_fn)(void *doc);
/* byline_status is an enum whose values fit an int: returned as an int by every C ABI we build on */
typedef int (*extract_fn)(void *doc, const char *bytes, size_t len, const void *opt);
typedef const char *(*output_fn)(void *doc, size_t *len);

enum { KEEP_CAP = 1 << 20 };  /* a task's output buffer larger than this is freed once read */

typedef struct task {
    Py_buffer page;       /* page.obj is NULL when the task holds no page */
    PyObject *url;        /* bytes (NUL-terminated, no NUL inside) or NULL */
    const char *url_c;
    char *out;            /* the output, copied out of the worker's doc */
    size_t out_len, out_cap;
    int done, failed;     /* failed: the library gave no output or the copy could not be made */
} task;

struct pool;
typedef struct worker {
    struct pool *pool;
    void *doc;
    unsigned char *opt;   /* the options with this task's url */
} worker;

typedef struct pool {
    PyObject_HEAD
    PyObject *source;     /* iterator of (page, url bytes or None) */
    PyObject *keep;       /* what the options' pointers point into */
    PyObject *err_type, *err_value, *err_tb;  /* what the source raised, given after the pages before it */
    doc_new_fn doc_new;
    doc_free_fn doc_free;
    extract_fn extract;
    output_fn output;
    Py_ssize_t url_offset, opt_size;
    int as_record;        /* 1: a dict from the JSON; 0: a str */
    int jobs, started, sync_ready, busy;
    int helps;            /* 1: the iterating thread extracts too, with workers[0]; jobs - 1 threads */
    worker *workers;
    pthread_t *threads;
    task *tasks;
    size_t window;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    uint64_t fed, taken, delivered;
    int stop, idle, waiting, source_done;
    pid_t owner;          /* the process the threads run in: a child of fork() has none of them */
} pool;

/* ---- the workers (no GIL, no Python objects touched but the page's bytes) -------------------------- */

static void run_task(pool *P, worker *w, task *t) {
    static const char empty[1] = "";  /* a 0-byte page: never a NULL pointer */
    memcpy(w->opt + P->url_offset, &t->url_c, sizeof t->url_c);
    P->extract(w->doc, t->page.len ? (const char *)t->page.buf : empty, (size_t)t->page.len, w->opt);
    size_t n = 0;
    const char *p = P->output(w->doc, &n);
    if (!p) { t->failed = 1; return; }
    if (n + 1 > t->out_cap) {
        size_t cap = (n + 1 + 4095) & ~(size_t)4095;
        free(t->out);
        t->out = malloc(cap);
        t->out_cap = t->out ? cap : 0;
        if (!t->out) { t->failed = 1; return; }
    }
    memcpy(t->out, p, n);
    t->out_len = n;
}

static void *work(void *arg) {
    worker *w = arg;
    pool *P = w->pool;
    pthread_mutex_lock(&P->mu);
    for (;;) {
        while (!P->stop && P->taken == P->fed) {
            P->idle++;
            pthread_cond_wait(&P->work, &P->mu);
            P->idle--;
        }
        if (P->stop) break;
        task *t = &P->tasks[P->taken++ % P->window];
        pthread_mutex_unlock(&P->mu);
        run_task(P, w, t);
        pthread_mutex_lock(&P->mu);
        t->done = 1;
        /* delivered is the consumer's and written without the mutex, but only while waiting is 0:
         * with waiting 1 the consumer is in wait_done and delivered stands still */
        if (P->waiting && t == &P->tasks[P->delivered % P->window]) pthread_cond_signal(&P->done);
    }
    pthread_mutex_unlock(&P->mu);
    return NULL;
}

/* ---- start and stop (GIL held) ------------------------------------------------------------------- */

static void clear_task(task *t) {
    if (t->page.obj) PyBuffer_Release(&t->page);
    t->page.obj = NULL;
    Py_CLEAR(t->url);
    t->url_c = NULL;
    t->done = t->failed = 0;
}

/* Threads stopped and joined, every page and output let go. Idempotent. In a child of fork() there
 * are no threads to join, and the mutex may have been copied locked: both are left alone. */
static void pool_shutdown(pool *P) {
    if (P->sync_ready && getpid() != P->owner) P->started = 0, P->sync_ready = 0;
    if (P->started) {
        pthread_mutex_lock(&P->mu);
        P->stop = 1;
        pthread_cond_broadcast(&P->work);
        pthread_mutex_unlock(&P->mu);
        int n = P->started;
        P->started = 0;
        Py_BEGIN_ALLOW_THREADS
        for (int i = 0; i < n; i++) pthread_join(P->threads[i], NULL);
        Py_END_ALLOW_THREADS
    }
    if (P->workers) {
        for (int i = 0; i < P->jobs; i++) {
            if (P->workers[i].doc) P->doc_free(P->workers[i].doc);
            free(P->workers[i].opt);
        }
        free(P->workers);
        P->workers = NULL;
    }
    free(P->threads);
    P->threads = NULL;
    if (P->tasks) {
        for (size_t i = 0; i < P->window; i++) {
            clear_task(&P->tasks[i]);
            free(P->tasks[i].out);
        }
        free(P->tasks);
        P->tasks = NULL;
    }
    P->fed = P->taken = P->delivered = 0;
    P->source_done = 1;
    if (P->sync_ready) {
        pthread_cond_destroy(&P->work);
        pthread_cond_destroy(&P->done);
        pthread_mutex_destroy(&P->mu);
        P->sync_ready = 0;
    }
    Py_CLEAR(P->source);
    Py_CLEAR(P->err_type);
    Py_CLEAR(P->err_value);
    Py_CLEAR(P->err_tb);
}

static uintptr_t address(PyObject *seq, Py_ssize_t i) {
    PyObject *o = PySequence_GetItem(seq, i);
    if (!o) return 0;
    uintptr_t v = (uintptr_t)PyLong_AsUnsignedLongLong(o);
    Py_DECREF(o);
    if (PyErr_Occurred()) return 0;
    if (!v) PyErr_SetString(PyExc_ValueError, "byline pool: a NULL function");
    return v;
}

static int start(pool *P) {
    pthread_condattr_t ca;
    if (pthread_condattr_init(&ca)) return -1;
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int e = pthread_mutex_init(&P->mu, NULL);
    if (!e && (e = pthread_cond_init(&P->work, NULL)) != 0) pthread_mutex_destroy(&P->mu);
    if (!e && (e = pthread_cond_init(&P->done, &ca)) != 0) {
        pthread_cond_destroy(&P->work);
        pthread_mutex_destroy(&P->mu);
    }
    pthread_condattr_destroy(&ca);
    if (e) { errno = e; return -1; }
    P->sync_ready = 1;
    /* the workers take no signals: Python handles them in the main thread */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    for (; P->started < P->jobs - P->helps; P->started++) {
        if ((e = pthread_create(&P->threads[P->started], NULL, work, &P->workers[P->helps + P->started])) != 0) break;
#if defined(__GLIBC__)
        /* as top -H and /proc/PID/task/TID/comm show it, from the start */
        pthread_setname_np(P->threads[P->started], "byline-pool");
#endif
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (e) { errno = e; return -1; }
    return 0;
}

static PyObject *pool_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    PyObject *source, *functions, *keep;
    int jobs, as_record, helps = 0;
    Py_ssize_t window, url_offset;
    Py_buffer opt;
    static char *names[] = {"source", "jobs", "window", "functions", "options", "url_offset", "as_record", "keep",
                            "helps", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OinOy*npO|p:Pool", names, &source, &jobs, &window, &functions, &opt,
                                     &url_offset, &as_record, &keep, &helps))
        return NULL;
    pool *P = NULL;
    if (jobs < 1 || jobs > 1024 || window < jobs || window > (1 << 20)) {
        PyErr_SetString(PyExc_ValueError, "byline pool: jobs must be in 1..1024 and window in jobs..2^20");
        goto out;
    }
    if (url_offset < 0 || url_offset + (Py_ssize_t)sizeof(const char *) > opt.len) {
        PyErr_SetString(PyExc_ValueError, "byline pool: the url field is not inside the options");
        goto out;
    }
    if (!PySequence_Check(functions) || PySequence_Size(functions) != 4) {
        PyErr_SetString(PyExc_TypeError, "byline pool: functions is (doc_new, doc_free, extract, output)");
        goto out;
    }
    uintptr_t f[4];
    for (Py_ssize_t i = 0; i < 4; i++)
        if (!(f[i] = address(functions, i))) goto out;
    PyObject *it = PyObject_GetIter(source);
    if (!it) goto out;
    P = (pool *)type->tp_alloc(type, 0);
    if (!P) { Py_DECREF(it); goto out; }
    P->source = it;
    P->keep = Py_NewRef(keep);
    /* integer to function pointer: implementation-defined in ISO C, what every platform with dlsym does */
    P->doc_new = (doc_new_fn)f[0];
    P->doc_free = (doc_free_fn)f[1];
    P->extract = (extract_fn)f[2];
    P->output = (output_fn)f[3];
    P->url_offset = url_offset;
    P->opt_size = opt.len;
    P->as_record = as_record;
    P->jobs = jobs;
    P->helps = helps;
    P->owner = getpid();
    P->window = (size_t)window;
    P->workers = calloc((size_t)jobs, sizeof *P->workers);
    P->threads = calloc((size_t)jobs, sizeof *P->threads);
    P->tasks = calloc((size_t)window, sizeof *P->tasks);
    if (!P->workers || !P->threads || !P->tasks) { PyErr_NoMemory(); goto fail; }
    for (int i = 0; i < jobs; i++) {
        worker *w = &P->workers[i];
        w->pool = P;
        w->opt = malloc((size_t)opt.len);
        if (!w->opt) { PyErr_NoMemory(); goto fail; }
        memcpy(w->opt, opt.buf, (size_t)opt.len);
        if (!(w->doc = P->doc_new())) {
            PyErr_SetString(PyExc_MemoryError, "byline: byline_doc_new failed");
            goto fail;
        }
    }
    if (start(P) < 0) { PyErr_SetFromErrno(PyExc_OSError); goto fail; }
    goto out;  /* tp_alloc has made it tracked by the garbage collector */
fail:
    pool_shutdown(P);
    Py_DECREF(P);
    P = NULL;
out:
    PyBuffer_Release(&opt);
    return (PyObject *)P;
}

static int pool_traverse(pool *P, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(P));
    Py_VISIT(P->source);
    Py_VISIT(P->keep);
    Py_VISIT(P->err_type);
    Py_VISIT(P->err_value);
    Py_VISIT(P->err_tb);
    if (P->tasks)
        for (size_t i = 0; i < P->window; i++) {
            Py_VISIT(P->tasks[i].page.obj);
            Py_VISIT(P->tasks[i].url);
        }
    return 0;
}

static int pool_clear(pool *P) {
    pool_shutdown(P);
    Py_CLEAR(P->keep);
    return 0;
}

static void pool_dealloc(pool *P) {
    PyTypeObject *type = Py_TYPE(P);
    PyObject_GC_UnTrack(P);
    pool_clear(P);
    type->tp_free(P);
    Py_DECREF(type);
}

/* ---- the consumer (the iterating thread, GIL held) ---------------------------------------------- */

/* The next (page, url) from the source into the task at fed: 1; 0 when the source has ended or raised
 * an Exception (kept, to raise after the pages before it); -1 with the exception set when the item
 * is not a (page, url) pair (kept likewise by the caller) or the source raised a BaseException
 * that is not an Exception (raised now). */
static int feed_one(pool *P) {
    PyObject *item = PyIter_Next(P->source);
    if (!item) {
        P->source_done = 1;
        if (!PyErr_Occurred()) return 0;
        /* KeyboardInterrupt, SystemExit, GeneratorExit: now, not after the pages in flight */
        if (!PyErr_ExceptionMatches(PyExc_Exception)) return -1;
        PyErr_Fetch(&P->err_type, &P->err_value, &P->err_tb);
        return 0;
    }
    task *t = &P->tasks[P->fed % P->window];
    PyObject *page, *url;
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2 ||
        ((url = PyTuple_GET_ITEM(item, 1)) != Py_None && !PyBytes_Check(url))) {
        Py_DECREF(item);
        PyErr_SetString(PyExc_TypeError, "byline pool: the source gives (page, url bytes or None) pairs");
        return -1;
    }
    page = PyTuple_GET_ITEM(item, 0);
    if (PyObject_GetBuffer(page, &t->page, PyBUF_SIMPLE) < 0) {
        t->page.obj = NULL;
        Py_DECREF(item);
        return -1;
    }
    if (url != Py_None) {
        t->url = Py_NewRef(url);
        t->url_c = PyBytes_AS_STRING(url);
    }
    Py_DECREF(item);
    pthread_mutex_lock(&P->mu);
    P->fed++;
    if (P->idle) pthread_cond_signal(&P->work);
    pthread_mutex_unlock(&P->mu);
    return 1;
}

/* Waits until t is done; -1 with the exception set when a signal handler raised (Ctrl-C). */
static int wait_done(pool *P, task *t) {
    pthread_mutex_lock(&P->mu);
    int done = t->done;
    pthread_mutex_unlock(&P->mu);
    while (!done) {
        Py_BEGIN_ALLOW_THREADS
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += 50 * 1000 * 1000;  /* a look at the signals every 50 ms */
        if (until.tv_nsec >= 1000000000) until.tv_sec++, until.tv_nsec -= 1000000000;
        pthread_mutex_lock(&P->mu);
        P->waiting = 1;
        while (!t->done && pthread_cond_timedwait(&P->done, &P->mu, &until) != ETIMEDOUT) {}
        P->waiting = 0;
        done = t->done;
        pthread_mutex_unlock(&P->mu);
        Py_END_ALLOW_THREADS
        if (!done && PyErr_CheckSignals() < 0) return -1;
    }
    return 0;
}

static PyObject *next_result(pool *P) {
    if (!P->tasks) return NULL;  /* closed */
    task *t;
    for (;;) {
        while (!P->source_done && P->fed - P->delivered < P->window) {
            int r = feed_one(P);
            if (r < 0) {
                P->source_done = 1;
                if (!PyErr_ExceptionMatches(PyExc_Exception)) return NULL;
                /* a bad item: raised after the pages before it, as the source's own exception */
                PyErr_Fetch(&P->err_type, &P->err_value, &P->err_tb);
            }
            if (r <= 0) break;
        }
        if (P->delivered == P->fed) {
            if (P->err_type) {
                PyErr_Restore(P->err_type, P->err_value, P->err_tb);
                P->err_type = P->err_value = P->err_tb = NULL;
            }
            return NULL;
        }
        t = &P->tasks[P->delivered % P->window];
        if (!P->helps) break;
        /* helping: while a thread has the oldest page, this thread takes the next one queued */
        task *u = NULL;
        pthread_mutex_lock(&P->mu);
        if (!t->done && P->taken < P->fed) u = &P->tasks[P->taken++ % P->window];
        pthread_mutex_unlock(&P->mu);
        if (!u) break;
        Py_BEGIN_ALLOW_THREADS
        run_task(P, &P->workers[0], u);
        pthread_mutex_lock(&P->mu);
        u->done = 1;
        pthread_mutex_unlock(&P->mu);
        Py_END_ALLOW_THREADS
        if (PyErr_CheckSignals() < 0) return NULL;
    }
    if (wait_done(P, t) < 0) return NULL;
    PyObject *o;
    if (t->failed)
        o = PyErr_NoMemory();
    else if (P->as_record)
        o = byline_records_parse(t->out, (Py_ssize_t)t->out_len);
    else
        o = PyUnicode_DecodeUTF8(t->out, (Py_ssize_t)t->out_len, "surrogateescape");
    clear_task(t);
    if (t->out_cap > KEEP_CAP) {
        free(t->out);
        t->out = NULL;
        t->out_cap = 0;
    }
    P->delivered++;  /* the consumer's alone: workers never look at a task past fed */
    return o;
}

static PyObject *pool_next(pool *P) {
    if (P->busy) {
        PyErr_SetString(PyExc_RuntimeError, "byline pool: used by two threads at once");
        return NULL;
    }
    if (P->tasks && getpid() != P->owner) {
        PyErr_SetString(PyExc_RuntimeError, "byline pool: its threads are in the parent process (used after fork)");
        return NULL;
    }
    P->busy = 1;
    PyObject *o = next_result(P);
    P->busy = 0;
    return o;
}

static PyObject *pool_close(pool *P, PyObject *unused) {
    (void)unused;
    if (P->busy) {
        PyErr_SetString(PyExc_RuntimeError, "byline pool: closed while another thread waits on it");
        return NULL;
    }
    pool_shutdown(P);
    Py_RETURN_NONE;
}

static PyObject *pool_threads(pool *P, void *unused) {
    (void)unused;
    return PyLong_FromLong(P->started);
}

static PyMethodDef pool_methods[] = {
    {"close", (PyCFunction)pool_close, METH_NOARGS,
     "Stop and join the threads, let every page go (what finishing or collecting the pool does)."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef pool_getset[] = {
    {"threads", (getter)pool_threads, NULL, "worker threads running (0 once closed)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot pool_slots[] = {
    {Py_tp_doc, "Pool(source, jobs, window, functions, options, url_offset, as_record, keep, helps=False): "
                "byline.extract_many's "
                "worker threads; iterating gives the outputs in the source's order."},
    {Py_tp_new, pool_new},
    {Py_tp_dealloc, pool_dealloc},
    {Py_tp_traverse, pool_traverse},
    {Py_tp_clear, pool_clear},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, pool_next},
    {Py_tp_methods, pool_methods},
    {Py_tp_getset, pool_getset},
    {0, NULL},
};

static PyType_Spec pool_spec = {"byline._records.Pool", sizeof(pool), 0,
                                Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, pool_slots};

PyObject *byline_pool_type(PyObject *m) { return PyType_FromModuleAndSpec(m, &pool_spec, NULL); }
