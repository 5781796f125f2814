package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The generator's result for one Quadlet unit: the service it writes (name, text, the podman command lines
 * it put in, the [Install] links) and its warnings; or, when the generator drops the unit, the error.
 */
@Doc("The generated service of one unit, or the error that makes the generator drop it.")
public record GeneratedUnit(@Doc("the Quadlet file, e.g. web.container") String source,
                            @Doc("the service file, e.g. web.service; null when the unit failed") @Nullable String service,
                            @Doc("the generated unit text, as Podman's generator writes it; null when failed") @Nullable String text,
                            @Doc("the podman command lines of the service by key (ExecStartPre, ExecStart, ExecReload, "
                                    + "ExecStop, ExecStopPost), word 0 the podman path") Map<String, List<String>> argv,
                            @Doc("symlinks the generator creates for [Install]") List<InstallLink> links,
                            @Doc("warnings, as Podman's generator logs them") List<String> warnings,
                            @Doc("the error, as Podman logs it (converting \"x\": ...); null on success") String error,
                            @Doc("the key the error is about, or null") @Nullable String errorKey,
                            @Doc("1-based line of that key in the unit, or null") @Nullable Integer errorLine) {
    public GeneratedUnit {
        argv = argv == null ? Map.of() : argv;
        links = links == null ? List.of() : List.copyOf(links);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean ok() {
        return error == null;
    }
}
