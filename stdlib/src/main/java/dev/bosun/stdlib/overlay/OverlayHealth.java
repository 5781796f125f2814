package dev.bosun.stdlib.overlay;

import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;

import java.util.ArrayList;
import java.util.List;

/** The checks behind {@code overlay.status}, each problem one line. */
final class OverlayHealth {
    private final HostContext ctx;
    private final OverlayMounts mounts;

    OverlayHealth(HostContext ctx, OverlayMounts mounts) {
        this.ctx = ctx;
        this.mounts = mounts;
    }

    OverlayStatus of(OverlayRecord r, OverlayInfo info) {
        Layout lay = r.layout();
        List<String> problems = new ArrayList<>();
        boolean upperOk = checkDir(problems, "upper", lay.upper(), Layout.UPPER_MODE);
        checkDir(problems, "work", lay.work(), Layout.WORK_MODE);
        checkDir(problems, "merged", lay.merged(), Layout.MERGED_MODE);
        for (String l : r.lower()) {
            FileStat st = ctx.fs().stat(l);
            if (st == null || st.type() != FileStat.Type.DIRECTORY) {
                problems.add("lower " + l + (st == null ? " is missing" : " is a " + st.type() + ", not a directory"));
            }
        }
        if (upperOk) {
            for (String dir : r.opaque()) {
                if (!isMarkedOpaque(ctx, r, lay.upperOf(dir))) {
                    problems.add("opaque dir " + dir + " is not marked (" + lay.upperOf(dir) + " lacks "
                            + r.xattrs().opaque() + "=y); overlay.reset marks it again");
                }
            }
        }
        MountTable.Entry e = mounts.entry(r);
        OverlayMounts.State state = mounts.state(r, e);
        if (state == OverlayMounts.State.FOREIGN) {
            problems.add("merged has a foreign " + e.fsType() + " mount (source " + e.source() + ")");
        } else if (state == OverlayMounts.State.MOUNTED) {
            if (!upperOk) {
                problems.add("stale mount: merged is mounted but its upper directory is gone; overlay.unmount it");
            }
            String expected = expectedLowers(r, e);
            String actual = e.superOptions().getOrDefault("lowerdir", "");
            if (!actual.equals(expected)) {
                problems.add("stale mount: mounted with lowerdir=" + actual + ", the record says " + expected
                        + "; overlay.unmount and mount it again");
            }
        }
        UpperUsage usage = UpperUsage.of(ctx.fs(), lay.upper());
        return new OverlayStatus(r.name(), state == OverlayMounts.State.MOUNTED, problems.isEmpty(), problems,
                usage.entries(), usage.bytes(), info);
    }

    /** True when the upper directory exists as a directory and carries the opaque marker {@code y}. */
    static boolean isMarkedOpaque(HostContext ctx, OverlayRecord r, String upperDir) {
        FileStat st = ctx.fs().stat(upperDir);
        return st != null && st.type() == FileStat.Type.DIRECTORY && Xattr.isY(ctx.fs().xattr(upperDir, r.xattrs().opaque()));
    }

    private String expectedLowers(OverlayRecord r, MountTable.Entry e) {
        List<String> ls = new ArrayList<>();
        if (!e.superOptions().containsKey("upperdir")) {
            ls.add(mounts.real(r.layout().upper())); // read-only view: upper is the top lower layer
        }
        for (String l : r.lower()) {
            ls.add(mounts.real(l));
        }
        return String.join(":", ls);
    }

    private boolean checkDir(List<String> problems, String role, String hostPath, int mode) {
        FileStat st = ctx.fs().stat(hostPath);
        if (st == null) {
            problems.add(role + " " + hostPath + " is missing");
            return false;
        }
        if (st.type() != FileStat.Type.DIRECTORY) {
            problems.add(role + " " + hostPath + " is a " + st.type() + ", not a directory");
            return false;
        }
        if (st.mode() != mode) {
            problems.add(String.format("%s %s has mode %04o, expected %04o", role, hostPath, st.mode(), mode));
        }
        return true;
    }
}
