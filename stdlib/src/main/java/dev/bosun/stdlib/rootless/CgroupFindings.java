package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * cgroup v2 and the controllers a user's containers can use. Rootless Podman can set resource limits only through
 * the controllers systemd delegates to the user's manager ({@code user@UID.service}); on a hybrid or v1 host it gets
 * no cgroup of its own at all, and crun refuses to start containers there.
 */
final class CgroupFindings {
    static final String CGROUP = "cgroup";
    static final String CONTROLLERS = "controllers";
    private static final String ROOT = "/sys/fs/cgroup";
    private static final String CGROUP_TITLE = "for cgroup v2 (the unified hierarchy)";
    private static final String CONTROLLERS_TITLE = "for cgroup controllers delegated to the user";
    private static final String UNIFIED_BOOT = "boot with cgroup v2 only: add systemd.unified_cgroup_hierarchy=1 "
            + "to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, then update-grub and reboot)";
    private static final String DELEGATE_DROP_IN = "/etc/systemd/system/user@.service.d/delegate.conf";

    /** The hierarchy the root's /sys/fs/cgroup shows. */
    enum Mode { UNIFIED, HYBRID, LEGACY, NONE }

    private final Survey s;

    CgroupFindings(Survey s) {
        this.s = s;
    }

    Mode mode() {
        if (isFile(ROOT + "/cgroup.controllers")) {
            return Mode.UNIFIED;
        }
        if (isFile(ROOT + "/unified/cgroup.controllers")) {
            return Mode.HYBRID;
        }
        return isDirectory(ROOT) && !s.fs.list(ROOT).isEmpty() ? Mode.LEGACY : Mode.NONE;
    }

    private boolean isFile(String path) {
        return type(path) == FileStat.Type.FILE;
    }

    private boolean isDirectory(String path) {
        return type(path) == FileStat.Type.DIRECTORY;
    }

    private FileStat.Type type(String path) {
        try {
            FileStat st = s.fs.stat(path);
            return st == null ? null : st.type();
        } catch (BosunException e) {
            return null;
        }
    }

    RootlessFinding cgroup(RuntimeFinding.Choice runtime) {
        Mode mode = mode();
        switch (mode) {
            case NONE -> {
                return RootlessFinding.skip(CGROUP, CGROUP_TITLE, "no " + ROOT + " under " + s.ctx.root());
            }
            case UNIFIED -> {
                return RootlessFinding.ok(CGROUP, CGROUP_TITLE, "cgroup v2 at " + ROOT + "; controllers: "
                        + listing(controllers(ROOT + "/cgroup.controllers")));
            }
            default -> {
                return legacy(mode, runtime);
            }
        }
    }

    private RootlessFinding legacy(Mode mode, RuntimeFinding.Choice runtime) {
        boolean crun = runtime.name().equals("crun");
        if (mode == Mode.HYBRID) {
            Set<String> v2 = controllers(ROOT + "/unified/cgroup.controllers");
            String seen = "hybrid: cgroup v1 controllers under " + ROOT + ", cgroup v2 at " + ROOT + "/unified with "
                    + (v2.isEmpty() ? "no controllers" : "controllers " + listing(v2));
            if (crun) {
                return RootlessFinding.fail(CGROUP, CGROUP_TITLE, seen + "; crun refuses to run containers here (\"cgroups "
                        + "in hybrid mode not supported, drop all controllers from cgroupv2\", even with --cgroups=disabled)",
                        UNIFIED_BOOT + "; or, with no resource limits at all, runtime = \"runc\" in [engine] of "
                        + "/etc/containers/containers.conf (apt install runc)");
            }
            return RootlessFinding.warn(CGROUP, CGROUP_TITLE, seen + "; " + runtime.name() + " runs rootless containers "
                    + "without a cgroup: no resource limits (--memory, --cpus, --pids-limit), and Podman 5 deprecates "
                    + "cgroup v1", UNIFIED_BOOT);
        }
        String seen = "cgroup v1 only (no cgroup2 mount under " + ROOT + ")";
        if (crun) {
            return RootlessFinding.fail(CGROUP, CGROUP_TITLE, seen + "; a user cannot manage cgroup v1 and crun does "
                    + "not run rootless containers with cgroups here", UNIFIED_BOOT);
        }
        return RootlessFinding.warn(CGROUP, CGROUP_TITLE, seen + "; " + runtime.name() + " runs rootless containers "
                + "without a cgroup: no resource limits, and Podman 5 deprecates cgroup v1", UNIFIED_BOOT);
    }

