package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .artifact} unit: one component per key of {@code [Artifact]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .artifact Quadlet unit; fields are the keys of [Artifact] in camelCase.")
public record ArtifactSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("Artifact") @Doc("Artifact=: artifact to pull (required) [Podman 5.8+]") String artifact,
        @Optional @QuadletKey("AuthFile") @Doc("AuthFile=: --authfile [Podman 5.8+]") String authFile,
        @Optional @QuadletKey("CertDir") @Doc("CertDir=: --cert-dir [Podman 5.8+]") String certDir,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element) [Podman 5.8+]") List<String> containersConfModule,
        @Optional @QuadletKey("Creds") @Doc("Creds=: --creds [Podman 5.8+]") String creds,
        @Optional @QuadletKey("DecryptionKey") @Doc("DecryptionKey=: --decryption-key [Podman 5.8+]") String decryptionKey,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words) [Podman 5.8+]") List<String> globalArgs,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words) [Podman 5.8+]") List<String> podmanArgs,
        @Optional @QuadletKey("Quiet") @Doc("Quiet=: --quiet [Podman 5.8+]") Boolean quiet,
        @Optional @QuadletKey("Retry") @Doc("Retry=: --retry [Podman 5.8+]") String retry,
        @Optional @QuadletKey("RetryDelay") @Doc("RetryDelay=: --retry-delay [Podman 5.8+]") String retryDelay,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service) [Podman 5.8+]") String serviceName,
        @Optional @QuadletKey("TLSVerify") @Doc("TLSVerify=: --tls-verify [Podman 5.8+]") Boolean tlsVerify,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public ArtifactSpec {
        name = UnitName.check("name", name, UnitType.ARTIFACT);
        artifact = SpecValues.check(UnitType.ARTIFACT, "Artifact", "artifact", artifact);
        authFile = SpecValues.check(UnitType.ARTIFACT, "AuthFile", "authFile", authFile);
        certDir = SpecValues.check(UnitType.ARTIFACT, "CertDir", "certDir", certDir);
        containersConfModule = SpecValues.check(UnitType.ARTIFACT, "ContainersConfModule", "containersConfModule", containersConfModule);
        creds = SpecValues.check(UnitType.ARTIFACT, "Creds", "creds", creds);
        decryptionKey = SpecValues.check(UnitType.ARTIFACT, "DecryptionKey", "decryptionKey", decryptionKey);
        globalArgs = SpecValues.check(UnitType.ARTIFACT, "GlobalArgs", "globalArgs", globalArgs);
        podmanArgs = SpecValues.check(UnitType.ARTIFACT, "PodmanArgs", "podmanArgs", podmanArgs);
        quiet = SpecValues.check(UnitType.ARTIFACT, "Quiet", "quiet", quiet);
        retry = SpecValues.check(UnitType.ARTIFACT, "Retry", "retry", retry);
        retryDelay = SpecValues.check(UnitType.ARTIFACT, "RetryDelay", "retryDelay", retryDelay);
        serviceName = SpecValues.check(UnitType.ARTIFACT, "ServiceName", "serviceName", serviceName);
        tlsVerify = SpecValues.check(UnitType.ARTIFACT, "TLSVerify", "tlsVerify", tlsVerify);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.ARTIFACT;
    }
}
