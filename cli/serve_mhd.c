/* Opens libmicrohttpd for `byline serve` (serve_mhd.h says why it is not linked). */
#define BYLINE_SERVE_MHD_IMPL
#include "serve_mhd.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

/* BYLINE_MHD_SONAME comes from the build: the soname of the libmicrohttpd it was built against */
#ifndef BYLINE_MHD_SONAME
#define BYLINE_MHD_SONAME "libmicrohttpd.so.12"
#endif

/* Written once under pthread_once, read-only afterwards. */
static struct {
    pthread_once_t once;
    mhd_api api;
    int ok;
    const char *why;
} loaded = {PTHREAD_ONCE_INIT, {0}, 0, NULL};

static void load(void) {
    void *h = dlopen(BYLINE_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        loaded.why = "cannot open " BYLINE_MHD_SONAME " (the libmicrohttpd package)";
        return;
    }
    static const struct {
        const char *name;
        size_t at;
    } fn[] = {
        {"MHD_start_daemon", offsetof(mhd_api, start_daemon)},
        {"MHD_stop_daemon", offsetof(mhd_api, stop_daemon)},
        {"MHD_quiesce_daemon", offsetof(mhd_api, quiesce_daemon)},
        {"MHD_get_daemon_info", offsetof(mhd_api, get_daemon_info)},
        {"MHD_create_response_from_buffer", offsetof(mhd_api, create_response_from_buffer)},
        {"MHD_add_response_header", offsetof(mhd_api, add_response_header)},
        {"MHD_queue_response", offsetof(mhd_api, queue_response)},
        {"MHD_destroy_response", offsetof(mhd_api, destroy_response)},
        {"MHD_get_connection_values_n", offsetof(mhd_api, get_connection_values_n)},
        {"MHD_lookup_connection_value", offsetof(mhd_api, lookup_connection_value)},
        {"MHD_suspend_connection", offsetof(mhd_api, suspend_connection)},
        {"MHD_resume_connection", offsetof(mhd_api, resume_connection)},
    };
    for (size_t i = 0; i < sizeof fn / sizeof fn[0]; i++) {
        void *p = dlsym(h, fn[i].name);
        if (!p) {
            loaded.why = "libmicrohttpd lacks a function byline serve needs (too old a version)";
            dlclose(h);
            return;
        }
        /* POSIX: what dlsym returns has the representation of the function's pointer */
        memcpy((char *)&loaded.api + fn[i].at, &p, sizeof p);
    }
    loaded.ok = 1;  /* the handle stays open for the life of the process */
}

const mhd_api *mhd_api_get(const char **why) {
    pthread_once(&loaded.once, load);
    if (why) *why = loaded.why;
    return loaded.ok ? &loaded.api : NULL;
}
