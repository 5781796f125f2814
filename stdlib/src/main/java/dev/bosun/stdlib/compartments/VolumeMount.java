package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.regex.Pattern;

/** A compartment volume mounted into a container; becomes one {@code Volume=} line. */
@Doc("A volume of the compartment mounted into the container")
public record VolumeMount(
        @Doc("name of a volume in the spec's volumes") String volume,
        @Doc("absolute path inside the container") String path,
        @Optional @Doc("mount options, comma-separated, e.g. ro or ro,Z") String options) {

    private static final Pattern OPTIONS = Pattern.compile("[A-Za-z0-9=_-]+(,[A-Za-z0-9=_-]+)*");

    public VolumeMount {
        Check.present("volume", volume);
        Check.absolutePath("path", path);
        // ':' and ',' separate Volume='s fields; a path holding them would be read as other fields (pitfall 3).
        if (path.indexOf(':') >= 0 || path.indexOf(',') >= 0 || path.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidValueException("path", Check.quote(path) + " must not contain ':', ',', blanks or controls");
        }
        if (options != null && !OPTIONS.matcher(options).matches()) {
            throw new InvalidValueException("options", Check.quote(options) + " must match " + OPTIONS.pattern());
        }
    }
}
