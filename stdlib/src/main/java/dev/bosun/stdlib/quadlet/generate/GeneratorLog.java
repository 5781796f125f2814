package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.api.Doc;

import java.util.ArrayList;
import java.util.List;

/**
 * What the generator logs, in order, worded as Podman's generator logs it ({@code quadlet-generator[PID]: }
 * is added by whoever prints it). Debug lines are printed only with {@code -v} or {@code -dryrun}; an error
 * line means the run fails (Podman's exit status 1).
 */
public final class GeneratorLog {
    /** How a line counts. */
    public enum Level { DEBUG, INFO, ERROR }

    /** One log line. */
    @Doc("A line the generator logs.")
    public record Line(@Doc("DEBUG, INFO (warnings) or ERROR") Level level, @Doc("the text, Podman's wording") String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    void debug(String text) {
        lines.add(new Line(Level.DEBUG, text));
    }

    void info(String text) {
        lines.add(new Line(Level.INFO, text));
    }

    void error(String text) {
        lines.add(new Line(Level.ERROR, text));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** True when an error was logged: Podman's generator would exit 1. */
    public boolean failed() {
        return lines.stream().anyMatch(l -> l.level() == Level.ERROR);
    }
}
