package dev.bosun.shell.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bosun completion [bash|zsh]}: a completion script for the bosun command line. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bosun: bash (the default) or zsh.",
            "The distribution installs both. By hand: bosun completion > /etc/bash_completion.d/bosun "
                + "(or: source <(bosun completion)); for zsh, bosun completion zsh > _bosun in a directory of "
                + "$fpath."})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be printed for. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash or zsh (default: bash)")
    Shell shell;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        // Through the command's writer, like every picocli output: a caller that redirects it gets the script.
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.print(switch (shell) {
            case bash -> AutoComplete.bash("bosun", root);
            case zsh -> ZshCompletion.script(root.getCommandSpec());
        });
        out.flush();
        return ExitCodes.OK;
    }
}
