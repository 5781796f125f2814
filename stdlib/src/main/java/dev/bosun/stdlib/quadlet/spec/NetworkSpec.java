package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .network} unit: one component per key of {@code [Network]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .network Quadlet unit; fields are the keys of [Network] in camelCase.")
public record NetworkSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("DNS") @Doc("DNS=: --dns (one entry per element)") List<String> dns,
        @Optional @QuadletKey("DisableDNS") @Doc("DisableDNS=: --disable-dns") Boolean disableDns,
        @Optional @QuadletKey("Driver") @Doc("Driver=: --driver") String driver,
        @Optional @QuadletKey("Gateway") @Doc("Gateway=: --gateway (paired with Subnet by position) (one entry per element)") List<String> gateway,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("IPAMDriver") @Doc("IPAMDriver=: --ipam-driver") String ipamDriver,
        @Optional @QuadletKey("IPRange") @Doc("IPRange=: --ip-range (paired with Subnet by position) (one entry per element)") List<String> ipRange,
        @Optional @QuadletKey("IPv6") @Doc("IPv6=: --ipv6") Boolean ipv6,
        @Optional @QuadletKey("InterfaceName") @Doc("InterfaceName=: --interface-name [Podman 5.8+]") String interfaceName,
        @Optional @QuadletKey("Internal") @Doc("Internal=: --internal") Boolean internal,
        @Optional @QuadletKey("Label") @Doc("Label=: --label KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> label,
        @Optional @QuadletKey("NetworkDeleteOnStop") @Doc("NetworkDeleteOnStop=: adds ExecStopPost=podman network rm NAME [Podman 5.8+]") Boolean networkDeleteOnStop,
        @Optional @QuadletKey("NetworkName") @Doc("NetworkName=: network name (default systemd-<unit basename>)") String networkName,
        @Optional @QuadletKey("Options") @Doc("Options=: --opt KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> options,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("Subnet") @Doc("Subnet=: --subnet (one entry per element)") List<String> subnet,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public NetworkSpec {
        name = UnitName.check("name", name, UnitType.NETWORK);
        containersConfModule = SpecValues.check(UnitType.NETWORK, "ContainersConfModule", "containersConfModule", containersConfModule);
        dns = SpecValues.check(UnitType.NETWORK, "DNS", "dns", dns);
        disableDns = SpecValues.check(UnitType.NETWORK, "DisableDNS", "disableDns", disableDns);
        driver = SpecValues.check(UnitType.NETWORK, "Driver", "driver", driver);
        gateway = SpecValues.check(UnitType.NETWORK, "Gateway", "gateway", gateway);
        globalArgs = SpecValues.check(UnitType.NETWORK, "GlobalArgs", "globalArgs", globalArgs);
        ipamDriver = SpecValues.check(UnitType.NETWORK, "IPAMDriver", "ipamDriver", ipamDriver);
        ipRange = SpecValues.check(UnitType.NETWORK, "IPRange", "ipRange", ipRange);
        ipv6 = SpecValues.check(UnitType.NETWORK, "IPv6", "ipv6", ipv6);
        interfaceName = SpecValues.check(UnitType.NETWORK, "InterfaceName", "interfaceName", interfaceName);
        internal = SpecValues.check(UnitType.NETWORK, "Internal", "internal", internal);
        label = SpecValues.check(UnitType.NETWORK, "Label", "label", label);
        networkDeleteOnStop = SpecValues.check(UnitType.NETWORK, "NetworkDeleteOnStop", "networkDeleteOnStop", networkDeleteOnStop);
        networkName = SpecValues.check(UnitType.NETWORK, "NetworkName", "networkName", networkName);
        options = SpecValues.check(UnitType.NETWORK, "Options", "options", options);
        podmanArgs = SpecValues.check(UnitType.NETWORK, "PodmanArgs", "podmanArgs", podmanArgs);
        serviceName = SpecValues.check(UnitType.NETWORK, "ServiceName", "serviceName", serviceName);
        subnet = SpecValues.check(UnitType.NETWORK, "Subnet", "subnet", subnet);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.NETWORK;
    }
}
