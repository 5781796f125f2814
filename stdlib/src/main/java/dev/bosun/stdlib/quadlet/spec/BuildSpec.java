package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .build} unit: one component per key of {@code [Build]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .build Quadlet unit; fields are the keys of [Build] in camelCase.")
public record BuildSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("Annotation") @Doc("Annotation=: --annotation KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> annotation,
        @Optional @QuadletKey("Arch") @Doc("Arch=: --arch") String arch,
        @Optional @QuadletKey("AuthFile") @Doc("AuthFile=: --authfile") String authFile,
        @Optional @QuadletKey("BuildArg") @Doc("BuildArg=: --build-arg KEY=VALUE (KEY: VALUE map, null value = bare KEY) [Podman 5.8+]") Map<String, @Nullable String> buildArg,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("DNS") @Doc("DNS=: --dns (one entry per element)") List<String> dns,
        @Optional @QuadletKey("DNSOption") @Doc("DNSOption=: --dns-option (one entry per element)") List<String> dnsOption,
        @Optional @QuadletKey("DNSSearch") @Doc("DNSSearch=: --dns-search (one entry per element)") List<String> dnsSearch,
        @Optional @QuadletKey("Environment") @Doc("Environment=: --env KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> environment,
        @Optional @QuadletKey("File") @Doc("File=: --file") String file,
        @Optional @QuadletKey("ForceRM") @Doc("ForceRM=: --force-rm") Boolean forceRm,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("GroupAdd") @Doc("GroupAdd=: --group-add (one entry per element)") List<String> groupAdd,
        @Optional @QuadletKey("IgnoreFile") @Doc("IgnoreFile=: --ignorefile [Podman 5.8+]") String ignoreFile,
        @Optional @QuadletKey("ImageTag") @Doc("ImageTag=: --tag (required; the first value is the image name other units see) (one entry per element)") List<String> imageTag,
        @Optional @QuadletKey("Label") @Doc("Label=: --label KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> label,
        @Optional @QuadletKey("Network") @Doc("Network=: --network (one entry per element)") List<String> network,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("Pull") @Doc("Pull=: --pull=VALUE") String pull,
        @Optional @QuadletKey("Retry") @Doc("Retry=: --retry [Podman 5.8+]") String retry,
        @Optional @QuadletKey("RetryDelay") @Doc("RetryDelay=: --retry-delay [Podman 5.8+]") String retryDelay,
        @Optional @QuadletKey("Secret") @Doc("Secret=: --secret (list of words)") List<String> secret,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("SetWorkingDirectory") @Doc("SetWorkingDirectory=: file|unit|<path>|<URL>: build context / WorkingDirectory") String setWorkingDirectory,
        @Optional @QuadletKey("TLSVerify") @Doc("TLSVerify=: --tls-verify") Boolean tlsVerify,
        @Optional @QuadletKey("Target") @Doc("Target=: --target") String target,
        @Optional @QuadletKey("Variant") @Doc("Variant=: --variant") String variant,
        @Optional @QuadletKey("Volume") @Doc("Volume=: -v (X.volume references resolved) (one entry per element)") List<String> volume,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public BuildSpec {
        name = UnitName.check("name", name, UnitType.BUILD);
        annotation = SpecValues.check(UnitType.BUILD, "Annotation", "annotation", annotation);
        arch = SpecValues.check(UnitType.BUILD, "Arch", "arch", arch);
        authFile = SpecValues.check(UnitType.BUILD, "AuthFile", "authFile", authFile);
        buildArg = SpecValues.check(UnitType.BUILD, "BuildArg", "buildArg", buildArg);
        containersConfModule = SpecValues.check(UnitType.BUILD, "ContainersConfModule", "containersConfModule", containersConfModule);
        dns = SpecValues.check(UnitType.BUILD, "DNS", "dns", dns);
        dnsOption = SpecValues.check(UnitType.BUILD, "DNSOption", "dnsOption", dnsOption);
        dnsSearch = SpecValues.check(UnitType.BUILD, "DNSSearch", "dnsSearch", dnsSearch);
        environment = SpecValues.check(UnitType.BUILD, "Environment", "environment", environment);
        file = SpecValues.check(UnitType.BUILD, "File", "file", file);
        forceRm = SpecValues.check(UnitType.BUILD, "ForceRM", "forceRm", forceRm);
        globalArgs = SpecValues.check(UnitType.BUILD, "GlobalArgs", "globalArgs", globalArgs);
        groupAdd = SpecValues.check(UnitType.BUILD, "GroupAdd", "groupAdd", groupAdd);
        ignoreFile = SpecValues.check(UnitType.BUILD, "IgnoreFile", "ignoreFile", ignoreFile);
        imageTag = SpecValues.check(UnitType.BUILD, "ImageTag", "imageTag", imageTag);
        label = SpecValues.check(UnitType.BUILD, "Label", "label", label);
        network = SpecValues.check(UnitType.BUILD, "Network", "network", network);
        podmanArgs = SpecValues.check(UnitType.BUILD, "PodmanArgs", "podmanArgs", podmanArgs);
        pull = SpecValues.check(UnitType.BUILD, "Pull", "pull", pull);
        retry = SpecValues.check(UnitType.BUILD, "Retry", "retry", retry);
        retryDelay = SpecValues.check(UnitType.BUILD, "RetryDelay", "retryDelay", retryDelay);
        secret = SpecValues.check(UnitType.BUILD, "Secret", "secret", secret);
        serviceName = SpecValues.check(UnitType.BUILD, "ServiceName", "serviceName", serviceName);
        setWorkingDirectory = SpecValues.check(UnitType.BUILD, "SetWorkingDirectory", "setWorkingDirectory", setWorkingDirectory);
        tlsVerify = SpecValues.check(UnitType.BUILD, "TLSVerify", "tlsVerify", tlsVerify);
        target = SpecValues.check(UnitType.BUILD, "Target", "target", target);
        variant = SpecValues.check(UnitType.BUILD, "Variant", "variant", variant);
        volume = SpecValues.check(UnitType.BUILD, "Volume", "volume", volume);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.BUILD;
    }
}
