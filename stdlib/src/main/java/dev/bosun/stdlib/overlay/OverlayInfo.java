package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;

import java.util.List;

/** An overlay's layout. */
@Doc("An overlay: its layers and directories")
public record OverlayInfo(
        @Doc("the overlay's name") String name,
        @Doc("lower directories, top-most first") List<String> lower,
        @Doc("opaque directories of the merged tree") List<String> opaque,
        @Doc("the writable layer") String upper,
        @Doc("overlayfs' work directory") String work,
        @Doc("the mount point") String merged,
        @Doc("the xattr that marks opaque directories: trusted.overlay.opaque or user.overlay.opaque") String opaqueXattr,
        @Doc("true when the merged directory is mounted in this mount namespace") boolean mounted,
        @Doc("creation time, ISO-8601") String created,
        @Doc("true when this call changed the host") boolean changed) {
}
