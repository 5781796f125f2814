package dev.bosun.api;

/**
 * Every ioctl Bosun may make on a device, each declared with the device it is for and what it does to
 * the kernel's state. {@link Devices} makes no other request: an ioctl that is not listed is not made at
 * all, so an unreviewed request number can never reach a driver (an unknown effect counts as mutating,
 * and mutating ioctls have no place here). Numbers are from linux/kvm.h ({@code KVMIO = 0xAE}).
 */
public enum DeviceProbe {
    /** {@code KVM_GET_API_VERSION}: the KVM API version (12 on every Linux since 2.6.22). */
    KVM_GET_API_VERSION(10, 232, 0xAE00L, Effect.READS),
    /** {@code KVM_CHECK_EXTENSION}: whether (or how much of) a capability the argument names is there. */
    KVM_CHECK_EXTENSION(10, 232, 0xAE03L, Effect.READS),
    /**
     * {@code KVM_CREATE_VM}: creates an empty VM (argument: machine type, 0) and returns its descriptor,
     * which {@link Devices.Device#probe} closes at once; closing the last descriptor destroys the VM.
     */
    KVM_CREATE_VM(10, 232, 0xAE01L, Effect.TRANSIENT);

    /** What a probe leaves behind. */
    public enum Effect {
        /** Reads kernel state and changes nothing. */
        READS,
        /** Creates a kernel object that is destroyed before the probe returns: nothing outlives the call. */
        TRANSIENT
    }

    private final int major;
    private final int minor;
    private final long request;
    private final Effect effect;

    DeviceProbe(int major, int minor, long request, Effect effect) {
        this.major = major;
        this.minor = minor;
        this.request = request;
        this.effect = effect;
    }

    /** Major number of the character device the request is for (10: misc). */
    public int major() {
        return major;
    }

    /** Minor number of the character device the request is for (232: kvm). */
    public int minor() {
        return minor;
    }

    /** The ioctl request number. */
    public long request() {
        return request;
    }

    /** What the probe leaves behind in the kernel. */
    public Effect effect() {
        return effect;
    }
}
