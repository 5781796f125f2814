package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;

import java.util.List;

/** An overlay's health, as {@code sdme ps} shows it. */
@Doc("Health of an overlay")
public record OverlayStatus(
        @Doc("the overlay's name") String name,
        @Doc("true when the merged directory is mounted as this overlay") boolean mounted,
        @Doc("true when no problem was found") boolean healthy,
        @Doc("what is wrong: missing directories or lower layers, wrong modes, a stale or foreign mount") List<String> problems,
        @Doc("number of entries in the upper layer (files, directories, links, whiteouts)") long upperEntries,
        @Doc("bytes of regular files in the upper layer") long upperBytes,
        @Doc("the layout") OverlayInfo info) {
}
