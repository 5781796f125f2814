package dev.bosun.stdlib.rootless;

import java.util.ArrayList;
import java.util.List;

/**
 * The sysctls that allow an unprivileged user to create user namespaces, which every rootless container needs:
 * {@code user.max_user_namespaces} (0 forbids them), Debian's older {@code kernel.unprivileged_userns_clone} (0
 * forbids them; present on Debian kernels only) and Ubuntu's {@code kernel.apparmor_restrict_unprivileged_userns}
 * (1 allows them only to programs whose AppArmor profile says {@code userns}). Read from the root's /proc/sys.
 */
final class UserNamespaceFinding {
    static final String ID = "userns";
    private static final String TITLE = "if unprivileged users may create user namespaces";
    private static final String MAX = "/proc/sys/user/max_user_namespaces";
    private static final String CLONE = "/proc/sys/kernel/unprivileged_userns_clone";
    private static final String APPARMOR = "/proc/sys/kernel/apparmor_restrict_unprivileged_userns";

    private UserNamespaceFinding() {
    }

    static RootlessFinding of(Survey s) {
        SmallFile max = SmallFile.read(s.fs, MAX);
        SmallFile clone = SmallFile.read(s.fs, CLONE);
        SmallFile apparmor = SmallFile.read(s.fs, APPARMOR);
        if (!max.present() && !clone.present() && !apparmor.present()) {
            return RootlessFinding.skip(ID, TITLE, "no " + MAX + " under " + s.ctx.root());
        }
        List<String> seen = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (max.present()) {
            seen.add("user.max_user_namespaces = " + max.value());
            if (max.value().equals("0")) {
                failed.add("user.max_user_namespaces is 0: nobody may create a user namespace");
                fixes.add("sysctl -w user.max_user_namespaces=28633 and the same line in /etc/sysctl.d/90-userns.conf");
            }
        }
        if (clone.present()) {
            seen.add("kernel.unprivileged_userns_clone = " + clone.value());
            if (clone.value().equals("0")) {
                failed.add("kernel.unprivileged_userns_clone is 0: only root may create user namespaces");
                fixes.add("sysctl -w kernel.unprivileged_userns_clone=1 and the same line in /etc/sysctl.d/90-userns.conf");
            }
        }
        String detail = String.join(", ", seen);
        if (!failed.isEmpty()) {
            return RootlessFinding.fail(ID, TITLE, detail + "; " + String.join("; ", failed), String.join("; ", fixes));
        }
        if (apparmor.present()) {
            detail += (detail.isEmpty() ? "" : ", ") + "kernel.apparmor_restrict_unprivileged_userns = " + apparmor.value();
            if (apparmor.value().equals("1")) {
                return RootlessFinding.warn(ID, TITLE, detail + ": only programs whose AppArmor profile allows userns may "
                        + "create user namespaces, so Podman works only under a profile that allows them",
                        "if podman fails with \"cannot clone: Permission denied\": give it a profile with the rule "
                        + "\"userns,\" in /etc/apparmor.d/ and load it with apparmor_parser -r, or "
                        + "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (for every program)");
            }
        }
        return RootlessFinding.ok(ID, TITLE, detail);
    }
}
