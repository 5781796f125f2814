package dev.bosun.stdlib.kvm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An open {@code /dev/kvm} and the system ioctls Bosun asks it (numbers from linux/kvm.h, KVMIO = 0xAE).
 * Every call is a real ioctl: the kernel, not /proc/cpuinfo, says whether KVM works.
 */
final class KvmDevice implements AutoCloseable {
    static final int EXPECTED_API_VERSION = 12;
    static final long KVM_GET_API_VERSION = 0xAE00L;
    static final long KVM_CREATE_VM = 0xAE01L;
    static final long KVM_CHECK_EXTENSION = 0xAE03L;

    /**
     * The capabilities reported, by their KVM_CAP_* name and number. Most answer 0/1; NR_VCPUS,
     * MAX_VCPUS, NR_MEMSLOTS and MAX_VCPU_ID answer a count.
     */
    static final Map<String, Integer> CAPABILITIES = capabilities();

    private final int fd;
    private boolean closed;

    private KvmDevice(int fd) {
        this.fd = fd;
    }

    /** Opens the device read+write as this process; the errno tells why when it cannot. */
    static Opened open(String realPath) {
        NativeCalls.Result r = NativeCalls.open(realPath, NativeCalls.O_RDWR | NativeCalls.O_CLOEXEC);
        return r.failed() ? new Opened(null, r.errno()) : new Opened(new KvmDevice(r.value()), 0);
    }

    /** Either an open device or the errno of the failed open. */
    record Opened(KvmDevice device, int errno) {
    }

    NativeCalls.Result apiVersion() {
        return NativeCalls.ioctl(fd, KVM_GET_API_VERSION, 0);
    }

    /** Creates a VM (machine type 0) and closes its fd at once; the result's value is the fd it had. */
    NativeCalls.Result createVm() {
        NativeCalls.Result r = NativeCalls.ioctl(fd, KVM_CREATE_VM, 0);
        if (!r.failed()) {
            NativeCalls.close(r.value());
        }
        return r;
    }

    NativeCalls.Result checkExtension(int capability) {
        return NativeCalls.ioctl(fd, KVM_CHECK_EXTENSION, capability);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            NativeCalls.close(fd);
        }
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
