package dev.bosun.shell.arch;

import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.Set;

/**
 * One kind of JDK call that changes the host, or reaches it past {@code HostContext}: a class (by its
 * internal name), the members of it that do it, and why it counts. The list is {@link #ALL}; a member
 * is matched by name, a constructor as {@code <init>}, optionally only for some parameter lists.
 *
 * <p>Why these and not more: the list is what the effect layer itself uses to write files, run
 * processes, open the database and call native code, plus every JDK spelling of the same effect a
 * module could reach for instead (channels, legacy {@code java.io}, attribute views, the file system
 * provider). Reads are not listed: a module reads through {@code Fs} so that dry-run and {@code --root}
 * apply, but a direct read does not change the host. Sockets are not listed: Bosun's modules have no
 * network client, and network configuration goes through {@code exec} (ip, nft).
 *
 * @param owner   internal name of the class, e.g. {@code java/nio/file/Files}
 * @param members member names, {@code <init>} for constructors, {@code *} for every member
 * @param params  when not null, only signatures whose first parameter is one of these classes
 * @param what    a few words for the report, e.g. "file write"
 */
record HostEffect(String owner, Set<String> members, Set<ClassDesc> params, String what) {
    private static final ClassDesc STRING = ClassDesc.of("java.lang.String");
    private static final ClassDesc FILE = ClassDesc.of("java.io.File");

    static final List<HostEffect> ALL = List.of(
            // java.nio.file: everything that writes, creates, deletes, moves, copies or sets attributes.
            new HostEffect("java/nio/file/Files", Set.of("write", "writeString", "newOutputStream", "newBufferedWriter",
                    "newByteChannel", "delete", "deleteIfExists", "createFile", "createDirectory", "createDirectories",
                    "createTempFile", "createTempDirectory", "createLink", "createSymbolicLink", "move", "copy",
                    "setAttribute", "setPosixFilePermissions", "setOwner", "setLastModifiedTime"), null,
                    "file write, create, delete, move, copy or attribute change"),
            new HostEffect("java/nio/file/spi/FileSystemProvider", Set.of("newByteChannel", "newFileChannel",
                    "newAsynchronousFileChannel", "newOutputStream", "createDirectory", "createSymbolicLink", "createLink",
                    "delete", "deleteIfExists", "copy", "move", "setAttribute"), null, "file system provider write"),
            new HostEffect("java/nio/file/SecureDirectoryStream", Set.of("newByteChannel", "deleteFile",
                    "deleteDirectory", "move"), null, "directory-relative write or delete"),
            new HostEffect("java/nio/file/attribute/BasicFileAttributeView", Set.of("setTimes"), null, "attribute change"),
            new HostEffect("java/nio/file/attribute/PosixFileAttributeView", Set.of("setTimes", "setPermissions",
                    "setOwner", "setGroup"), null, "attribute change"),
            new HostEffect("java/nio/file/attribute/FileOwnerAttributeView", Set.of("setOwner"), null, "owner change"),
            new HostEffect("java/nio/file/attribute/DosFileAttributeView", Set.of("setTimes", "setReadOnly",
                    "setHidden", "setSystem", "setArchive"), null, "attribute change"),
            new HostEffect("java/nio/file/attribute/AclFileAttributeView", Set.of("setAcl", "setOwner"), null, "ACL change"),
            new HostEffect("java/nio/file/attribute/UserDefinedFileAttributeView", Set.of("write", "delete"), null,
                    "extended attribute change"),
            // Channels: opened for reading or writing, the options are not visible at the call site, so every open counts.
            new HostEffect("java/nio/channels/FileChannel", Set.of("open"), null, "file channel"),
            new HostEffect("java/nio/channels/AsynchronousFileChannel", Set.of("open"), null, "file channel"),
            // java.io: output streams, writers, random access and the mutators of File.
            new HostEffect("java/io/FileOutputStream", Set.of("<init>"), null, "file write"),
            new HostEffect("java/io/FileWriter", Set.of("<init>"), null, "file write"),
            new HostEffect("java/io/RandomAccessFile", Set.of("<init>"), null, "random-access file"),
            new HostEffect("java/io/PrintWriter", Set.of("<init>"), Set.of(STRING, FILE), "file write (PrintWriter on a file)"),
            new HostEffect("java/io/PrintStream", Set.of("<init>"), Set.of(STRING, FILE), "file write (PrintStream on a file)"),
            new HostEffect("java/util/Formatter", Set.of("<init>"), Set.of(STRING, FILE), "file write (Formatter on a file)"),
            new HostEffect("java/util/logging/FileHandler", Set.of("<init>"), null, "log file write"),
            new HostEffect("java/io/File", Set.of("delete", "deleteOnExit", "renameTo", "mkdir", "mkdirs", "createNewFile",
                    "createTempFile", "setReadable", "setWritable", "setExecutable", "setReadOnly", "setLastModified"), null,
                    "file create, delete, rename or attribute change"),
            // Processes.
            new HostEffect("java/lang/ProcessBuilder", Set.of("<init>", "start", "startPipeline"), null, "process start"),
            new HostEffect("java/lang/Runtime", Set.of("exec", "load", "loadLibrary"), null,
                    "process start or native library load"),
            new HostEffect("java/lang/ProcessHandle", Set.of("destroy", "destroyForcibly"), null, "process kill"),
            new HostEffect("java/lang/Process", Set.of("destroy", "destroyForcibly"), null, "process kill"),
            // The database.
            new HostEffect("java/sql/DriverManager", Set.of("*"), null, "JDBC connection"),
            new HostEffect("java/sql/Driver", Set.of("connect"), null, "JDBC connection"),
            new HostEffect("javax/sql/DataSource", Set.of("getConnection"), null, "JDBC connection"),
            // Native code: a downcall can do anything a C program can.
            new HostEffect("java/lang/foreign/Linker", Set.of("downcallHandle", "upcallStub"), null, "FFM native call"),
            new HostEffect("java/lang/foreign/SymbolLookup", Set.of("libraryLookup"), null, "native library load"),
            new HostEffect("java/lang/System", Set.of("load", "loadLibrary"), null, "native library load"),
            new HostEffect("sun/misc/Unsafe", Set.of("*"), null, "Unsafe memory access"),
            new HostEffect("jdk/internal/misc/Unsafe", Set.of("*"), null, "Unsafe memory access"));

    HostEffect {
        members = Set.copyOf(members);
        params = params == null ? null : Set.copyOf(params);
    }

    /** True when a reference to {@code owner.name} with this type (null for a field) is this effect. */
    boolean matches(String refOwner, String name, MethodTypeDesc type) {
        if (!owner.equals(refOwner) || !(members.contains("*") || members.contains(name))) {
            return false;
        }
        if (params == null) {
            return true;
        }
        return type != null && type.parameterCount() > 0 && params.contains(type.parameterType(0));
    }
}
