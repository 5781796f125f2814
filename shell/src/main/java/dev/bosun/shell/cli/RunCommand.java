package dev.bosun.shell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bosun run FILE [ARGS...]}: runs a script as an ES module. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a JavaScript (ES module) script.",
            "The script sees its arguments as `args`, the modules as globals and as `bosun:<module>` imports, "
                + "and ends with exit(code). Bosun's own options go before FILE; everything after FILE is passed "
                + "to the script, options included."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    BosunCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the script (.js or .mjs)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the script")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("run: " + file + ": no such script");
        }
        Path real = file.toRealPath();
        try (Launch launch = Launch.open(parent.global, System.out, System.err, real.toString(), real.getParent(),
                args)) {
            return launch.execute(() -> launch.session.runModule(real), false);
        }
    }
}
