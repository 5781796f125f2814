package dev.bosun.stdlib.compartments;

import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.spec.UnitSpec;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of typed unit specs with some keys replaced, through the specs' own constructors (so they validate). */
final class UnitSpecs {
    private UnitSpecs() {
    }

    static <T extends UnitSpec> T with(T spec, Map<String, Object> replaced) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) spec.getClass();
        Map<String, Object> components = new LinkedHashMap<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            try {
                components.put(rc.getName(), rc.getAccessor().invoke(spec));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        components.putAll(replaced);
        return SpecCodec.build(type, components);
    }
}
