package dev.bosun.shell.js;

import dev.bosun.api.Check;
import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The only files JS can see: the virtual {@code bosun:<module>} ES modules, and, for a script, the
 * {@code .js}/{@code .mjs} files inside the script's own directory tree (read-only, symlinks resolved
 * before the check). Everything else, including writes and directory listings, is refused. An import of
 * anything else (another URL scheme such as {@code node:} or {@code https:}, a package name, an unknown
 * {@code bosun:} module) fails with a message that says it is not allowed and what is.
 */
final class ModuleFileSystem implements FileSystem {
    static final Path VIRTUAL = Path.of("/__bosun__");
    private static final Path REFUSED = VIRTUAL.resolve("refused");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    // Bound once, when a session takes its context (contexts are built ahead of their session, see
    // SandboxContext); until then nothing can be imported.
    private volatile Path scriptDir;
    private volatile Function<String, String> moduleSource = name -> null;
    private volatile List<String> moduleNames = List.of();

    ModuleFileSystem() {
    }

    /**
     * @param scriptDir    directory whose files may be imported (real path), or null to allow none
     * @param moduleSource the source of {@code bosun:<name>}, or null when there is no such module
     * @param moduleNames  the module names, for messages
     */
    void bind(Path scriptDir, Function<String, String> moduleSource, List<String> moduleNames) {
        this.scriptDir = scriptDir;
        this.moduleSource = moduleSource;
        this.moduleNames = List.copyOf(moduleNames);
    }

    // GraalJS resolves every import specifier with a scheme (bosun:, node:, https:, ...) through this
    // method. An exception here would not reach the script as an import error (an UnsupportedOperation
    // makes GraalJS try the network, "Socket IO is not allowed"; others surface as internal errors), so a
    // refused specifier maps to a path under REFUSED that names it, and opening that path fails with the
    // refusal, which GraalJS passes on as the import's error.
    @Override
    public Path parsePath(URI uri) {
        if ("bosun".equals(uri.getScheme())) {
            String name = uri.getSchemeSpecificPart();
            return moduleSource.apply(name) == null ? refused(uri.toString()) : virtual(name);
        }
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        return refused(uri.toString());
    }

    // Specifiers without a scheme arrive here: absolute and ./ ../ paths (checked when opened), and bare
    // names such as "lodash", which would otherwise be looked up as files.
    @Override
    public Path parsePath(String path) {
        if (path.startsWith("bosun:")) {
            String name = path.substring("bosun:".length());
            return moduleSource.apply(name) == null ? refused(path) : virtual(name);
        }
        if (!path.isEmpty() && (Character.isLetter(path.charAt(0)) || path.charAt(0) == '@')) {
            return refused(path);
        }
        return Path.of(path);
    }

    private static Path refused(String specifier) {
        return REFUSED.resolve(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(specifier.getBytes(StandardCharsets.UTF_8)));
    }

    /** Fails with the one-line refusal when the path stands for a refused import. */
    private void checkNotRefused(Path p) {
        if (p.startsWith(REFUSED) && p.getNameCount() == REFUSED.getNameCount() + 1) {
            String specifier = new String(Base64.getUrlDecoder().decode(p.getFileName().toString()),
                    StandardCharsets.UTF_8);
            throw new SecurityException(notAllowed(specifier));
        }
    }

    /** Fails with the one-line refusal when the source imports a {@code data:} URL literally ({@link DataImports}). */
    void checkNoDataImport(String source) {
        String specifier = DataImports.first(source);
        if (specifier != null) {
            throw new SecurityException(notAllowed(specifier));
        }
    }

    /** The one-line refusal of an import specifier, naming what may be imported. */
    String notAllowed(String specifier) {
        String why = specifier.startsWith("bosun:")
                ? "there is no module " + Check.quote(specifier.substring("bosun:".length())) + "; "
                : "";
        return "import " + Check.quote(specifier) + " is not allowed: " + why + "scripts import bosun:<module> ("
                + String.join(", ", moduleNames)
                + ") and .mjs/.js files of the script's own directory by relative path (\"./lib.mjs\")";
    }

