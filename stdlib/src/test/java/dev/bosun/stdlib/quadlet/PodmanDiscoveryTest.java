package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Caller;
import dev.bosun.api.Command;
import dev.bosun.api.Devices;
import dev.bosun.api.Exec;
import dev.bosun.api.ExecResult;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.Plan;
import dev.bosun.api.State;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The installed Podman's version is asked once per session, not once per call. */
class PodmanDiscoveryTest {
    /** A host whose only part is a podman that answers with the given version and counts how often it was asked. */
    private static final class PodmanHost implements HostContext {
        final List<List<String>> runs = new ArrayList<>();
        private final String answer;
        private final Exec exec = new Exec() {
            @Override
            public ExecResult run(Command command) {
                runs.add(command.argv());
                return new ExecResult(command.display(), 0, answer, "", false);
            }

            @Override
            public boolean available(String program) {
                return program.equals("podman");
            }
        };

        PodmanHost(String answer) {
            this.answer = answer;
        }

        @Override public Exec exec() { return exec; }
        @Override public Fs fs() { throw new UnsupportedOperationException(); }
        @Override public Plan plan() { throw new UnsupportedOperationException(); }
        @Override public Devices devices() { throw new UnsupportedOperationException(); }
        @Override public State state() { throw new UnsupportedOperationException(); }
        @Override public boolean dryRun() { return false; }
        @Override public Path root() { return Path.of("/"); }
        @Override public Caller caller() { return new Caller(0, 0, "root"); }
        @Override public String source() { return "test"; }
    }

    @Test
    void oneSessionAsksOnce() {
        PodmanHost host = new PodmanHost("podman version 5.4.2\n");
        for (int i = 0; i < 3; i++) {
            assertEquals("5.4", PodmanDiscovery.target(host, null).shortText());
        }
        assertEquals(List.of(List.of("podman", "--version")), host.runs);
    }

    @Test
    void eachSessionAsksItsOwnHost() {
        PodmanHost old = new PodmanHost("podman version 4.9.3\n");
        PodmanHost current = new PodmanHost("podman version 5.8.1\n");
        assertEquals("4.9", PodmanDiscovery.target(old, null).shortText());
        assertEquals("5.8", PodmanDiscovery.target(current, null).shortText());
        assertEquals(1, current.runs.size());
    }

    @Test
    void anAskedForVersionAsksNobody() {
        PodmanHost host = new PodmanHost("podman version 5.4.2\n");
        assertEquals("4.4", PodmanDiscovery.target(host, "4.4").shortText());
        assertEquals(List.of(), host.runs);
    }
}
