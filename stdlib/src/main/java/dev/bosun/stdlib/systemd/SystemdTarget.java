package dev.bosun.stdlib.systemd;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

import java.util.regex.Pattern;

/**
 * Which service manager: a user's ({@code user} set) or the system's.
 *
 * @param user the user whose manager to talk to; null = the system manager
 */
@Doc("Which systemd manager: {user:'web'} for that user's manager, {} for the system manager.")
public record SystemdTarget(@Optional @Doc("user whose manager to use; omit for the system manager") String user) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    public SystemdTarget {
        if (user != null) {
            Check.matches("user", user, NAME, NAME.pattern());
        }
    }
}
