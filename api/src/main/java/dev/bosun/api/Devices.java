package dev.bosun.api;

/**
 * Character devices of the running kernel, for the facts only an ioctl tells (is KVM usable for this
 * process?). Read-only by construction: the only requests made are the {@link DeviceProbe}s, each
 * declared with its effect, none of which changes persistent state, so probes run under
 * {@code --dry-run} too.
 *
 * <p>The device behind a node is always the live kernel's. Under {@code --root DIR} the node is looked
 * up inside DIR (a fixture root's own {@code mknod} node reaches the same driver as {@code /dev/kvm}),
 * but the answer is about this kernel, not about the system in DIR.
 */
public interface Devices {
    /**
     * Opens the character device node at {@code hostPath} read+write as this process, for probes. The
     * path is resolved by the kernel inside the host root (a link cannot lead out of it, magic links are
     * refused), and the node found must be the character device {@code major:minor}: this is checked on
     * a descriptor that does not open the device ({@code O_PATH}) before the device itself is opened, so
     * no other device ever sees an open or an ioctl from a probe.
     *
     * @return the open device, or the errno the kernel refused the read+write open with ({@code EACCES},
     *     {@code ENXIO}, ...) for the caller to explain
     * @throws BosunException when nothing is at the path, it is not that device, or the kernel cannot do
     *     the checked open (no openat2, no /proc)
     */
    Opened open(String hostPath, int major, int minor);

    /**
     * The outcome of {@link #open}: exactly one of {@code device} and a non-zero {@code errno}.
     *
     * @param device the open device, or null
     * @param errno  why the kernel refused the open, or 0
     */
    record Opened(Device device, int errno) {
        public Opened {
            if ((device == null) == (errno == 0)) {
                throw new IllegalArgumentException("exactly one of device and errno");
            }
        }
    }

    /** An open device; close it when done. */
    interface Device extends AutoCloseable {
        /**
         * Makes the probe's ioctl with {@code arg}. A {@link DeviceProbe.Effect#TRANSIENT} probe's new
         * descriptor is closed before this returns; the result still carries its number. Fails when the
         * probe is for another device than the one open.
         */
        ProbeResult probe(DeviceProbe probe, long arg);

        @Override
        void close();
    }

    /**
     * The outcome of one probe.
     *
     * @param value what the ioctl returned (for a transient probe, the descriptor it had), or -1
     * @param errno the errno it failed with, or 0
     */
    record ProbeResult(int value, int errno) {
        /** True when the ioctl failed; {@link #errno} says why. */
        public boolean failed() {
            return value < 0;
        }
    }
}
