package dev.bosun.shell.js;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * A global function of the shell ({@code help}, {@code exit}) that, typed without parentheses, prints how to call it
 * (as Python's {@code exit} does) instead of an internal object name.
 */
final class UsageFunction implements ProxyExecutable {
    private final String usage;
    private final ProxyExecutable body;

    UsageFunction(String usage, ProxyExecutable body) {
        this.usage = usage;
        this.body = body;
    }

    @Override
    public Object execute(Value... arguments) {
        return body.execute(arguments);
    }

    @Override
    public String toString() {
        return usage;
    }
}
