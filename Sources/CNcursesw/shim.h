#ifndef PLACEFINDER_CNCURSESW_SHIM_H
#define PLACEFINDER_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D flags: without these, cchar_t, setcchar,
   wadd_wch and wget_wch are not declared. Must come before any header. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ---- Things Swift cannot import: macros and mutable globals. ---------- */

static inline WINDOW *pf_stdscr(void) { return stdscr; }
static inline int pf_maxx(void) { return getmaxx(stdscr); }
static inline int pf_maxy(void) { return getmaxy(stdscr); }
static inline int pf_colors(void) { return COLORS; }
static inline int pf_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t pf_a_normal(void) { return A_NORMAL; }
static inline attr_t pf_a_bold(void) { return A_BOLD; }
static inline attr_t pf_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pf_a_reverse(void) { return A_REVERSE; }
static inline attr_t pf_a_dim(void) { return A_DIM; }

static inline int pf_key_code_yes(void) { return KEY_CODE_YES; }
static inline int pf_key_resize(void) { return KEY_RESIZE; }
static inline int pf_key_enter(void) { return KEY_ENTER; }
static inline int pf_key_backspace(void) { return KEY_BACKSPACE; }
static inline int pf_key_dc(void) { return KEY_DC; }
static inline int pf_key_up(void) { return KEY_UP; }
static inline int pf_key_down(void) { return KEY_DOWN; }
static inline int pf_key_left(void) { return KEY_LEFT; }
static inline int pf_key_right(void) { return KEY_RIGHT; }
static inline int pf_key_ppage(void) { return KEY_PPAGE; }
static inline int pf_key_npage(void) { return KEY_NPAGE; }
static inline int pf_key_home(void) { return KEY_HOME; }
static inline int pf_key_end(void) { return KEY_END; }
static inline int pf_key_btab(void) { return KEY_BTAB; }
static inline int pf_key_f0(void) { return KEY_F0; }
static inline int pf_ccharw_max(void) { return CCHARW_MAX; }
static inline int pf_key_mouse(void) { return KEY_MOUSE; }

/* A terminfo string capability for the current TERM, or NULL when absent or cancelled. */
static inline const char *pf_tigetstr(const char *name) {
    const char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

/* ---- Signals and emergency restore. ------------------------------------
   The state below is `static`: every object file that uses one of these
   functions gets its own copy. NcursesTerminal therefore calls them from ONE
   Swift file only (NcursesTerminal.swift). */

/* Set by SIGINT/SIGTERM/SIGHUP; the app's loop reads it and restores. */
static volatile sig_atomic_t pf_signal_pending = 0;
/* 1 between initscr and endwin. */
static volatile sig_atomic_t pf_screen_active = 0;

static const int pf_quit_signals[3] = { SIGINT, SIGTERM, SIGHUP };
static const int pf_crash_signals[6] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
static inline struct sigaction *pf_saved_quit(void) { static struct sigaction saved[3]; return saved; }
static inline struct sigaction *pf_saved_crash(void) { static struct sigaction saved[6]; return saved; }
static int pf_handlers_installed = 0;

/* The shell's tty modes and the terminfo strings that undo our screen,
   captured up front so a crash handler can restore with write/tcsetattr only
   (both async-signal-safe; endwin is not).
   Scalars are file-level statics with initializers; arrays and structs sit
   in function-local statics: as file-level statics without initializers
   they were not emitted and the link failed with undefined symbols. */
static inline struct termios *pf_shell_termios(void) { static struct termios saved; return &saved; }
static int pf_have_termios = 0;
#define PF_RESTORE_SEQ_MAX 512
static inline char *pf_restore_seq(void) { static char seq[PF_RESTORE_SEQ_MAX]; return seq; }
static volatile size_t pf_restore_len = 0;

static inline void pf_on_quit_signal(int sig) { pf_signal_pending = sig; }

static inline int pf_pending_signal(void) { return pf_signal_pending; }

static inline void pf_emergency_restore(void) {
    if (!pf_screen_active) return;
    pf_screen_active = 0;
    if (pf_restore_len > 0) {
        ssize_t ignored = write(STDOUT_FILENO, pf_restore_seq(), pf_restore_len);
        (void)ignored;
    }
    if (pf_have_termios) tcsetattr(STDIN_FILENO, TCSADRAIN, pf_shell_termios());
}

/* Fatal signal (Swift traps, abort, segfault): put the terminal back, then
   hand over to whatever handler was there before (Swift's backtracer, or the
   default action, which then kills us with the right status). */
static inline void pf_on_crash_signal(int sig, siginfo_t *info, void *context) {
    pf_emergency_restore();
    struct sigaction previous;
    memset(&previous, 0, sizeof previous);
    previous.sa_handler = SIG_DFL;
    for (int i = 0; i < 6; i++) {
        if (pf_crash_signals[i] == sig) previous = pf_saved_crash()[i];
    }
    sigaction(sig, &previous, NULL);
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
        previous.sa_sigaction(sig, info, context);
    } else if (previous.sa_handler == SIG_DFL) {
        raise(sig); /* pending until we return, then the default action */
    } else if (previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
    }
}

