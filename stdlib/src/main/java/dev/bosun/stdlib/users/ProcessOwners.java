package dev.bosun.stdlib.users;

import dev.bosun.api.BosunException;
import dev.bosun.api.Fs;

import java.util.ArrayList;
import java.util.List;

/**
 * Which processes of the live host run as a uid: the {@code Uid:} line of {@code /proc/PID/status} lists
 * the real, effective, saved and file-system uid; any of them counts, since each can act as the user.
 */
public final class ProcessOwners {
    private ProcessOwners() {
    }

    public static List<Long> pidsOf(Fs fs, long uid) {
        List<Long> pids = new ArrayList<>();
        for (String name : fs.list("/proc")) {
            if (!PasswdEntry.isId(name)) {
                continue;
            }
            String status;
            try {
                status = fs.readIfExists("/proc/" + name + "/status");
            } catch (BosunException e) {
                continue; // the process exited between the listing and the read
            }
            if (status != null && runsAs(status, uid)) {
                pids.add(Long.parseLong(name));
            }
        }
        return pids;
    }

    static boolean runsAs(String status, long uid) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                for (String f : line.substring(4).trim().split("\\s+")) {
                    if (PasswdEntry.isId(f) && Long.parseLong(f) == uid) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
