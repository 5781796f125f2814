package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.quadlet.generate.SourceFiles;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The unit files of a Quadlet directory that Bosun may read, for the plan's preview of the generated services:
 * a path the effect layer refuses (a file of root's in a user's directory, a link out of it) counts as absent
 * (its units are not read, so nothing of them reaches the plan) instead of failing an install that does not
 * touch it. The preview can then differ from what Podman's generator writes for such a directory, never leak.
 */
final class ReadableSourceFiles implements SourceFiles {
    private final SourceFiles files;

    ReadableSourceFiles(SourceFiles files) {
        this.files = files;
    }

    @Override
    public String realPath(String path) {
        try {
            return files.realPath(path);
        } catch (BosunException refused) {
            return null;
        }
    }

    @Override
    public Kind kind(String path) {
        try {
            return files.kind(path);
        } catch (BosunException refused) {
            return Kind.MISSING;
        }
    }

    @Override
    public List<String> list(String dir) {
        try {
            return files.list(dir);
        } catch (BosunException refused) {
            return List.of();
        }
    }

    @Override
    public String read(String path) {
        try {
            return files.read(path);
        } catch (BosunException refused) {
            throw new UncheckedIOException(new java.io.IOException(refused.getMessage()));
        }
    }
}
