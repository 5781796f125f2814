package dev.bosun.stdlib.overlay;

/**
 * Which xattr names overlayfs reads: {@code trusted.overlay.*} for root in the initial user namespace,
 * {@code user.overlay.*} with the {@code userxattr} mount option everywhere else (the kernel refuses
 * trusted.* to anyone without CAP_SYS_ADMIN in the initial namespace).
 */
enum XattrNamespace {
    TRUSTED("trusted"), USER("user");

    private final String label;

    XattrNamespace(String label) {
        this.label = label;
    }

    static XattrNamespace forProcess(boolean root, boolean initialUserNamespace) {
        return root && initialUserNamespace ? TRUSTED : USER;
    }

    static XattrNamespace of(String label) {
        return label.equals("user") ? USER : TRUSTED;
    }

    String opaque() {
        return label + ".overlay.opaque";
    }

    String whiteout() {
        return label + ".overlay.whiteout";
    }

    @Override
    public String toString() {
        return label;
    }
}
