package dev.bosun.stdlib.users;

import dev.bosun.api.Fs;

import java.util.HashSet;
import java.util.Set;

/**
 * The names that have a line in {@code etc/shadow} or {@code etc/gshadow}; nothing else of those files is kept
 * (their hash fields are secrets and no repair needs them). Read only to find the line a killed useradd or
 * groupadd never wrote: the tools write passwd before shadow and group before gshadow.
 */
final class ShadowNames {
    static final String SHADOW = "/etc/shadow";
    static final String GSHADOW = "/etc/gshadow";

    private final Set<String> names;

    private ShadowNames(Set<String> names) {
        this.names = names;
    }

    /** The names in the file, or null when the root has no such file (then nothing belongs in it). */
    static ShadowNames read(Fs fs, String path) {
        String text = fs.readIfExists(path);
        if (text == null) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                names.add(line.substring(0, colon));
            }
        }
        return new ShadowNames(names);
    }

    boolean has(String name) {
        return names.contains(name);
    }
}
