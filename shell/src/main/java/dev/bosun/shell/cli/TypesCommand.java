package dev.bosun.shell.cli;

import dev.bosun.shell.ops.TypeScriptWriter;
import dev.bosun.shell.plugins.PluginSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code bosun types}: TypeScript declarations for editors. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "Print TypeScript declarations of every module (save as bosun.d.ts for editor completion).")
public final class TypesCommand implements Callable<Integer> {
    @ParentCommand
    BosunCommand parent;

    @Override
    public Integer call() {
        try (PluginSet plugins = parent.global.modules(System.err)) {
            System.out.print(TypeScriptWriter.write(plugins.registry()));
            return ExitCodes.OK;
        }
    }
}
