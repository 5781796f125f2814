package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.api.InvalidValueException;

import java.util.ArrayList;
import java.util.List;

/**
 * Mounting and unmounting through mount(8) and umount(8) run by {@code ctx.exec()}. Using the tools
 * rather than the mount syscall through FFM keeps the operation plannable (a dry-run lists the exact
 * command, which an admin can also run by hand) and gives one error path: a failing tool becomes a
 * BosunException carrying its stderr, which for overlayfs is more telling than a bare errno.
 */
final class OverlayMounts {
    /** What is mounted at an overlay's merged directory. */
    enum State { NOT_MOUNTED, MOUNTED, FOREIGN }

    private final HostContext ctx;

    OverlayMounts(HostContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The real path of a host path as the kernel reports it in mountinfo (links in the root or datadir
     * resolved inside the root, by the file layer), so mount commands and mount table lookups agree.
     * Only for the mount tools' argv and mountinfo: Bosun reads the layers through {@code ctx.fs()}.
     */
    String real(String hostPath) {
        return ctx.fs().resolve(hostPath).toString();
    }

    /** The {@code -o} value for mounting this overlay; the layer paths come only from the record. */
    String options(OverlayRecord r, MountSpec spec) {
        Layout lay = r.layout();
        List<String> lowers = new ArrayList<>();
        for (String l : r.lower()) {
            lowers.add(MountOptions.checkLayerPath("lower", real(l)));
        }
        String upper = MountOptions.checkLayerPath("datadir", real(lay.upper()));
        String work = MountOptions.checkLayerPath("datadir", real(lay.work()));
        List<String> opts = new ArrayList<>();
        if (spec.readOnly()) {
            // sdme's read-only view: upper becomes the top lower layer; whiteouts and opaque dirs still apply.
            opts.add("lowerdir=" + upper + ":" + String.join(":", lowers));
        } else {
            opts.add("lowerdir=" + String.join(":", lowers));
            opts.add("upperdir=" + upper);
            opts.add("workdir=" + work);
        }
        if (r.xattrs() == XattrNamespace.USER) {
            opts.add("userxattr");
        } else if (spec.options().contains("userxattr")) {
            throw new InvalidValueException("options", "\"userxattr\" does not fit overlay \"" + r.name()
                    + "\": its opaque dirs are marked with trusted.overlay.opaque (it was created by root in the"
                    + " initial user namespace)");
        }
        for (String o : spec.options()) {
            if (!opts.contains(o)) {
                opts.add(o);
            }
        }
        if (spec.readOnly()) {
            opts.add("ro");
        }
        return String.join(",", opts);
    }

    Command mountCommand(OverlayRecord r, String options) {
        return reaching(Command.of("mount", "-t", "overlay", "-o", options, "overlay", real(r.layout().merged())), r.name());
    }

    /**
     * A mount or umount changes a mount table, never files under the root: on {@code /} that is the live
     * system's, as meant. Under {@code --root} it is allowed only in a mount namespace of Bosun's own,
     * which then is the command's explicit target; otherwise it is refused before anything runs.
     */
    private Command reaching(Command c, String name) {
        if (ctx.liveRoot()) {
            return c;
        }
        String ns = MountNamespace.privateOne();
        if (ns == null) {
            throw new BosunException("overlay \"" + name + "\": the root is " + ctx.root() + ", not the live system, and "
                    + "mounting or unmounting changes the live mount table, which --root does not redirect; run Bosun in "
                    + "a private mount namespace (unshare -m --propagation private) or on /");
        }
        return c.targeting("private mount namespace " + ns);
    }

    State state(OverlayRecord r) {
        return state(r, MountTable.current().at(real(r.layout().merged())));
    }

    MountTable.Entry entry(OverlayRecord r) {
        return MountTable.current().at(real(r.layout().merged()));
    }

    /** Mounted as this overlay: an overlay whose upper layer (or, read-only, top lower layer) is ours. */
    State state(OverlayRecord r, MountTable.Entry e) {
        if (e == null) {
            return State.NOT_MOUNTED;
        }
        String upper = real(r.layout().upper());
        String lowerdir = e.superOptions().getOrDefault("lowerdir", "");
        boolean ours = e.fsType().equals("overlay")
                && (upper.equals(e.superOptions().get("upperdir")) || lowerdir.startsWith(upper + ":"));
        return ours ? State.MOUNTED : State.FOREIGN;
    }

    /** Mounts at or below the overlay's directory, deepest first. */
    List<MountTable.Entry> mountsIn(String hostDir) {
        return MountTable.current().atOrBelow(real(hostDir));
    }

    /**
     * Unmounts the given mounts, deepest first. A busy mount fails with a message saying how to find
     * its users, unless {@code lazy}: then it is detached ({@code umount -l}) and vanishes once unused.
     */
    void unmount(List<MountTable.Entry> mounts, boolean lazy, String name) {
        for (MountTable.Entry m : mounts) {
            ExecResult res = ctx.exec().run(reaching(Command.of("umount", m.mountPoint()), name).unchecked());
            if (res.ok()) {
                continue;
            }
            boolean busy = res.stderr().contains("busy");
            if (busy && lazy) {
                ctx.exec().run(reaching(Command.of("umount", "-l", m.mountPoint()), name));
            } else if (busy) {
                throw new BosunException("overlay \"" + name + "\": " + m.mountPoint() + " is busy (a process uses it;"
                        + " `fuser -vm " + m.mountPoint() + "` shows which); stop it and retry"
                        + " (overlay.remove with {force: true} detaches it lazily)");
            } else {
                throw new BosunException(res.command() + " failed (exit " + res.exitCode() + "): " + res.stderr().strip());
            }
        }
    }
}
