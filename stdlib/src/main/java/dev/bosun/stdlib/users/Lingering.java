package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;

/** What {@code users.linger} did. */
@Doc("Result of users.linger")
public record Lingering(
        @Doc("login name") String name,
        @Doc("whether the user's systemd manager now starts at boot and survives logout") boolean linger,
        @Doc("false when it already was so") boolean changed,
        @Doc("'loginctl' on a live host with systemd as PID 1, else 'file' (var/lib/systemd/linger/NAME)") String method) {
}
