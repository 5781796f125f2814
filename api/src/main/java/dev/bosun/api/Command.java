package dev.bosun.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command to run.
 *
 * @param argv     program and arguments; the program is looked up on a fixed system PATH
 * @param env      variables added to the controlled environment (PATH, LC_ALL=C)
 * @param stdin    text fed to standard input, or null
 * @param timeout  how long it may run before it is killed
 * @param mutating true when it changes the host (planned; not run under dry-run unless prefixed)
 * @param check    true when a non-zero exit is an error
 * @param prefix   how the command is pointed at another root, or null when it cannot be
 */
public record Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout,
                      boolean mutating, boolean check, Prefix prefix) {

    public Command {
        if (argv == null || argv.isEmpty()) {
            throw new InvalidValueException("argv", "must name a program");
        }
        for (String arg : argv) {
            if (arg == null || arg.indexOf('\0') >= 0) {
                throw new InvalidValueException("argv", "must not contain null or NUL characters: " + argv);
            }
        }
        argv = List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    /** A read-only command that fails on a non-zero exit. */
    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of(), null, null, false, true, null);
    }

    /** A read-only command that fails on a non-zero exit. */
    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, null, false, true, null);
    }

    /** This command, marked as changing the host. */
    public Command asMutating() {
        return new Command(argv, env, stdin, timeout, true, check, prefix);
    }

    /** This command, with a non-zero exit returned instead of thrown. */
    public Command unchecked() {
        return new Command(argv, env, stdin, timeout, mutating, false, prefix);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, env, stdin, newTimeout, mutating, check, prefix);
    }

    public Command withStdin(String text) {
        return new Command(argv, env, text, timeout, mutating, check, prefix);
    }

    public Command withEnv(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.put(name, value);
        return new Command(argv, m, stdin, timeout, mutating, check, prefix);
    }

    /**
     * This command, pointed at the host root with {@code flag DIR} inserted after the program
     * (shadow-utils: {@code --prefix}). {@code files} are the host paths it reads and writes; under
     * dry-run they are copied into the scratch view first and the command runs against that view.
     */
    public Command withPrefix(String flag, List<String> files) {
        return new Command(argv, env, stdin, timeout, mutating, check, new Prefix(flag, List.copyOf(files)));
    }

    /** The argv with the prefix flag inserted for the given root directory (none for {@code /}). */
    public List<String> argvFor(String rootDir) {
        if (prefix == null || rootDir.equals("/")) {
            return argv;
        }
        List<String> out = new ArrayList<>(argv.size() + 2);
        out.add(argv.getFirst());
        out.add(prefix.flag());
        out.add(rootDir);
        out.addAll(argv.subList(1, argv.size()));
        return out;
    }

    /** The command line as a user would type it, for plans and messages. */
    public String display() {
        return Shell.quote(argv);
    }

    /**
     * @param flag  the option that takes the root directory, e.g. {@code --prefix}
     * @param files host paths the command reads or writes below the root
     */
    public record Prefix(String flag, List<String> files) {
    }
}
