package dev.bosun.stdlib.kvm;

import dev.bosun.api.Check;
import dev.bosun.api.Devices;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The KVM preflight ladder. The four gating checks ask the kernel (stat, open, ioctl); CPU flags,
 * modules and groups are reported but never gate, because a paravirtualized KVM works without
 * vmx/svm. Every file is read through {@link Fs}, so a fixture root exercises the same code.
 */
final class KvmChecks {
    static final String DEVICE = "/dev/kvm";
    static final int MISC_MAJOR = 10;
    static final int KVM_MINOR = 232;

    private final HostContext ctx;
    private final Fs fs;
    private final Accounts accounts;
    private final CpuInfo cpu;
    private final KernelModules modules;
    private final FileStat device;

    KvmChecks(HostContext ctx) {
        this.ctx = ctx;
        this.fs = ctx.fs();
        this.accounts = Accounts.read(fs);
        this.cpu = CpuInfo.parse(fs.readIfExists("/proc/cpuinfo"));
        this.modules = KernelModules.read(fs);
        this.device = fs.stat(DEVICE);
    }

    /** Runs the ladder for the caller, or, with {@code user}, computes access for that user. */
    KvmCheckResult run(String user) {
        Accounts.User target = null;
        if (user != null) {
            target = accounts.user(user);
            if (target == null) {
                throw new InvalidValueException("user", Check.quote(user) + " is not a user in "
                        + ctx.root().resolve("etc/passwd"));
            }
        }
        KvmCheck exists = exists();
        boolean usable = exists.passed();
        KvmDevice.Opened opened = usable ? KvmDevice.open(ctx.devices(), DEVICE) : null;
        try {
            KvmDevice kvm = opened != null ? opened.device() : null;
            KvmCheck accessible = !usable
                    ? KvmCheck.skip("accessible", accessTitle(user), "skipped: " + DEVICE + " is not the KVM device (see exists)")
                    : target != null ? accessibleFor(target) : accessibleForCaller(opened);
            Integer apiVersion = null;
            KvmCheck api;
            KvmCheck createVm;
            Map<String, Integer> caps = new LinkedHashMap<>();
            KvmCheck capabilities;
            if (kvm == null) {
                String why = !usable ? "skipped: " + DEVICE + " is not the KVM device (see exists)"
                        : "skipped: " + callerName() + " cannot open " + DEVICE + ": " + Errno.describe(opened.errno())
                            + " (see accessible)";
                api = KvmCheck.skip("apiVersion", "for KVM API version 12", why);
                createVm = KvmCheck.skip("createVm", "if a VM can be created (KVM_CREATE_VM)", why);
                capabilities = KvmCheck.skip("capabilities", "for KVM capabilities (KVM_CHECK_EXTENSION)", why);
            } else {
                Devices.ProbeResult r = kvm.apiVersion();
                apiVersion = r.failed() ? null : r.value();
                api = apiVersion(r);
                createVm = createVm(kvm.createVm());
                capabilities = capabilities(kvm, caps);
            }
            boolean kvmWorks = api.passed() && createVm.passed();
            List<KvmCheck> checks = new ArrayList<>(List.of(exists, accessible, api, createVm, capabilities,
                    cpuFlags(kvmWorks), nested(), modules(kvmWorks), kvmGroup(user),
                    node("vhostNet", "/dev/vhost-net", CheckStatus.WARN, "modprobe vhost_net"),
                    node("vhostVsock", "/dev/vhost-vsock", CheckStatus.WARN, "modprobe vhost_vsock"),
                    node("tun", "/dev/net/tun", CheckStatus.FAIL, "modprobe tun")));
            boolean ok = exists.passed() && accessible.passed() && api.passed() && createVm.passed();
            return new KvmCheckResult(ok, checks, apiVersion, caps);
        } finally {
            if (opened != null && opened.device() != null) {
                opened.device().close();
            }
        }
    }

    private KvmCheck exists() {
        String id = "exists";
        String title = "if device " + DEVICE + " exists (char " + MISC_MAJOR + ":" + KVM_MINOR + ")";
        if (device == null) {
            return new KvmCheck(id, title, CheckStatus.FAIL, DEVICE + " does not exist", Remedies.missingDevice(cpu, modules));
        }
        String seen = DeviceAccess.describe(device, accounts);
        if (device.type() != FileStat.Type.CHAR_DEVICE) {
            return new KvmCheck(id, title, CheckStatus.FAIL, DEVICE + " is a " + device.type() + " (" + seen
                    + "), not a character device", Remedies.recreateNode());
        }
        String numbers = device.rdevMajor() + ":" + device.rdevMinor();
        if (device.rdevMajor() != MISC_MAJOR || device.rdevMinor() != KVM_MINOR) {
            return new KvmCheck(id, title, CheckStatus.FAIL, DEVICE + " is char device " + numbers + " (" + seen
                    + "), not the KVM misc device " + MISC_MAJOR + ":" + KVM_MINOR, Remedies.recreateNode());
        }
        return KvmCheck.pass(id, title, seen + " " + numbers);
    }

