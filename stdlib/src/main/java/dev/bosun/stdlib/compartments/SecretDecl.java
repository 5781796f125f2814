package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.regex.Pattern;

/**
 * A Podman secret of the compartment user. The spec names where the value is, never the value: it is read at
 * apply time and handed to {@code podman secret create} on standard input, so it is in no argument, plan, audit
 * row or state record.
 */
@Doc("A Podman secret: its name and where its value is read from at apply time (a file or an environment variable)")
public record SecretDecl(
        @Doc("secret name, [A-Za-z0-9][A-Za-z0-9_.-]* (at most 64 characters)") String name,
        @Optional @Doc("absolute path of a file holding the value (read through Bosun's file access, under --root too)") String fromFile,
        @Optional @Doc("name of an environment variable of the Bosun process holding the value") String fromEnv) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public SecretDecl {
        Check.matches("name", name, NAME, NAME.pattern());
        if ((fromFile == null) == (fromEnv == null)) {
            throw new InvalidValueException("fromFile", "give exactly one of fromFile and fromEnv for secret " + Check.quote(name));
        }
        if (fromFile != null) {
            Check.absolutePath("fromFile", fromFile);
        }
        if (fromEnv != null) {
            Check.matches("fromEnv", fromEnv, ENV, ENV.pattern());
        }
    }
}
