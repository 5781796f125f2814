package dev.bosun.stdlib.quadlet.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.QuadletCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Podman's own Quadlet corpus (6.0-dev) against Bosun's generator, run case by case as Podman's e2e harness
 * runs its binary, rootful and rootless, with every {@code ##} directive evaluated.
 */
class QuadletCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void everyManifestCasePassesRootful() throws IOException {
        runAll(false);
    }

    @Test
    void everyManifestCasePassesRootless() throws IOException {
        runAll(true);
    }

    private void runAll(boolean user) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(QuadletCorpus.manifest().toFile());
        CorpusHarness harness = new CorpusHarness(QuadletCorpus.dir(), CorpusHarness.bosun(PodmanVersion.NEWEST));
        List<String> failures = new ArrayList<>();
        int cases = 0;
        int passed = 0;
        int directives = 0;
        for (JsonNode c : manifest) {
            Path subtest = tmp.resolve("podman-e2e-bosun").resolve("subtest-" + cases++);
            CorpusHarness.CaseResult r = harness.run(c, subtest, user);
            directives += r.directives();
            if (r.passed()) {
                passed++;
            } else {
                failures.add(r.file() + ":\n    " + String.join("\n    ", r.failures()));
            }
        }
        System.out.println("quadlet corpus (" + (user ? "-user" : "rootful") + "): " + passed + " of " + cases
                + " cases pass, " + directives + " directives evaluated");
        assertEquals(216, cases, "manifest cases");
        assertTrue(failures.isEmpty(), failures.size() + " cases fail:\n" + String.join("\n", failures));
    }
}
