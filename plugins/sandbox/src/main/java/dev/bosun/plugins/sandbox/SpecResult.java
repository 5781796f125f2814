package dev.bosun.plugins.sandbox;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;

/**
 * One sandbox spec in the three forms a host can run it.
 *
 * @param podman         the {@code podman run} argv
 * @param docker         the {@code docker run} argv
 * @param unit           an equivalent Quadlet .container unit
 * @param timeoutSeconds the hard time limit (argv: run {@code RUNTIME kill NAME} after it), or null
 * @param warnings       combinations that weaken the sandbox, one line each
 */
@Doc("A sandbox run as podman argv, docker argv and a Quadlet unit.")
public record SpecResult(
        @Doc("the podman run argv") List<String> podman,
        @Doc("the docker run argv") List<String> docker,
        @Doc("an equivalent Quadlet .container unit") String unit,
        @Doc("hard time limit in seconds, or null") @Nullable Integer timeoutSeconds,
        @Doc("combinations that weaken the sandbox") List<String> warnings) {
}
