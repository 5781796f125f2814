package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A podman command line being built (Podman's {@code PodmanCmdline}); word 0 is the podman path. */
final class PodmanArgv {
    /** Go's {@code sort.Strings} order: UTF-8 bytes, which is code point order. */
    static final Comparator<String> GO_ORDER = (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    private final List<String> args = new ArrayList<>();
    /** Options written as one word, {@code --flag=value} (Podman before 5.3); others as two words. */
    private final java.util.function.Predicate<String> joined;

    PodmanArgv(String podman) {
        this(podman, flag -> false);
    }

    PodmanArgv(String podman, java.util.function.Predicate<String> joined) {
        this.joined = joined;
        args.add(podman);
    }

    /** An option with its value: {@code --flag value}, or {@code --flag=value} where this release wrote it so. */
    PodmanArgv option(String flag, String value) {
        return joined.test(flag) ? add(flag + "=" + value) : add(flag, value);
    }

    PodmanArgv add(String... words) {
        args.addAll(Arrays.asList(words));
        return this;
    }

    PodmanArgv addAll(List<String> words) {
        args.addAll(words);
        return this;
    }

    /** {@code --flag} for true, {@code --flag=false} for false. */
    PodmanArgv addBool(String flag, boolean value) {
        return add(value ? flag : flag + "=false");
    }

    /** {@code flag KEY=VALUE} (or {@code flag KEY} for a bare key) for each key, sorted by key. */
    PodmanArgv addKeys(String flag, Map<String, String> keys) {
        keys.keySet().stream().sorted(GO_ORDER).forEach(k -> {
            String v = keys.get(k);
            add(flag, v == null ? k : k + "=" + v);
        });
        return this;
    }

    /** The words so far (a copy). */
    List<String> words() {
        return List.copyOf(args);
    }

    /** Replaces word 0, e.g. {@code -/usr/bin/podman} to ignore the command's exit status. */
    PodmanArgv withCommand(String command) {
        args.set(0, command);
        return this;
    }
}
