package dev.bosun.stdlib.compartments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.users.User;

import java.util.ArrayList;
import java.util.List;

/**
 * Podman run as the compartment user, through the effect boundary: {@code setpriv} drops to the user's uid, gid
 * and groups (no PAM session, no sudo, no password anywhere), with the user's HOME (Podman otherwise falls back to
 * /tmp) and runtime directory. These are live effects: planned under --dry-run, refused under --root. Secret values
 * and passwords travel on standard input only, which no plan or audit row records.
 */
final class PodmanAsUser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostContext ctx;
    private final User user;

    PodmanAsUser(HostContext ctx, User user) {
        this.ctx = ctx;
        this.user = user;
    }

    Command command(String... args) {
        List<String> argv = new ArrayList<>(List.of("setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(),
                "--init-groups", "--", "podman"));
        argv.addAll(List.of(args));
        return Command.of(argv).withEnv("HOME", user.home()).withEnv("XDG_RUNTIME_DIR", "/run/user/" + user.uid())
                .withTimeout(java.time.Duration.ofMinutes(5));
    }

    void run(String... args) {
        ctx.exec().run(command(args));
    }

    /** The secret's value, or null when the user has no such secret (or no Podman to ask yet). Read-only. */
    String secretValue(String name) {
        ExecResult r = ctx.exec().run(command("secret", "inspect", "--showsecret", "--format", "{{.SecretData}}", "--", name)
                .readOnly().unchecked());
        if (!r.ok()) {
            return null;
        }
        String out = r.stdout();
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** Creates or replaces the secret in one Podman call (no rm-then-create window that could lose it). */
    void createSecret(String name, String value) {
        ctx.exec().run(command("secret", "create", "--replace", "--", name, "-").withStdin(value));
    }

    /** True when the authfile has an entry for the registry. */
    boolean loggedIn(String authfile, String registry) {
        String text = ctx.fs().readIfExists(authfile);
        if (text == null) {
            return false;
        }
        try {
            JsonNode auths = JSON.readTree(text).path("auths");
            return auths.has(registry);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    void login(String authfile, String registry, String username, String password) {
        ctx.exec().run(command("login", "--authfile", authfile, "--username", username, "--password-stdin", "--", registry)
                .withStdin(password));
    }
}
