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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One call, the same for every front end (the JS bridge, the CLI subcommands, any other): plain arguments
 * are bound to the declared Java types, a mutating call is audited write-ahead, the operation runs, its
 * row is completed with the outcome, and whatever went wrong becomes one {@link OpFailure} that the front
 * end shows its own way.
 *
 * <p>The order is the contract. Arguments are bound first, so bad input changes nothing, not even by
 * creating the state database. The intent row is committed right before the operation's first effect
 * (the first change it records, or the first state write: {@link RecordingPlan#gate}), so an operation
 * that refuses its input before touching anything leaves no trace either, and one that is killed midway
 * leaves a row that reads {@code interrupted}. When the row cannot be written the effect does not happen
 * and the call fails with {@code refused: the audit trail cannot be written (...)}: the audit fails closed,
 * unless the session runs with {@code --no-audit}, which the plan then notes. An operation that ends
 * without any effect gets its row when it returns (and fails the same way when it cannot). A dry-run writes
 * no rows. A failed operation is recorded as changed only when an effect it recorded was applied
 * ({@link RecordingPlan#changedSince}).
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
        CallSite site = CallSite.of(op);
        Bound b = bind(op, site, plainArgs);
        return run(op.qualifiedName(), op.mutates(), b.audited(), () -> {
            try {
                return (Object) site.handle().invokeExact(op.target(), b.javaArgs());
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t); // neither an Exception nor an Error: cannot be thrown by Java code
            }
        });
    }

    /**
     * What calling a method needs that reflection would work out on every call: a method handle taking the
     * module instance and the arguments as an array, and which parameters are audited as digests.
     */
    private record CallSite(MethodHandle handle, boolean[] digested) {
        /** Per module class, so a plugin's class loader is not kept alive by this cache. */
        private static final ClassValue<Map<Method, CallSite>> SITES = new ClassValue<>() {
            @Override
            protected Map<Method, CallSite> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        static CallSite of(OpInfo op) {
            return SITES.get(op.method().getDeclaringClass()).computeIfAbsent(op.method(), CallSite::make);
        }

        private static CallSite make(Method m) {
            Parameter[] declared = m.getParameters();
            boolean[] digested = new boolean[declared.length];
            for (int i = 0; i < declared.length; i++) {
                digested[i] = declared[i].isAnnotationPresent(AuditDigest.class);
            }
            try {
                MethodHandle h = MethodHandles.lookup().unreflect(m)
                        .asType(MethodType.genericMethodType(declared.length + 1))
                        .asSpreader(Object[].class, declared.length)
                        .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
                return new CallSite(h, digested);
            } catch (IllegalAccessException e) {
                throw new BosunException("cannot call " + m.getDeclaringClass().getSimpleName() + "." + m.getName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs an action named like an operation ({@code plugins.install}) with the given arguments for the audit
     * trail: audited when {@code mutates}, failures classified like an operation's.
     */
    public <T> T run(String name, boolean mutates, Map<String, ?> auditArgs, Action<T> action) {
        AuditedCall audit = mutates ? new AuditedCall(name, auditArgs) : null;
        RecordingPlan plan = host.plan();
        int before = plan.size();
        T result = null;
        Throwable failure = null;
        try {
            if (audit != null) {
                plan.gate(audit::open);
            }
            try {
                result = action.run();
            } finally {
                plan.gate(null);
            }
        } catch (Exception | Error e) {
            failure = e;
        }
        if (failure == null) {
            if (audit != null) {
                audit.succeeded(changed(result, before));
            }
            return result;
        }
        OpFailure f = classify(name, failure);
        if (audit != null) {
            audit.failed(f, plan.changedSince(before));
        }
        throw f;
    }

    private static OpFailure classify(String name, Throwable t) {
        if (t instanceof OpFailure f) {
            return f;
        }
        if (t instanceof InvalidValueException e) {
            return new OpFailure(OpFailure.Kind.BAD_INPUT, name + ": " + e.getMessage(), e);
        }
        if (t instanceof BosunException e) {
            return new OpFailure(OpFailure.Kind.FAILED, name + ": " + e.getMessage(), e);
        }
        if (t instanceof ReflectiveOperationException e) {
            return new OpFailure(OpFailure.Kind.FAILED, name + ": cannot be called: " + e.getMessage(), e);
        }
        return new OpFailure(OpFailure.Kind.INTERNAL, name + ": internal error: " + t
                + " (run with -v for the stack trace)", t);
    }

    private Bound bind(OpInfo op, CallSite site, List<?> plainArgs) {
        List<ParamInfo> params = op.params();
        int offset = op.injectsContext() ? 1 : 0;
        Object[] javaArgs = new Object[params.size() + offset];
        if (offset == 1) {
            javaArgs[0] = host;
        }
        Map<String, Object> audited = op.mutates() ? new LinkedHashMap<>() : null; // only mutating calls are audited
        try {
            for (int i = 0; i < params.size(); i++) {
                ParamInfo p = params.get(i);
                Object plain = i < plainArgs.size() ? plainArgs.get(i) : null;
                if (audited != null) {
                    audited.put(p.name(), site.digested()[i + offset] ? AuditArgs.digest(plain) : plain);
                }
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

    /** The audit side of one mutating call: its row, written at the first effect or at the end. */
    private final class AuditedCall {
        private final String name;
        private final Map<String, ?> args;
        private long row = NO_ROW;
        private OpFailure refusal;

        AuditedCall(String name, Map<String, ?> args) {
            this.name = name;
            this.args = args;
        }

        /** The gate before the first effect: the intent row, or under --no-audit the plan's note. */
        void open() {
            if (!host.audited()) {
                noteUnaudited();
                return;
            }
            if (refusal != null) {
                throw refusal;
            }
            host.prepareStateDirectory(); // planned alike in a dry-run, where no row is written
            if (host.dryRun()) {
                return;
            }
            try {
                row = AuditLog.begin(host, name, AuditArgs.json(args));
            } catch (RuntimeException e) {
                refusal = new OpFailure(OpFailure.Kind.FAILED, name + ": refused: the audit trail cannot be written ("
                        + (e.getMessage() == null ? e.toString() : e.getMessage())
                        + "); nothing was changed (use --no-audit to run without it)", e);
                throw refusal;
            }
        }

        private boolean recorded() {
            return host.audited() && !host.dryRun();
        }

        void succeeded(boolean changed) {
            if (refusal != null) {
                throw refusal; // the operation swallowed the refusal; none of its effects was applied
            }
            if (row != NO_ROW) {
                complete(Outcome.OK, changed, null);
            } else if (recorded()) {
                // No effect was recorded, so nothing changed; without its row the call still counts as refused.
                open();
                complete(Outcome.OK, changed, null);
            }
        }

        void failed(OpFailure f, boolean changed) {
            if (refusal != null) {
                throw refusal; // the operation failed because its effect was refused
            }
            Outcome outcome = f.kind() == OpFailure.Kind.BAD_INPUT ? Outcome.REFUSED : Outcome.ERROR;
            String error = f.getMessage().startsWith(name + ": ") ? f.getMessage().substring(name.length() + 2)
                    : f.getMessage();
            if (row == NO_ROW && (outcome == Outcome.REFUSED || !recorded())) {
                return; // refused before any effect: bad input leaves no trace
            }
            try {
                if (row == NO_ROW) {
                    open();
                }
                complete(outcome, changed, error);
            } catch (OpFailure e) {
                warn.accept("audit: " + name + " failed and its failure could not be recorded: " + e.getMessage());
            }
        }

        private void complete(Outcome outcome, boolean changed, String error) {
            try {
                AuditLog.complete(host, row, outcome, changed, error);
            } catch (RuntimeException e) {
                // The operation has run; failing it now would hide that. Its intent row stays and reads as interrupted.
                warn.accept("audit: could not record how " + name + " ended (its row reads as interrupted): "
                        + e.getMessage());
            }
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
