package dev.bosun.stdlib.quadlet.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A spec component holding the free {@code Key: value} entries of a systemd section ([Unit], [Service], [Install]). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FreeSection {
    String value();
}
