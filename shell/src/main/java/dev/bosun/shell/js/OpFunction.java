package dev.bosun.shell.js;

import dev.bosun.api.BosunException;
import dev.bosun.api.InvalidValueException;
import dev.bosun.shell.ops.Invocation;
import dev.bosun.shell.ops.OpFailure;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.ops.ParamInfo;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation as a JS function: JS arguments are copied to plain data (a value that is not data is a
 * {@code TypeError} naming {@code module.op} and the parameter), and the call runs through the one
 * {@link Invocation} path every front end shares (binding, audit, errors); its failures become JS errors
 * here and the result comes back as plain JS objects and arrays.
 */
public final class OpFunction implements ProxyExecutable {
    private final OpInfo op;
    private final String qualifiedName;
    private final Session session;

    OpFunction(OpInfo op, Session session) {
        this.op = op;
        this.qualifiedName = op.qualifiedName();
        this.session = session;
    }

    public OpInfo op() {
        return op;
    }

    @Override
    public Object execute(Value... args) {
        String q = qualifiedName;
        List<ParamInfo> params = op.params();
        List<Object> plain = new ArrayList<>(params.size());
        try {
            if (args.length > params.size()) {
                throw new InvalidValueException("arguments", "are " + args.length + ", but " + q + " takes at most "
                        + params.size());
            }
            for (int i = 0; i < args.length; i++) {
                plain.add(session.plain(args[i], params.get(i).name()));
            }
        } catch (InvalidValueException e) {
            throw session.errors().typeError(q + ": " + e.getMessage());
        } catch (BosunException e) {
            throw session.errors().error(q + ": " + e.getMessage());
        }
        Object result;
        try {
            result = new Invocation(session.host(), session::warn).call(op, plain);
        } catch (OpFailure f) {
            switch (f.kind()) {
                case BAD_INPUT -> throw session.errors().typeError(f.getMessage());
                case INTERNAL -> {
                    session.reportInternal(q, f.getCause());
                    throw session.errors().error(f.getMessage());
                }
                default -> throw session.errors().error(f.getMessage());
            }
        }
        return session.toJs(result);
    }

    @Override
    public String toString() {
        return "[operation " + op.qualifiedName() + "]";
    }
}
