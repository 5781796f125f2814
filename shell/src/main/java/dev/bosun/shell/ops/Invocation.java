package dev.bosun.shell.ops;

import dev.bosun.api.AuditDigest;
import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.InvalidValueException;
import dev.bosun.shell.js.JsonCodec;
import dev.bosun.stdlib.audit.AuditArgs;
import dev.bosun.stdlib.audit.AuditLog;
import dev.bosun.stdlib.audit.AuditLog.Outcome;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.effect.RecordingPlan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One call, the same for every front end (the JS bridge, the CLI subcommands, any other): plain arguments
 * are bound to the declared Java types, a mutating call writes its audit intent row, the operation runs,
 * the row is completed with the outcome, and whatever went wrong becomes one {@link OpFailure} that the
 * front end shows its own way.
 *
 * <p>The order is the contract. Arguments are bound first, so bad input changes nothing, not even by
 * creating the state database. The intent row is committed before the operation runs; when it cannot be
 * written the operation does not run (the audit fails closed) unless the session was started with
 * {@code --no-audit}, which the plan then notes. A dry-run writes no rows. An operation that failed is
 * recorded as changed only when an effect it recorded was applied ({@link RecordingPlan#changedSince}).
 */
public final class Invocation {
    private static final long NO_ROW = -1;

    /** A front end's own action (e.g. installing a plugin), run like an operation. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    private record Bound(Object[] javaArgs, Map<String, Object> audited) {
    }

    private final LocalHostContext host;
    private final Consumer<String> warn;

    /** {@code warn} receives the rare message that must not fail the call (an audit row that could not be completed). */
    public Invocation(LocalHostContext host, Consumer<String> warn) {
        this.host = host;
        this.warn = warn;
    }

    /** Calls an operation with plain arguments (maps, lists, strings, numbers), by position; missing ones are null. */
    public Object call(OpInfo op, List<?> plainArgs) {
        Bound b = bind(op, plainArgs);
        return run(op.qualifiedName(), op.mutates(), b.audited(), () -> {
            try {
                return op.method().invoke(op.target(), b.javaArgs());
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception x) {
                    throw x;
                }
                if (e.getCause() instanceof Error x) {
                    throw x;
                }
                throw e;
            }
        });
    }

    /**
     * Runs an action named like an operation ({@code plugins.install}) with the given arguments for the audit
     * trail: audited when {@code mutates}, failures classified like an operation's.
     */
    public <T> T run(String name, boolean mutates, Map<String, ?> auditArgs, Action<T> action) {
        long row = mutates ? intent(name, auditArgs) : NO_ROW;
        RecordingPlan plan = host.plan();
        int before = plan.size();
        T result;
        try {
            result = action.run();
        } catch (InvalidValueException e) {
            finish(row, name, Outcome.REFUSED, plan.changedSince(before), e.getMessage());
            throw new OpFailure(OpFailure.Kind.BAD_INPUT, name + ": " + e.getMessage(), e);
        } catch (BosunException e) {
            finish(row, name, Outcome.ERROR, plan.changedSince(before), e.getMessage());
            throw new OpFailure(OpFailure.Kind.FAILED, name + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            finish(row, name, Outcome.ERROR, false, e.toString());
            throw new OpFailure(OpFailure.Kind.FAILED, name + ": cannot be called: " + e.getMessage(), e);
        } catch (Exception | Error e) {
            finish(row, name, Outcome.ERROR, plan.changedSince(before), "internal error: " + e);
            throw new OpFailure(OpFailure.Kind.INTERNAL, name + ": internal error: " + e
                    + " (run with -v for the stack trace)", e);
        }
        finish(row, name, Outcome.OK, changed(result, before), null);
        return result;
    }

    private Bound bind(OpInfo op, List<?> plainArgs) {
        List<ParamInfo> params = op.params();
        int offset = op.injectsContext() ? 1 : 0;
        Object[] javaArgs = new Object[params.size() + offset];
        if (offset == 1) {
            javaArgs[0] = host;
        }
        Parameter[] declared = op.method().getParameters();
        Map<String, Object> audited = new LinkedHashMap<>();
        try {
            for (int i = 0; i < params.size(); i++) {
                ParamInfo p = params.get(i);
                Object plain = i < plainArgs.size() ? plainArgs.get(i) : null;
                audited.put(p.name(), declared[i + offset].isAnnotationPresent(AuditDigest.class)
                        ? AuditArgs.digest(plain) : plain);
                javaArgs[i + offset] = bind(p, plain);
            }
        } catch (InvalidValueException e) {
            throw new OpFailure(OpFailure.Kind.BAD_INPUT, op.qualifiedName() + ": " + e.getMessage(), e);
        } catch (BosunException e) {
            throw new OpFailure(OpFailure.Kind.FAILED, op.qualifiedName() + ": " + e.getMessage(), e);
        }
        return new Bound(javaArgs, audited);
    }

    private static Object bind(ParamInfo p, Object plain) {
        if (plain == null) {
            if (!p.optional()) {
                throw new InvalidValueException(p.name(), "is required");
            }
            // A left-out record parameter is built from {} so the record's own defaults apply.
            if (p.type() instanceof Class<?> c && c.isRecord()) {
                return JsonCodec.convert(Map.of(), c, p.name());
            }
            return p.type() == boolean.class ? Boolean.FALSE : null;
        }
        if (p.type() instanceof Class<?> c && c.isRecord() && plain instanceof Map<?, ?> m) {
            requirePrimitives(c, m, p.name());
        }
        return JsonCodec.convert(plain, p.type(), p.name());
    }

    /** Jackson would default a missing primitive component to 0/false; a missing required field is an error. */
    private static void requirePrimitives(Class<?> record, Map<?, ?> given, String param) {
        for (RecordComponent rc : record.getRecordComponents()) {
            if (rc.getType().isPrimitive() && !rc.isAnnotationPresent(dev.bosun.api.Optional.class)
                    && !given.containsKey(rc.getName())) {
                throw new InvalidValueException(param + "." + rc.getName(), "is required");
            }
        }
    }

    /** The intent row's id; the call is refused when it cannot be written. */
    private long intent(String name, Map<String, ?> args) {
        if (!host.audited()) {
            noteUnaudited();
            return NO_ROW;
        }
        if (host.dryRun()) {
            return NO_ROW;
        }
        try {
            return AuditLog.begin(host, name, AuditArgs.json(args));
        } catch (RuntimeException e) {
            throw new OpFailure(OpFailure.Kind.FAILED, name + ": refused: the audit trail cannot be written ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + "); nothing was changed (use --no-audit to run without it)", e);
        }
    }

    /** The plan says once that this run is not audited, before the first change it would have recorded. */
    private void noteUnaudited() {
        RecordingPlan plan = host.plan();
        synchronized (plan) {
            if (plan.changes().stream().noneMatch(c -> c.kind() == Change.Kind.NOTE && c.target().equals("audit"))) {
                plan.record(Change.note("audit", "not audited (--no-audit): the changes of this run leave no "
                        + "audit row"));
            }
        }
    }

    private void finish(long row, String name, Outcome outcome, boolean changed, String error) {
        if (row == NO_ROW) {
            return;
        }
        try {
            AuditLog.complete(host, row, outcome, changed, error);
        } catch (RuntimeException e) {
            // The operation has run; failing it now would hide that. Its intent row stays and reads as interrupted.
            warn.accept("audit: could not record how " + name + " ended (its row reads as interrupted): "
                    + e.getMessage());
        }
    }

    /** A result's own {@code changed} flag when it has one, else whether an effect it recorded was applied. */
    private boolean changed(Object result, int before) {
        if (result != null && result.getClass().isRecord()) {
            for (RecordComponent rc : result.getClass().getRecordComponents()) {
                if (rc.getName().equals("changed") && rc.getType() == boolean.class) {
                    try {
                        return (Boolean) rc.getAccessor().invoke(result);
                    } catch (ReflectiveOperationException e) {
                        break;
                    }
                }
            }
        }
        return host.plan().changedSince(before);
    }
}
