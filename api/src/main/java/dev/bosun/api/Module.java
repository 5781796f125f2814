package dev.bosun.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link HostModule} class and names it. The name is what scripts see ({@code users},
 * {@code bosun:users}); the doc is what {@code help(users)} prints.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Module {
    /** JS identifier of the module: lower case letters, digits and underscores, starting with a letter. */
    String name();

    /** One paragraph: what the module is for. The first sentence is the summary shown in listings. */
    String doc();
}
