package dev.bosun.bench.quadlet;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.generate.GeneratedUnit;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.GeneratorOptions;
import dev.bosun.stdlib.quadlet.generate.QuadletGenerator;
import dev.bosun.stdlib.quadlet.generate.SourceUnit;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code quadlet.generate} latency for one unit: parse the unit's text and convert it into its service
 * (what the operation does per unit, without the JS bridge), for one corpus unit of each type.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GenerateBench {
    @Param({"basic.container", "health.container", "basic.kube", "basic.network", "basic.volume", "basic.image",
        "basic.build", "basic.pod", "basic.artifact"})
    public String file;

    private String text;
    private final QuadletGenerator generator = new QuadletGenerator(
            new GeneratorOptions(null, false, PodmanVersion.NEWEST, p -> true));

    @Setup(Level.Trial)
    public void load() throws IOException {
        text = Files.readString(CorpusBench.corpusDir().resolve(file));
    }

    @Benchmark
    public GeneratedUnit generate() {
        SourceUnit unit = new SourceUnit(file, "/etc/containers/systemd/" + file, UnitFile.parse(text), List.of());
        return generator.generate(List.of(unit), new GeneratorLog()).getFirst();
    }

    /** The service text, as a check that the benchmark generates something. */
    public static void main(String[] args) throws IOException {
        GenerateBench b = new GenerateBench();
        b.file = args.length > 0 ? args[0] : "basic.container";
        b.load();
        System.out.print(Path.of(b.file) + ":\n" + b.generate().text());
    }
}
