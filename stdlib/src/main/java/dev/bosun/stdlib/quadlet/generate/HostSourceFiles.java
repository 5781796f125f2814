package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.util.List;

/**
 * The host's files through Bosun's {@link Fs} (so {@code --root} and dry-run apply). Symlinks are not
 * followed: a linked directory or unit file is skipped, where Podman would follow it.
 */
public final class HostSourceFiles implements SourceFiles {
    private final Fs fs;

    public HostSourceFiles(Fs fs) {
        this.fs = fs;
    }

    @Override
    public String realPath(String path) {
        return fs.stat(path) == null ? null : GoPaths.clean(path);
    }

    @Override
    public Kind kind(String path) {
        FileStat st = fs.stat(path);
        if (st == null) {
            return Kind.MISSING;
        }
        return switch (st.type()) {
            case FILE -> Kind.FILE;
            case DIRECTORY -> Kind.DIRECTORY;
            default -> Kind.OTHER;
        };
    }

    @Override
    public List<String> list(String dir) {
        return kind(dir) == Kind.DIRECTORY ? fs.list(dir).stream().sorted(PodmanArgv.GO_ORDER).toList() : List.of();
    }

    @Override
    public String read(String path) {
        if (kind(path) != Kind.FILE) {
            throw new java.io.UncheckedIOException(new java.io.IOException("open " + path + ": not a regular file"));
        }
        return fs.read(path);
    }
}
