package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .container} unit: one component per key of {@code [Container]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .container Quadlet unit; fields are the keys of [Container] in camelCase.")
public record ContainerSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("AddCapability") @Doc("AddCapability=: --cap-add (lower-cased) (list of words)") List<String> addCapability,
        @Optional @QuadletKey("AddDevice") @Doc("AddDevice=: --device (leading \"-\" = optional: skipped if the host path is missing) (list of words)") List<String> addDevice,
        @Optional @QuadletKey("AddHost") @Doc("AddHost=: --add-host (one entry per element)") List<String> addHost,
        @Optional @QuadletKey("Annotation") @Doc("Annotation=: --annotation KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> annotation,
        @Optional @QuadletKey("AppArmor") @Doc("AppArmor=: --security-opt apparmor=VALUE [Podman 5.8+]") String appArmor,
        @Optional @QuadletKey("AutoUpdate") @Doc("AutoUpdate=: --label io.containers.autoupdate=VALUE") String autoUpdate,
        @Optional @QuadletKey("CgroupsMode") @Doc("CgroupsMode=: --cgroups VALUE (default --cgroups=split)") String cgroupsMode,
        @Optional @QuadletKey("ContainerName") @Doc("ContainerName=: --name (default systemd-%N; systemd-%p_%i for template units)") String containerName,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("DNS") @Doc("DNS=: --dns (one entry per element)") List<String> dns,
        @Optional @QuadletKey("DNSOption") @Doc("DNSOption=: --dns-option (one entry per element)") List<String> dnsOption,
        @Optional @QuadletKey("DNSSearch") @Doc("DNSSearch=: --dns-search (one entry per element)") List<String> dnsSearch,
        @Optional @QuadletKey("DropCapability") @Doc("DropCapability=: --cap-drop (lower-cased) (list of words)") List<String> dropCapability,
        @Optional @QuadletKey("Entrypoint") @Doc("Entrypoint=: --entrypoint=VALUE (empty value is meaningful)") String entrypoint,
        @Optional @QuadletKey("Environment") @Doc("Environment=: --env KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> environment,
        @Optional @QuadletKey("EnvironmentFile") @Doc("EnvironmentFile=: --env-file (relative paths resolved against the unit file directory) (list of words)") List<String> environmentFile,
        @Optional @QuadletKey("EnvironmentHost") @Doc("EnvironmentHost=: --env-host") Boolean environmentHost,
        @Optional @QuadletKey("Exec") @Doc("Exec=: arguments appended after the image (command words)") List<String> exec,
        @Optional @QuadletKey("ExposeHostPort") @Doc("ExposeHostPort=: --expose (must match \\d+(-\\d+)?(/udp|/tcp)?$) (one entry per element)") List<String> exposeHostPort,
        @Optional @QuadletKey("GIDMap") @Doc("GIDMap=: --gidmap (list of words)") List<String> gidMap,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("Group") @Doc("Group=: --user USER:GROUP (Group without User is an error)") String group,
        @Optional @QuadletKey("GroupAdd") @Doc("GroupAdd=: --group-add (one entry per element)") List<String> groupAdd,
        @Optional @QuadletKey("HealthCmd") @Doc("HealthCmd=: --health-cmd") String healthCmd,
        @Optional @QuadletKey("HealthInterval") @Doc("HealthInterval=: --health-interval") String healthInterval,
        @Optional @QuadletKey("HealthLogDestination") @Doc("HealthLogDestination=: --health-log-destination") String healthLogDestination,
        @Optional @QuadletKey("HealthMaxLogCount") @Doc("HealthMaxLogCount=: --health-max-log-count") String healthMaxLogCount,
        @Optional @QuadletKey("HealthMaxLogSize") @Doc("HealthMaxLogSize=: --health-max-log-size") String healthMaxLogSize,
        @Optional @QuadletKey("HealthOnFailure") @Doc("HealthOnFailure=: --health-on-failure") String healthOnFailure,
        @Optional @QuadletKey("HealthRetries") @Doc("HealthRetries=: --health-retries") String healthRetries,
        @Optional @QuadletKey("HealthStartPeriod") @Doc("HealthStartPeriod=: --health-start-period") String healthStartPeriod,
        @Optional @QuadletKey("HealthStartupCmd") @Doc("HealthStartupCmd=: --health-startup-cmd") String healthStartupCmd,
        @Optional @QuadletKey("HealthStartupInterval") @Doc("HealthStartupInterval=: --health-startup-interval") String healthStartupInterval,
        @Optional @QuadletKey("HealthStartupRetries") @Doc("HealthStartupRetries=: --health-startup-retries") String healthStartupRetries,
        @Optional @QuadletKey("HealthStartupSuccess") @Doc("HealthStartupSuccess=: --health-startup-success") String healthStartupSuccess,
        @Optional @QuadletKey("HealthStartupTimeout") @Doc("HealthStartupTimeout=: --health-startup-timeout") String healthStartupTimeout,
        @Optional @QuadletKey("HealthTimeout") @Doc("HealthTimeout=: --health-timeout") String healthTimeout,
        @Optional @QuadletKey("HostName") @Doc("HostName=: --hostname") String hostName,
        @Optional @QuadletKey("HttpProxy") @Doc("HttpProxy=: --http-proxy [Podman 5.8+]") Boolean httpProxy,
        @Optional @QuadletKey("IP") @Doc("IP=: --ip") String ip,
        @Optional @QuadletKey("IP6") @Doc("IP6=: --ip6") String ip6,
        @Optional @QuadletKey("Image") @Doc("Image=: positional image (X.image / X.build references resolved to the built/pulled image)") String image,
        @Optional @QuadletKey("Label") @Doc("Label=: --label KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> label,
        @Optional @QuadletKey("LogDriver") @Doc("LogDriver=: --log-driver") String logDriver,
        @Optional @QuadletKey("LogOpt") @Doc("LogOpt=: --log-opt (list of words)") List<String> logOpt,
        @Optional @QuadletKey("Mask") @Doc("Mask=: --security-opt mask=VALUE (list of words)") List<String> mask,
        @Optional @QuadletKey("Memory") @Doc("Memory=: --memory [Podman 5.8+]") String memory,
        @Optional @QuadletKey("Mount") @Doc("Mount=: --mount (source of volume/bind/glob/image/artifact mounts resolved; X.volume/X.image/X.artifact references) (list of words)") List<String> mount,
        @Optional @QuadletKey("Network") @Doc("Network=: --network (X.network / X.container references resolved) (one entry per element)") List<String> network,
        @Optional @QuadletKey("NetworkAlias") @Doc("NetworkAlias=: --network-alias (one entry per element)") List<String> networkAlias,
        @Optional @QuadletKey("NoNewPrivileges") @Doc("NoNewPrivileges=: --security-opt=no-new-privileges") Boolean noNewPrivileges,
        @Optional @QuadletKey("Notify") @Doc("Notify=: boolean or \"healthy\": --sdnotify=container|healthy (default --sdnotify=conmon)") String sdNotify,
        @Optional @QuadletKey("PidsLimit") @Doc("PidsLimit=: --pids-limit") String pidsLimit,
        @Optional @QuadletKey("Pod") @Doc("Pod=: --pod (must name a .pod unit)") String pod,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("PublishPort") @Doc("PublishPort=: --publish (one entry per element)") List<String> publishPort,
        @Optional @QuadletKey("Pull") @Doc("Pull=: --pull") String pull,
        @Optional @QuadletKey("ReadOnly") @Doc("ReadOnly=: --read-only") Boolean readOnly,
        @Optional @QuadletKey("ReadOnlyTmpfs") @Doc("ReadOnlyTmpfs=: --read-only-tmpfs") Boolean readOnlyTmpfs,
        @Optional @QuadletKey("ReloadCmd") @Doc("ReloadCmd=: ExecReload=podman exec CONTAINER ARGS (command words) [Podman 5.8+]") List<String> reloadCmd,
        @Optional @QuadletKey("ReloadSignal") @Doc("ReloadSignal=: ExecReload=podman kill --signal VALUE CONTAINER (exclusive with ReloadCmd) [Podman 5.8+]") String reloadSignal,
        @Optional @QuadletKey("RemapGid") @Doc("RemapGid=: deprecated (list of words)") List<String> remapGid,
        @Optional @QuadletKey("RemapUid") @Doc("RemapUid=: deprecated (list of words)") List<String> remapUid,
        @Optional @QuadletKey("RemapUidSize") @Doc("RemapUidSize=: deprecated") Long remapUidSize,
        @Optional @QuadletKey("RemapUsers") @Doc("RemapUsers=: deprecated: manual|auto|keep-id") String remapUsers,
        @Optional @QuadletKey("Retry") @Doc("Retry=: --retry [Podman 5.8+]") String retry,
        @Optional @QuadletKey("RetryDelay") @Doc("RetryDelay=: --retry-delay [Podman 5.8+]") String retryDelay,
        @Optional @QuadletKey("Rootfs") @Doc("Rootfs=: --rootfs (exclusive with Image)") String rootfs,
        @Optional @QuadletKey("RunInit") @Doc("RunInit=: --init") Boolean runInit,
        @Optional @QuadletKey("SeccompProfile") @Doc("SeccompProfile=: --security-opt seccomp=VALUE") String seccompProfile,
        @Optional @QuadletKey("Secret") @Doc("Secret=: --secret (list of words)") List<String> secret,
        @Optional @QuadletKey("SecurityLabelDisable") @Doc("SecurityLabelDisable=: --security-opt label=disable") Boolean securityLabelDisable,
        @Optional @QuadletKey("SecurityLabelFileType") @Doc("SecurityLabelFileType=: --security-opt label=filetype:VALUE") String securityLabelFileType,
        @Optional @QuadletKey("SecurityLabelLevel") @Doc("SecurityLabelLevel=: --security-opt label=level:VALUE") String securityLabelLevel,
        @Optional @QuadletKey("SecurityLabelNested") @Doc("SecurityLabelNested=: --security-opt label=nested") Boolean securityLabelNested,
        @Optional @QuadletKey("SecurityLabelType") @Doc("SecurityLabelType=: --security-opt label=type:VALUE") String securityLabelType,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("ShmSize") @Doc("ShmSize=: --shm-size") String shmSize,
        @Optional @QuadletKey("StartWithPod") @Doc("StartWithPod=: default true; pod unit gets Wants=/Before= on this service") Boolean startWithPod,
        @Optional @QuadletKey("StopSignal") @Doc("StopSignal=: --stop-signal") String stopSignal,
        @Optional @QuadletKey("StopTimeout") @Doc("StopTimeout=: --stop-timeout") String stopTimeout,
        @Optional @QuadletKey("SubGIDMap") @Doc("SubGIDMap=: --subgidname") String subGidMap,
        @Optional @QuadletKey("SubUIDMap") @Doc("SubUIDMap=: --subuidname") String subUidMap,
        @Optional @QuadletKey("Sysctl") @Doc("Sysctl=: --sysctl (list of words)") List<String> sysctl,
        @Optional @QuadletKey("Timezone") @Doc("Timezone=: --tz") String timezone,
        @Optional @QuadletKey("Tmpfs") @Doc("Tmpfs=: --tmpfs (one entry per element)") List<String> tmpfs,
        @Optional @QuadletKey("UIDMap") @Doc("UIDMap=: --uidmap (list of words)") List<String> uidMap,
        @Optional @QuadletKey("Ulimit") @Doc("Ulimit=: --ulimit (one entry per element)") List<String> ulimit,
        @Optional @QuadletKey("Unmask") @Doc("Unmask=: --security-opt unmask=VALUE (list of words)") List<String> unmask,
        @Optional @QuadletKey("User") @Doc("User=: --user") String user,
        @Optional @QuadletKey("UserNS") @Doc("UserNS=: --userns") String userNs,
        @Optional @QuadletKey("VolatileTmp") @Doc("VolatileTmp=: deprecated: --tmpfs /tmp:rw,size=512M,mode=1777 unless ReadOnly") Boolean volatileTmp,
        @Optional @QuadletKey("Volume") @Doc("Volume=: -v (X.volume references resolved) (one entry per element)") List<String> volume,
        @Optional @QuadletKey("WorkingDir") @Doc("WorkingDir=: --workdir") String workingDir,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public ContainerSpec {
        name = UnitName.check("name", name, UnitType.CONTAINER);
        addCapability = SpecValues.check(UnitType.CONTAINER, "AddCapability", "addCapability", addCapability);
        addDevice = SpecValues.check(UnitType.CONTAINER, "AddDevice", "addDevice", addDevice);
        addHost = SpecValues.check(UnitType.CONTAINER, "AddHost", "addHost", addHost);
        annotation = SpecValues.check(UnitType.CONTAINER, "Annotation", "annotation", annotation);
        appArmor = SpecValues.check(UnitType.CONTAINER, "AppArmor", "appArmor", appArmor);
        autoUpdate = SpecValues.check(UnitType.CONTAINER, "AutoUpdate", "autoUpdate", autoUpdate);
        cgroupsMode = SpecValues.check(UnitType.CONTAINER, "CgroupsMode", "cgroupsMode", cgroupsMode);
        containerName = SpecValues.check(UnitType.CONTAINER, "ContainerName", "containerName", containerName);
        containersConfModule = SpecValues.check(UnitType.CONTAINER, "ContainersConfModule", "containersConfModule", containersConfModule);
        dns = SpecValues.check(UnitType.CONTAINER, "DNS", "dns", dns);
        dnsOption = SpecValues.check(UnitType.CONTAINER, "DNSOption", "dnsOption", dnsOption);
        dnsSearch = SpecValues.check(UnitType.CONTAINER, "DNSSearch", "dnsSearch", dnsSearch);
        dropCapability = SpecValues.check(UnitType.CONTAINER, "DropCapability", "dropCapability", dropCapability);
        entrypoint = SpecValues.check(UnitType.CONTAINER, "Entrypoint", "entrypoint", entrypoint);
        environment = SpecValues.check(UnitType.CONTAINER, "Environment", "environment", environment);
        environmentFile = SpecValues.check(UnitType.CONTAINER, "EnvironmentFile", "environmentFile", environmentFile);
        environmentHost = SpecValues.check(UnitType.CONTAINER, "EnvironmentHost", "environmentHost", environmentHost);
        exec = SpecValues.check(UnitType.CONTAINER, "Exec", "exec", exec);
        exposeHostPort = SpecValues.check(UnitType.CONTAINER, "ExposeHostPort", "exposeHostPort", exposeHostPort);
        gidMap = SpecValues.check(UnitType.CONTAINER, "GIDMap", "gidMap", gidMap);
        globalArgs = SpecValues.check(UnitType.CONTAINER, "GlobalArgs", "globalArgs", globalArgs);
        group = SpecValues.check(UnitType.CONTAINER, "Group", "group", group);
        groupAdd = SpecValues.check(UnitType.CONTAINER, "GroupAdd", "groupAdd", groupAdd);
        healthCmd = SpecValues.check(UnitType.CONTAINER, "HealthCmd", "healthCmd", healthCmd);
        healthInterval = SpecValues.check(UnitType.CONTAINER, "HealthInterval", "healthInterval", healthInterval);
        healthLogDestination = SpecValues.check(UnitType.CONTAINER, "HealthLogDestination", "healthLogDestination", healthLogDestination);
        healthMaxLogCount = SpecValues.check(UnitType.CONTAINER, "HealthMaxLogCount", "healthMaxLogCount", healthMaxLogCount);
        healthMaxLogSize = SpecValues.check(UnitType.CONTAINER, "HealthMaxLogSize", "healthMaxLogSize", healthMaxLogSize);
        healthOnFailure = SpecValues.check(UnitType.CONTAINER, "HealthOnFailure", "healthOnFailure", healthOnFailure);
        healthRetries = SpecValues.check(UnitType.CONTAINER, "HealthRetries", "healthRetries", healthRetries);
        healthStartPeriod = SpecValues.check(UnitType.CONTAINER, "HealthStartPeriod", "healthStartPeriod", healthStartPeriod);
        healthStartupCmd = SpecValues.check(UnitType.CONTAINER, "HealthStartupCmd", "healthStartupCmd", healthStartupCmd);
        healthStartupInterval = SpecValues.check(UnitType.CONTAINER, "HealthStartupInterval", "healthStartupInterval", healthStartupInterval);
        healthStartupRetries = SpecValues.check(UnitType.CONTAINER, "HealthStartupRetries", "healthStartupRetries", healthStartupRetries);
        healthStartupSuccess = SpecValues.check(UnitType.CONTAINER, "HealthStartupSuccess", "healthStartupSuccess", healthStartupSuccess);
        healthStartupTimeout = SpecValues.check(UnitType.CONTAINER, "HealthStartupTimeout", "healthStartupTimeout", healthStartupTimeout);
        healthTimeout = SpecValues.check(UnitType.CONTAINER, "HealthTimeout", "healthTimeout", healthTimeout);
        hostName = SpecValues.check(UnitType.CONTAINER, "HostName", "hostName", hostName);
        httpProxy = SpecValues.check(UnitType.CONTAINER, "HttpProxy", "httpProxy", httpProxy);
        ip = SpecValues.check(UnitType.CONTAINER, "IP", "ip", ip);
        ip6 = SpecValues.check(UnitType.CONTAINER, "IP6", "ip6", ip6);
        image = SpecValues.check(UnitType.CONTAINER, "Image", "image", image);
        label = SpecValues.check(UnitType.CONTAINER, "Label", "label", label);
        logDriver = SpecValues.check(UnitType.CONTAINER, "LogDriver", "logDriver", logDriver);
        logOpt = SpecValues.check(UnitType.CONTAINER, "LogOpt", "logOpt", logOpt);
        mask = SpecValues.check(UnitType.CONTAINER, "Mask", "mask", mask);
        memory = SpecValues.check(UnitType.CONTAINER, "Memory", "memory", memory);
        mount = SpecValues.check(UnitType.CONTAINER, "Mount", "mount", mount);
        network = SpecValues.check(UnitType.CONTAINER, "Network", "network", network);
        networkAlias = SpecValues.check(UnitType.CONTAINER, "NetworkAlias", "networkAlias", networkAlias);
        noNewPrivileges = SpecValues.check(UnitType.CONTAINER, "NoNewPrivileges", "noNewPrivileges", noNewPrivileges);
        sdNotify = SpecValues.check(UnitType.CONTAINER, "Notify", "sdNotify", sdNotify);
        pidsLimit = SpecValues.check(UnitType.CONTAINER, "PidsLimit", "pidsLimit", pidsLimit);
        pod = SpecValues.check(UnitType.CONTAINER, "Pod", "pod", pod);
        podmanArgs = SpecValues.check(UnitType.CONTAINER, "PodmanArgs", "podmanArgs", podmanArgs);
        publishPort = SpecValues.check(UnitType.CONTAINER, "PublishPort", "publishPort", publishPort);
        pull = SpecValues.check(UnitType.CONTAINER, "Pull", "pull", pull);
        readOnly = SpecValues.check(UnitType.CONTAINER, "ReadOnly", "readOnly", readOnly);
        readOnlyTmpfs = SpecValues.check(UnitType.CONTAINER, "ReadOnlyTmpfs", "readOnlyTmpfs", readOnlyTmpfs);
        reloadCmd = SpecValues.check(UnitType.CONTAINER, "ReloadCmd", "reloadCmd", reloadCmd);
        reloadSignal = SpecValues.check(UnitType.CONTAINER, "ReloadSignal", "reloadSignal", reloadSignal);
        remapGid = SpecValues.check(UnitType.CONTAINER, "RemapGid", "remapGid", remapGid);
        remapUid = SpecValues.check(UnitType.CONTAINER, "RemapUid", "remapUid", remapUid);
        remapUidSize = SpecValues.check(UnitType.CONTAINER, "RemapUidSize", "remapUidSize", remapUidSize);
        remapUsers = SpecValues.check(UnitType.CONTAINER, "RemapUsers", "remapUsers", remapUsers);
        retry = SpecValues.check(UnitType.CONTAINER, "Retry", "retry", retry);
        retryDelay = SpecValues.check(UnitType.CONTAINER, "RetryDelay", "retryDelay", retryDelay);
        rootfs = SpecValues.check(UnitType.CONTAINER, "Rootfs", "rootfs", rootfs);
        runInit = SpecValues.check(UnitType.CONTAINER, "RunInit", "runInit", runInit);
        seccompProfile = SpecValues.check(UnitType.CONTAINER, "SeccompProfile", "seccompProfile", seccompProfile);
        secret = SpecValues.check(UnitType.CONTAINER, "Secret", "secret", secret);
        securityLabelDisable = SpecValues.check(UnitType.CONTAINER, "SecurityLabelDisable", "securityLabelDisable", securityLabelDisable);
        securityLabelFileType = SpecValues.check(UnitType.CONTAINER, "SecurityLabelFileType", "securityLabelFileType", securityLabelFileType);
        securityLabelLevel = SpecValues.check(UnitType.CONTAINER, "SecurityLabelLevel", "securityLabelLevel", securityLabelLevel);
        securityLabelNested = SpecValues.check(UnitType.CONTAINER, "SecurityLabelNested", "securityLabelNested", securityLabelNested);
        securityLabelType = SpecValues.check(UnitType.CONTAINER, "SecurityLabelType", "securityLabelType", securityLabelType);
        serviceName = SpecValues.check(UnitType.CONTAINER, "ServiceName", "serviceName", serviceName);
        shmSize = SpecValues.check(UnitType.CONTAINER, "ShmSize", "shmSize", shmSize);
        startWithPod = SpecValues.check(UnitType.CONTAINER, "StartWithPod", "startWithPod", startWithPod);
        stopSignal = SpecValues.check(UnitType.CONTAINER, "StopSignal", "stopSignal", stopSignal);
        stopTimeout = SpecValues.check(UnitType.CONTAINER, "StopTimeout", "stopTimeout", stopTimeout);
        subGidMap = SpecValues.check(UnitType.CONTAINER, "SubGIDMap", "subGidMap", subGidMap);
        subUidMap = SpecValues.check(UnitType.CONTAINER, "SubUIDMap", "subUidMap", subUidMap);
        sysctl = SpecValues.check(UnitType.CONTAINER, "Sysctl", "sysctl", sysctl);
        timezone = SpecValues.check(UnitType.CONTAINER, "Timezone", "timezone", timezone);
        tmpfs = SpecValues.check(UnitType.CONTAINER, "Tmpfs", "tmpfs", tmpfs);
        uidMap = SpecValues.check(UnitType.CONTAINER, "UIDMap", "uidMap", uidMap);
        ulimit = SpecValues.check(UnitType.CONTAINER, "Ulimit", "ulimit", ulimit);
        unmask = SpecValues.check(UnitType.CONTAINER, "Unmask", "unmask", unmask);
        user = SpecValues.check(UnitType.CONTAINER, "User", "user", user);
        userNs = SpecValues.check(UnitType.CONTAINER, "UserNS", "userNs", userNs);
        volatileTmp = SpecValues.check(UnitType.CONTAINER, "VolatileTmp", "volatileTmp", volatileTmp);
        volume = SpecValues.check(UnitType.CONTAINER, "Volume", "volume", volume);
        workingDir = SpecValues.check(UnitType.CONTAINER, "WorkingDir", "workingDir", workingDir);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.CONTAINER;
    }
}
