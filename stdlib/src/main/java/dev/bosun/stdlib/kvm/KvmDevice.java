package dev.bosun.stdlib.kvm;

import dev.bosun.api.DeviceProbe;
import dev.bosun.api.Devices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An open {@code /dev/kvm} and the system ioctls Bosun asks it, made through {@link Devices} (the effect
 * layer opens the node and makes the declared {@link DeviceProbe}s). Every call is a real ioctl: the
 * kernel, not /proc/cpuinfo, says whether KVM works.
 */
final class KvmDevice implements AutoCloseable {
    static final int EXPECTED_API_VERSION = 12;

    /**
     * The capabilities reported, by their KVM_CAP_* name and number. Most answer 0/1; NR_VCPUS,
     * MAX_VCPUS, NR_MEMSLOTS and MAX_VCPU_ID answer a count.
     */
    static final Map<String, Integer> CAPABILITIES = capabilities();

    private final Devices.Device device;

    private KvmDevice(Devices.Device device) {
        this.device = device;
    }

    /** Opens the device node (a host path, resolved in the root) read+write as this process; the errno tells why when it cannot. */
    static Opened open(Devices devices, String hostPath) {
        Devices.Opened o = devices.open(hostPath, KvmChecks.MISC_MAJOR, KvmChecks.KVM_MINOR);
        return o.device() == null ? new Opened(null, o.errno()) : new Opened(new KvmDevice(o.device()), 0);
    }

    /** Either an open device or the errno of the failed open. */
    record Opened(KvmDevice device, int errno) {
    }

    Devices.ProbeResult apiVersion() {
        return device.probe(DeviceProbe.KVM_GET_API_VERSION, 0);
    }

    /** Creates a VM (machine type 0); the effect layer closes its fd at once. The result's value is the fd it had. */
    Devices.ProbeResult createVm() {
        return device.probe(DeviceProbe.KVM_CREATE_VM, 0);
    }

    Devices.ProbeResult checkExtension(int capability) {
        return device.probe(DeviceProbe.KVM_CHECK_EXTENSION, capability);
    }

    @Override
    public void close() {
        device.close();
    }

    private static Map<String, Integer> capabilities() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("IRQCHIP", 0);
        m.put("HLT", 1);
        m.put("USER_MEMORY", 3);
        m.put("SET_TSS_ADDR", 4);
        m.put("EXT_CPUID", 7);
        m.put("NR_VCPUS", 9);
        m.put("NR_MEMSLOTS", 10);
        m.put("MP_STATE", 14);
        m.put("SYNC_MMU", 16);
        m.put("IRQ_ROUTING", 25);
        m.put("IRQFD", 32);
        m.put("IOEVENTFD", 36);
        m.put("MAX_VCPUS", 66);
        m.put("ONE_REG", 70);
        m.put("READONLY_MEM", 81);
        m.put("CHECK_EXTENSION_VM", 105);
        m.put("SPLIT_IRQCHIP", 121);
        m.put("MAX_VCPU_ID", 128);
        m.put("IMMEDIATE_EXIT", 136);
        m.put("NESTED_STATE", 157);
        return Collections.unmodifiableMap(m);
    }
}
