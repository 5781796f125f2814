package dev.bosun.stdlib.quadlet.corpus;

import dev.bosun.stdlib.quadlet.generate.GoCsv;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code ##} directives of Podman's Quadlet test corpus exactly as its e2e harness
 * ({@code test/e2e/quadlet_test.go}) does: all 50 operators, each invertible with {@code !}, on the generated
 * service parsed with Podman's lookup rules, the generator's stderr and the symlinks in the output directory.
 * A directive whose use would make the Go harness fail an expectation or panic (wrong number of arguments,
 * a lookup on a unit that was not generated, a flag with no value after it) is an error, not a result.
 */
final class DirectiveEvaluator {
    /** The {@code [Service]} key each command-line operator prefix reads. */
    private static final Map<String, String> EXEC_KEYS = Map.of("", "ExecStart", "pre-", "ExecStartPre",
            "stop-", "ExecStop", "stop-post-", "ExecStopPost", "reload-", "ExecReload");
    private static final List<String> ALL_SUFFIXES = List.of("args", "args-regex", "global-args", "global-args-regex",
            "args-key-val", "args-key-val-regex", "global-args-key-val", "global-args-key-val-regex", "final-args",
            "final-args-regex");
    private static final List<String> STOP_SUFFIXES = List.of("args", "global-args", "final-args", "final-args-regex",
            "args-key-val", "args-key-val-regex");

    /** A command-line operator: which [Service] key it reads, the check, and whether it looks at the global options only. */
    private record PodmanOp(String execKey, String kind, boolean global) {
    }

    private static final Map<String, PodmanOp> PODMAN_OPS = podmanOps();

    /** Every operator name, without {@code !}: 12 general ones and 38 on command lines. */
    static final List<String> OPERATORS = operators();

    /** A directive that could not be evaluated (the harness would fail or panic). */
    static final class EvaluationError extends Exception {
        private static final long serialVersionUID = 1L;

        EvaluationError(String message) {
            super(message);
        }
    }

    private final UnitFile unit;
    private final String stderr;
    private final Path outputDir;

    /** {@code unit} is the generated service (null when none was generated); links are read under {@code outputDir}. */
    DirectiveEvaluator(UnitFile unit, String stderr, Path outputDir) {
        this.unit = unit;
        this.stderr = stderr;
        this.outputDir = outputDir;
    }

    private static Map<String, PodmanOp> podmanOps() {
        Map<String, PodmanOp> ops = new java.util.LinkedHashMap<>();
        for (String prefix : List.of("", "pre-", "stop-", "stop-post-", "reload-")) {
            for (String suffix : prefix.isEmpty() || prefix.equals("pre-") ? ALL_SUFFIXES : STOP_SUFFIXES) {
                boolean global = suffix.startsWith("global-");
                ops.put("assert-podman-" + prefix + suffix,
                        new PodmanOp(EXEC_KEYS.get(prefix), global ? suffix.substring("global-".length()) : suffix, global));
            }
        }
        return ops;
    }

    private static List<String> operators() {
        List<String> ops = new ArrayList<>(List.of("assert-failed", "assert-stderr-contains", "assert-key-is",
                "assert-key-is-regex", "assert-has-key", "assert-key-is-empty", "assert-key-contains",
                "assert-key-not-contains", "assert-last-key-contains", "assert-last-key-not-contains",
                "assert-last-key-is-regex", "assert-symlink"));
        ops.addAll(PODMAN_OPS.keySet());
        return List.copyOf(ops);
    }

    /** Splits a {@code ##} line (without the {@code ##}) into operator and arguments, as the harness does. */
    static List<String> words(String afterHashes) throws EvaluationError {
        try {
            List<String> w = ShellWords.parse(afterHashes);
            if (w.isEmpty()) {
                throw new EvaluationError("empty directive");
            }
            return w;
        } catch (ShellWords.ParseException e) {
            throw new EvaluationError("cannot split the directive: " + e.getMessage());
        }
    }

