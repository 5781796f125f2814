package dev.bosun.plugins.sandbox;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.Exec;
import dev.bosun.api.ExecResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection order and parsing against recorded runtime answers (the runtime override sandbox.md asks for):
 * which binaries are on the PATH and what each probe prints.
 */
class RuntimeDetectorTest {
    /** An Exec answering from a table of argv → (exit, stdout, stderr). */
    record Recorded(Set<String> onPath, Map<List<String>, ExecResult> answers) implements Exec {
        @Override
        public ExecResult run(Command c) {
            return answers.getOrDefault(c.argv(), new ExecResult(c.display(), 1, "", "unexpected probe", false));
        }

        @Override
        public boolean available(String program) {
            return onPath.contains(program);
        }
    }

    static ExecResult ok(String out) {
        return new ExecResult("", 0, out + "\n", "", false);
    }

    @Test
    void podmanIsPreferredWhenItWorks() {
        RuntimeInfo r = new RuntimeDetector(new Recorded(Set.of("podman", "docker"), Map.of(
                List.of("podman", "version", "--format", "{{.Client.Version}}"), ok("5.4.2"),
                List.of("podman", "info", "--format", "{{.Host.Security.Rootless}}"), ok("true"),
                List.of("docker", "version", "--format", "{{.Server.Version}}"), ok("28.2.2")))).detect();
        assertEquals("podman", r.runtime());
        assertEquals("5.4.2", r.version());
        assertTrue(r.working() && r.rootless());
        assertEquals(List.of(), r.ociRuntimes());
    }

    @Test
    void dockerWithGvisorWhenPodmanIsMissing() {
        RuntimeInfo r = new RuntimeDetector(new Recorded(Set.of("docker"), Map.of(
                List.of("docker", "version", "--format", "{{.Server.Version}}"), ok("28.2.2"),
                List.of("docker", "info", "--format", "{{json .SecurityOptions}}"),
                ok("[\"name=seccomp,profile=builtin\",\"name=rootless\"]"),
                List.of("docker", "info", "--format", "{{json .Runtimes}}"),
                ok("{\"runc\":{\"path\":\"runc\"},\"runsc\":{\"path\":\"/usr/bin/runsc\"}}")))).detect();
        assertEquals("docker", r.runtime());
        assertTrue(r.working() && r.rootless() && r.gvisor());
        assertEquals(List.of("runc", "runsc"), r.ociRuntimes());
        assertFalse(r.candidates().getFirst().found());
    }

    @Test
    void dockerWithoutDaemonIsReportedNotWorking() {
        RuntimeInfo r = new RuntimeDetector(new Recorded(Set.of("docker"), Map.of(
                List.of("docker", "version", "--format", "{{.Server.Version}}"),
                new ExecResult("", 1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n", false),
                List.of("docker", "version", "--format", "{{.Client.Version}}"),
                new ExecResult("", 1, "28.2.2\n", "Cannot connect to the Docker daemon", false)))).detect();
        assertEquals("docker", r.runtime());
        assertEquals("28.2.2", r.version());
        assertFalse(r.working());
        assertEquals("Cannot connect to the Docker daemon at unix:///var/run/docker.sock.", r.problem());
    }

    @Test
    void noRuntimeIsAClearError() {
        assertEquals("No container runtime found. Install podman (recommended) or docker.",
                assertThrows(BosunException.class, () -> new RuntimeDetector(new Recorded(Set.of(), Map.of())).detect())
                        .getMessage());
    }
}
