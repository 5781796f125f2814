package dev.bosun.shell.js;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bosun.api.InvalidValueException;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson, configured strictly: unknown keys, a number or boolean where a string is declared, a string
 * where a number or boolean is, a number for an enum and a fraction for an integer are errors rather than
 * silent coercions ({@code users.ensure({name: true})} is refused, not a user named "true"); enums travel
 * as their {@code toString()} labels; records are read and written by component name.
 */
public final class JsonCodec {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // ALLOW_COERCION_OF_SCALARS covers numbers and booleans as targets; strings need their own rule.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("bosun-records")
                    .setSerializerModifier(new RecordComponentsOnly()))
            .build();

    private JsonCodec() {
    }

    /**
     * A record is written as its components and nothing else (helper methods such as {@code isEmpty()}
     * would otherwise become properties), so any result can be passed back to an operation as an argument.
     */
    private static final class RecordComponentsOnly extends com.fasterxml.jackson.databind.ser.BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<com.fasterxml.jackson.databind.ser.BeanPropertyWriter> changeProperties(
                com.fasterxml.jackson.databind.SerializationConfig config,
                com.fasterxml.jackson.databind.BeanDescription desc,
                List<com.fasterxml.jackson.databind.ser.BeanPropertyWriter> props) {
            Class<?> c = desc.getBeanClass();
            if (!c.isRecord()) {
                return props;
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (var rc : c.getRecordComponents()) {
                names.add(rc.getName());
            }
            List<com.fasterxml.jackson.databind.ser.BeanPropertyWriter> kept = new ArrayList<>();
            for (var p : props) {
                if (names.contains(p.getName())) {
                    kept.add(p);
                }
            }
            return kept;
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A plain value (maps, lists, strings, numbers) as the declared Java type, or an InvalidValueException. The
     * declared type's rules ({@link DeclaredType}) are checked over the whole value first; a string, boolean or
     * number of the declared kind is used as it is, anything else is bound by Jackson.
     */
    public static Object convert(Object plain, Type type, String param) {
        if (plain != null) {
            DeclaredType.Rule rule = DeclaredType.of(type);
            rule.check(plain, param);
            Object direct = rule.direct(plain);
            if (direct != DeclaredType.BIND) {
                return direct;
            }
        }
        JavaType jt = MAPPER.getTypeFactory().constructType(type);
        try {
            return MAPPER.convertValue(plain, jt);
        } catch (IllegalArgumentException e) {
            throw explain(e, param, jt);
        }
    }

    private static RuntimeException explain(IllegalArgumentException e, String param, JavaType type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidValueException ive) {
                return ive;
            }
            if (t instanceof dev.bosun.api.BosunException be) {
                return be;
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getReferringClass() != null && u.getReferringClass().isRecord()) {
                for (var rc : u.getReferringClass().getRecordComponents()) {
                    known.add(rc.getName()); // declaration order reads better than Jackson's
                }
            } else if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            // A near miss gets the one name it meant, not the whole list (a container has over 90 options).
            String meant = EditDistance.nearest(u.getPropertyName(), known);
            return new InvalidValueException(path(param, u, true),
                    "has no option " + dev.bosun.api.Check.quote(u.getPropertyName()) + (meant != null
                            ? "; did you mean " + meant + "?" : " (known: " + String.join(", ", known) + ")"));
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            List<String> labels = new ArrayList<>();
            for (Object k : f.getTargetType().getEnumConstants()) {
                labels.add(k.toString());
            }
            return new InvalidValueException(path(param, f, false), quote(f.getValue()) + " must be one of "
                    + String.join(", ", labels));
        }
        if (cause instanceof MismatchedInputException m) {
            JavaType target = m.getTargetType() != null ? MAPPER.constructType(m.getTargetType()) : type;
            return new InvalidValueException(path(param, m, false), "must be " + describe(target));
        }
        if (cause instanceof JsonMappingException jm) {
            return new InvalidValueException(path(param, jm, false), "is not valid: " + jm.getOriginalMessage());
        }
        return new InvalidValueException(param, "is not valid: " + e.getMessage());
    }

    private static String quote(Object v) {
        return v instanceof String s ? dev.bosun.api.Check.quote(s) : String.valueOf(v);
    }

    private static String path(String param, JsonMappingException e, boolean parentOnly) {
        StringBuilder sb = new StringBuilder(param);
        List<JsonMappingException.Reference> refs = e.getPath();
        int n = parentOnly ? refs.size() - 1 : refs.size();
        for (int i = 0; i < n; i++) {
            JsonMappingException.Reference r = refs.get(i);
            if (r.getFieldName() != null) {
                sb = new StringBuilder(Plain.member(sb.toString(), r.getFieldName())); // map keys are the script's
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JavaType t) {
        Class<?> c = t.getRawClass();
        if (c == String.class) {
            return "a string";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "a boolean";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class) {
            return "an integer";
        }
        if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
            return "a number";
        }
        if (t.isCollectionLikeType() || c.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** JSON text of a result. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new dev.bosun.api.BosunException("cannot convert the result to JSON: " + e.getOriginalMessage(), e);
        }
    }
}
