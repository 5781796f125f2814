package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .kube} unit: one component per key of {@code [Kube]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .kube Quadlet unit; fields are the keys of [Kube] in camelCase.")
public record KubeSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("AutoUpdate") @Doc("AutoUpdate=: --annotation=io.containers.autoupdate[/CONTAINER]=TYPE (list of words)") List<String> autoUpdate,
        @Optional @QuadletKey("ConfigMap") @Doc("ConfigMap=: --configmap (paths resolved) (list of words)") List<String> configMap,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("ExitCodePropagation") @Doc("ExitCodePropagation=: --service-exit-code-propagation=VALUE") String exitCodePropagation,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("KubeDownForce") @Doc("KubeDownForce=: podman kube down --force") Boolean kubeDownForce,
        @Optional @QuadletKey("LogDriver") @Doc("LogDriver=: --log-driver") String logDriver,
        @Optional @QuadletKey("LogOpt") @Doc("LogOpt=: --log-opt (accepted by the code, not documented) (list of words)") List<String> logOpt,
        @Optional @QuadletKey("Network") @Doc("Network=: --network (one entry per element)") List<String> network,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("PublishPort") @Doc("PublishPort=: --publish (one entry per element)") List<String> publishPort,
        @Optional @QuadletKey("RemapGid") @Doc("RemapGid=: deprecated (list of words)") List<String> remapGid,
        @Optional @QuadletKey("RemapUid") @Doc("RemapUid=: deprecated (list of words)") List<String> remapUid,
        @Optional @QuadletKey("RemapUidSize") @Doc("RemapUidSize=: deprecated") Long remapUidSize,
        @Optional @QuadletKey("RemapUsers") @Doc("RemapUsers=: deprecated (manual not supported for kube)") String remapUsers,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("SetWorkingDirectory") @Doc("SetWorkingDirectory=: yaml|unit") String setWorkingDirectory,
        @Optional @QuadletKey("UserNS") @Doc("UserNS=: --userns") String userNs,
        @Optional @QuadletKey("Yaml") @Doc("Yaml=: YAML file path(s), resolved against the unit directory; at least one required (list of words)") List<String> yaml,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public KubeSpec {
        name = UnitName.check("name", name, UnitType.KUBE);
        autoUpdate = SpecValues.check(UnitType.KUBE, "AutoUpdate", "autoUpdate", autoUpdate);
        configMap = SpecValues.check(UnitType.KUBE, "ConfigMap", "configMap", configMap);
        containersConfModule = SpecValues.check(UnitType.KUBE, "ContainersConfModule", "containersConfModule", containersConfModule);
        exitCodePropagation = SpecValues.check(UnitType.KUBE, "ExitCodePropagation", "exitCodePropagation", exitCodePropagation);
        globalArgs = SpecValues.check(UnitType.KUBE, "GlobalArgs", "globalArgs", globalArgs);
        kubeDownForce = SpecValues.check(UnitType.KUBE, "KubeDownForce", "kubeDownForce", kubeDownForce);
        logDriver = SpecValues.check(UnitType.KUBE, "LogDriver", "logDriver", logDriver);
        logOpt = SpecValues.check(UnitType.KUBE, "LogOpt", "logOpt", logOpt);
        network = SpecValues.check(UnitType.KUBE, "Network", "network", network);
        podmanArgs = SpecValues.check(UnitType.KUBE, "PodmanArgs", "podmanArgs", podmanArgs);
        publishPort = SpecValues.check(UnitType.KUBE, "PublishPort", "publishPort", publishPort);
        remapGid = SpecValues.check(UnitType.KUBE, "RemapGid", "remapGid", remapGid);
        remapUid = SpecValues.check(UnitType.KUBE, "RemapUid", "remapUid", remapUid);
        remapUidSize = SpecValues.check(UnitType.KUBE, "RemapUidSize", "remapUidSize", remapUidSize);
        remapUsers = SpecValues.check(UnitType.KUBE, "RemapUsers", "remapUsers", remapUsers);
        serviceName = SpecValues.check(UnitType.KUBE, "ServiceName", "serviceName", serviceName);
        setWorkingDirectory = SpecValues.check(UnitType.KUBE, "SetWorkingDirectory", "setWorkingDirectory", setWorkingDirectory);
        userNs = SpecValues.check(UnitType.KUBE, "UserNS", "userNs", userNs);
        yaml = SpecValues.check(UnitType.KUBE, "Yaml", "yaml", yaml);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.KUBE;
    }
}
