package dev.bosun.lab.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The distribution tarball and Debian package the role bosun.host.install is tested with: the ones the dist
 * module built (dist/target/) when this build made them, else stand-ins from ansible/tests/standin-tarball and
 * standin-deb that run this repository's build (they test the role, not the runtime).
 */
final class Distribution {
    private Distribution() {
    }

    static Path tarball(Path scratch) throws IOException, InterruptedException {
        Path built = built("bosun-.+-linux-.+\\.tar\\.gz");
        if (built != null) {
            return built;
        }
        Path standin = scratch.resolve("bosun-0.0.0-standin-linux-" + System.getProperty("os.arch") + ".tar.gz");
        Ansible.repoCommand(Ansible.TESTS.resolve("standin-tarball").toString(), standin.toString());
        return standin;
    }

    /** The Debian package the dist module built (dist/target/bosun_VERSION_ARCH.deb), else a stand-in (standin-deb). */
    static Path deb(Path scratch) throws IOException, InterruptedException {
        Path built = built("bosun_.+\\.deb");
        if (built != null) {
            return built;
        }
        Path standin = scratch.resolve("bosun_0.0.0~standin_all.deb");
        Ansible.repoCommand(Ansible.TESTS.resolve("standin-deb").toString(), standin.toString());
        return standin;
    }

    private static Path built(String name) throws IOException {
        Path target = Ansible.REPO.resolve("dist/target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> s = Files.list(target)) {
            List<Path> built = s.filter(p -> p.getFileName().toString().matches(name)).sorted().toList();
            return built.isEmpty() ? null : built.getLast();
        }
    }
}
