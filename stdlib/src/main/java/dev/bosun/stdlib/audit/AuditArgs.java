package dev.bosun.stdlib.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.api.BosunException;
import dev.bosun.api.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a call as the audit trail keeps them: JSON of the plain values the caller passed, with
 * secrets masked by the rule of {@link Secrets}. The value of a secret-like key is replaced whole
 * ({@code password}, {@code environment.DB_PASSWORD}); an object shaped like a unit entry
 * ({@code {key, value, raw}}) has its value masked as that key's assignment; every other string has the
 * secret-like {@code NAME=value} pairs in it masked (unit and bundle text, {@code Environment=} values,
 * command words). Parameters marked {@link dev.bosun.api.AuditDigest} arrive here already replaced by
 * {@link #digest}.
 */
public final class AuditArgs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditArgs() {
    }

    /** The audit JSON of the named arguments (plain maps, lists, strings, numbers, booleans, nulls). */
    public static String json(Map<String, ?> args) {
        try {
            return JSON.writeValueAsString(mask(args));
        } catch (JsonProcessingException e) {
            throw new BosunException("cannot record the arguments in the audit trail: " + e.getOriginalMessage(), e);
        }
    }

    /** What the audit keeps of a value that must not be stored: its size in bytes and its SHA-256. */
    public static Map<String, Object> digest(Object value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("bytes", bytes.length);
        try {
            d.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return d;
    }

    static Object mask(Object v) {
        if (v instanceof Map<?, ?> m) {
            boolean entry = m.get("key") instanceof String && m.get("value") instanceof String;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object val = e.getValue();
                if (entry && k.equals("key")) {
                    out.put(k, val);
                } else if (entry && k.equals("value")) {
                    out.put(k, Secrets.maskAssignment((String) m.get("key"), (String) val));
                } else if (val != null && Secrets.isSecretName(k)) {
                    out.put(k, Secrets.MASK);
                } else {
                    out.put(k, mask(val));
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(mask(x)));
            return out;
        }
        if (v instanceof String s) {
            return Secrets.maskText(s);
        }
        return v;
    }
}
