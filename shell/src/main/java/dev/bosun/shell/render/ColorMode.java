package dev.bosun.shell.render;

import java.util.Map;

/**
 * {@code --color=auto|always|never}. auto colours only a terminal, and not when {@code NO_COLOR} is set to
 * anything (no-color.org) or the terminal is {@code dumb}; always and never are the user's explicit word and
 * win over the environment, as no-color.org asks of a command-line flag.
 */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /** Whether output to a terminal ({@code terminal}) or elsewhere is coloured, given the environment. */
    public boolean enabled(boolean terminal, Map<String, String> env) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && isEmpty(env.get("NO_COLOR")) && !"dumb".equals(env.get("TERM"));
        };
    }

    /** The palette for output to a terminal or elsewhere, in this process's environment. */
    public Palette palette(boolean terminal) {
        return enabled(terminal, System.getenv()) ? Palette.ANSI : Palette.NONE;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
