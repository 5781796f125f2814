package dev.bosun.stdlib.quadlet.generate;

import java.util.List;

/** Read access to the directories the generator scans (the host's, or a root's through Bosun's Fs). */
public interface SourceFiles {
    /** What is at a path, symlinks followed where the implementation follows them. */
    enum Kind { FILE, DIRECTORY, MISSING, OTHER }

    /** The path with symlinks resolved ({@code filepath.EvalSymlinks}), or null when it does not exist. */
    String realPath(String path);

    Kind kind(String path);

    /** Entry names of a directory, sorted; empty when it cannot be listed. */
    List<String> list(String dir);

    /** The file's text; throws {@link java.io.UncheckedIOException} with the reason when it cannot be read. */
    String read(String path);
}
