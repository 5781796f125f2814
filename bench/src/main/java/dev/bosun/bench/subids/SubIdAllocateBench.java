package dev.bosun.bench.subids;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.subids.Allocation;
import dev.bosun.stdlib.subids.SubIdsModule;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * subids.allocate (first-fit, lock, parse, search, write subuid and subgid with backup) on a root whose
 * sub-ID files have {@code lines} ranges of other owners. Each invocation starts from the same files, so
 * every call really allocates. SampleTime reports the median as p0.50.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
public class SubIdAllocateBench {
    @Param({"1000", "10000"})
    public int lines;

    private Path root;
    private byte[] subuid;
    private LocalHostContext ctx;
    private final SubIdsModule subids = new SubIdsModule();

    @Setup(Level.Trial)
    public void makeRoot() throws IOException {
        root = Files.createTempDirectory("bosun-bench-subids-");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nbench:x:1000:1000::/home/bench:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            // Shuffled starts, one-id gaps between ranges: the search must sort and walk every line and
            // ends after the last one (10,000 x 50,000 still fits below SUB_UID_MAX 600100000).
            long slot = (i * 7919L) % lines;
            sb.append("old").append(i).append(':').append(100000 + slot * 50000).append(":49999\n");
        }
        subuid = sb.toString().getBytes();
        ctx = LocalHostContext.open(root, false, root.resolve("state.db"), "bench");
    }

    @Setup(Level.Invocation)
    public void resetFiles() throws IOException {
        Files.write(root.resolve("etc/subuid"), subuid);
        Files.write(root.resolve("etc/subgid"), subuid);
    }

    @Benchmark
    public Allocation allocate() {
        return subids.allocate(ctx, "bench", null);
    }

    @TearDown(Level.Trial)
    public void dropRoot() throws IOException {
        ctx.close();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