    private String accessTitle(String user) {
        return "if " + DEVICE + " is accessible (read+write) for " + (user != null ? user : callerName());
    }

    private String callerName() {
        Accounts.User u = accounts.userById(ctx.caller().euid());
        return u != null ? u.name() : ctx.caller().user();
    }

    /** Another user: decided from the mode bits, owner, group membership in etc/group and the ACL. */
    private KvmCheck accessibleFor(Accounts.User user) {
        String title = accessTitle(user.name());
        PosixAcl acl = user.uid() == 0 ? null : readAcl();
        Set<Integer> gids = accounts.gidsOf(user);
        DeviceAccess.Decision d = DeviceAccess.readWrite(device, user.uid(), gids, acl, accounts);
        String who = user.name() + " (uid " + user.uid() + ", groups " + gids.stream().map(accounts::groupName)
                .collect(Collectors.joining(",")) + ")";
        String seen = DEVICE + " is " + DeviceAccess.describe(device, accounts);
        if (d.granted()) {
            String relogin = d.byGroup() != null && Accounts.listsMember(accounts.groupById(d.byGroup()), user.name())
                    ? "; membership in " + accounts.groupName(d.byGroup())
                        + " applies to new login sessions only: sessions started before it was added must re-login"
                    : "";
            return KvmCheck.pass("accessible", title, who + " may open it read+write " + d.how() + "; " + seen
                    + relogin + aclNote(acl, user.uid()));
        }
        return new KvmCheck("accessible", title, CheckStatus.FAIL, who + " cannot open it read+write " + d.how()
                + "; " + seen + aclNote(acl, user.uid()), Remedies.grantAccess(user.name(), device, accounts));
    }

    /** The caller: open(O_RDWR) for real; the file-based decision only explains a refusal. */
    private KvmCheck accessibleForCaller(KvmDevice.Opened opened) {
        String name = callerName();
        String title = accessTitle(null);
        int euid = ctx.caller().euid();
        String seen = DEVICE + " is " + DeviceAccess.describe(device, accounts);
        if (opened.device() != null) {
            String why = euid == 0 ? "root bypasses the permission bits (CAP_DAC_OVERRIDE)"
                    : "the kernel allowed it";
            return KvmCheck.pass("accessible", title, "open(O_RDWR) succeeded as " + name + " (uid " + euid + "): "
                    + why + "; " + seen);
        }
        String failed = "open(" + DEVICE + ", O_RDWR) as " + name + " (uid " + euid + ") failed: "
                + Errno.describe(opened.errno()) + "; " + seen;
        if (opened.errno() == Errno.ENXIO || opened.errno() == Errno.ENODEV) {
            return new KvmCheck("accessible", title, CheckStatus.FAIL, failed + "; the node has no driver behind it",
                    Remedies.missingDevice(cpu, new KernelModules(modules.sysModulePresent(), List.of(), null, null)));
        }
        if (opened.errno() != Errno.EACCES && opened.errno() != Errno.EPERM) {
            return new KvmCheck("accessible", title, CheckStatus.FAIL, failed, "check the kernel log (dmesg) for kvm errors");
        }
        Accounts.User me = accounts.userById(euid);
        if (me == null) {
            return new KvmCheck("accessible", title, CheckStatus.FAIL, failed + "; uid " + euid + " is not in /etc/passwd",
                    Remedies.grantAccess(name, device, accounts));
        }
        PosixAcl acl = readAcl();
        DeviceAccess.Decision onPaper = DeviceAccess.readWrite(device, euid, accounts.gidsOf(me), acl, accounts);
        if (onPaper.granted() && onPaper.byGroup() != null) {
            return new KvmCheck("accessible", title, CheckStatus.FAIL, failed + "; per /etc/group " + name
                    + " would be allowed " + onPaper.how(), Remedies.relogin(name, accounts.groupName(onPaper.byGroup())));
        }
        return new KvmCheck("accessible", title, CheckStatus.FAIL, failed + "; " + onPaper.how() + aclNote(acl, euid),
                Remedies.grantAccess(name, device, accounts));
    }