    /**
     * The controllers the user's containers can use: the user manager's own {@code cgroup.controllers} when it runs,
     * else what the top of the hierarchy has and {@code user@.service}'s {@code Delegate=} passes on.
     */
    RootlessFinding controllers() {
        if (mode() != Mode.UNIFIED) {
            return RootlessFinding.skip(CONTROLLERS, CONTROLLERS_TITLE, "cgroup v2 is not in use (see cgroup)");
        }
        if (s.subject == null) {
            return RootlessFinding.skip(CONTROLLERS, CONTROLLERS_TITLE, "no user named: pass {user} to see what is "
                    + "delegated to that user's manager");
        }
        Subject u = s.subject;
        String slice = ROOT + "/user.slice/user-" + u.uid() + ".slice";
        Set<String> top = controllers(ROOT + "/cgroup.controllers");
        Set<String> usable;
        String seen;
        if (isDirectory(slice + "/" + u.managerUnit())) {
            // The manager's cgroup.controllers is what its slice enables for its children. The slice's file is read,
            // not the manager's: systemd gives the manager's directory to the user, and the effect layer rightly
            // refuses a step from a user's directory to a root-owned file.
            usable = controllers(slice + "/cgroup.subtree_control");
            seen = u.managerUnit() + " runs; user-" + u.uid() + ".slice enables for it "
                    + (usable.isEmpty() ? "no controllers" : listing(usable));
        } else {
            Delegation d = Delegation.read(s.fs, u.uid());
            usable = new LinkedHashSet<>();
            for (String c : top) {
                if (d.delegates(c)) {
                    usable.add(c);
                }
            }
            seen = u.managerUnit() + " is not running, so from its unit: Delegate="
                    + (d.controllers() == Delegation.ALL ? "yes" : String.join(" ", d.controllers()))
                    + (d.sources().isEmpty() ? " (no Delegate= in user@.service)" : " (" + String.join(", ", d.sources()) + ")")
                    + " of the controllers at the top, " + listing(top) + ": " + (usable.isEmpty() ? "none" : listing(usable));
        }
        List<String> missing = new ArrayList<>();
        for (String c : List.of("memory", "pids", "cpu")) {
            if (!usable.contains(c)) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return RootlessFinding.ok(CONTROLLERS, CONTROLLERS_TITLE, seen);
        }
        List<String> notAtTop = missing.stream().filter(c -> !top.contains(c)).toList();
        String remedy = notAtTop.isEmpty()
                ? "delegate them: " + DELEGATE_DROP_IN + " with \"[Service]\\nDelegate=cpu cpuset io memory pids\", then "
                    + "systemctl daemon-reload; it applies when " + u.managerUnit() + " starts again"
                : String.join(", ", notAtTop) + " " + (notAtTop.size() == 1 ? "is" : "are") + " not enabled at the top of "
                    + "this cgroup tree (a container or a host that keeps them for cgroup v1): enable them on the host "
                    + "(cgroup v2 only, see cgroup) or in the container manager's delegation";
        Long pids = s.conf.pidsLimit();
        if (missing.contains("pids") && (pids == null || pids != 0)) {
            return RootlessFinding.fail(CONTROLLERS, CONTROLLERS_TITLE, seen + "; missing " + String.join(", ", missing)
                    + ": without pids every container fails to start, because Podman applies pids_limit = "
                    + (pids == null ? "2048 (its default)" : pids + " (" + s.conf.pidsLimitSource() + ")"),
                    remedy + "; or set pids_limit = 0 in [containers] of /etc/containers/containers.conf "
                    + "(containers then run without a pids limit)");
        }
        String limits = missing.contains("pids") ? "; pids_limit = 0 in " + s.conf.pidsLimitSource()
                + ", so containers start" : "";
        return RootlessFinding.warn(CONTROLLERS, CONTROLLERS_TITLE, seen + "; missing " + String.join(", ", missing)
                + limits + ", but " + String.join("/", missing.stream().map(CgroupFindings::flag).toList())
                + (missing.size() == 1 ? " fails" : " fail") + " for this user's containers", remedy);
    }

    private static String flag(String controller) {
        return switch (controller) {
            case "memory" -> "--memory";
            case "pids" -> "--pids-limit";
            default -> "--cpus";
        };
    }

    private Set<String> controllers(String file) {
        SmallFile f = SmallFile.read(s.fs, file);
        String v = f.present() ? f.text().strip() : "";
        return v.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(v.split("\\s+")));
    }

    private static String listing(Set<String> controllers) {
        return controllers.isEmpty() ? "none" : String.join(" ", controllers);
    }
}
