package dev.bosun.stdlib.quadlet.generate;

import java.util.Map;

/**
 * {@code .pod} → a forking service: {@code pod create} before start, {@code pod start}, {@code pod stop} and
 * {@code pod rm}; it wants the services of the containers that joined it with {@code Pod=} (and start with it).
 */
final class PodConverter {
    private static final Map<String, String> STRING_FLAGS = ContainerConverter.ordered(
            "IP", "--ip", "IP6", "--ip6", "ShmSize", "--shm-size");
    private static final Map<String, String> ALL_STRING_FLAGS = ContainerConverter.ordered(
            "NetworkAlias", "--network-alias", "DNS", "--dns", "DNSOption", "--dns-option", "DNSSearch", "--dns-search",
            "AddHost", "--add-host", "HostName", "--hostname");
    private static final Map<String, String> KEY_VAL_FLAGS = Map.of("Label", "--label");
    /** Before 5.6 a pod was addressed through the file holding its ID. */
    private static final String POD_ID_FILE = "--pod-id-file=%t/%N.pod-id";

    private PodConverter() {
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        UnitDocument service = c.service;
        String name = Names.podName(c.unit);
        for (String container : c.info.containersToStart()) {
            service.add("Unit", "Wants", container);
            service.add("Unit", "Before", container);
        }
        if (!c.unit.hasKey("Service", "SyslogIdentifier")) {
            service.set("Service", "SyslogIdentifier", "%N");
        }
        if (c.release.stopsByName()) {
            c.exec("ExecStart", c.command().add("pod", "start", name));
            String stopTimeout = c.lookup("StopTimeout").orElse("10");
            c.exec("ExecStop", c.command().add("pod", "stop", "--ignore", "--time=" + stopTimeout, name));
            c.exec("ExecStopPost", c.command().add("pod", "rm", "--ignore", "--force", name));
        } else {
            c.exec("ExecStart", c.command().add("pod", "start", POD_ID_FILE));
            c.exec("ExecStop", c.command().add("pod", "stop", POD_ID_FILE, "--ignore", "--time=10"));
            c.exec("ExecStopPost", c.command().add("pod", "rm", POD_ID_FILE, "--ignore", "--force"));
        }

        PodmanArgv create = c.command().add("pod", "create", "--infra-conmon-pidfile=%t/%N.pid");
        if (c.release.hasPodExitPolicy()) {
            create.add("--replace", "--exit-policy", c.lookup("ExitPolicy").orElse("stop"));
        } else {
            create.add(POD_ID_FILE, "--exit-policy=stop", "--replace");
        }
        UserMappings.mappings(c, create, true);
        c.all("PublishPort").forEach(p -> create.add("--publish", p));
        c.addKeyVals(create, KEY_VAL_FLAGS);
        References.networks(c, create);
        c.addStrings(create, STRING_FLAGS);
        c.addAllStrings(create, ALL_STRING_FLAGS);
        References.volumes(c, create);
        if (c.release.namesInfraContainer()) {
            create.add("--infra-name", name + "-infra");
        }
        create.option("--name", name);
        c.addPodmanArgs(create);
        c.exec("ExecStartPre", create);

        if (c.release.podAddsEnvironment()) {
            service.add("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        } else {
            service.set("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        }
        service.set("Service", "Type", "forking");
        if (c.release.podKeepsRestart()) {
            service.set("Service", "PIDFile", "%t/%N.pid");
            if (!c.unit.hasKey("Service", "Restart")) {
                service.set("Service", "Restart", "on-failure");
            }
        } else {
            service.set("Service", "Restart", "on-failure");
            service.set("Service", "PIDFile", "%t/%N.pid");
        }
    }
}
