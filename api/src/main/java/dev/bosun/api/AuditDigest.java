package dev.bosun.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation parameter whose value the audit trail must never keep, such as a file's content:
 * the audit row stores its size in bytes (UTF-8) and its SHA-256 instead ({@code {"bytes": 6, "sha256": "…"}}),
 * enough to tell which content was written without storing it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditDigest {
}
