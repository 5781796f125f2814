package dev.bosun.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type use whose value may be {@code null}: a result field that is null when there is nothing to say
 * ({@code @Nullable String podman}: not installed), or the values of a map where null has a meaning
 * ({@code Map<String, @Nullable String>}: a bare {@code KEY} without {@code =VALUE}). Scripts see it in the types
 * ({@code string | null}); the bridge accepts a null there and nowhere else (list elements, map values and record
 * components are never null unless so marked; a left-out component is {@link Optional}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Nullable {
}
