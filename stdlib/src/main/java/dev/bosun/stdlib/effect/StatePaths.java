package dev.bosun.stdlib.effect;

import dev.bosun.api.Caller;

import java.nio.file.Path;

/**
 * Where the state database lives: {@code DIR/var/lib/bosun/bosun.db} under {@code --root DIR},
 * {@code /var/lib/bosun/bosun.db} for root, {@code $XDG_STATE_HOME/bosun/bosun.db} (default
 * {@code ~/.local/state}) for everyone else. What Bosun requires of that place before it opens the
 * database (no links, owners, modes 0600/0700) is {@link StateLocation}'s.
 */
public final class StatePaths {
    private StatePaths() {
    }

    public static Path defaultFor(Path root, Caller caller) {
        if (!root.toString().equals("/")) {
            return root.resolve("var/lib/bosun/bosun.db");
        }
        if (caller.isRoot()) {
            return Path.of("/var/lib/bosun/bosun.db");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("bosun").resolve("bosun.db");
    }
}
