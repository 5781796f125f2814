package dev.bosun.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command to run.
 *
 * <p>Fail closed: a command is <b>mutating</b> unless it is explicitly declared {@link #readOnly()}, so
 * a command a plugin forgets to classify is planned, not run, under {@code --dry-run}. And a mutating
 * command changes the <b>live system</b> unless it says otherwise ({@link #withPrefix}, {@link #insideRoot()},
 * {@link #targeting(String)}), so it is refused when the session's root is not {@code /}: an alternate
 * root does not redirect the network, mounts, services or devices.
 *
 * @param argv     program and arguments; the program is looked up on a fixed system PATH
 * @param env      variables added to the controlled environment (PATH, LC_ALL=C)
 * @param stdin    text fed to standard input, or null
 * @param timeout  how long it may run before it is killed
 * @param mutating true when it changes the host (planned; not run under dry-run unless prefixed)
 * @param check    true when a non-zero exit is an error
 * @param prefix   how the command is pointed at another root, or null when it cannot be
 * @param reach    where a mutating command's effect lands, which decides whether it may run under {@code --root}
 * @param target   for {@link Reach#NAMED}: the target the call names (e.g. {@code netns blue}), else null
 * @param stdinShown whether plans and messages may show the standard input ({@link #withShownStdin}); by default
 *                 they do not, because input is where secrets go (a password on stdin instead of in argv)
 */
public record Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout,
                      boolean mutating, boolean check, Prefix prefix, Reach reach, String target, boolean stdinShown) {

    /** Where a command's effect lands. */
    public enum Reach {
        /** The running system (network, mounts, services, devices): refused under a non-live root. The default. */
        LIVE,
        /** Only files under the session's root: through the {@link Prefix} flag, or paths under the root in the argv. */
        ROOT,
        /** A target the call names explicitly, e.g. a network namespace: allowed under any root. */
        NAMED
    }

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
        reach = reach == null ? Reach.LIVE : reach;
        if ((reach == Reach.NAMED) != (target != null)) {
            throw new InvalidValueException("target", "is given exactly when the reach is NAMED");
        }
        if (target != null) {
            Check.singleLine("target", Check.notBlank("target", target));
        }
    }

    /**
     * A command that changes the live system and fails on a non-zero exit. Declare what it really does:
     * {@link #readOnly()} for a reviewed query, {@link #insideRoot()} or {@link #withPrefix} when it only
     * changes files under the root, {@link #targeting(String)} when the call names its target.
     */
    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /** As {@link #of(String...)}. */
    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, null, true, true, null, Reach.LIVE, null, false);
    }

    /**
     * This command, declared read-only: it only reads (e.g. {@code --version}, {@code ip rule show},
     * {@code nft list}), so it runs under {@code --dry-run} and under any root. Each use is a reviewed
     * exception to the mutating default; a command that writes anything must never be declared so.
     */
    public Command readOnly() {
        return new Command(argv, env, stdin, timeout, false, check, prefix, reach, target, stdinShown);
    }

    /** This command, marked as changing the host (the default; kept for callers that say it explicitly). */
    public Command asMutating() {
        return new Command(argv, env, stdin, timeout, true, check, prefix, reach, target, stdinShown);
    }

    /**
     * This command, declared to change only files under the session's root, named by real paths in its
     * argv (e.g. {@code setfattr} on a directory below the root), so an alternate root does not send it to
     * the live system. Reviewed per use, like {@link #readOnly()}.
     */
    public Command insideRoot() {
        return new Command(argv, env, stdin, timeout, mutating, check, prefix, Reach.ROOT, null, stdinShown);
    }

    /**
     * This command, declared to act on a target the call names explicitly rather than on the live system's
     * default (e.g. {@code "netns blue"} for {@code ip -n blue ...}): allowed under an alternate root.
     *
     * @param what the target as a person reads it, shown when the command is refused or planned
     */
    public Command targeting(String what) {
        return new Command(argv, env, stdin, timeout, mutating, check, prefix, Reach.NAMED, what, stdinShown);
    }

    /** This command, with a non-zero exit returned instead of thrown. */
    public Command unchecked() {
        return new Command(argv, env, stdin, timeout, mutating, false, prefix, reach, target, stdinShown);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, env, stdin, newTimeout, mutating, check, prefix, reach, target, stdinShown);
    }

    /** This command, fed {@code text} on standard input; plans show that it has input, never the text. */
    public Command withStdin(String text) {
        return new Command(argv, env, text, timeout, mutating, check, prefix, reach, target, false);
    }

    /**
     * This command, fed {@code text} on standard input that plans show in full (as a bash here-string), because the
     * input is what the command does (an nft script, an ip batch). Never for input that may hold a secret.
     */
    public Command withShownStdin(String text) {
        return new Command(argv, env, text, timeout, mutating, check, prefix, reach, target, true);
    }

    public Command withEnv(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.put(name, value);
        return new Command(argv, m, stdin, timeout, mutating, check, prefix, reach, target, stdinShown);
    }

    /**
     * This command, pointed at the host root with {@code flag DIR} inserted after the program
     * (shadow-utils: {@code --prefix}). {@code files} are the host paths it reads and writes; under
     * dry-run they are copied into the scratch view first and the command runs against that view.
     * Its effect then lands under the root ({@link Reach#ROOT}).
     */
    public Command withPrefix(String flag, List<String> files) {
        return new Command(argv, env, stdin, timeout, mutating, check, new Prefix(flag, List.copyOf(files)),
                Reach.ROOT, null, stdinShown);
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

    /**
     * Null when this command may run in a session whose root is {@code rootDir}; otherwise the one-line
     * reason it may not: a mutating command that reaches the live system, under a root that is not
     * {@code /}. Read-only commands, commands pointed at the root and commands naming their target pass.
     */
    public String refusalUnder(String rootDir) {
        if (!mutating || reach != Reach.LIVE || rootDir.equals("/")) {
            return null;
        }
        String shown = display();
        if (shown.length() > 160) {
            shown = shown.substring(0, 160) + "...";
        }
        return Check.quote(shown) + " would change the live system (network, mounts, services or devices), which --root "
                + rootDir + " does not redirect; refused under a root that is not / (name the target explicitly, "
                + "e.g. a netns, or run on the live system)";
    }

    /** Throws the {@link #refusalUnder(String) refusal} as a {@link BosunException} when there is one. */
    public void requireRunnableUnder(String rootDir) {
        String why = refusalUnder(rootDir);
        if (why != null) {
            throw new BosunException(why);
        }
    }

    /**
     * The command line as a user would type it, for plans and messages. Input shown by {@link #withShownStdin} is
     * written as {@link Shell#stdin(String)} writes it (so a plan shows exactly what the command is fed), secret-like
     * {@code NAME=value} text in it masked by the {@link Secrets} rule as in every plan; other input is only said to
     * be there, with its size, since it is where a password goes.
     */
    public String display() {
        String line = Shell.quote(argv);
        if (stdin == null) {
            return line;
        }
        return stdinShown ? line + " " + Shell.stdin(Secrets.maskText(stdin))
                : line + " < (standard input, " + stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        + " bytes, not shown)";
    }

    /**
     * @param flag  the option that takes the root directory, e.g. {@code --prefix}
     * @param files host paths the command reads or writes below the root
     */
    public record Prefix(String flag, List<String> files) {
    }
}
