package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.KeyInfo;
import dev.bosun.stdlib.quadlet.QuadletKeys;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.UnitWriter;
import dev.bosun.stdlib.quadlet.unit.ValueEncoder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Construction-time checks of spec components: every value must be writable for its key's kind
 * ({@link ValueEncoder}), so a spec that exists can always be rendered.
 */
public final class SpecValues {
    private SpecValues() {
    }

    /** Checks one component against the kind of {@code key}; returns it with lists and maps copied. */
    @SuppressWarnings("unchecked")
    public static <T> T check(UnitType type, String key, String param, T value) {
        if (value == null) {
            return null;
        }
        KeyInfo info = QuadletKeys.get().keys(type).get(key);
        return (T) encode(info, param, value, true).value;
    }

    /** Checks a free section map: keys as {@link UnitWriter#key}, values written verbatim. */
    public static Map<String, String> section(String param, Map<String, String> entries) {
        if (entries == null) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            UnitWriter.key(param, k);
            ValueEncoder.verbatim(param + "." + k, Check.present(param + "." + k, v));
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A component's value and its encoded lines (values after {@code Key=}). */
    record Encoded(Object value, List<String> lines) {
    }

    /** Encodes a component for its key's kind; {@code specifiers} false doubles every {@code %}. */
    @SuppressWarnings("unchecked")
    static Encoded encode(KeyInfo info, String param, Object value, boolean specifiers) {
        return switch (info.kind()) {
            case STRING -> {
                String s = (String) value;
                yield new Encoded(s, s.isEmpty() ? List.of() : List.of(ValueEncoder.string(param, ValueEncoder.literalPercent(s, specifiers))));
            }
            case BOOL -> new Encoded(value, List.of(value.toString()));
            case UINT32 -> {
                long n = (Long) value;
                Check.range(param, n, 0, 0xFFFF_FFFFL);
                yield new Encoded(n, List.of(Long.toString(n)));
            }
            case MULTI -> words((List<String>) value, param, w -> ValueEncoder.verbatim(w.param, w.text(specifiers)));
            case MULTI_STRV -> words((List<String>) value, param, w -> ValueEncoder.strvWord(w.param, w.text(specifiers)));
            case MULTI_ARGS -> words((List<String>) value, param, w -> ValueEncoder.argsWord(w.param, w.text(specifiers)));
            case LAST_ARGS -> {
                List<String> argv = List.copyOf((List<String>) value);
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < argv.size(); i++) {
                    line.append(i == 0 ? "" : " ").append(ValueEncoder.argsWord(param + "[" + i + "]",
                            ValueEncoder.literalPercent(argv.get(i), specifiers)));
                }
                yield new Encoded(argv, argv.isEmpty() ? List.of() : List.of(line.toString()));
            }
            case MULTI_KEYVAL -> {
                Map<String, String> copy = new LinkedHashMap<>();
                List<String> lines = new java.util.ArrayList<>();
                ((Map<String, String>) value).forEach((k, v) -> {
                    String p = param + "." + k;
                    if (k == null || k.isEmpty() || k.indexOf('=') >= 0) {
                        throw new InvalidValueException(param, "key " + Check.quote(k) + " must be non-empty and contain no '='");
                    }
                    String word = v == null ? k : k + "=" + v;
                    lines.add(ValueEncoder.argsWord(p, ValueEncoder.literalPercent(word, specifiers)));
                    copy.put(k, v);
                });
                yield new Encoded(Collections.unmodifiableMap(copy), lines);
            }
        };
    }

    private record Word(String param, String raw) {
        String text(boolean specifiers) {
            if (raw == null) {
                throw new InvalidValueException(param, "must not be null");
            }
            return ValueEncoder.literalPercent(raw, specifiers);
        }
    }

    private static Encoded words(List<String> values, String param, java.util.function.Function<Word, String> enc) {
        List<String> lines = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            lines.add(enc.apply(new Word(param + "[" + i + "]", values.get(i))));
        }
        return new Encoded(Collections.unmodifiableList(new java.util.ArrayList<>(values)), lines);
    }
}
