package dev.bosun.stdlib.kvm;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code /proc/cpuinfo} says about virtualization: the x86 {@code flags} (vmx, svm, hypervisor),
 * s390's {@code features} (sie) and the vendor. Informational only: a paravirtualized KVM (kvm_pvm)
 * works without vmx/svm, and Linux hides vmx when the firmware has locked VT-x off.
 *
 * @param present    false when the file could not be read
 * @param vendor     {@code vendor_id} (GenuineIntel, AuthenticAMD, ...) or null
 * @param flags      the union of all flag/feature words
 * @param x86        true when the file has x86-style {@code flags} lines
 */
record CpuInfo(boolean present, String vendor, Set<String> flags, boolean x86) {
    CpuInfo {
        flags = Set.copyOf(flags);
    }

    static CpuInfo parse(String text) {
        if (text == null) {
            return new CpuInfo(false, null, Set.of(), false);
        }
        String vendor = null;
        boolean x86 = false;
        Set<String> flags = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "vendor_id" -> vendor = vendor == null ? value : vendor;
                case "flags" -> {
                    x86 = true;
                    addWords(flags, value);
                }
                case "Features", "features", "facilities" -> addWords(flags, value);
                default -> {
                }
            }
        }
        return new CpuInfo(true, vendor, flags, x86);
    }

    private static void addWords(Set<String> into, String value) {
        for (String w : value.split("\\s+")) {
            if (!w.isEmpty()) {
                into.add(w);
            }
        }
    }

    boolean vmx() {
        return flags.contains("vmx");
    }

    boolean svm() {
        return flags.contains("svm");
    }

    boolean hypervisor() {
        return flags.contains("hypervisor");
    }

    boolean intel() {
        return vmx() || "GenuineIntel".equals(vendor);
    }

    boolean amd() {
        return svm() || "AuthenticAMD".equals(vendor) || "HygonGenuine".equals(vendor);
    }

    /** The KVM vendor module this CPU wants, or null when neither vendor nor flags tell. */
    String vendorModule() {
        return vmx() ? "kvm_intel" : svm() ? "kvm_amd" : intel() ? "kvm_intel" : amd() ? "kvm_amd" : null;
    }

    /** The marketing name of the extension the vendor module needs. */
    String extensionName() {
        return intel() ? "VT-x (vmx)" : amd() ? "AMD-V (svm)" : "hardware virtualization";
    }
}
