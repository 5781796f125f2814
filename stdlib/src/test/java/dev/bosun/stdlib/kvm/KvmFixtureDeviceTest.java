package dev.bosun.stdlib.kvm;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.bosun.stdlib.kvm.KvmFixtureTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real device nodes made with mknod in a fixture root: device numbers, owners, modes and ACLs, and
 * the access each fixture user gets. A 10:232 node anywhere reaches the real KVM driver, so the
 * caller's open and ioctls run for real through the fixture's /dev/kvm.
 */
class KvmFixtureDeviceTest {
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mknod and chown need root");
        root = ScratchRoot.empty();
        root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n"
                + "bob:x:1001:1001::/home/bob:/bin/sh\ncarol:x:1002:994::/home/carol:/bin/sh\n");
        root.write("/etc/group", "root:x:0:\nalice:x:1000:\nbob:x:1001:\ncarol:x:1002:\n");
        Files.createDirectories(root.path("/dev"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    private void node(String mode, int major, int minor, String owner) {
        String path = root.path("/dev/kvm").toString();
        run(root, "mknod", "-m", mode, path, "c", String.valueOf(major), String.valueOf(minor));
        run(root, "chown", owner, path);
    }

    private KvmCheckResult check(String user) {
        try (LocalHostContext ctx = root.context(false)) {
            return new KvmModule().check(ctx, new CheckOptions(user));
        }
    }

    @Test
    void theDeviceNumbersAreReadFromTheFixtureAndTheIoctlsRunThroughIt() {
        node("0600", 10, 232, "0:0");
        KvmCheckResult r = check(null);
        assertEquals("crw------- root:root 10:232", r.check("exists").detail());
        Assumptions.assumeTrue(Files.exists(Path.of("/sys/module/kvm")), "no KVM driver in this kernel");
        assertTrue(r.ok(), () -> KvmReport.render(r));
        assertEquals(12, r.apiVersion());
    }

    @Test
    void anotherCharDeviceIsNotKvm() {
        node("0666", 1, 3, "0:0");
        KvmCheckResult r = check(null);
        KvmCheck exists = r.check("exists");
        assertEquals(CheckStatus.FAIL, exists.status());
        assertEquals("/dev/kvm is char device 1:3 (crw-rw-rw- root:root), not the KVM misc device 10:232", exists.detail());
        assertTrue(exists.hint().startsWith("recreate the node: rm /dev/kvm && mknod -m 0660 /dev/kvm c 10 232"));
        assertEquals(CheckStatus.SKIP, r.check("accessible").status());
        assertEquals(CheckStatus.SKIP, r.check("createVm").status());
        assertNull(r.apiVersion());
        assertFalse(r.ok());
    }

    @Test
    void withoutAKvmGroupTheHintCreatesItAndGivesItTheDevice() {
        node("0600", 10, 232, "0:0");
        KvmCheckResult r = check("alice");
        assertFalse(r.ok());
        KvmCheck access = r.check("accessible");
        assertEquals(CheckStatus.FAIL, access.status());
        assertTrue(access.detail().startsWith("alice (uid 1000, groups alice) cannot open it read+write as other: ---"),
                access.detail());
        assertEquals("/dev/kvm is crw------- root:root, so no group grants access: give it to group kvm with the udev rule "
                + "KERNEL==\"kvm\", GROUP=\"kvm\", MODE=\"0660\" in /etc/udev/rules.d/65-kvm.rules and udevadm trigger "
                + "--name-match=kvm (without udev: chgrp kvm /dev/kvm && chmod 0660 /dev/kvm, until reboot); group kvm "
                + "does not exist yet: kvm.ensureAccess(\"alice\") creates it (groupadd -r kvm) and adds alice; then alice "
                + "must log out and back in (group membership applies to new login sessions only)", access.hint());
    }

    @Test
    void groupMembershipFromTheFixtureGroupFileDecides() throws IOException {
        root.write("/etc/group", "root:x:0:\nalice:x:1000:\nbob:x:1001:\nkvm:x:994:alice\n");
        node("0660", 10, 232, "0:994");

        KvmCheck alice = check("alice").check("accessible");
        assertEquals(CheckStatus.PASS, alice.status());
        assertTrue(alice.detail().contains("may open it read+write through group kvm (gid 994): rw-"), alice.detail());
        assertTrue(alice.detail().contains("applies to new login sessions only"), alice.detail());

        KvmCheck carol = check("carol").check("accessible");
        assertEquals(CheckStatus.PASS, carol.status(), carol.detail());
        assertFalse(carol.detail().contains("login sessions"), "a primary group needs no re-login note: " + carol.detail());

        KvmCheck bob = check("bob").check("accessible");
        assertEquals(CheckStatus.FAIL, bob.status());
        assertEquals("add bob to group kvm: kvm.ensureAccess(\"bob\") or usermod -aG kvm bob, then bob must log out and "
                + "back in (group membership applies to new login sessions only)", bob.hint());
    }

    @Test
    void theOwnerBitsApplyToTheOwner() {
        node("0600", 10, 232, "1000:0");
        assertEquals(CheckStatus.PASS, check("alice").check("accessible").status());
        assertEquals(CheckStatus.FAIL, check("bob").check("accessible").status());
    }

    @Test
    void aPosixAclGrantsANamedUserAndItsMaskLimitsIt() {
        try (LocalHostContext ctx = root.context(false)) {
            Assumptions.assumeTrue(ctx.exec().available("setfacl") && ctx.exec().available("getfacl"),
                    "setfacl/getfacl not installed (package acl)");
        }
        node("0600", 10, 232, "0:0");
        String path = root.path("/dev/kvm").toString();
        run(root, "setfacl", "-m", "u:1001:rw", path);
        KvmCheck bob = check("bob").check("accessible");
        assertEquals(CheckStatus.PASS, bob.status(), bob.detail());
        assertTrue(bob.detail().contains("through ACL entry user:bob: rw-"), bob.detail());
        assertTrue(bob.detail().endsWith("; has a POSIX ACL"), bob.detail());
        assertEquals(CheckStatus.FAIL, check("alice").check("accessible").status());

        run(root, "setfacl", "-m", "m::r", path);
        KvmCheck masked = check("bob").check("accessible");
        assertEquals(CheckStatus.FAIL, masked.status());
        assertTrue(masked.detail().contains("through ACL entry user:bob (limited by mask r--): r--"), masked.detail());
    }
}
