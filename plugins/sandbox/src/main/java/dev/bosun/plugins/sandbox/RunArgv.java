package dev.bosun.plugins.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact {@code podman run}/{@code docker run} command line for a {@link SandboxSpec}. The two
 * differ in one place: Podman's {@code --read-only} also mounts tmpfs on /run, /tmp and /var/tmp
 * unless {@code --read-only-tmpfs=false}; it is passed so both runtimes give the container the same
 * writable paths (exactly the spec's tmpfs list).
 */
final class RunArgv {
    private RunArgv() {
    }

    static List<String> of(String runtime, SandboxSpec s) {
        List<String> a = new ArrayList<>(List.of(runtime, "run", "--rm"));
        if (s.name() != null) {
            a.add("--name=" + s.name());
        }
        a.add("--network=" + s.network());
        if (s.readOnly()) {
            a.add("--read-only");
            if (runtime.equals("podman")) {
                a.add("--read-only-tmpfs=false");
            }
        }
        for (String t : s.tmpfs()) {
            a.add("--tmpfs=" + t);
        }
        for (String c : s.capDrops()) {
            a.add("--cap-drop=" + c);
        }
        for (String c : s.capAdd()) {
            a.add("--cap-add=" + c);
        }
        if (s.privileged()) {
            a.add("--privileged");
        }
        for (String d : s.devices()) {
            a.add("--device=" + d);
        }
        for (String v : s.volumes()) {
            a.add("--volume=" + v);
        }
        if (s.memory() != null) {
            a.add("--memory=" + s.memory());
        }
        if (s.cpus() != null) {
            a.add("--cpus=" + cpus(s.cpus()));
        }
        for (Map.Entry<String, String> e : s.env().entrySet()) {
            a.add("--env=" + e.getKey() + "=" + e.getValue());
        }
        if (s.ociRuntime() != null) {
            a.add("--runtime=" + s.ociRuntime());
        }
        a.add(s.image());
        a.addAll(s.command());
        return List.copyOf(a);
    }

    /** 4.0 → "4", 1.5 → "1.5": the way a person writes it. */
    static String cpus(double cpus) {
        return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
    }
}
