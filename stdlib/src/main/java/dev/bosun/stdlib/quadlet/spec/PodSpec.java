package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .pod} unit: one component per key of {@code [Pod]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .pod Quadlet unit; fields are the keys of [Pod] in camelCase.")
public record PodSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("AddHost") @Doc("AddHost=: --add-host (one entry per element)") List<String> addHost,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("DNS") @Doc("DNS=: --dns (one entry per element)") List<String> dns,
        @Optional @QuadletKey("DNSOption") @Doc("DNSOption=: --dns-option (one entry per element)") List<String> dnsOption,
        @Optional @QuadletKey("DNSSearch") @Doc("DNSSearch=: --dns-search (one entry per element)") List<String> dnsSearch,
        @Optional @QuadletKey("ExitPolicy") @Doc("ExitPolicy=: --exit-policy (default stop) [Podman 5.8+]") String exitPolicy,
        @Optional @QuadletKey("GIDMap") @Doc("GIDMap=: --gidmap (list of words)") List<String> gidMap,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("HostName") @Doc("HostName=: --hostname (read with LookupAll: every occurrence emitted) (one entry per element) [Podman 5.8+]") List<String> hostName,
        @Optional @QuadletKey("IP") @Doc("IP=: --ip") String ip,
        @Optional @QuadletKey("IP6") @Doc("IP6=: --ip6") String ip6,
        @Optional @QuadletKey("Label") @Doc("Label=: --label KEY=VALUE (KEY: VALUE map, null value = bare KEY) [Podman 5.8+]") Map<String, @Nullable String> label,
        @Optional @QuadletKey("Network") @Doc("Network=: --network (one entry per element)") List<String> network,
        @Optional @QuadletKey("NetworkAlias") @Doc("NetworkAlias=: --network-alias (one entry per element)") List<String> networkAlias,
        @Optional @QuadletKey("PodName") @Doc("PodName=: pod name (default systemd-<unit basename>)") String podName,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("PublishPort") @Doc("PublishPort=: --publish (one entry per element)") List<String> publishPort,
        @Optional @QuadletKey("RemapGid") @Doc("RemapGid=: deprecated (list of words)") List<String> remapGid,
        @Optional @QuadletKey("RemapUid") @Doc("RemapUid=: deprecated (list of words)") List<String> remapUid,
        @Optional @QuadletKey("RemapUidSize") @Doc("RemapUidSize=: deprecated") Long remapUidSize,
        @Optional @QuadletKey("RemapUsers") @Doc("RemapUsers=: deprecated") String remapUsers,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("ShmSize") @Doc("ShmSize=: --shm-size") String shmSize,
        @Optional @QuadletKey("StopTimeout") @Doc("StopTimeout=: podman pod stop --time=VALUE (default 10) [Podman 5.8+]") String stopTimeout,
        @Optional @QuadletKey("SubGIDMap") @Doc("SubGIDMap=: --subgidname") String subGidMap,
        @Optional @QuadletKey("SubUIDMap") @Doc("SubUIDMap=: --subuidname") String subUidMap,
        @Optional @QuadletKey("UIDMap") @Doc("UIDMap=: --uidmap (list of words)") List<String> uidMap,
        @Optional @QuadletKey("UserNS") @Doc("UserNS=: --userns") String userNs,
        @Optional @QuadletKey("Volume") @Doc("Volume=: -v (X.volume references resolved) (one entry per element)") List<String> volume,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public PodSpec {
        name = UnitName.check("name", name, UnitType.POD);
        addHost = SpecValues.check(UnitType.POD, "AddHost", "addHost", addHost);
        containersConfModule = SpecValues.check(UnitType.POD, "ContainersConfModule", "containersConfModule", containersConfModule);
        dns = SpecValues.check(UnitType.POD, "DNS", "dns", dns);
        dnsOption = SpecValues.check(UnitType.POD, "DNSOption", "dnsOption", dnsOption);
        dnsSearch = SpecValues.check(UnitType.POD, "DNSSearch", "dnsSearch", dnsSearch);
        exitPolicy = SpecValues.check(UnitType.POD, "ExitPolicy", "exitPolicy", exitPolicy);
        gidMap = SpecValues.check(UnitType.POD, "GIDMap", "gidMap", gidMap);
        globalArgs = SpecValues.check(UnitType.POD, "GlobalArgs", "globalArgs", globalArgs);
        hostName = SpecValues.check(UnitType.POD, "HostName", "hostName", hostName);
        ip = SpecValues.check(UnitType.POD, "IP", "ip", ip);
        ip6 = SpecValues.check(UnitType.POD, "IP6", "ip6", ip6);
        label = SpecValues.check(UnitType.POD, "Label", "label", label);
        network = SpecValues.check(UnitType.POD, "Network", "network", network);
        networkAlias = SpecValues.check(UnitType.POD, "NetworkAlias", "networkAlias", networkAlias);
        podName = SpecValues.check(UnitType.POD, "PodName", "podName", podName);
        podmanArgs = SpecValues.check(UnitType.POD, "PodmanArgs", "podmanArgs", podmanArgs);
        publishPort = SpecValues.check(UnitType.POD, "PublishPort", "publishPort", publishPort);
        remapGid = SpecValues.check(UnitType.POD, "RemapGid", "remapGid", remapGid);
        remapUid = SpecValues.check(UnitType.POD, "RemapUid", "remapUid", remapUid);
        remapUidSize = SpecValues.check(UnitType.POD, "RemapUidSize", "remapUidSize", remapUidSize);
        remapUsers = SpecValues.check(UnitType.POD, "RemapUsers", "remapUsers", remapUsers);
        serviceName = SpecValues.check(UnitType.POD, "ServiceName", "serviceName", serviceName);
        shmSize = SpecValues.check(UnitType.POD, "ShmSize", "shmSize", shmSize);
        stopTimeout = SpecValues.check(UnitType.POD, "StopTimeout", "stopTimeout", stopTimeout);
        subGidMap = SpecValues.check(UnitType.POD, "SubGIDMap", "subGidMap", subGidMap);
        subUidMap = SpecValues.check(UnitType.POD, "SubUIDMap", "subUidMap", subUidMap);
        uidMap = SpecValues.check(UnitType.POD, "UIDMap", "uidMap", uidMap);
        userNs = SpecValues.check(UnitType.POD, "UserNS", "userNs", userNs);
        volume = SpecValues.check(UnitType.POD, "Volume", "volume", volume);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.POD;
    }
}
