package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.stdlib.kvm.DeviceAccess;
import dev.bosun.stdlib.kvm.PosixAcl;

/**
 * {@code /dev/net/tun}, which pasta and slirp4netns open to give a rootless container its network. Whether the user
 * may open it read+write is decided as the kernel does (mode bits, groups, POSIX ACL), by the kvm module's
 * {@link DeviceAccess}; root's own access says nothing about the user, so it is never what is asked.
 */
final class TunFinding {
    static final String ID = "tun";
    static final String DEVICE = "/dev/net/tun";
    private static final int MISC_MAJOR = 10;
    private static final int TUN_MINOR = 200;

    private TunFinding() {
    }

    static RootlessFinding of(Survey s) {
        String title = "if " + DEVICE + " is usable" + (s.subject == null ? "" : " by " + s.subject.name());
        FileStat st;
        try {
            st = s.fs.stat(DEVICE);
        } catch (BosunException e) {
            return RootlessFinding.fail(ID, title, DEVICE + ": " + e.getMessage(), "modprobe tun");
        }
        if (st == null) {
            return RootlessFinding.fail(ID, title, DEVICE + " does not exist: pasta and slirp4netns cannot give "
                    + "containers a network (only --network none works)", "modprobe tun (and \"tun\" in /etc/modules-load.d/tun.conf); "
                    + "without devtmpfs: mkdir -p /dev/net && mknod -m 0666 " + DEVICE + " c 10 200");
        }
        String seen = DEVICE + " is " + DeviceAccess.describe(st, s.accounts);
        if (st.type() != FileStat.Type.CHAR_DEVICE || st.rdevMajor() != MISC_MAJOR || st.rdevMinor() != TUN_MINOR) {
            return RootlessFinding.fail(ID, title, seen + " " + st.rdevMajor() + ":" + st.rdevMinor() + ", not the tun "
                    + "device (char 10:200)", "rm " + DEVICE + " && mknod -m 0666 " + DEVICE + " c 10 200");
        }
        if (s.subject == null) {
            return RootlessFinding.ok(ID, title, seen + " 10:200; no user named: pass {user} to check that user's access");
        }
        Subject u = s.subject;
        PosixAcl acl = u.uid() == 0 ? null : PosixAcl.read(s.ctx, DEVICE);
        DeviceAccess.Decision d = DeviceAccess.readWrite(st, (int) u.uid(), u.gids(), acl, s.accounts);
        if (d.granted()) {
            return RootlessFinding.ok(ID, title, seen + " 10:200; " + u.name() + " may open it read+write " + d.how());
        }
        return RootlessFinding.fail(ID, title, seen + " 10:200; " + u.name() + " cannot open it read+write " + d.how()
                + ": pasta and slirp4netns fail, so containers get no network (only --network none works)",
                "chmod 0666 " + DEVICE + " (the mode the kernel and udev give it), made lasting with the udev rule KERNEL==\"tun\", MODE=\"0666\" in /etc/udev/rules.d/60-tun.rules");
    }
}
