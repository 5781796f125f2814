package dev.bosun.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation parameter or record component that callers may leave out. A left-out record
 * parameter is built from an empty object, so its own defaults apply; a left-out scalar is null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Optional {
}
