package dev.bosun.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a {@link HostModule} as an operation reachable from the REPL, scripts and
 * the CLI. Parameters are records, enums, strings, numbers, booleans, lists and maps; a first
 * parameter of type {@link HostContext} is injected by Bosun and is not part of the signature.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Op {
    /** What the operation does, what it returns and when it fails. Shown by {@code help(module.op)}. */
    String doc();

    /**
     * True when the operation may change the host. Mutating operations are planned under
     * {@code --dry-run} and leave an audit row when applied.
     */
    boolean mutates() default false;

    /** Name in JS when it differs from the method name (e.g. a reserved word). */
    String name() default "";
}
