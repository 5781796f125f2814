package dev.bosun.lab.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The distribution tarball the role bosun.host.install is tested with: the one the dist module built
 * (dist/target/bosun-VERSION-linux-ARCH.tar.gz) when this build made it, else a stand-in from
 * ansible/tests/standin-tarball that runs this repository's build (it tests the role, not the runtime).
 */
final class Distribution {
    private Distribution() {
    }

    static Path tarball(Path scratch) throws IOException, InterruptedException {
        Path target = Ansible.REPO.resolve("dist/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                List<Path> built = s.filter(p -> p.getFileName().toString().matches("bosun-.+-linux-.+\\.tar\\.gz")).sorted().toList();
                if (!built.isEmpty()) {
                    return built.getLast();
                }
            }
        }
        Path standin = scratch.resolve("bosun-0.0.0-standin-linux-" + System.getProperty("os.arch") + ".tar.gz");
        Ansible.repoCommand(Ansible.TESTS.resolve("standin-tarball").toString(), standin.toString());
        return standin;
    }
}
