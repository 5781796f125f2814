package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;

/** What an unmount, reset or remove did. */
@Doc("The result of overlay.unmount, overlay.reset and overlay.remove")
public record Outcome(
        @Doc("the overlay's name") String name,
        @Doc("true when this call changed the host") boolean changed,
        @Doc("one line about what was done") String detail) {
}
