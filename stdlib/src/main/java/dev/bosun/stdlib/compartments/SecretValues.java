package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.HostContext;

/**
 * Reads a secret value where the spec says it is, at apply time. The value stays in memory: it goes to a command's
 * standard input only, and neither the message of a failure here nor anything recorded names more than its source.
 */
final class SecretValues {
    /** Podman's own limit on a secret's size. */
    static final int MAX_BYTES = 512 * 1024;

    private SecretValues() {
    }

    static String read(HostContext ctx, String what, String file, String env) {
        String value;
        if (file != null) {
            if (!ctx.fs().exists(file)) {
                throw new BosunException(what + ": the file " + file + " does not exist");
            }
            value = ctx.fs().read(file);
        } else {
            value = System.getenv(env);
            if (value == null) {
                throw new BosunException(what + ": the environment variable " + env + " is not set");
            }
        }
        if (value.isEmpty()) {
            throw new BosunException(what + ": the value from " + (file != null ? file : "$" + env) + " is empty");
        }
        if (value.length() > MAX_BYTES) {
            throw new BosunException(what + ": the value from " + (file != null ? file : "$" + env) + " exceeds "
                    + MAX_BYTES + " bytes");
        }
        return value;
    }
}
