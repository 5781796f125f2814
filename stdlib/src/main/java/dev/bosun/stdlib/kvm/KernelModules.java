package dev.bosun.stdlib.kvm;

import dev.bosun.api.Fs;

import java.util.List;

/**
 * The KVM modules the kernel has, from {@code /sys/module} (which also lists built-in modules with
 * parameters, and exists where {@code /proc/modules} does not, e.g. on kernels booted with nomodule).
 *
 * @param sysModulePresent false when {@code /sys/module} is missing (no sysfs in this root)
 * @param kvm              the names starting with {@code kvm} (kvm, kvm_intel, kvm_amd, kvm_pvm, kvm_hv, ...)
 * @param nestedModule     the vendor module whose {@code parameters/nested} was read, or null
 * @param nested           the raw value of that parameter (Y, N, 1, 0), or null
 */
record KernelModules(boolean sysModulePresent, List<String> kvm, String nestedModule, String nested) {
    static final List<String> NESTED_MODULES = List.of("kvm_intel", "kvm_amd");

    KernelModules {
        kvm = List.copyOf(kvm);
    }

    static KernelModules read(Fs fs) {
        boolean present = fs.exists("/sys/module");
        List<String> kvm = fs.list("/sys/module").stream().filter(n -> n.equals("kvm") || n.startsWith("kvm_")).toList();
        for (String m : NESTED_MODULES) {
            String value = fs.readIfExists("/sys/module/" + m + "/parameters/nested");
            if (value != null) {
                return new KernelModules(present, kvm, m, value.strip());
            }
        }
        return new KernelModules(present, kvm, null, null);
    }

    boolean loaded(String module) {
        return kvm.contains(module);
    }

    /** A module that drives the hardware (anything kvm_* next to the generic kvm). */
    boolean hasVendorModule() {
        return kvm.stream().anyMatch(m -> m.startsWith("kvm_"));
    }

    /** Y or 1 (kvm_intel prints Y/N, kvm_amd 1/0). */
    boolean nestedEnabled() {
        return nested != null && (nested.equals("Y") || nested.equals("y") || nested.equals("1"));
    }
}
