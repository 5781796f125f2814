package dev.bosun.stdlib.quadlet.generate;

/** {@code defaultOneshotServiceGroup}: the defaults of the services that create a resource and exit. */
final class OneshotService {
    private OneshotService() {
    }

    /**
     * The service of a unit that pulls what its {@code key} names ({@code .image}: {@code podman image pull},
     * {@code .artifact}: {@code podman artifact pull}): the key is required, its flags are added in table order, the
     * name goes last, and the service is a oneshot that remains after exit. Returns the pulled name.
     */
    static String pull(Conversion c, String key, String noun, java.util.Map<String, String> strings,
                       java.util.Map<String, String> booleans) {
        ServiceSkeleton.start(c);
        String name = c.value(key);
        if (name.isEmpty()) {
            c.fail(null, "no " + key + " key specified");
        }
        PodmanArgv argv = c.command().add(noun, "pull");
        c.addStrings(argv, strings);
        c.addBooleans(argv, booleans);
        c.addPodmanArgs(argv);
        argv.add(name);
        c.exec("ExecStart", argv);
        defaults(c.service, true);
        return name;
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
