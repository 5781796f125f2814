package dev.bosun.shell.js;

import dev.bosun.api.BosunException;
import dev.bosun.api.InvalidValueException;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.ops.ParamInfo;
import dev.bosun.stdlib.audit.AuditLog;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation as a JS function: JS arguments are copied to plain data and bound to the declared
 * Java types (a bad one is a {@code TypeError} naming {@code module.op} and the parameter), the
 * method runs with the session's {@link dev.bosun.api.HostContext}, an applied mutating call leaves
 * an audit row, and the result comes back as plain JS objects and arrays.
 */
public final class OpFunction implements ProxyExecutable {
    private final OpInfo op;
    private final Session session;

    OpFunction(OpInfo op, Session session) {
        this.op = op;
        this.session = session;
    }

    public OpInfo op() {
        return op;
    }

    @Override
    public Object execute(Value... args) {
        String q = op.qualifiedName();
        List<ParamInfo> params = op.params();
        int offset = op.injectsContext() ? 1 : 0;
        Object[] javaArgs = new Object[params.size() + offset];
        if (offset == 1) {
            javaArgs[0] = session.host();
        }
        Map<String, Object> given = new LinkedHashMap<>();
        try {
            if (args.length > params.size()) {
                throw new InvalidValueException("arguments", "are " + args.length + ", but " + q + " takes at most "
                        + params.size());
            }
            for (int i = 0; i < params.size(); i++) {
                ParamInfo p = params.get(i);
                Object plain = i < args.length ? session.plain(args[i], p.name()) : null;
                given.put(p.name(), plain);
                javaArgs[i + offset] = bind(p, plain);
            }
        } catch (InvalidValueException e) {
            throw session.errors().typeError(q + ": " + e.getMessage());
        } catch (BosunException e) {
            throw session.errors().error(q + ": " + e.getMessage());
        }
        int planBefore = session.host().plan().size();
        Object result = null;
        String failure = null;
        boolean refused = false;
        try {
            result = op.method().invoke(op.target(), javaArgs);
            return session.toJs(result);
        } catch (InvocationTargetException ite) {
            Throwable cause = ite.getCause();
            failure = cause.getMessage();
            if (cause instanceof InvalidValueException) {
                refused = true; // bad input changes nothing, not even the audit trail
                throw session.errors().typeError(q + ": " + cause.getMessage());
            }
            if (cause instanceof BosunException) {
                throw session.errors().error(q + ": " + cause.getMessage());
            }
            session.reportInternal(q, cause);
            failure = "internal error: " + cause;
            throw session.errors().error(q + ": internal error: " + cause + " (run with -v for the stack trace)");
        } catch (IllegalAccessException e) {
            failure = e.toString();
            throw session.errors().error(q + ": cannot be called: " + e.getMessage());
        } finally {
            if (op.mutates() && !session.host().dryRun() && !refused) {
                audit(given, result, planBefore, failure);
            }
        }
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

    private void audit(Map<String, Object> given, Object result, int planBefore, String failure) {
        boolean changed = changed(result, planBefore);
        try {
            AuditLog.append(session.host(), op.qualifiedName(), JsonCodec.redacted(given, AuditLog.SECRET_KEY),
                    changed, failure);
        } catch (RuntimeException e) {
            // The operation has happened; a failing audit write must be visible but must not hide that.
            session.warn("audit: could not record " + op.qualifiedName() + ": " + e.getMessage());
        }
    }

    /** A result's own {@code changed} flag when it has one, else whether the plan grew. */
    private boolean changed(Object result, int planBefore) {
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
        return session.host().plan().size() > planBefore;
    }

    @Override
    public String toString() {
        return "[operation " + op.qualifiedName() + "]";
    }
}