    private static Path virtual(String name) {
        // A name that is not a module name maps to a path that never exists: "Cannot find module".
        return VIRTUAL.resolve((NAME.matcher(name).matches() ? name : "invalid") + ".mjs");
    }

    private String virtualSource(Path p) {
        if (!p.startsWith(VIRTUAL) || p.getNameCount() != 2) {
            return null;
        }
        String file = p.getFileName().toString();
        return file.endsWith(".mjs") ? moduleSource.apply(file.substring(0, file.length() - 4)) : null;
    }

    /** A real file the script may import, or an exception saying why not. */
    private Path allowedReal(Path p) throws IOException {
        if (scriptDir == null) {
            throw new SecurityException("importing files is only possible from scripts run with 'bosun run' ("
                    + Check.quote(p.toString()) + ")");
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(p.toString());
        }
        if (!real.startsWith(scriptDir)) {
            throw new SecurityException("import of " + Check.quote(p.toString()) + " is outside the script's directory " + scriptDir);
        }
        String name = real.getFileName().toString();
        if (!(name.endsWith(".js") || name.endsWith(".mjs")) || !Files.isRegularFile(real)) {
            throw new SecurityException("import of " + Check.quote(p.toString()) + " refused: only .js and .mjs files can be imported");
        }
        return real;
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new SecurityException("scripts cannot write or execute files (" + Check.quote(path.toString()) + ")");
        }
        checkNotRefused(path);
        if (path.startsWith(VIRTUAL)) {
            if (virtualSource(path) == null) {
                throw new NoSuchFileException(path.toString());
            }
            return;
        }
        allowedReal(path);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new SecurityException("scripts cannot create directories");
    }

    @Override
    public void delete(Path path) {
        throw new SecurityException("scripts cannot delete files");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ) {
                throw new SecurityException("scripts can only read modules (" + Check.quote(path.toString()) + ")");
            }
        }
        checkNotRefused(path);
        String src = virtualSource(path);
        if (src != null) {
            return new ReadOnlyChannel(src.getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith(VIRTUAL)) {
            throw new NoSuchFileException(path.toString());
        }
        // Read whole, so the text GraalJS parses is the text checked for data: imports.
        byte[] text = Files.readAllBytes(allowedReal(path));
        checkNoDataImport(new String(text, StandardCharsets.UTF_8));
        return new ReadOnlyChannel(text);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) {
        throw new SecurityException("scripts cannot list directories");
    }

    @Override
    public Path toAbsolutePath(Path path) {
        if (path.isAbsolute()) {
            return path;
        }
        return (scriptDir != null ? scriptDir : VIRTUAL).resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        Path abs = toAbsolutePath(path).normalize();
        checkNotRefused(abs);
        if (abs.startsWith(VIRTUAL)) {
            return abs;
        }
        return allowedReal(abs);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        checkNotRefused(path);
        String src = virtualSource(path);
        if (src == null) {
            if (path.startsWith(VIRTUAL)) {
                throw new NoSuchFileException(path.toString());
            }
            return Files.readAttributes(allowedReal(path), attributes, options);
        }
        Map<String, Object> m = new HashMap<>();
        FileTime epoch = FileTime.fromMillis(0);
        m.put("isRegularFile", true);
        m.put("isDirectory", false);
        m.put("isSymbolicLink", false);
        m.put("isOther", false);
        m.put("size", (long) src.length());
        m.put("lastModifiedTime", epoch);
        m.put("lastAccessTime", epoch);
        m.put("creationTime", epoch);
        return m;
    }

    /** An in-memory read-only channel over a module's source. */
    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final byte[] data;
        private int pos;
        private boolean open = true;

        ReadOnlyChannel(byte[] data) {
            this.data = data;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), data.length - pos);
            dst.put(data, pos, n);
            pos += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new SecurityException("read-only");
        }

        @Override
        public long position() {
            return pos;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            pos = (int) Math.min(newPosition, data.length);
            return this;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new SecurityException("read-only");
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
