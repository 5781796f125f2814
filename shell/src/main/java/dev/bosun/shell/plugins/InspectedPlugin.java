package dev.bosun.shell.plugins;

import java.util.List;

/**
 * What a plugin declares, read from its files without running any of it ({@link PluginInspector}).
 *
 * @param id          plugin id (follows {@link PluginId#RULE})
 * @param version     plugin version (semantic)
 * @param requires    the Bosun API versions it accepts ({@code *} for any)
 * @param provider    who made it, or ""
 * @param description what it is for, or ""
 * @param declared    its modules, at least one
 */
public record InspectedPlugin(String id, String version, String requires, String provider, String description,
                              List<Module> declared) {
    public InspectedPlugin {
        declared = List.copyOf(declared);
    }

    /** The module names, in the order found. */
    public List<String> modules() {
        return declared.stream().map(Module::name).toList();
    }

    /**
     * A module as its class file declares it.
     *
     * @param className binary name of the {@code @Extension} class
     * @param name      {@code @Module(name)}
     * @param doc       {@code @Module(doc)}
     * @param ops       its {@code @Op} methods, by name
     */
    public record Module(String className, String name, String doc, List<Op> ops) {
        public Module {
            ops = List.copyOf(ops);
        }
    }

    /**
     * An operation as its {@code @Op} annotation declares it.
     *
     * @param name    JS name ({@code @Op(name)}, else the method name)
     * @param doc     {@code @Op(doc)}
     * @param mutates {@code @Op(mutates)}
     */
    public record Op(String name, String doc, boolean mutates) {
    }
}
