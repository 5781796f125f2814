package dev.bosun.stdlib.attack;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.generate.GeneratedUnit;
import dev.bosun.stdlib.quadlet.generate.GeneratorInvocation;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.LocalSourceFiles;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile units and a hostile output directory against the generator: links planted where services and
 * [Install] links go, install names that climb out of the directory, and values that try to add lines to the
 * service. The generator writes only inside its output directory, never through a link, and a value never
 * becomes a line of its own.
 */
@Tag("attack")
class QuadletOutputAttackTest {
    @TempDir
    Path tmp;
    private Path units;
    private Path out;
    private Path victim;

    @BeforeEach
    void setUp() throws IOException {
        units = Files.createDirectories(tmp.resolve("units"));
        out = Files.createDirectories(tmp.resolve("out"));
        victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
    }

    private GeneratorInvocation.Outcome generate() {
        return new GeneratorInvocation(false, false, List.of(out.toString()), Map.of("QUADLET_UNIT_DIRS", units.toString()),
                0, PodmanVersion.NEWEST, "bosun").run(new LocalSourceFiles(), p -> true);
    }

    private String victimHash() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(victim)) {
            for (Path p : s.sorted().toList()) {
                md.update(victim.relativize(p).toString().getBytes());
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    md.update(Files.readAllBytes(p));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<String> logged(GeneratorInvocation.Outcome o) {
        return o.log().lines().stream().filter(l -> l.level() != GeneratorLog.Level.DEBUG).map(GeneratorLog.Line::text).toList();
    }

    @Test
    void aLinkPlantedAtTheServiceNameIsReplacedNotFollowed() throws Exception {
        Files.writeString(units.resolve("web.container"), "[Container]\nImage=quay.io/x/web\n");
        Files.createSymbolicLink(out.resolve("web.service"), victim.resolve("passwd"));
        String before = victimHash();
        assertEquals(0, generate().exitStatus());
        assertFalse(Files.isSymbolicLink(out.resolve("web.service")));
        assertTrue(Files.readString(out.resolve("web.service")).contains("ExecStart=/usr/bin/podman run"));
        assertEquals(before, victimHash());
    }

    @Test
    void aLinkedWantsDirectoryIsNotWrittenThrough() throws Exception {
        Files.writeString(units.resolve("web.container"), "[Container]\nImage=quay.io/x/web\n[Install]\nWantedBy=default.target\n");
        Files.createSymbolicLink(out.resolve("default.target.wants"), victim);
        String before = victimHash();
        GeneratorInvocation.Outcome o = generate();
        assertEquals(0, o.exitStatus(), "Podman only logs a link it cannot make");
        assertEquals(List.of("Failed creating symlink " + out.resolve("default.target.wants/web.service") + ": "
                + out.resolve("default.target.wants") + " is a symlink"), logged(o));
        assertEquals(before, victimHash());
    }

    @Test
    void installNamesThatLeaveTheOutputDirectoryMakeNoLink() throws Exception {
        Files.writeString(units.resolve("web.container"), "[Container]\nImage=quay.io/x/web\n[Install]\n"
                + "Alias=../victim/evil.service\nAlias=" + victim.resolve("abs.service") + "\nWantedBy=../victim/x.target\n");
        String before = victimHash();
        GeneratorInvocation.Outcome o = generate();
        assertEquals(0, o.exitStatus());
        List<String> log = logged(o);
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.stream().allMatch(l -> l.startsWith("Can't create symlink ") && !l.contains("\n")), log.toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("web.service")), s.toList());
        }
        assertEquals(before, victimHash());
    }

    @Test
    void valuesCannotAddLinesToTheService() throws Exception {
        Files.writeString(units.resolve("web.container"), "[Container]\nImage=quay.io/x/web\n"
                + "Exec=/bin/sh \"-c\\n[Service]\\nExecStartPre=/bin/evil\"\n"
                + "Environment=\"A=1\\nExecStartPre=/bin/evil\"\n"
                + "Mount=\"type=bind,\\\"src=/a\\nExecStartPre=/bin/evil\\\",dst=/b\"\n");
        GeneratorInvocation.Outcome o = generate();
        assertEquals(0, o.exitStatus(), logged(o).toString());
        GeneratedUnit u = o.units().getFirst();
        UnitFile service = UnitFile.parse(Files.readString(out.resolve("web.service")));
        assertEquals(List.of(), service.lookupAll("Service", "ExecStartPre"));
        List<String> run = u.argv().get("ExecStart");
        assertEquals("type=bind,\"source=/a\nExecStartPre=/bin/evil\",dst=/b", run.get(run.indexOf("--mount") + 1));
        assertTrue(run.contains("A=1\nExecStartPre=/bin/evil"), run.toString());
        assertEquals(List.of("/bin/sh", "-c\n[Service]\nExecStartPre=/bin/evil"),
                u.argv().get("ExecStart").subList(u.argv().get("ExecStart").size() - 2, u.argv().get("ExecStart").size()));
    }
}
