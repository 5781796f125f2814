package dev.bosun.stdlib.effect;

import dev.bosun.api.Command;
import dev.bosun.api.Exec;
import dev.bosun.api.ExecResult;

/** The commands modules run, through {@link RecordingPlan#tracking}: a command that failed is not counted as a change. */
final class TrackedExec implements Exec {
    private final Exec exec;
    private final RecordingPlan plan;

    TrackedExec(Exec exec, RecordingPlan plan) {
        this.exec = exec;
        this.plan = plan;
    }

    @Override
    public ExecResult run(Command command) {
        return plan.tracking(() -> exec.run(command));
    }

    @Override
    public boolean available(String program) {
        return exec.available(program);
    }
}
