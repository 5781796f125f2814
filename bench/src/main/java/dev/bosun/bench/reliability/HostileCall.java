package dev.bosun.bench.reliability;

import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.ops.ParamInfo;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of the sweep: an operation with a hostile value in one slot and valid samples in every other
 * required position, as JS source, with the verdict the declaration gives the value.
 */
record HostileCall(OpInfo op, Slot slot, HostileValue value, String js, Slot.Verdict verdict) {

    /** {@code users.ensure(spec.name = true)}, for reports. */
    String describe() {
        List<String> names = new ArrayList<>(op.params().stream().map(ParamInfo::name).toList());
        names.add("(extra argument)");
        return op.qualifiedName() + "(" + slot.label(names) + " = " + value.label() + ")";
    }

    /** Every hostile call of one operation: each slot times each hostile value. */
    static List<HostileCall> of(OpInfo op) {
        List<HostileCall> out = new ArrayList<>();
        for (Slot s : slots(op)) {
            for (HostileValue v : HostileValue.ALL) {
                out.add(new HostileCall(op, s, v, call(op, s, v.js()), s.verdict(v)));
            }
        }
        return out;
    }

    /** The call with every required parameter valid and the optional ones left out: it should succeed. */
    static String validCall(OpInfo op) {
        return call(op, null, null);
    }

    /**
     * The slots of an operation: each parameter; for a record parameter each component; for a list or map
     * (parameter or component) one element. An operation without parameters gets one extra argument.
     */
    static List<Slot> slots(OpInfo op) {
        List<Slot> out = new ArrayList<>();
        List<ParamInfo> params = op.params();
        for (int i = 0; i < params.size(); i++) {
            ParamInfo p = params.get(i);
            Type t = p.type();
            out.add(new Slot(i, null, "", p.name(), t, !p.optional(), null));
            elements(out, i, null, p.name(), t, null, null);
            Class<?> raw = Slot.raw(t);
            if (raw.isRecord()) {
                for (RecordComponent rc : raw.getRecordComponents()) {
                    Type ct = rc.getGenericType();
                    out.add(new Slot(i, rc.getName(), "", rc.getName(), ct, Slot.requiredComponent(rc), raw));
                    elements(out, i, rc.getName(), rc.getName(), ct, raw, rc.getAnnotatedType());
                }
            }
        }
        if (params.isEmpty()) {
            out.add(new Slot(0, null, "", "extra", Object.class, false, null));
        }
        return out;
    }

    /** One element slot of a list or map; null is a value there only where the type use is @Nullable. */
    private static void elements(List<Slot> out, int param, String field, String name, Type t, Class<?> owner,
                                 java.lang.reflect.AnnotatedType annotated) {
        Class<?> raw = Slot.raw(t);
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            out.add(new Slot(param, field, "[0]", name, Slot.elementType(t), !nullableArgument(annotated, 0), owner));
        } else if (Map.class.isAssignableFrom(raw)) {
            out.add(new Slot(param, field, "{KEY}", name, Slot.valueType(t), !nullableArgument(annotated, 1), owner));
        }
    }

    private static boolean nullableArgument(java.lang.reflect.AnnotatedType annotated, int index) {
        return annotated instanceof java.lang.reflect.AnnotatedParameterizedType apt
                && apt.getAnnotatedActualTypeArguments().length > index
                && apt.getAnnotatedActualTypeArguments()[index].isAnnotationPresent(dev.bosun.api.Nullable.class);
    }

    /** The JS call; {@code slot} null gives the all-valid call. */
    private static String call(OpInfo op, Slot slot, String value) {
        List<String> args = new ArrayList<>();
        int n = Math.max(op.params().size(), slot == null ? 0 : slot.param() + 1);
        for (int i = 0; i < n; i++) {
            boolean optional = i >= op.params().size() || op.params().get(i).optional();
            String valid = i < op.params().size() ? Samples.param(op, op.params().get(i)) : "undefined";
            if (slot != null && slot.param() == i) {
                args.add(slot.place(value, valid));
            } else {
                args.add(optional ? "undefined" : valid);
            }
        }
        while (!args.isEmpty() && args.getLast().equals("undefined")
                && (slot == null || args.size() - 1 != slot.param())) {
            args.removeLast();
        }
        return op.module() + "." + op.name() + "(" + String.join(", ", args) + ")";
    }
}
