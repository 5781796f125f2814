package dev.bosun.shell.ops;

import java.util.List;

/**
 * A module as the shell knows it.
 *
 * @param name   JS name
 * @param doc    help text
 * @param origin "stdlib" or the plugin id it came from
 * @param ops    its operations, in declaration order
 */
public record ModuleInfo(String name, String doc, String origin, List<OpInfo> ops) {
    public OpInfo op(String opName) {
        for (OpInfo o : ops) {
            if (o.name().equals(opName)) {
                return o;
            }
        }
        return null;
    }
}
