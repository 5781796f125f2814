package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules: sdme's name, opaque-dir and umask tables, the mount option whitelist, mountinfo decoding. */
class OverlayRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "test123", "my-container", "trailing-", "double--hyphen",
            "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void validNames(String name) {
        assertEquals(name, OverlayName.check(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyContainer", "has space", "ubuntu:latest", "1startsdigit", "-startshyphen", "a/b", "..",
            "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void invalidNames(String name) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> OverlayName.check(name));
        assertEquals("name \"" + name + "\" must match ^[a-z][a-z0-9-]{0,63}$ (a lower-case letter, then up to 63 of"
                + " a-z, 0-9, '-')", e.getMessage());
    }

    @Test
    void emptyNameIsRequired() {
        assertEquals("name must not be empty", assertThrows(InvalidValueException.class,
                () -> OverlayName.check("")).getMessage());
        assertEquals("name is required", assertThrows(InvalidValueException.class,
                () -> OverlayName.check(null)).getMessage());
    }

    @Test
    void opaqueDirsAreNormalisedAsSdmeDoes() {
        assertEquals(List.of("/var", "/opt", "/a/b"), OpaqueDirs.normalise(List.of("/var/", "/opt///", "/a/./b")));
        assertEquals(List.of(), OpaqueDirs.normalise(List.of()));
        assertEquals(List.of(), OpaqueDirs.normalise(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|opaque entries must not be empty",
            "var/log|opaque \"var/log\" must be an absolute path",
            "/var/../etc|opaque \"/var/../etc\" must not contain '..'",
            "/|opaque \"/\" must name a directory below '/'",
            "/var,/var/|opaque contains a duplicate directory: /var (given as \"/var/\")"})
    void badOpaqueDirs(String dirs, String message) {
        List<String> list = Arrays.asList(dirs.split(",", -1));
        assertEquals(message, assertThrows(InvalidValueException.class, () -> OpaqueDirs.normalise(list)).getMessage());
    }

    @Test
    void allowedMountOptionsPass() {
        List<String> ok = List.of("index=off", "redirect_dir=nofollow", "metacopy=on", "xino=auto", "volatile",
                "userxattr", "nosuid", "noatime");
        assertEquals(ok, MountOptions.check(ok));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "lowerdir=/etc#options \"lowerdir=/etc\" must be 'key' or 'key=value' with lower-case letters, digits and '_' (one '=' at most)",
            "lowerdir=x#options \"lowerdir=x\" is not allowed: lowerdir is set by overlay.mount from the overlay's own layout",
            "upperdir=x#options \"upperdir=x\" is not allowed: upperdir is set by overlay.mount from the overlay's own layout",
            "workdir=w#options \"workdir=w\" is not allowed: workdir is set by overlay.mount from the overlay's own layout",
            "'index=on,lowerdir=/'#options \"index=on,lowerdir=/\" must be a single option (no ','): give each option as its own list entry",
            "index=on=lowerdir#options \"index=on=lowerdir\" must be 'key' or 'key=value' with lower-case letters, digits and '_' (one '=' at most)",
            "ro#options \"ro\" is not allowed: use {readOnly: true|false}",
            "index=maybe#options \"index=maybe\" must be index=<off|on>",
            "volatile=1#options \"volatile=1\" is a flag and takes no value: volatile",
            "suid#options \"suid\" is not an allowed option; allowed: index, metacopy, nfs_export, redirect_dir, uuid, verity, xino (with a value), noatime, nodev, nodiratime, noexec, nosuid, relatime, userxattr, volatile",
            "''#options entries must not be empty"})
    void badMountOptions(String option, String message) {
        assertEquals(message, assertThrows(InvalidValueException.class,
                () -> MountOptions.check(List.of(option))).getMessage());
    }

    @Test
    void repeatedOptionAndVolatileReadOnlyAreRefused() {
        assertEquals("options \"index=on\" is given twice", assertThrows(InvalidValueException.class,
                () -> MountOptions.check(List.of("index=off", "index=on"))).getMessage());
        assertEquals("options \"volatile\" needs a writable mount: it cannot be combined with readOnly",
                assertThrows(InvalidValueException.class, () -> new MountSpec(true, List.of("volatile"))).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "usr|lower \"usr\" must be an absolute path",
            "/usr/|lower \"/usr/\" must be normalised (no trailing or double '/')",
            "/usr/../etc|lower \"/usr/../etc\" must not contain '.' or '..' segments",
            "/a:b|lower \"/a:b\" must not contain ',', ':', '=', '\\\\' or white space (they would split the overlay mount options)",
            "'/a,upperdir=/etc'|lower \"/a,upperdir=/etc\" must not contain ',', ':', '=', '\\\\' or white space (they would split the overlay mount options)"})
    void badLowerPaths(String lower, String message) {
        assertEquals(message, assertThrows(InvalidValueException.class,
                () -> new CreateSpec(List.of(lower), null, null)).getMessage());
    }

    @Test
    void specDefaultsAndRequiredLower() {
        CreateSpec s = new CreateSpec(List.of("/"), null, null);
        assertEquals("/var/lib/bosun", s.datadir());
        assertEquals(List.of(), s.opaque());
        assertEquals("lower is required: give one or more directories, e.g. [\"/usr\"]",
                assertThrows(InvalidValueException.class, () -> new CreateSpec(List.of(), null, null)).getMessage());
        assertEquals("lower contains \"/usr\" twice", assertThrows(InvalidValueException.class,
                () -> new CreateSpec(List.of("/usr", "/usr"), null, null)).getMessage());
        assertEquals("datadir \"/srv/a b\" must not contain ',', ':', '=', '\\\\' or white space (they would split the "
                + "overlay mount options)", assertThrows(InvalidValueException.class,
                () -> new CreateSpec(List.of("/usr"), null, "/srv/a b")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {022, 002, 0, 020})
    void permissiveUmasksPass(int umask) {
        assertDoesNotThrow(() -> Umask.check(umask));
    }

    @ParameterizedTest
    @CsvSource({"63,0077", "23,0027", "7,0007", "1,0001", "4,0004"})
    void umasksStrippingOtherReadOrExecuteFail(int umask, String shown) {
        BosunException e = assertThrows(BosunException.class, () -> Umask.check(umask));
        assertEquals("current umask (" + shown + ") strips read/execute from 'other', which would prevent services in "
                + "the merged tree from reading their files. Set a more permissive umask (e.g. umask 022) and run this "
                + "again", e.getMessage());
    }

    @Test
    void thisProcessUmaskIsRead() {
        int u = Umask.current();
        assertTrue(u >= 0 && u <= 0777, "umask " + u);
    }

    @Test
    void mountinfoEscapesAreDecoded() {
        String text = """
                22 1 252:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
                65 22 0:39 / /tmp/a\\040b/merged rw,relatime shared:5 master:1 - overlay overlay rw,lowerdir=/x\\054y:/z,upperdir=/tmp/a\\040b/upper,workdir=/w,uuid=on
                66 65 0:40 / /tmp/a\\040b/merged/proc rw - proc proc rw
                """;
        MountTable t = MountTable.parse(text);
        MountTable.Entry e = t.at("/tmp/a b/merged");
        assertEquals("overlay", e.fsType());
        assertEquals("/x,y:/z", e.superOptions().get("lowerdir"));
        assertEquals("/tmp/a b/upper", e.superOptions().get("upperdir"));
        assertEquals("", e.superOptions().get("rw"));
        assertEquals(List.of("/tmp/a b/merged/proc", "/tmp/a b/merged"),
                t.atOrBelow("/tmp/a b/merged").stream().map(MountTable.Entry::mountPoint).toList());
        assertEquals(List.of(), t.atOrBelow("/tmp/a b/merge").stream().toList());
        assertEquals("a\\9b\\", MountTable.unescape("a\\9b\\"));
        assertEquals("tab\there", MountTable.unescape("tab\\011here"));
    }

    @Test
    void xattrNamespaceFollowsPrivilege() {
        assertEquals("trusted.overlay.opaque", XattrNamespace.forProcess(true, true).opaque());
        assertEquals("user.overlay.opaque", XattrNamespace.forProcess(true, false).opaque());
        assertEquals("user.overlay.opaque", XattrNamespace.forProcess(false, true).opaque());
    }
}
