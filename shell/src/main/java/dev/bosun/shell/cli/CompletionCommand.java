package dev.bosun.shell.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bosun completion}: a bash/zsh completion script for the bosun command line. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for bosun.",
            "Install: bosun completion > /etc/bash_completion.d/bosun  (or: source <(bosun completion))"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        System.out.print(AutoComplete.bash("bosun", root));
        return ExitCodes.OK;
    }
}
