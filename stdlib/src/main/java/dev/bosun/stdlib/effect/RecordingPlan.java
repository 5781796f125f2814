package dev.bosun.stdlib.effect;

import dev.bosun.api.Change;
import dev.bosun.api.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The plan of one session, in order; an optional listener sees each change as it is recorded. */
public final class RecordingPlan implements Plan {
    private final List<Change> changes = new ArrayList<>();
    private Consumer<Change> listener;

    /** Called with every change as it is recorded (used by {@code -v} and by dry-run printing in the REPL). */
    public void onChange(Consumer<Change> l) {
        this.listener = l;
    }

    @Override
    public synchronized void record(Change change) {
        changes.add(change);
        if (listener != null) {
            listener.accept(change);
        }
    }

    @Override
    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    @Override
    public synchronized int size() {
        return changes.size();
    }

    /** The changes from index {@code from} on. */
    public synchronized List<Change> since(int from) {
        return List.copyOf(changes.subList(Math.min(from, changes.size()), changes.size()));
    }
}