    /** The device's access ACL via getfacl, or null when getfacl is missing or fails. */
    private PosixAcl readAcl() {
        return PosixAcl.read(ctx, DEVICE);
    }

    private String aclNote(PosixAcl acl, int uid) {
        if (uid == 0) {
            return "";
        }
        if (acl == null) {
            return ctx.exec().available("getfacl") ? "; POSIX ACL could not be read"
                    : "; POSIX ACLs not checked (getfacl not installed: package acl)";
        }
        return acl.extended() ? "; has a POSIX ACL" : "; no POSIX ACL";
    }

    private KvmCheck apiVersion(Devices.ProbeResult r) {
        String title = "for KVM API version 12";
        if (r.failed()) {
            return new KvmCheck("apiVersion", title, CheckStatus.FAIL, "KVM_GET_API_VERSION failed: " + Errno.describe(r.errno()),
                    "check the kernel log (dmesg) for kvm errors");
        }
        if (r.value() != KvmDevice.EXPECTED_API_VERSION) {
            return new KvmCheck("apiVersion", title, CheckStatus.FAIL, "KVM_GET_API_VERSION returned " + r.value()
                    + "; every current VMM requires 12", "use a kernel whose KVM speaks API version 12 (any Linux since 2.6.22)");
        }
        return KvmCheck.pass("apiVersion", title, "KVM_GET_API_VERSION returned 12 (asked as " + callerName() + ")");
    }

    private KvmCheck createVm(Devices.ProbeResult r) {
        String title = "if a VM can be created (KVM_CREATE_VM)";
        if (!r.failed()) {
            return KvmCheck.pass("createVm", title, "KVM_CREATE_VM returned a VM fd, closed again (asked as " + callerName() + ")");
        }
        String hint = (cpu.vmx() || cpu.svm()) && !modules.hasVendorModule() ? Remedies.loadModule(cpu)
                : "check the kernel log (dmesg) for kvm errors; another hypervisor (VirtualBox, VMware) may hold "
                    + cpu.extensionName() + ", and EMFILE/ENOMEM point at process limits";
        return new KvmCheck("createVm", title, CheckStatus.FAIL, "KVM_CREATE_VM failed: " + Errno.describe(r.errno()), hint);
    }

    private KvmCheck capabilities(KvmDevice kvm, Map<String, Integer> into) {
        String title = "for KVM capabilities (KVM_CHECK_EXTENSION)";
        for (Map.Entry<String, Integer> cap : KvmDevice.CAPABILITIES.entrySet()) {
            Devices.ProbeResult r = kvm.checkExtension(cap.getValue());
            if (!r.failed()) {
                into.put(cap.getKey(), r.value());
            }
        }
        String summary = into.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        if (into.getOrDefault("USER_MEMORY", 0) < 1) {
            return new KvmCheck("capabilities", title, CheckStatus.WARN, "no KVM_CAP_USER_MEMORY, which every VMM needs; " + summary,
                    "use a kernel with a complete KVM (user memory slots are standard since Linux 2.6.26)");
        }
        return KvmCheck.pass("capabilities", title, summary);
    }

    private KvmCheck cpuFlags(boolean kvmWorks) {
        String id = "cpuFlags";
        String title = "for hardware virtualization CPU flags";
        if (!cpu.present()) {
            return KvmCheck.skip(id, title, "no /proc/cpuinfo under this root");
        }
        String vm = cpu.hypervisor() ? "; hypervisor flag set: this is a VM" : "";
        if (cpu.vmx() || cpu.svm()) {
            return KvmCheck.pass(id, title, (cpu.vmx() ? "vmx (Intel VT-x)" : "svm (AMD-V)") + " present" + vm);
        }
        if (!cpu.x86()) {
            return cpu.flags().contains("sie") ? KvmCheck.pass(id, title, "sie present (s390)")
                    : KvmCheck.skip(id, title, "this architecture has no virtualization flag in /proc/cpuinfo");
        }
        if (kvmWorks) {
            String inVm = cpu.hypervisor() ? " (hypervisor flag set: this is a VM)" : "";
            return new KvmCheck(id, title, CheckStatus.WARN, "no vmx/svm in /proc/cpuinfo" + inVm + ", yet KVM works: "
                    + "KVM_GET_API_VERSION returned 12 and KVM_CREATE_VM succeeded"
                    + (modules.kvm().isEmpty() ? "" : " (modules: " + String.join(", ", modules.kvm()) + ")")
                    + ". kvm-ok and virt-host-validate decide from these flags and report KVM unusable here; "
                    + "the flags are informational only", null);
        }
        // virt-host-validate's level for this check is FAIL; it does not gate ok here either.
        return new KvmCheck(id, title, CheckStatus.FAIL, "no vmx/svm in /proc/cpuinfo" + vm, Remedies.noCpuFlags(cpu));
    }

