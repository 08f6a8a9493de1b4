/* libmicrohttpd, opened by `byline serve` when it starts instead of being linked into the program:
 * loading it brings its TLS stack along (gnutls and eight more libraries), which cost every other
 * byline command 4 ms of start-up (BENCHMARKS.md). serve.c calls the functions under their usual
 * names; the macros below send those calls through the table. */
#ifndef BYLINE_SERVE_MHD_H
#define BYLINE_SERVE_MHD_H
#include <microhttpd.h>

typedef struct mhd_api {
    struct MHD_Daemon *(*start_daemon)(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
                                       void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...);
    void (*stop_daemon)(struct MHD_Daemon *daemon);
    MHD_socket (*quiesce_daemon)(struct MHD_Daemon *daemon);
    const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info, ...);
    struct MHD_Response *(*create_response_from_buffer)(size_t size, void *buffer, enum MHD_ResponseMemoryMode mode);
    enum MHD_Result (*add_response_header)(struct MHD_Response *response, const char *header, const char *content);
    enum MHD_Result (*queue_response)(struct MHD_Connection *connection, unsigned int status_code,
                                      struct MHD_Response *response);
    void (*destroy_response)(struct MHD_Response *response);
    int (*get_connection_values_n)(struct MHD_Connection *connection, enum MHD_ValueKind kind,
                                   MHD_KeyValueIteratorN iterator, void *iterator_cls);
    const char *(*lookup_connection_value)(struct MHD_Connection *connection, enum MHD_ValueKind kind,
                                           const char *key);
    void (*suspend_connection)(struct MHD_Connection *connection);
    void (*resume_connection)(struct MHD_Connection *connection);
} mhd_api;

/* The functions, the library opened on the first call (once, whichever thread asks). NULL when it
 * cannot be opened or lacks a function; *why (when not NULL) then says what failed. */
const mhd_api *mhd_api_get(const char **why);

#ifndef BYLINE_SERVE_MHD_IMPL
/* serve.c asks mhd_api_get() once before anything else, and stops when it is NULL */
#define MHD_start_daemon (mhd_api_get(NULL)->start_daemon)
#define MHD_stop_daemon (mhd_api_get(NULL)->stop_daemon)
#define MHD_quiesce_daemon (mhd_api_get(NULL)->quiesce_daemon)
#define MHD_get_daemon_info (mhd_api_get(NULL)->get_daemon_info)
#define MHD_create_response_from_buffer (mhd_api_get(NULL)->create_response_from_buffer)
#define MHD_add_response_header (mhd_api_get(NULL)->add_response_header)
#define MHD_queue_response (mhd_api_get(NULL)->queue_response)
#define MHD_destroy_response (mhd_api_get(NULL)->destroy_response)
#define MHD_get_connection_values_n (mhd_api_get(NULL)->get_connection_values_n)
#define MHD_lookup_connection_value (mhd_api_get(NULL)->lookup_connection_value)
#define MHD_suspend_connection (mhd_api_get(NULL)->suspend_connection)
#define MHD_resume_connection (mhd_api_get(NULL)->resume_connection)
#endif
#endif
