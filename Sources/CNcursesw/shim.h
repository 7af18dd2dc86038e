#ifndef KURSUS_CNCURSESW_SHIM_H
#define KURSUS_CNCURSESW_SHIM_H
// SwiftPM drops the -D flags pkg-config gives, so ask for the wide-character API here,
// before curses.h is included; otherwise add_wch, get_wch and cchar_t are missing.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <wchar.h>
#include <stdio.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Swift 6 rejects C globals (stdscr, LINES, COLS, curscr) as shared mutable state and
// does not import function-like macros (COLOR_PAIR, A_BOLD, getmaxyx, KEY_F), so these
// small accessors are the only way the Swift side reaches them.

static inline WINDOW *kursus_stdscr(void) { return stdscr; }
static inline WINDOW *kursus_curscr(void) { return curscr; }
static inline int kursus_lines(void) { return LINES; }
static inline int kursus_cols(void) { return COLS; }

static inline void kursus_screen_size(int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *cols = x;
}

static inline attr_t kursus_attr_normal(void) { return A_NORMAL; }
static inline attr_t kursus_attr_bold(void) { return A_BOLD; }
static inline attr_t kursus_attr_dim(void) { return A_DIM; }
static inline attr_t kursus_attr_reverse(void) { return A_REVERSE; }
static inline attr_t kursus_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t kursus_attr_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}
static inline int kursus_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int kursus_key_f(int n) { return KEY_F(n); }

/// Starts curses on the process's own terminal. Unlike initscr it returns NULL instead of
/// exiting when the terminal cannot be used (unknown TERM, no tty).
static inline SCREEN *kursus_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Sets the locale from the environment so ncursesw handles UTF-8. When the named locale
/// is not installed (a common case: LANG=da_DK.UTF-8 on a machine without it) the
/// character handling falls back to C.UTF-8, which glibc always has. Returns 1 when the
/// resulting character set is UTF-8.
static inline int kursus_set_locale_from_environment(void) {
    const char *set = setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (set == NULL || codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        const char *wanted = getenv("LC_ALL");
        if (wanted == NULL || *wanted == 0) wanted = getenv("LC_CTYPE");
        if (wanted == NULL || *wanted == 0) wanted = getenv("LANG");
        if (wanted != NULL && (strstr(wanted, "UTF-8") != NULL || strstr(wanted, "utf8") != NULL || strstr(wanted, "UTF8") != NULL || strstr(wanted, "utf-8") != NULL)) {
            setlocale(LC_CTYPE, "C.UTF-8");
        }
    }
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/// Draws `count` wide characters at (y, x) with the given attributes and colour pair.
static inline int kursus_draw_wide(int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    wattr_set(stdscr, attrs, pair, NULL);
    return mvwaddnwstr(stdscr, y, x, text, count);
}

/// Reads one key; returns OK for a character, KEY_CODE_YES for a function key, ERR on timeout.
static inline int kursus_read_key(wint_t *out) { return wget_wch(stdscr, out); }

static inline int kursus_key_code_yes(void) { return KEY_CODE_YES; }
static inline int kursus_err(void) { return ERR; }
static inline int kursus_ok(void) { return OK; }

/// Marks the whole screen for a full repaint on the next refresh (after resume from Ctrl-Z).
static inline void kursus_force_full_redraw(void) { clearok(curscr, TRUE); }

/// On a crash (a trap in Swift, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) leave curses mode
/// before the process dies, so the learner's terminal is not left in raw mode.
static inline void kursus_crash_handler(int signal_number) {
    endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static inline void kursus_install_crash_restore(void) {
    int signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        signal(signals[i], kursus_crash_handler);
    }
}

/// setupterm is declared in term.h, whose capability macros (`lines`, `columns`, …) this
/// shim keeps out; TerminalCapabilities asks terminfo through this one declaration.
extern int setupterm(const char *, int, int *);

/// Whether terminfo's entry for `term` has cursor addressing (`cup`): 1 yes, 0 no, -1
/// when terminfo has no entry for it. Asks terminfo only; the terminal is not touched.
static inline int kursus_terminal_has_cursor_addressing(const char *term) {
    int error = 0;
    if (setupterm(term, 1, &error) != OK) return -1;
    const char *cup = tigetstr("cup");
    return (cup != NULL && cup != (const char *)-1) ? 1 : 0;
}

/// Mouse reports: a left-button press (or a click: press and release read at once), and the wheel (buttons 4 and 5), with no click
/// resolution delay. Also asks the terminal for SGR reports (mode 1006), which have no
/// 223-column limit; when this TERM's terminfo has no mouse, ncurses does not decode
/// them and the backend's own escape-sequence reader does. Returns 1 when ncurses
/// decodes reports for this terminal.
static inline int kursus_mouse_enable(int on) {
    if (on) {
        mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
        fflush(stdout);
        static const char enable[] = "\033[?1000h\033[?1006h";
        ssize_t written = write(STDOUT_FILENO, enable, sizeof(enable) - 1);
        (void)written;
        return has_mouse() ? 1 : 0;
    }
    mousemask(0, NULL);
    fflush(stdout);
    static const char disable[] = "\033[?1006l\033[?1000l";
    ssize_t written = write(STDOUT_FILENO, disable, sizeof(disable) - 1);
    (void)written;
    return 0;
}

/// After KEY_MOUSE: what happened (1 press, 2 release, 3 wheel up, 4 wheel down, 0 other)
/// and where (0-based column and row).
static inline int kursus_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 3;
    if (event.bstate & BUTTON5_PRESSED) return 4;
    // A press and its release read together come as one click.
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON1_RELEASED) return 2;
    return 0;
}

static inline int kursus_key_mouse(void) { return KEY_MOUSE; }

/// Moves the terminal cursor to (y, x) on the next refresh and shows it; or hides it
/// (parks it in the corner where it cannot be hidden).
static inline void kursus_place_cursor(int show, int y, int x) {
    if (show) {
        wmove(stdscr, y, x);
        curs_set(1);
    } else if (curs_set(0) == ERR) {
        // A terminal that cannot hide its cursor (vt100): park it in the bottom-right corner.
        wmove(stdscr, LINES - 1, COLS - 1);
    }
}

/// Clears from the window's cursor to the end of its line.
static inline void kursus_clear_to_end_of_line(int y, int x) {
    wattr_set(stdscr, A_NORMAL, 0, NULL);
    wmove(stdscr, y, x);
    wclrtoeol(stdscr);
}

#endif
