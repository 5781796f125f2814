package dev.bosun.stdlib.kvm;

import dev.bosun.api.FileStat;

/**
 * The fixes the checks recommend, worded as commands to run. Kept in one place so the check that
 * finds a problem and {@code kvm.ensureAccess} describe the same fix the same way.
 */
final class Remedies {
    /** The rule Debian's udev ships in 50-udev-default.rules; hosts without it get /dev/kvm as root:root 0600. */
    static final String UDEV_RULE = "KERNEL==\"kvm\", GROUP=\"kvm\", MODE=\"0660\"";
    static final String RELOGIN = "log out and back in (group membership applies to new login sessions only)";

    private Remedies() {
    }

    /** /dev/kvm is missing: which module to load, or why no module can work (only then the BIOS). */
    static String missingDevice(CpuInfo cpu, KernelModules modules) {
        if (modules.hasVendorModule()) {
            return "KVM modules are loaded (" + String.join(", ", modules.kvm()) + ") but the device node is missing: "
                    + "mount devtmpfs on /dev, or create it: mknod -m 0660 /dev/kvm c 10 232 && chgrp kvm /dev/kvm";
        }
        if (cpu.vmx() || cpu.svm()) {
            return loadModule(cpu);
        }
        if (cpu.x86()) {
            return noCpuFlags(cpu);
        }
        return "load the KVM module: modprobe kvm";
    }

    /**
     * The vendor module for a CPU that has the flag. The BIOS is named here because this is where the
     * evidence points to it: the CPU has the extension, yet its module is not loaded, and loading it
     * fails with "Operation not supported" exactly when the firmware has locked the extension off.
     */
    static String loadModule(CpuInfo cpu) {
        String module = cpu.vendorModule();
        return "load the module: modprobe " + module + "; if that fails with \"Operation not supported\", "
                + cpu.extensionName() + " is disabled in the BIOS/firmware: enable it there and reboot";
    }

    /** x86 without vmx/svm: inside a VM the host must pass them through; on bare metal the firmware hides them. */
    static String noCpuFlags(CpuInfo cpu) {
        if (cpu.hypervisor()) {
            return "this VM's CPU has no vmx/svm: enable nested virtualization for this VM on its host "
                    + "(or run a kernel with a paravirtualized KVM such as kvm_pvm)";
        }
        String module = cpu.vendorModule();
        return "no vmx/svm on a bare-metal CPU: Linux hides the flag when the firmware disables "
                + cpu.extensionName() + ", so enable it in the BIOS/firmware"
                + (module != null ? ", reboot, then modprobe " + module : "");
    }

    /** The device node is something else than the KVM misc device. */
    static String recreateNode() {
        return "recreate the node: rm /dev/kvm && mknod -m 0660 /dev/kvm c 10 232 && chgrp kvm /dev/kvm "
                + "(or let udev/devtmpfs create it)";
    }

    /**
     * How {@code user} gets read+write access: join the device's group when the group bits grant it,
     * else first give the device to group kvm (udev rule, or chgrp/chmod until reboot).
     */
    static String grantAccess(String user, FileStat device, Accounts accounts) {
        Accounts.Group deviceGroup = accounts.groupById(device.gid());
        boolean groupGrants = device.gid() != 0 && ((device.mode() >> 3) & 6) == 6 && deviceGroup != null;
        if (groupGrants) {
            String g = deviceGroup.name();
            return "add " + user + " to group " + g + ": "
                    + (g.equals("kvm") ? "kvm.ensureAccess(\"" + user + "\") or " : "")
                    + "usermod -aG " + g + " " + user + ", then " + user + " must " + RELOGIN;
        }
        boolean kvmGroupExists = accounts.group("kvm") != null;
        return "/dev/kvm is " + DeviceAccess.describe(device, accounts) + ", so no group grants access: give it to group kvm "
                + "with the udev rule " + UDEV_RULE + " in /etc/udev/rules.d/65-kvm.rules and "
                + "udevadm trigger --name-match=kvm (without udev: chgrp kvm /dev/kvm && chmod 0660 /dev/kvm, until reboot); "
                + (kvmGroupExists
                    ? "add " + user + " to group kvm: kvm.ensureAccess(\"" + user + "\") or usermod -aG kvm " + user
                    : "group kvm does not exist yet: kvm.ensureAccess(\"" + user + "\") creates it (groupadd -r kvm) and adds "
                        + user)
                + "; then " + user + " must " + RELOGIN;
    }

    /** The caller is a member on paper but the running session predates it. */
    static String relogin(String user, String group) {
        return user + " is in group " + group + " in /etc/group, but this session started before that: "
                + "log out and back in (or start a shell with newgrp " + group + ")";
    }
}
