package dev.bosun.stdlib.effect;

import dev.bosun.api.Change;
import dev.bosun.api.Plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The plan of one session, in order; an optional listener sees each change as it is recorded. Changes are
 * recorded before they are applied, so the plan also remembers which ones an effect recorded and then failed
 * to apply: a failed operation that changed nothing is not reported (or audited) as having changed the host.
 */
public final class RecordingPlan implements Plan {
    private final List<Change> changes = new ArrayList<>();
    private final BitSet notApplied = new BitSet();
    private Consumer<Change> listener;
    private Runnable gate;

    /** Called with every change as it is recorded (used by {@code -v} and by dry-run printing in the REPL). */
    public void onChange(Consumer<Change> l) {
        this.listener = l;
    }

    /**
     * Arms (or, with null, disarms) what must happen right before the next effect: the audit's intent row.
     * It runs once, when the first change that is not a note is recorded or a state write begins, which is
     * before that effect is applied. While it fails it stays armed and every effect fails with it, so an
     * operation cannot change the host unaudited by catching the failure and going on.
     */
    public synchronized void gate(Runnable g) {
        this.gate = g;
    }

    /** Runs the armed gate, if any (the effect layer calls this before each effect it applies). */
    synchronized void effect() {
        if (gate == null) {
            return;
        }
        Runnable g = gate;
        gate = null; // the gate's own work (writing the audit row) is no effect of the operation
        try {
            g.run();
        } catch (RuntimeException | Error e) {
            gate = g;
            throw e;
        }
    }

    @Override
    public synchronized void record(Change change) {
        if (change.kind() != Change.Kind.NOTE) {
            effect();
        }
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

    /**
     * Runs one effect. When it throws, the changes it recorded did not happen: file effects are atomic (the
     * file is fully old), a failing command is taken at its word, a failed state write is rolled back.
     */
    <T> T tracking(Supplier<T> effect) {
        int from = size();
        try {
            return effect.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                notApplied.set(from, changes.size());
            }
            throw e;
        }
    }

    /** True when a change recorded from index {@code from} on was applied; notes are not changes of the host. */
    public synchronized boolean changedSince(int from) {
        for (int i = from; i < changes.size(); i++) {
            if (!notApplied.get(i) && changes.get(i).kind() != Change.Kind.NOTE) {
                return true;
            }
        }
        return false;
    }

    /** The changes from index {@code from} on. */
    public synchronized List<Change> since(int from) {
        return List.copyOf(changes.subList(Math.min(from, changes.size()), changes.size()));
    }
}
