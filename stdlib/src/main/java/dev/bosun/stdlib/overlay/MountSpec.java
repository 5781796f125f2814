package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

import java.util.List;

/** How {@code overlay.mount} mounts. */
@Doc("Mount options of an overlay")
public record MountSpec(
        @Optional @Doc("mount a read-only view of upper and lower (no writes reach upper); default false")
        Boolean readOnly,
        @Optional @Doc("extra overlay options, one per entry: index=, redirect_dir=, metacopy=, xino=, nfs_export=, "
                + "uuid=, verity=, volatile, userxattr, nosuid, nodev, noexec, noatime, nodiratime, relatime")
        List<String> options) {

    public MountSpec {
        readOnly = readOnly != null && readOnly;
        options = MountOptions.check(options);
        if (readOnly && options.contains("volatile")) {
            throw new dev.bosun.api.InvalidValueException("options",
                    "\"volatile\" needs a writable mount: it cannot be combined with readOnly");
        }
    }
}