/* Installed BEFORE initscr so ncurses does not install its own SIGINT/SIGTERM
   handlers (which exit without running any Swift code). No SA_RESTART: a
   signal interrupts a blocking read so the loop sees the flag at once. */
static inline void pf_install_signal_handlers(void) {
    if (pf_handlers_installed) return;
    pf_have_termios = (tcgetattr(STDIN_FILENO, pf_shell_termios()) == 0);
    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    sigemptyset(&quit.sa_mask);
    quit.sa_handler = pf_on_quit_signal;
    for (int i = 0; i < 3; i++) sigaction(pf_quit_signals[i], &quit, &pf_saved_quit()[i]);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    sigemptyset(&crash.sa_mask);
    crash.sa_sigaction = pf_on_crash_signal;
    crash.sa_flags = SA_SIGINFO;
    for (int i = 0; i < 6; i++) sigaction(pf_crash_signals[i], &crash, &pf_saved_crash()[i]);
    pf_handlers_installed = 1;
}

static inline void pf_uninstall_signal_handlers(void) {
    if (!pf_handlers_installed) return;
    for (int i = 0; i < 3; i++) sigaction(pf_quit_signals[i], &pf_saved_quit()[i], NULL);
    for (int i = 0; i < 6; i++) sigaction(pf_crash_signals[i], &pf_saved_crash()[i], NULL);
    pf_handlers_installed = 0;
}

static inline void pf_append_cap(const char *name) {
    const char *s = tigetstr(name);
    if (s == NULL || s == (char *)-1) return;
    size_t n = strlen(s);
    if (pf_restore_len + n >= PF_RESTORE_SEQ_MAX) return;
    memcpy(pf_restore_seq() + pf_restore_len, s, n);
    pf_restore_len += n;
}

/* Call right after initscr. */
static inline void pf_mark_screen_active(void) {
    pf_restore_len = 0;
    pf_append_cap("sgr0");   /* attributes off */
    pf_append_cap("cnorm");  /* cursor visible */
    pf_append_cap("rmkx");   /* keypad transmit off */
    pf_append_cap("rmcup");  /* leave the alternate screen */
    pf_screen_active = 1;
}

/* The orderly restore: used by restore(), deinit and the atexit hook. */
static inline void pf_endwin(void) {
    if (!pf_screen_active) return;
    pf_screen_active = 0;
    if (!isendwin()) {
        curs_set(1);
        echo();
        endwin();
    }
}

static inline void pf_atexit_restore(void) {
    pf_endwin();
    pf_uninstall_signal_handlers();
}

static inline void pf_register_atexit(void) {
    static int registered = 0;
    if (registered) return;
    registered = 1;
    atexit(pf_atexit_restore);
}

/* ---- Mouse: left presses and the wheel only. mouseinterval(0) reports presses at once instead of
   holding them back to tell clicks from double clicks. Returns 0 when the terminal has no mouse. */
static inline int pf_enable_mouse(void) {
    mouseinterval(0);
    if (mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) == 0) return 0;
    /* A crash restore must also stop mouse reports (normal and SGR), or the shell gets them as text. */
    static const char off[] = "\033[?1000l\033[?1006l";
    if (pf_restore_len + sizeof off - 1 < PF_RESTORE_SEQ_MAX) {
        memcpy(pf_restore_seq() + pf_restore_len, off, sizeof off - 1);
        pf_restore_len += sizeof off - 1;
    }
    return 1;
}

/* The pending mouse event: kind 1 click, 2 wheel up, 3 wheel down, 0 anything else. */
static inline int pf_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}

#endif
