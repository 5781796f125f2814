package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.util.function.Function;

/**
 * Runs work on a dry-run view of the session's host: the same root and state database, writes into a scratch copy,
 * mutating commands planned and not run. So {@code compartments.plan} is, by construction, what {@code apply} under
 * --dry-run shows, and {@code status} is the plan that would bring the host back to the applied spec.
 */
final class PlanView {
    private PlanView() {
    }

    static <T> T run(HostContext ctx, Function<HostContext, T> work) {
        if (ctx.dryRun()) {
            return work.apply(ctx);
        }
        if (!(ctx instanceof LocalHostContext)) {
            throw new BosunException("planning needs a dry-run view of the host, which this host context ("
                    + ctx.getClass().getSimpleName() + ") cannot give");
        }
        try (LocalHostContext view = LocalHostContext.open(ctx.root(), true, ctx.state().path(), ctx.source())) {
            view.withoutAudit();
            return work.apply(view);
        }
    }
}
