package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .image} unit: one component per key of {@code [Image]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .image Quadlet unit; fields are the keys of [Image] in camelCase.")
public record ImageSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("AllTags") @Doc("AllTags=: --all-tags") Boolean allTags,
        @Optional @QuadletKey("Arch") @Doc("Arch=: --arch") String arch,
        @Optional @QuadletKey("AuthFile") @Doc("AuthFile=: --authfile") String authFile,
        @Optional @QuadletKey("CertDir") @Doc("CertDir=: --cert-dir") String certDir,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("Creds") @Doc("Creds=: --creds") String creds,
        @Optional @QuadletKey("DecryptionKey") @Doc("DecryptionKey=: --decryption-key") String decryptionKey,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("Image") @Doc("Image=: image to pull (required)") String image,
        @Optional @QuadletKey("ImageTag") @Doc("ImageTag=: name other units see for X.image") String imageTag,
        @Optional @QuadletKey("OS") @Doc("OS=: --os") String os,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("Policy") @Doc("Policy=: --policy [Podman 5.8+]") String policy,
        @Optional @QuadletKey("Retry") @Doc("Retry=: --retry [Podman 5.8+]") String retry,
        @Optional @QuadletKey("RetryDelay") @Doc("RetryDelay=: --retry-delay [Podman 5.8+]") String retryDelay,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("TLSVerify") @Doc("TLSVerify=: --tls-verify") Boolean tlsVerify,
        @Optional @QuadletKey("Variant") @Doc("Variant=: --variant") String variant,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public ImageSpec {
        name = UnitName.check("name", name, UnitType.IMAGE);
        allTags = SpecValues.check(UnitType.IMAGE, "AllTags", "allTags", allTags);
        arch = SpecValues.check(UnitType.IMAGE, "Arch", "arch", arch);
        authFile = SpecValues.check(UnitType.IMAGE, "AuthFile", "authFile", authFile);
        certDir = SpecValues.check(UnitType.IMAGE, "CertDir", "certDir", certDir);
        containersConfModule = SpecValues.check(UnitType.IMAGE, "ContainersConfModule", "containersConfModule", containersConfModule);
        creds = SpecValues.check(UnitType.IMAGE, "Creds", "creds", creds);
        decryptionKey = SpecValues.check(UnitType.IMAGE, "DecryptionKey", "decryptionKey", decryptionKey);
        globalArgs = SpecValues.check(UnitType.IMAGE, "GlobalArgs", "globalArgs", globalArgs);
        image = SpecValues.check(UnitType.IMAGE, "Image", "image", image);
        imageTag = SpecValues.check(UnitType.IMAGE, "ImageTag", "imageTag", imageTag);
        os = SpecValues.check(UnitType.IMAGE, "OS", "os", os);
        podmanArgs = SpecValues.check(UnitType.IMAGE, "PodmanArgs", "podmanArgs", podmanArgs);
        policy = SpecValues.check(UnitType.IMAGE, "Policy", "policy", policy);
        retry = SpecValues.check(UnitType.IMAGE, "Retry", "retry", retry);
        retryDelay = SpecValues.check(UnitType.IMAGE, "RetryDelay", "retryDelay", retryDelay);
        serviceName = SpecValues.check(UnitType.IMAGE, "ServiceName", "serviceName", serviceName);
        tlsVerify = SpecValues.check(UnitType.IMAGE, "TLSVerify", "tlsVerify", tlsVerify);
        variant = SpecValues.check(UnitType.IMAGE, "Variant", "variant", variant);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.IMAGE;
    }
}
