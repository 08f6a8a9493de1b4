/* byline group: the command (group.c) and what it shares with main.c. */
#ifndef BYLINE_CLI_GROUP_H
#define BYLINE_CLI_GROUP_H

/* Input files in the order they will be read: directories walked in name order (main.c). */
typedef struct paths {
    char **v;
    int n, cap;
} paths;
void add_path(paths *p, char *s);
void expand(paths *out, const char *path);
/* A number in [lo, hi]: 0, or -1 (main.c). */
int parse_num(const char *s, double lo, double hi, double *out);

/* byline group ARGS (argv[1] is "group"): the exit status. */
int group_main(int argc, char **argv);
#endif
