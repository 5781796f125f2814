package dev.bosun.stdlib.users;

import dev.bosun.api.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * shadow-utils commands pointed at the host root with {@code --prefix}. The file list is what the tools
 * read and write below the prefix (host-ops reference §4.2), so a dry-run copies exactly those into the
 * scratch view and plans their diff.
 */
final class ShadowCommands {
    static final List<String> ACCOUNT_FILES = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow",
            "/etc/subuid", "/etc/subgid", "/etc/login.defs", "/etc/default/useradd");

    private ShadowCommands() {
    }

    /** A mutating shadow-utils command on the account files (and any extra paths it creates below the root). */
    static Command of(List<String> argv, String... extraPaths) {
        List<String> files = new ArrayList<>(ACCOUNT_FILES);
        files.addAll(List.of(extraPaths));
        return Command.of(argv).asMutating().withPrefix("--prefix", files);
    }
}