    /** The directive's verdict (after {@code !}). */
    boolean evaluate(List<String> check) throws EvaluationError {
        String op = check.getFirst();
        List<String> args = new ArrayList<>();
        for (String a : check.subList(1, check.size())) {
            args.add(a.replace("\\n", "\n").replace("\\t", "\t"));
        }
        boolean invert = op.startsWith("!");
        if (invert) {
            op = op.substring(1);
        }
        return invert != run(op, args);
    }

    private boolean run(String op, List<String> args) throws EvaluationError {
        switch (op) {
            case "assert-failed":
                return true;
            case "assert-stderr-contains":
                atLeast(args, 1);
                return stderr.contains(args.getFirst());
            case "assert-key-is": {
                atLeast(args, 3);
                return lookupAll(args).equals(args.subList(2, args.size()));
            }
            case "assert-key-is-regex": {
                atLeast(args, 3);
                List<String> real = lookupAll(args);
                List<String> want = args.subList(2, args.size());
                if (real.size() != want.size()) {
                    return false;
                }
                for (int i = 0; i < real.size(); i++) {
                    if (!Re2.find(want.get(i), real.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case "assert-has-key":
                exactly(args, 3);
                return lookupAll(args).contains(args.get(2));
            case "assert-key-is-empty":
                exactly(args, 2);
                return lookupAll(args).isEmpty();
            case "assert-key-contains":
                exactly(args, 3);
                return keyContains(args);
            case "assert-key-not-contains":
                exactly(args, 3);
                return !keyContains(args);
            case "assert-last-key-contains":
                exactly(args, 3);
                return lastKeyContains(args);
            case "assert-last-key-not-contains":
                exactly(args, 3);
                return !lastKeyContains(args);
            case "assert-last-key-is-regex": {
                atLeast(args, 3);
                var v = unit().lookupLast(args.get(0), args.get(1));
                return v.isPresent() && Re2.find(args.get(2), v.get());
            }
            case "assert-symlink":
                exactly(args, 2);
                return symlink(args.get(0), args.get(1));
            default:
                return podman(op, args);
        }
    }

    private boolean podman(String op, List<String> args) throws EvaluationError {
        PodmanOp p = PODMAN_OPS.get(op);
        if (p == null) {
            throw new EvaluationError("Unsupported assertion " + op);
        }
        List<String> argv = execArgs(p.execKey());
        if (p.global()) {
            atLeast(args, 1);
            int at = find(argv, List.of(args.getFirst()), false);
            if (at < 0) {
                return false;
            }
            argv = argv.subList(0, at);
            args = args.subList(1, args.size());
        }
        return switch (p.kind()) {
            case "args" -> find(argv, args, false) >= 0;
            case "args-regex" -> find(argv, args, true) >= 0;
            case "args-key-val" -> keyVal(argv, args, false);
            case "args-key-val-regex" -> keyVal(argv, args, true);
            case "final-args" -> argv.size() >= args.size() && matchAt(argv, argv.size() - args.size(), args, false);
            case "final-args-regex" -> argv.size() >= args.size() && matchAt(argv, argv.size() - args.size(), args, true);
            default -> throw new IllegalStateException(p.kind());
        };
    }

    private UnitFile unit() throws EvaluationError {
        if (unit == null) {
            throw new EvaluationError("no service was generated to look keys up in");
        }
        return unit;
    }

    private List<String> lookupAll(List<String> args) throws EvaluationError {
        return unit().lookupAll(args.get(0), args.get(1));
    }

    private boolean keyContains(List<String> args) throws EvaluationError {
        return lookupAll(args).stream().anyMatch(v -> v.contains(args.get(2)));
    }

    private boolean lastKeyContains(List<String> args) throws EvaluationError {
        var v = unit().lookupLast(args.get(0), args.get(1));
        return v.isPresent() && v.get().contains(args.get(2));
    }

    private boolean symlink(String link, String expected) throws EvaluationError {
        try {
            return Files.readSymbolicLink(outputDir.resolve(link)).toString().equals(expected);
        } catch (IOException | UnsupportedOperationException e) {
            throw new EvaluationError("cannot read the link " + link + ": " + e.getMessage());
        }
    }

    /** {@code LookupLastArgs("Service", key)}: the last value split like Exec=; empty when absent or unsplittable. */
    private List<String> execArgs(String key) throws EvaluationError {
        var v = unit().lookupLast("Service", key);
        if (v.isEmpty()) {
            return List.of();
        }
        try {
            return WordSplitter.ARGS.split(v.get());
        } catch (WordSplitter.SplitException e) {
            return List.of();
        }
    }

    private static boolean matchAt(List<String> full, int pos, List<String> sub, boolean regex) {
        if (sub.size() > full.size() - pos) {
            return false;
        }
        for (int i = 0; i < sub.size(); i++) {
            boolean ok = regex ? Re2.find(sub.get(i), full.get(pos + i)) : sub.get(i).equals(full.get(pos + i));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code findSublist}: where sub occurs contiguously in full; -1 when not, or when sub is empty. */
    private static int find(List<String> full, List<String> sub, boolean regex) {
        if (sub.isEmpty() || sub.size() > full.size()) {
            return -1;
        }
        for (int i = 0; i < full.size() - sub.size() + 1; i++) {
            if (matchAt(full, i, sub, regex)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code assertPodmanArgsKeyVal}: FLAG followed by a CSV record with the same key=value map. */
    private boolean keyVal(List<String> argv, List<String> args, boolean regex) throws EvaluationError {
        atLeast(args, 3);
        String flag = args.get(0);
        String sep = args.get(1);
        if (sep.isEmpty()) {
            throw new EvaluationError("empty separator");
        }
        Map<String, String> expected;
        try {
            expected = keyValueMap(args.get(2), sep.codePointAt(0));
        } catch (GoCsv.CsvException e) {
            return false;
        }
        int at = 0;
        while (true) {
            int found = find(argv.subList(at, argv.size()), List.of(flag), false);
            if (found < 0) {
                return false;
            }
            at += found;
            if (at + 1 >= argv.size()) {
                throw new EvaluationError(flag + " is the last word: the harness would index past the end");
            }
            Map<String, String> actual;
            try {
                actual = keyValueMap(argv.get(at + 1), sep.codePointAt(0));
            } catch (GoCsv.CsvException e) {
                return false;
            }
            if (regex ? sameKeysMatching(expected, actual) : expected.equals(actual)) {
                return true;
            }
            at += 2;
            if (at > argv.size()) {
                return false;
            }
        }
    }

    private static Map<String, String> keyValueMap(String text, int sep) throws GoCsv.CsvException, EvaluationError {
        List<List<String>> records = GoCsv.readAll(text, sep);
        if (records.isEmpty()) {
            throw new EvaluationError("no CSV record in " + text + ": the harness would index past the end");
        }
        Map<String, String> m = new HashMap<>();
        for (String field : records.getFirst()) {
            int eq = field.indexOf('=');
            m.put(eq < 0 ? field : field.substring(0, eq), eq < 0 ? "" : field.substring(eq + 1));
        }
        return m;
    }

    private static boolean sameKeysMatching(Map<String, String> expected, Map<String, String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (var e : expected.entrySet()) {
            String a = actual.get(e.getKey());
            if (a == null || !Re2.find(e.getValue(), a)) {
                return false;
            }
        }
        return true;
    }

    private static void atLeast(List<String> args, int n) throws EvaluationError {
        if (args.size() < n) {
            throw new EvaluationError("needs at least " + n + " arguments, got " + args.size());
        }
    }

    private static void exactly(List<String> args, int n) throws EvaluationError {
        if (args.size() != n) {
            throw new EvaluationError("needs " + n + " arguments, got " + args.size());
        }
    }
}
