package dev.bosun.shell.ops;

import java.lang.reflect.Type;

/**
 * One parameter of an operation as callers see it.
 *
 * @param name     name in signatures and error messages
 * @param type     the declared Java type (generic)
 * @param optional whether callers may leave it out
 * @param doc      what it means, or empty
 */
public record ParamInfo(String name, Type type, boolean optional, String doc) {
}
