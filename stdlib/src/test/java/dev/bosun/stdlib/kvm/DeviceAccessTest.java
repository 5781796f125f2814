package dev.bosun.stdlib.kvm;

import dev.bosun.api.FileStat;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The permission decision for mode bits and ACLs, including the cases where POSIX order matters. */
class DeviceAccessTest {
    static final Accounts NAMES = Accounts.parse("root:x:0:0::/:/bin/sh\nbob:x:1001:1001::/:/bin/sh\n",
            "root:x:0:\nkvm:x:994:bob\nbob:x:1001:\n");

    static FileStat node(int mode, int uid, int gid) {
        return new FileStat(FileStat.Type.CHAR_DEVICE, mode, uid, gid, 0, 0, 10, 232, null);
    }

    @Test
    void theOwnerEntryWinsEvenWhenTheGroupWouldGrant() {
        DeviceAccess.Decision d = DeviceAccess.readWrite(node(0060, 1001, 994), 1001, Set.of(1001, 994), null, NAMES);
        assertFalse(d.granted());
        assertEquals("as the owner: ---", d.how());
    }

    @Test
    void groupAndOtherBits() {
        assertTrue(DeviceAccess.readWrite(node(0660, 0, 994), 1001, Set.of(1001, 994), null, NAMES).granted());
        assertFalse(DeviceAccess.readWrite(node(0640, 0, 994), 1001, Set.of(1001, 994), null, NAMES).granted());
        assertTrue(DeviceAccess.readWrite(node(0666, 0, 0), 1001, Set.of(1001), null, NAMES).granted());
        assertEquals("through group kvm (gid 994): rw-",
                DeviceAccess.readWrite(node(0660, 0, 994), 1001, Set.of(1001, 994), null, NAMES).how());
    }

    @Test
    void rootBypassIsStated() {
        DeviceAccess.Decision d = DeviceAccess.readWrite(node(0, 0, 0), 0, Set.of(0), null, NAMES);
        assertTrue(d.granted());
        assertEquals("root bypasses the permission bits (CAP_DAC_OVERRIDE)", d.how());
    }

    @Test
    void getfaclOutputIsParsedWithItsEffectiveRemarks() {
        PosixAcl acl = PosixAcl.parse("# file: /dev/kvm\n# owner: 0\n# group: 0\nuser::rw-\nuser:1001:rw-\t\t\t#effective:r--\n"
                + "group::---\ngroup:994:rw-\t\t#effective:r--\nmask::r--\nother::---\n\n");
        assertTrue(acl.extended());
        assertEquals(6, acl.entries().size());
        assertEquals(new PosixAcl.Entry("user", 1001, 6), acl.find("user", 1001));
        DeviceAccess.Decision d = DeviceAccess.readWrite(node(0640, 0, 0), 1001, Set.of(1001, 994), acl, NAMES);
        assertFalse(d.granted(), "the mask takes w away from the named entry");
        assertFalse(PosixAcl.parse("user::rw-\ngroup::rw-\nother::---\n").extended());
    }

    @Test
    void aNamedGroupEntryGrantsThroughTheAcl() {
        PosixAcl acl = PosixAcl.parse("user::rw-\ngroup::---\ngroup:994:rw-\nmask::rw-\nother::---\n");
        DeviceAccess.Decision d = DeviceAccess.readWrite(node(0660, 0, 0), 1001, Set.of(1001, 994), acl, NAMES);
        assertTrue(d.granted());
        assertEquals("through ACL group entry kvm: rw-", d.how());
        assertFalse(DeviceAccess.readWrite(node(0660, 0, 0), 1002, Set.of(1002), acl, NAMES).granted());
    }
}
