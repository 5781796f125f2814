package dev.bosun.stdlib.files;

import dev.bosun.api.AuditDigest;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.api.WriteOptions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The only way scripts touch arbitrary files: root-relative, atomic, planned and audited like
 * every other operation. Bosun's own state database and its directory are out of reach ({@link StateGuard}),
 * and a written file's content is never kept by the audit trail (its size and SHA-256 are).
 */
@Module(name = "files", doc = "Read and write files under the host root (/ or --root). Writes are atomic, planned "
        + "under --dry-run and audited (content as size and SHA-256, never the text). Bosun's own state database "
        + "and its directory are refused.")
public final class FilesModule implements HostModule {
    private static final int MAX_READ = 16 * 1024 * 1024;

    @Op(doc = "The file's text (UTF-8). A symlink is followed (under --root, inside the root, as chroot would). "
            + "Fails when it does not exist, is not a regular file or is over 16 MiB.")
    public String read(HostContext ctx, @Doc("absolute path under the host root") String path) {
        Check.absolutePath("path", path);
        StateGuard.check(ctx, path, true);
        FileStat st = ctx.fs().stat(path);
        if (st == null) {
            throw new dev.bosun.api.BosunException(Check.quote(path) + ": no such file");
        }
        if (st.type() != FileStat.Type.FILE && st.type() != FileStat.Type.SYMLINK) {
            throw new dev.bosun.api.BosunException(Check.quote(path) + ": is a " + st.type() + ", not a regular file");
        }
        byte[] content = ctx.fs().readBytes(path);
        if (content.length > MAX_READ) {
            throw new dev.bosun.api.BosunException(Check.quote(path) + ": " + content.length + " bytes is over the 16 MiB read limit");
        }
        return new String(content, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Op(doc = "True when something (file, directory, link, device) exists at the path; links are not followed.")
    public boolean exists(HostContext ctx, @Doc("absolute path under the host root") String path) {
        Check.absolutePath("path", path);
        return ctx.fs().exists(path);
    }

    @Op(doc = "Type, mode, owner, size and modification time of a path (links not followed), or null when absent.")
    public @Nullable FileInfo stat(HostContext ctx, @Doc("absolute path under the host root") String path) {
        Check.absolutePath("path", path);
        FileStat st = ctx.fs().stat(path);
        return st == null ? null : FileInfo.of(path, st, Owners.read(ctx.fs()));
    }

    @Op(doc = "The entries of a directory with their type, mode, owner, group and size, sorted by name. Empty when the "
            + "directory does not exist.")
    public List<FileInfo> list(HostContext ctx, @Doc("absolute directory path under the host root") String dir) {
        Check.absolutePath("dir", dir);
        List<FileInfo> out = new ArrayList<>();
        Owners owners = null;
        for (String name : ctx.fs().list(dir)) {
            String p = dev.bosun.api.Fs.join(dir, name);
            FileStat st = ctx.fs().stat(p);
            if (st != null) {
                owners = owners == null ? Owners.read(ctx.fs()) : owners;
                out.add(FileInfo.of(p, st, owners));
            }
        }
        return out;
    }

    @Op(mutates = true, doc = "Writes text to a file atomically (temp file, fsync, rename). mode is octal text like "
            + "\"0644\"; owner is \"uid:gid\" or numbers. Existing mode and owner are kept unless given. The parent "
            + "directory must exist. changed is false when content, mode and owner were already so.")
    public WriteResult write(HostContext ctx,
                             @Doc("absolute path under the host root") String path,
                             @Doc("the complete new content") @AuditDigest String text,
                             @Optional WriteSpec options) {
        Check.absolutePath("path", path);
        Check.present("text", text);
        StateGuard.check(ctx, path, false);
        String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        FileStat dir = ctx.fs().stat(parent);
        if (dir == null || dir.type() != FileStat.Type.DIRECTORY) {
            throw new dev.bosun.api.BosunException("cannot write " + Check.quote(path) + ": directory " + Check.quote(parent) + " does not exist");
        }
        int before = ctx.plan().size();
        ctx.fs().write(path, text.getBytes(StandardCharsets.UTF_8),
                WriteOptions.DEFAULT.withMode(options.modeBits()).withOwner(options.uid(), options.gid()));
        return new WriteResult(path, ctx.plan().size() > before);
    }

    @Op(mutates = true, doc = "Removes a file, symlink or empty directory. changed is false when nothing was there.")
    public WriteResult remove(HostContext ctx, @Doc("absolute path under the host root") String path) {
        Check.absolutePath("path", path);
        if (path.equals("/")) {
            throw new InvalidValueException("path", "\"/\" cannot be removed");
        }
        StateGuard.check(ctx, path, false);
        return new WriteResult(path, ctx.fs().delete(path));
    }

    /** Options of {@code files.write}. */
    public record WriteSpec(
            @Doc("octal mode such as \"0644\" or \"600\"") @Optional String mode,
            @Doc("numeric owner \"uid:gid\" or \"uid\"") @Optional String owner) {
        private static final Pattern MODE = Pattern.compile("0?[0-7]{3,4}");
        private static final Pattern OWNER = Pattern.compile("(\\d{1,10})(?::(\\d{1,10}))?");

        public WriteSpec {
            if (mode != null) {
                Check.matches("mode", mode, MODE, "an octal mode like 0644");
                if (Integer.parseInt(mode, 8) > 07777) {
                    throw new InvalidValueException("mode", Check.quote(mode) + " must be at most 07777");
                }
            }
            if (owner != null) {
                Check.matches("owner", owner, OWNER, "uid:gid with numbers, e.g. 1000:1000");
            }
        }

        Integer modeBits() {
            return mode == null ? null : Integer.parseInt(mode, 8);
        }

        Integer uid() {
            return owner == null ? null : Integer.parseInt(owner.split(":")[0]);
        }

        Integer gid() {
            if (owner == null) {
                return null;
            }
            String[] p = owner.split(":");
            return Integer.parseInt(p.length > 1 ? p[1] : p[0]);
        }
    }

    /** What a file change did. */
    public record WriteResult(@Doc("the path") String path, @Doc("whether anything changed") boolean changed) {
    }

    /** A file's metadata: what ls -l shows first, the exact numbers after. */
    public record FileInfo(
            @Doc("absolute path under the host root") String path,
            @Doc("file, directory, symlink, char-device, block-device, fifo, socket") String type,
            @Doc("octal permission bits, e.g. 0644") String mode,
            @Doc("owner's name in the root's etc/passwd, or the uid as text when it has none") String owner,
            @Doc("group's name in the root's etc/group, or the gid as text when it has none") String group,
            @Doc("size for people, like ls -h: 512, 4.0K, 13K, 1.2M (size has the exact number)") String sizeText,
            @Doc("modification time in local time to the second with its UTC offset (ISO-8601)") String modified,
            @Doc("symlink target, or null") @Nullable String target,
            @Doc("numeric owner") int uid,
            @Doc("numeric group") int gid,
            @Doc("size in bytes (a number, as scripts compare it)") long size) {
        static FileInfo of(String path, FileStat st, Owners owners) {
            return new FileInfo(path, st.type().toString(), st.octalMode(), owners.user(st.uid()), owners.group(st.gid()),
                    Sizes.human(st.size()), java.time.OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(st.mtimeMillis()),
                            java.time.ZoneId.systemDefault()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    st.linkTarget(), st.uid(), st.gid(), st.size());
        }
    }
}
