package dev.bosun.stdlib.quadlet;

/** How the generator reads a key's value (the {@code Lookup*} call it uses); see quadlet-keys.json. */
public enum ValueKind {
    STRING("string"), BOOL("bool"), UINT32("uint32"), MULTI("multi"), MULTI_STRV("multi-strv"),
    MULTI_ARGS("multi-args"), MULTI_KEYVAL("multi-keyval"), LAST_ARGS("last-args");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    public static ValueKind ofLabel(String label) {
        for (ValueKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown value kind " + label);
    }

    @Override
    public String toString() {
        return label;
    }
}
