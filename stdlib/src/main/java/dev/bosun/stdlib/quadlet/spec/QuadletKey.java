package dev.bosun.stdlib.quadlet.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The Quadlet key a spec component stands for; the section defaults to the unit type's own. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface QuadletKey {
    String value();

    String section() default "";
}
