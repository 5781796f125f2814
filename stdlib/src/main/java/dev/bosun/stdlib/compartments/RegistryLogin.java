package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.regex.Pattern;

/**
 * A registry login of the compartment user, kept in {@code ~/.config/containers/auth.json} (persistent, unlike
 * Podman's default under {@code $XDG_RUNTIME_DIR}). The password is read at apply time from a file or an
 * environment variable and given to {@code podman login --password-stdin}.
 */
@Doc("A registry login: registry, user name, and where the password is read from at apply time")
public record RegistryLogin(
        @Doc("registry host[:port][/path], e.g. registry.example.com") String registry,
        @Doc("user name at the registry") String username,
        @Optional @Doc("absolute path of a file holding the password") String passwordFile,
        @Optional @Doc("name of an environment variable of the Bosun process holding the password") String passwordEnv) {

    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,5})?(/[A-Za-z0-9._/-]+)?");
    private static final Pattern USER = Pattern.compile("[^\\s:]{1,256}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public RegistryLogin {
        // A leading '-' would be read as an option by podman login (pitfall 6); the pattern starts with a letter or digit.
        Check.matches("registry", registry, REGISTRY, REGISTRY.pattern());
        Check.matches("username", username, USER, "1 to 256 characters without blanks or ':'");
        if ((passwordFile == null) == (passwordEnv == null)) {
            throw new InvalidValueException("passwordFile", "give exactly one of passwordFile and passwordEnv for "
                    + Check.quote(registry));
        }
        if (passwordFile != null) {
            Check.absolutePath("passwordFile", passwordFile);
        }
        if (passwordEnv != null) {
            Check.matches("passwordEnv", passwordEnv, ENV, ENV.pattern());
        }
    }
}
