package dev.bosun.stdlib.quadlet.generate;

import java.util.List;
import java.util.Map;

/** {@code .network} → a oneshot {@code podman network create --ignore}. */
final class NetworkConverter {
    private static final Map<String, String> BOOL_FLAGS = ContainerConverter.ordered(
            "DisableDNS", "--disable-dns", "Internal", "--internal", "IPv6", "--ipv6");
    private static final Map<String, String> STRING_FLAGS = ContainerConverter.ordered(
            "Driver", "--driver", "IPAMDriver", "--ipam-driver", "InterfaceName", "--interface-name");
    private static final Map<String, String> KEY_VAL_FLAGS = ContainerConverter.ordered(
            "Options", "--opt", "Label", "--label");

    private NetworkConverter() {
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        String name = Names.resourceName(c.unit, "Network", "NetworkName", c.release);
        if (c.bool("NetworkDeleteOnStop", false)) {
            c.exec("ExecStopPost", c.command().add("network", "rm", name));
        }
        PodmanArgv argv = c.command().add("network", "create", "--ignore");
        c.addBooleans(argv, BOOL_FLAGS);
        c.addStrings(argv, STRING_FLAGS);
        c.all("DNS").forEach(d -> argv.option("--dns", d));
        List<String> subnets = c.all("Subnet");
        List<String> gateways = c.all("Gateway");
        List<String> ranges = c.all("IPRange");
        if (!subnets.isEmpty()) {
            if (gateways.size() > subnets.size()) {
                c.fail("Gateway", "cannot set more gateways than subnets");
            }
            if (ranges.size() > subnets.size()) {
                c.fail("IPRange", "cannot set more ranges than subnets");
            }
            for (int i = 0; i < subnets.size(); i++) {
                argv.option("--subnet", subnets.get(i));
                if (gateways.size() > i) {
                    argv.option("--gateway", gateways.get(i));
                }
                if (ranges.size() > i) {
                    argv.option("--ip-range", ranges.get(i));
                }
            }
        } else if (!ranges.isEmpty() || !gateways.isEmpty()) {
            c.fail(gateways.isEmpty() ? "IPRange" : "Gateway", "cannot set gateway or range without subnet");
        }
        c.addKeyVals(argv, KEY_VAL_FLAGS);
        c.addPodmanArgs(argv);
        argv.add(name);
        c.exec("ExecStart", argv);
        OneshotService.defaults(c.service, true);
        c.info.resourceName(name);
    }
}
