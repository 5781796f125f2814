package dev.bosun.shell.cli;

import dev.bosun.shell.render.JsonReport;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.generate.GeneratedUnit;
import dev.bosun.stdlib.quadlet.generate.GeneratorInvocation;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.LocalSourceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code bosun quadlet generate}: Podman's Quadlet generator, runnable in its place, without the JS engine. */
@Command(name = "quadlet", mixinStandardHelpOptions = true, description = "Podman Quadlet.",
        subcommands = QuadletCommand.Generate.class)
public final class QuadletCommand {
    @ParentCommand
    BosunCommand parent;

    /** {@code bosun quadlet generate [-user] [-dryrun] [-no-kmsg-log] [-version] [OUTDIR...]}. */
    @Command(name = "generate", usageHelpAutoWidth = true,
            description = {"Podman's Quadlet generator: reads the units (QUADLET_UNIT_DIRS, else the system or, with -user, "
                + "the user's Quadlet directories), writes a service per unit and the [Install] links into OUTDIR, or with "
                + "-dryrun prints them as ---NAME.service--- blocks. Same flags, environment (QUADLET_UNIT_DIRS, PODMAN), log "
                + "lines and output as Podman's binary.",
                "Unlike Podman's (which logs and goes on), it exits 1 when any unit fails, and names each failed unit and "
                + "the key at fault on its last lines. Log lines go to stderr (-no-kmsg-log is accepted and implied)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every unit was converted (warnings allowed)", "1:a unit failed, or could not be read or written",
                "2:usage error"})
    static final class Generate implements Callable<Integer> {
        /** The environment the generator reads (QUADLET_UNIT_DIRS, PODMAN, XDG_*, HOME); tests run it with their own. */
        static Supplier<Map<String, String>> environment = System::getenv;

        @ParentCommand
        QuadletCommand quadlet;

        @Option(names = {"-user", "--user"}, description = "Run as the systemd user generator (rootless).")
        boolean user;

        @Option(names = {"-dryrun", "--dryrun"}, description = "Print the services instead of writing them (debug lines too).")
        boolean dryRun;

        @Option(names = {"-no-kmsg-log", "--no-kmsg-log"}, description = "Log to stderr, not /dev/kmsg (Bosun always does).")
        boolean noKmsg;

        @Option(names = {"-version", "--version"}, description = "Print the Podman version whose generator this follows and exit.")
        boolean version;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--podman", paramLabel = "VERSION",
                description = "Podman release to follow, 4.4 to 6.0 (default: 6.0-dev).")
        String podman;

        @Parameters(paramLabel = "OUTDIR", arity = "0..*",
                description = "Output directories (systemd passes three); services and links go into the first.")
        List<String> outputDirs = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            GlobalOptions g = quadlet.parent.global;
            if (g.root != null) {
                throw new UsageException("quadlet generate reads the host's directories; --root is not supported "
                        + "(set QUADLET_UNIT_DIRS instead)");
            }
            PodmanVersion target;
            try {
                target = podman == null ? PodmanVersion.NEWEST : PodmanVersion.parse("--podman", podman);
            } catch (dev.bosun.api.InvalidValueException e) {
                throw new UsageException("quadlet generate: " + e.getMessage());
            }
            if (target.compareTo(dev.bosun.stdlib.quadlet.generate.QuadletGenerator.FIRST_RELEASE) < 0) {
                throw new UsageException("quadlet generate: Podman " + target.shortText() + " has no Quadlet generator "
                        + "(it came with Podman 4.4): the units would never be read");
            }
            if (version) {
                if (g.json) {
                    JsonReport report = new JsonReport();
                    report.result(GeneratorInvocation.versionText(target));
                    report.write(System.out);
                } else {
                    System.out.println(GeneratorInvocation.versionText(target));
                }
                return ExitCodes.OK;
            }
            if (target.compareTo(PodmanVersion.parse("v", "5.3")) < 0) {
                System.err.println("bosun quadlet generate: note: Podman " + target.shortText() + " wrote its options in "
                        + "another order; the words follow " + target.shortText() + " (--name=X, ...), the order is 5.3's "
                        + "(docs/quadlet.md lists what else is not modelled)");
            }
            boolean dry = dryRun || g.dryRun;
            GeneratorInvocation invocation = new GeneratorInvocation(user, dry, outputDirs, environment.get(), uid(), target,
                    "bosun quadlet generate");
            GeneratorInvocation.Outcome o = invocation.run(new LocalSourceFiles(), p -> Files.exists(Path.of(p)));
            if (!g.json) {
                // Under --json the -dryrun blocks are not printed: the units (with their text) are the result.
                System.out.print(o.stdout());
                System.out.flush();
            }
            String prefix = "quadlet-generator[" + ProcessHandle.current().pid() + "]: ";
            boolean debug = dry || g.verbose;
            for (GeneratorLog.Line l : o.log().lines()) {
                if (debug || l.level() != GeneratorLog.Level.DEBUG) {
                    System.err.println(prefix + l.text());
                }
            }
            if (o.exitStatus() != 0) {
                System.err.println(prefix + "processing encountered some errors");
                for (GeneratedUnit u : o.units()) {
                    if (!u.ok()) {
                        System.err.println("bosun quadlet generate: " + u.source() + " failed" + (u.errorKey() == null ? ""
                                : " at " + u.errorKey() + (u.errorLine() == null ? "" : " (line " + u.errorLine() + ")"))
                                + ": " + u.error().substring(u.error().indexOf(": ") + 2));
                    }
                }
            }
            if (g.json) {
                JsonReport report = new JsonReport();
                report.result(o.units());
                if (o.exitStatus() != 0) {
                    report.error(null, null, "quadlet generate: " + o.units().stream().filter(u -> !u.ok()).count()
                            + " unit(s) failed (each with its error in result)");
                }
                report.write(System.out);
            }
            return o.exitStatus() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        /** The caller's uid, for the rootless per-user directories ({@code /etc/containers/systemd/users/UID}). */
        private static int uid() throws IOException {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        }
    }
}
