package dev.bosun.shell.cli;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.WriteOptions;
import dev.bosun.shell.ops.Invocation;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.JsonReport;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.stdlib.effect.LocalHostContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bosun scratch-root DIR}: a minimal operating-system tree to try Bosun on with {@code --root DIR}, so
 * that nothing on the real host changes. It holds this host's account files with every password hash removed
 * (a scratch tree in /tmp must not carry them), its login.defs, useradd defaults, shells and skeleton, and its
 * sub-ID files, so that users, groups and sub-IDs behave as they would here. Written through the effect layer and
 * the one invocation path: {@code --dry-run} shows the plan, a real run leaves an audit row in the live host's
 * trail, and running it again on a made root changes nothing.
 */
@Command(name = "scratch-root", mixinStandardHelpOptions = true,
        description = {"Make DIR a minimal operating-system tree to try Bosun on with --root DIR.",
            "It gets this host's account files (password hashes removed), login.defs, useradd defaults, shells, "
                + "skeleton and sub-ID files. DIR must be new or empty; an existing root is left as it is."})
public final class ScratchRootCommand implements Callable<Integer> {
    /** Copied when the host has them; shadow and gshadow are copied with their hash fields replaced. */
    private static final List<String> PLAIN = List.of("/etc/passwd", "/etc/group", "/etc/login.defs",
            "/etc/default/useradd", "/etc/shells", "/etc/subuid", "/etc/subgid");

    @ParentCommand
    BosunCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "the directory to make (new or empty)")
    Path dir;

    @Override
    public Integer call() {
        GlobalOptions g = parent.global;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String base = dir.toAbsolutePath().normalize().toString();
        if (base.equals("/")) {
            throw new UsageException("scratch-root: DIR must not be / (give a new or empty directory)");
        }
        JsonReport report = new JsonReport();
        List<dev.bosun.api.Change> plan = List.of();
        int status = ExitCodes.OK;
        java.util.function.Consumer<String> warn = g.warnings(report, System.err);
        try (LocalHostContext ctx = g.host(Path.of("/"), "scratch-root", warn)) {
            Fs fs = ctx.fs();
            FileStat top = fs.stat(base);
            if (top != null && top.type() != FileStat.Type.DIRECTORY) {
                throw new UsageException("scratch-root: " + dir + " exists and is not a directory");
            }
            if (top != null && fs.exists(base + "/etc/passwd")) {
                say(g, report, out, dir + " is already a root; nothing to do. Try: bosun --root " + dir
                        + " -e 'users.list()'");
            } else if (top != null && !fs.list(base).isEmpty()) {
                throw new UsageException("scratch-root: " + dir + " is not empty and has no etc/passwd; give a new or "
                        + "empty directory");
            } else {
                // Like every change Bosun makes: through the one invocation path, audited write-ahead (no audit, no
                // mutation), planned under --dry-run.
                new Invocation(ctx, warn).run("scratch_root", true, java.util.Map.of("dir", base), () -> {
                    make(fs, base);
                    return null;
                });
                if (g.dryRun && !g.json) {
                    PlanPrinter.print(ctx.plan().changes(), true, out);
                } else if (!g.dryRun) {
                    say(g, report, out, "Made a scratch root at " + dir + " (this host's accounts, without password "
                            + "hashes). Try: bosun --root " + dir + " -e 'users.list({system: false})'");
                }
            }
            plan = ctx.plan().changes();
        } catch (dev.bosun.api.BosunException e) {
            Failures.Failure f = Failures.describe(e, System.err, g.verbose, !g.json);
            report.error(f);
            status = f.status();
        }
        return g.finish(report, status, plan, out);
    }

    /** A line for people, or under --json the document's result. */
    private static void say(GlobalOptions g, JsonReport report, PrintStream out, String text) {
        if (g.json) {
            report.result(text);
        } else {
            out.println(text);
        }
    }

    private static void make(Fs fs, String base) {
        fs.mkdirs(base + "/etc/default", 0755, 0, 0);
        fs.mkdirs(base + "/home", 0755, 0, 0);
        fs.mkdirs(base + "/var/lib", 0755, 0, 0);
        for (String f : PLAIN) {
            copy(fs, f, base, fs.readIfExists(f));
        }
        String shadow = fs.readIfExists("/etc/shadow");
        copy(fs, "/etc/shadow", base, shadow == null ? "" : withoutHashes(shadow, "*"));
        String gshadow = fs.readIfExists("/etc/gshadow");
        copy(fs, "/etc/gshadow", base, gshadow == null ? "" : withoutHashes(gshadow, "!"));
        copyTree(fs, "/etc/skel", base);
    }

    /** The file under the new root, with the host file's mode and owner (0644 root for one the host lacks). */
    private static void copy(Fs fs, String hostPath, String base, String content) {
        FileStat st = fs.stat(hostPath);
        WriteOptions how = st != null && st.type() == FileStat.Type.FILE
                ? WriteOptions.mode(st.mode()).withOwner(st.uid(), st.gid())
                : WriteOptions.mode(hostPath.contains("shadow") ? 0640 : 0644).withOwner(0, 0);
        fs.write(base + hostPath, content == null ? "" : content, how);
    }

    /** Directories and regular files only: links and devices of the host's skeleton are not copied. */
    private static void copyTree(Fs fs, String hostDir, String base) {
        FileStat d = fs.stat(hostDir);
        if (d == null || d.type() != FileStat.Type.DIRECTORY) {
            return;
        }
        fs.mkdirs(base + hostDir, d.mode(), d.uid(), d.gid());
        for (String name : fs.list(hostDir)) {
            String child = Fs.join(hostDir, name);
            FileStat st = fs.stat(child);
            if (st.type() == FileStat.Type.DIRECTORY) {
                copyTree(fs, child, base);
            } else if (st.type() == FileStat.Type.FILE) {
                fs.write(base + child, fs.readBytes(child), WriteOptions.mode(st.mode()).withOwner(st.uid(), st.gid()));
            }
        }
    }

    /** shadow-format lines with the second field (the hash) replaced, so no hash leaves the host's /etc. */
    static String withoutHashes(String text, String placeholder) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int c1 = line.indexOf(':');
            int c2 = c1 < 0 ? -1 : line.indexOf(':', c1 + 1);
            out.append(c2 < 0 ? line : line.substring(0, c1 + 1) + placeholder + line.substring(c2)).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
