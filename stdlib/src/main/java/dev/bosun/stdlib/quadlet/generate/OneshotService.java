package dev.bosun.stdlib.quadlet.generate;

/** {@code defaultOneshotServiceGroup}: the defaults of the services that create a resource and exit. */
final class OneshotService {
    private OneshotService() {
    }

    static void defaults(UnitDocument service, boolean remainAfterExit) {
        // The default syslog identifier would be "podman", which says nothing.
        if (service.lookup("Service", "SyslogIdentifier").isEmpty()) {
            service.set("Service", "SyslogIdentifier", "%N");
        }
        if (service.lookup("Service", "Type").isEmpty()) {
            service.set("Service", "Type", "oneshot");
        }
        if (remainAfterExit && service.lookup("Service", "RemainAfterExit").isEmpty()) {
            service.set("Service", "RemainAfterExit", "yes");
        }
    }
}
