package dev.bosun.shell.render;

import java.util.Set;

/**
 * The few colours Bosun uses, as ANSI SGR sequences or (NONE) not at all: status words (pass, ok, active, running:
 * green; warn, skip, started: yellow; fail, failed, error, refused, interrupted: red), errors, and a plan's additions and
 * removals as diff tools show them. Colour is only ever added around text whose width was measured without it.
 */
public final class Palette {
    public static final Palette NONE = new Palette(false);
    public static final Palette ANSI = new Palette(true);

    private static final String RESET = "\033[0m";
    private static final String RED = "\033[31m";
    private static final String GREEN = "\033[32m";
    private static final String YELLOW = "\033[33m";
    private static final String CYAN = "\033[36m";
    private static final String BOLD = "\033[1m";
    private static final String DIM = "\033[2m";

    private static final Set<String> GOOD = Set.of("pass", "ok", "active", "running");
    private static final Set<String> NOTICE = Set.of("warn", "skip", "started");
    private static final Set<String> BAD = Set.of("fail", "failed", "error", "refused", "interrupted");

    private final boolean enabled;

    private Palette(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A status word in its colour; any other text as it is. */
    public String status(String word) {
        if (!enabled) {
            return word;
        }
        String w = word.strip();
        if (GOOD.contains(w)) {
            return GREEN + word + RESET;
        }
        if (NOTICE.contains(w)) {
            return YELLOW + word + RESET;
        }
        if (BAD.contains(w)) {
            return RED + word + RESET;
        }
        return word;
    }

    /** A verdict: true in green, false in red ({@code ok: false} is the line to see). */
    public String verdict(String text, boolean good) {
        return paint(good ? GREEN : RED, text);
    }

    public String error(String text) {
        return paint(RED, text);
    }

    public String added(String text) {
        return paint(GREEN, text);
    }

    public String removed(String text) {
        return paint(RED, text);
    }

    /** Diff hunk headers and commands run. */
    public String meta(String text) {
        return paint(CYAN, text);
    }

    public String bold(String text) {
        return paint(BOLD, text);
    }

    /** Rules, summaries and row counts: there, but not what the eye should land on. */
    public String dim(String text) {
        return paint(DIM, text);
    }

    private String paint(String sgr, String text) {
        return enabled && !text.isEmpty() ? sgr + text + RESET : text;
    }
}
