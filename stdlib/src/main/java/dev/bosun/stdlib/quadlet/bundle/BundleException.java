package dev.bosun.stdlib.quadlet.bundle;

import dev.bosun.api.BosunException;

/** A bundle Podman's {@code quadlet install} would reject; the message is Podman's. */
public final class BundleException extends BosunException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }
}
