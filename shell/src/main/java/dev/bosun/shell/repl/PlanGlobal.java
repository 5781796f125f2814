package dev.bosun.shell.repl;

import dev.bosun.api.Change;
import dev.bosun.shell.render.Palette;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.PrintStream;
import java.util.List;

/**
 * The REPL's {@code plan()}: prints the changes of the session so far (planned under {@code -n}, applied
 * otherwise); {@code plan.reset()} starts the list afresh. Reset forgets what was shown, not what a dry-run
 * already planned: the dry-run's view of the host keeps its planned writes, as the next calls see them.
 */
final class PlanGlobal implements ProxyExecutable, ProxyObject {
    static final String HELP = "plan() prints the changes of this session so far (under -n: the plan); "
            + "plan.reset() starts the list afresh";

    private final LocalHostContext host;
    private final PrintStream out;
    private final Palette palette;
    private final Value undefined;
    private int from;

    PlanGlobal(LocalHostContext host, PrintStream out, Palette palette, Value undefined) {
        this.host = host;
        this.out = out;
        this.palette = palette;
        this.undefined = undefined;
    }

    /** The changes plan() shows. */
    List<Change> changes() {
        return host.plan().since(from);
    }

    @Override
    public Object execute(Value... arguments) {
        PlanPrinter.print(changes(), host.dryRun(), out, palette);
        return undefined;
    }

    @Override
    public Object getMember(String key) {
        if ("reset".equals(key)) {
            return (ProxyExecutable) a -> {
                from = host.plan().size();
                return undefined;
            };
        }
        return null;
    }

    @Override
    public Object getMemberKeys() {
        return org.graalvm.polyglot.proxy.ProxyArray.fromArray((Object) "reset");
    }

    @Override
    public boolean hasMember(String key) {
        return "reset".equals(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("plan is read-only");
    }

    @Override
    public String toString() {
        return HELP;
    }
}