    private KvmCheck nested() {
        String title = "for nested virtualization";
        if (modules.nested() == null) {
            return KvmCheck.skip("nested", title, "no nested parameter: neither kvm_intel nor kvm_amd is loaded"
                    + (modules.kvm().isEmpty() ? "" : " (KVM modules: " + String.join(", ", modules.kvm()) + ")"));
        }
        String seen = modules.nestedModule() + " nested=" + modules.nested();
        if (modules.nestedEnabled()) {
            return KvmCheck.pass("nested", title, seen + ": guests can run their own VMs");
        }
        return new KvmCheck("nested", title, CheckStatus.WARN, seen + ": guests cannot run their own VMs",
                "only needed for VMs inside VMs: echo 'options " + modules.nestedModule() + " nested=1' > "
                        + "/etc/modprobe.d/kvm-nested.conf, then with no VM running: modprobe -r " + modules.nestedModule()
                        + " && modprobe " + modules.nestedModule());
    }

    private KvmCheck modules(boolean kvmWorks) {
        String title = "for KVM kernel modules";
        if (!modules.sysModulePresent()) {
            return KvmCheck.skip("modules", title, "no /sys/module under this root");
        }
        String loaded = modules.kvm().isEmpty() ? "no KVM module loaded" : "loaded: " + String.join(", ", modules.kvm());
        if (modules.hasVendorModule() || kvmWorks) {
            return KvmCheck.pass("modules", title, loaded);
        }
        String hint = cpu.vmx() || cpu.svm() ? Remedies.loadModule(cpu)
                : cpu.x86() ? Remedies.noCpuFlags(cpu) : "load the KVM module: modprobe kvm";
        return new KvmCheck("modules", title, CheckStatus.WARN, loaded, hint);
    }

    private KvmCheck kvmGroup(String user) {
        String title = "if group kvm exists";
        String who = user != null ? user : callerName();
        // Root needs no group; the fix is for whoever will run the VMs.
        String forWhom = who.equals("root") ? "<user>" : who;
        Accounts.Group g = accounts.group("kvm");
        if (g == null) {
            return new KvmCheck("kvmGroup", title, CheckStatus.WARN, "no group kvm in /etc/group (udev's package creates it; "
                    + "without udev nothing does)", "kvm.ensureAccess(\"" + forWhom + "\") creates it as a system group "
                    + "(groupadd -r kvm) and adds " + forWhom + "; the udev rule " + Remedies.UDEV_RULE + " gives /dev/kvm to it");
        }
        Accounts.User u = accounts.user(who);
        boolean member = u != null && accounts.gidsOf(u).contains(g.gid());
        String detail = "kvm (gid " + g.gid() + "), members: " + (g.members().isEmpty() ? "none" : String.join(", ", g.members()))
                + "; " + who + (member ? " is" : " is not") + " a member";
        if (device != null && device.gid() != g.gid()) {
            return new KvmCheck("kvmGroup", title, CheckStatus.WARN, detail + "; but " + DEVICE + " belongs to group "
                    + accounts.groupName(device.gid()) + ", not kvm", "give " + DEVICE + " to group kvm with the udev rule "
                    + Remedies.UDEV_RULE + " (without udev: chgrp kvm /dev/kvm && chmod 0660 /dev/kvm, until reboot)");
        }
        return KvmCheck.pass("kvmGroup", title, detail);
    }

    /** A device node VMMs use next to /dev/kvm; the level when missing is virt-host-validate's. */
    private KvmCheck node(String id, String path, CheckStatus missing, String fix) {
        String title = "if device " + path + " exists";
        FileStat st = fs.stat(path);
        if (st == null) {
            return new KvmCheck(id, title, missing, path + " does not exist", "load the module: " + fix);
        }
        if (st.type() != FileStat.Type.CHAR_DEVICE) {
            return new KvmCheck(id, title, missing, path + " is a " + st.type() + ", not a character device",
                    "remove " + path + ", then load the module: " + fix);
        }
        return KvmCheck.pass(id, title, DeviceAccess.describe(st, accounts) + " " + st.rdevMajor() + ":" + st.rdevMinor());
    }
}
