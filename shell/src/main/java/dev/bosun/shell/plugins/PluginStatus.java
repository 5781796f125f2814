package dev.bosun.shell.plugins;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin as {@code bosun plugins list} shows it.
 *
 * @param id          plugin id, or the file name when no descriptor could be read
 * @param version     plugin version, or "" when unknown
 * @param state       {@link State}
 * @param modules     the modules it contributes (empty unless loaded)
 * @param source      where it was found
 * @param requires    the Bosun API versions it accepts ("*" for any), or "" when unknown
 * @param provider    who made it, or ""
 * @param description what it is for, or ""
 * @param reason      why it was skipped, or null
 */
public record PluginStatus(String id, String version, State state, List<String> modules, Path source,
                           String requires, String provider, String description, String reason) {

    public enum State {
        /** Started and its modules are registered. */
        LOADED("loaded"),
        /** Found but not used; {@code reason} says why. */
        SKIPPED("skipped"),
        /** Turned off in the plugin directory's disabled.txt/enabled.txt. */
        DISABLED("disabled");

        private final String label;

        State(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One line for a failure: the outermost message that says something of its own (wrappers whose
     * message is just their cause's toString, or none, are skipped), folded onto one line.
     */
    static String describe(Throwable t) {
        Throwable best = t;
        while (best.getCause() != null && best.getCause() != best
                && (best.getMessage() == null || best.getMessage().isBlank()
                || best.getMessage().equals(best.getCause().toString()))) {
            best = best.getCause();
        }
        String msg = best.getMessage();
        String text = msg == null || msg.isBlank() ? best.getClass().getName()
                : best instanceof org.pf4j.PluginRuntimeException || best instanceof dev.bosun.api.BosunException
                ? msg : best.getClass().getSimpleName() + ": " + msg;
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
