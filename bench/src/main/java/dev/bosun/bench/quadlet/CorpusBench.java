package dev.bosun.bench.quadlet;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parse + validate + render of every unit file of Podman's quadlet corpus (225 top-level files plus
 * drop-ins and test_subdir); one operation = the whole corpus, so ops/s = corpora per second.
 * The corpus is found as shared/quadlet-corpus in a parent of the working directory, or -Dbosun.corpus=DIR.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorpusBench {
    private record Source(String fileName, UnitType type, String text) {
    }

    private final List<Source> corpus = new ArrayList<>();
    private final ValidationTarget target = new ValidationTarget(PodmanVersion.NEWEST, null);

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = corpusDir();
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("NOTICE")) {
                    continue;
                }
                corpus.add(new Source(name, UnitType.ofFileName(name), Files.readString(p)));
            }
        }
        if (corpus.size() < 200) {
            throw new IllegalStateException("only " + corpus.size() + " corpus files under " + dir);
        }
    }

    static Path corpusDir() {
        String prop = System.getProperty("bosun.corpus");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/quadlet-corpus"))) {
                return p.resolve("shared/quadlet-corpus");
            }
        }
        throw new IllegalStateException("shared/quadlet-corpus not found; pass -Dbosun.corpus=DIR");
    }

    @Benchmark
    public void parseValidateRender(Blackhole bh) {
        for (Source s : corpus) {
            UnitFile f = UnitFile.parse(s.text);
            if (s.type != null) {
                List<Finding> findings = QuadletValidator.validate(f, s.type, s.fileName, target);
                bh.consume(findings);
            }
            bh.consume(f.render());
        }
    }
}
