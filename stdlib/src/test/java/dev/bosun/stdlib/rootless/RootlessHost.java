package dev.bosun.stdlib.rootless;

import dev.bosun.api.Caller;
import dev.bosun.api.Command;
import dev.bosun.api.Devices;
import dev.bosun.api.Exec;
import dev.bosun.api.ExecResult;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.Plan;
import dev.bosun.api.State;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture root that is a good rootless host for user alice (uid 1000): cgroup v2 with memory, pids and cpu
 * delegated to her manager, crun, setuid newuidmap/newgidmap, 65536 sub-IDs each, user namespaces allowed,
 * /dev/net/tun 0666, pasta, linger, /run/user/1000 hers and 0700, podman and its Quadlet user generator. Each test
 * breaks one thing. Device nodes, setuid bits and owners need root (the tests assume it).
 */
final class RootlessHost implements AutoCloseable {
    static final String USER = "alice";
    static final int UID = 1000;

    final ScratchRoot root;

    private RootlessHost(ScratchRoot root) {
        this.root = root;
    }

    static RootlessHost good() throws IOException {
        RootlessHost h = new RootlessHost(ScratchRoot.empty());
        h.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n"
                + "bob:x:1001:1001::/home/bob:/bin/sh\n");
        h.write("/etc/group", "root:x:0:\nalice:x:1000:\nbob:x:1001:\n");
        h.write("/etc/subuid", "alice:100000:65536\n");
        h.write("/etc/subgid", "alice:100000:65536\n");
        h.write("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        // As systemd leaves it: the manager's cgroup directory is the user's, the kernel's files in it are root's.
        h.write(managerCgroup() + "/cgroup.controllers", "cpu memory pids\n");
        h.sh("chown", "1000:1000", h.root.path(managerCgroup()).toString());
        h.delegated("cpu memory pids");
        h.write("/proc/sys/user/max_user_namespaces", "63422\n");
        for (String p : List.of("crun", "podman", "pasta")) {
            h.program("/usr/bin/" + p, "0755");
        }
        h.program("/usr/bin/newuidmap", "4755");
        h.program("/usr/bin/newgidmap", "4755");
        h.node("/dev/net/tun", "0666", 10, 200);
        h.write("/var/lib/systemd/linger/alice", "");
        Files.createDirectories(h.root.path("/run/user/1000"));
        h.sh("chown", "1000:1000", h.root.path("/run/user/1000").toString());
        h.sh("chmod", "0700", h.root.path("/run/user/1000").toString());
        Files.createDirectories(h.root.path("/home/alice"));
        h.sh("chown", "1000:1000", h.root.path("/home/alice").toString());
        h.program("/usr/libexec/podman/quadlet", "0755");
        h.link("/usr/lib/systemd/user-generators/podman-user-generator", "../../../libexec/podman/quadlet");
        h.link("/usr/lib/systemd/system-generators/podman-system-generator", "../../../libexec/podman/quadlet");
        return h;
    }

    /** The controllers user-1000.slice enables for alice's manager (what its cgroup.controllers shows). */
    void delegated(String controllers) throws IOException {
        write("/sys/fs/cgroup/user.slice/user-1000.slice/cgroup.subtree_control", controllers + "\n");
    }

    static String managerCgroup() {
        return "/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service";
    }

    void write(String hostPath, String content) throws IOException {
        root.write(hostPath, content);
    }

    void delete(String hostPath) throws IOException {
        Files.delete(root.path(hostPath));
    }

    void program(String hostPath, String mode) throws IOException {
        write(hostPath, "#!/bin/sh\n");
        sh("chmod", mode, root.path(hostPath).toString());
    }

    void link(String hostPath, String target) throws IOException {
        Path p = root.path(hostPath);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    void node(String hostPath, String mode, int major, int minor) throws IOException {
        Path p = root.path(hostPath);
        Files.createDirectories(p.getParent());
        Files.deleteIfExists(p);
        sh("mknod", "-m", mode, p.toString(), "c", String.valueOf(major), String.valueOf(minor));
    }

    void sh(String... argv) throws IOException {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", argv) + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The check as the fixture root shows it (no commands run: the root is not live). */
    RootlessCheckResult check(String user) {
        try (LocalHostContext ctx = root.context(false)) {
            return new RootlessModule().check(ctx, new RootlessCheckOptions(user));
        }
    }

    /**
     * The check as if the fixture root were the live system, the version commands answered from {@code versions}
     * (program path to its first output line; a value starting with "!" fails with that stderr).
     */
    RootlessCheckResult checkLive(String user, Map<String, String> versions) {
        try (LocalHostContext ctx = root.context(false)) {
            return RootlessCheck.run(new LiveView(ctx, versions), user);
        }
    }

    @Override
    public void close() throws IOException {
        root.close();
    }

    /**
     * The check as if the fixture root were the live system, each {@code --version} command run for real on the
     * root's own program (its path resolved into the root), as read-only commands through the effect boundary.
     */
    RootlessCheckResult checkLiveRunningTheRootsPrograms(String user) {
        try (LocalHostContext ctx = root.context(false)) {
            return RootlessCheck.run(new LiveView(ctx, null), user);
        }
    }

    /** The fixture root's context, claiming to be the live root, with scripted {@code --version} answers. */
    static final class LiveView implements HostContext {
        private final HostContext inner;
        private final Map<String, String> versions;
        final List<Command> ran = new ArrayList<>();

        LiveView(HostContext inner, Map<String, String> versions) {
            this.inner = inner;
            this.versions = versions == null ? null : new HashMap<>(versions);
        }

        @Override
        public Fs fs() {
            return inner.fs();
        }

        @Override
        public Exec exec() {
            return new Exec() {
                @Override
                public ExecResult run(Command command) {
                    ran.add(command);
                    if (versions == null) {
                        List<String> argv = new ArrayList<>(command.argv());
                        argv.set(0, inner.fs().resolve(argv.getFirst()).toString());
                        Command inRoot = Command.of(argv).readOnly().unchecked().withTimeout(command.timeout());
                        return inner.exec().run(inRoot);
                    }
                    String answer = versions.get(command.argv().getFirst());
                    if (answer == null) {
                        return new ExecResult(command.display(), 127, "", "not found", false);
                    }
                    return answer.startsWith("!") ? new ExecResult(command.display(), 1, "", answer.substring(1), false)
                            : new ExecResult(command.display(), 0, answer + "\n", "", false);
                }

                @Override
                public boolean available(String program) {
                    return false;
                }
            };
        }

        @Override
        public Plan plan() {
            return inner.plan();
        }

        @Override
        public Devices devices() {
            return inner.devices();
        }

        @Override
        public State state() {
            return inner.state();
        }

        @Override
        public boolean dryRun() {
            return inner.dryRun();
        }

        @Override
        public Path root() {
            return inner.root();
        }

        @Override
        public boolean liveRoot() {
            return true;
        }

        @Override
        public Caller caller() {
            return inner.caller();
        }

        @Override
        public String source() {
            return inner.source();
        }
    }
}
