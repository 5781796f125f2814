package dev.bosun.stdlib.audit;

import dev.bosun.api.Caller;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who ran Bosun, for the audit trail. Under sudo the process's real uid is 0 and the person is in
 * {@code SUDO_UID}/{@code SUDO_USER}, which sudo sets; they are believed only when the real uid is 0 (an
 * unprivileged user can put anything in their environment, and root could write any row anyway).
 *
 * @param uid  the invoking user's uid
 * @param user the invoking user's name
 */
record Invoker(int uid, String user) {
    private static final Pattern UID = Pattern.compile("[0-9]{1,10}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}\\$?");

    static Invoker of(Caller caller, Map<String, String> env) {
        String sudoUid = env.get("SUDO_UID");
        if (caller.uid() == 0 && sudoUid != null && UID.matcher(sudoUid).matches()) {
            long uid = Long.parseLong(sudoUid);
            if (uid <= 0xFFFF_FFFFL) {
                String name = env.get("SUDO_USER");
                return new Invoker((int) uid, name != null && NAME.matcher(name).matches() ? name : Long.toString(uid));
            }
        }
        return new Invoker(caller.uid(), caller.user());
    }
}
