package dev.bosun.stdlib.quadlet.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code .container} → {@code podman run} in a notify service that removes the container when it stops. */
final class ContainerConverter {
    private static final Pattern PORT_RANGE = Pattern.compile("\\d+(-\\d+)?(/udp|/tcp)?\\z");

    /** String keys → flag, in Podman's source order (Podman itself iterates a Go map, so its order varies). */
    private static final Map<String, String> STRING_FLAGS = ordered(
            "Timezone", "--tz", "PidsLimit", "--pids-limit", "ShmSize", "--shm-size", "WorkingDir", "--workdir",
            "IP", "--ip", "IP6", "--ip6", "HostName", "--hostname", "StopSignal", "--stop-signal",
            "StopTimeout", "--stop-timeout", "Pull", "--pull", "Memory", "--memory", "Retry", "--retry",
            "RetryDelay", "--retry-delay");
    private static final Map<String, String> ALL_STRING_FLAGS = ordered(
            "NetworkAlias", "--network-alias", "Ulimit", "--ulimit", "DNS", "--dns", "DNSOption", "--dns-option",
            "DNSSearch", "--dns-search", "GroupAdd", "--group-add", "AddHost", "--add-host", "Tmpfs", "--tmpfs");
    private static final Map<String, String> BOOL_FLAGS = ordered(
            "RunInit", "--init", "EnvironmentHost", "--env-host", "HttpProxy", "--http-proxy",
            "ReadOnlyTmpfs", "--read-only-tmpfs");
    private static final Map<String, String> KEY_VAL_FLAGS = ordered(
            "Environment", "--env", "Label", "--label", "Annotation", "--annotation");
    /** Health keys → {@code --health-X}, in Podman's (fixed) order. */
    private static final Map<String, String> HEALTH_FLAGS = ordered(
            "HealthCmd", "cmd", "HealthInterval", "interval", "HealthOnFailure", "on-failure",
            "HealthLogDestination", "log-destination", "HealthMaxLogCount", "max-log-count",
            "HealthMaxLogSize", "max-log-size", "HealthRetries", "retries", "HealthStartPeriod", "start-period",
            "HealthTimeout", "timeout", "HealthStartupCmd", "startup-cmd", "HealthStartupInterval", "startup-interval",
            "HealthStartupRetries", "startup-retries", "HealthStartupSuccess", "startup-success",
            "HealthStartupTimeout", "startup-timeout");

    private ContainerConverter() {
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        UnitDocument service = c.service;
        String image = c.value("Image");
        String rootfs = c.value("Rootfs");
        if (image.isEmpty() && rootfs.isEmpty()) {
            c.fail(null, "no Image or Rootfs key specified");
        }
        if (!image.isEmpty() && !rootfs.isEmpty()) {
            c.fail("Rootfs", "the Image And Rootfs keys conflict can not be specified together");
        }
        if (!image.isEmpty()) {
            image = References.image(c, image);
        }
        String name = Names.containerName(c.unit);
        service.add("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        killMode(c);
        c.requireContainersMount();

        PodmanArgv stop = c.command();
        if (c.release.stopsByName()) {
            stop.add("rm", "-v", "-f", "-i", name);
        } else {
            stop.add("rm", "-v", "-f", "-i", "--cidfile=%t/%N.cid");
        }
        c.exec("ExecStop", stop);
        // ExecStopPost runs when conmon was killed and ExecStop did not; "-" ignores its exit status.
        c.exec("ExecStopPost", stop.withCommand("-" + c.options.podman()));
        reload(c, name);

        PodmanArgv run = c.command();
        run.add("run").option("--name", name);
        if (!c.release.stopsByName()) {
            run.add("--cidfile=%t/%N.cid");
        }
        run.add("--replace", "--rm");
        logging(c, run);
        service.add("Service", "Delegate", "yes");
        String cgroups = c.value("CgroupsMode");
        run.add(cgroups.isEmpty() ? "--cgroups=split" : "--cgroups");
        if (!cgroups.isEmpty()) {
            run.add(cgroups);
        }
        if (c.release.entrypointInOneWord()) {
            // An empty Entrypoint= clears the image's entrypoint: it must reach podman as --entrypoint="".
            c.lookup("Entrypoint").ifPresent(e -> run.add("--entrypoint=" + e));
        } else {
            c.addStrings(run, Map.of("Entrypoint", "--entrypoint"));
        }
        if (c.release.workdirFlag().equals("--workdir")) {
            c.addStrings(run, STRING_FLAGS);
        } else {
            // Before 5.3: -w=DIR, written whenever the key is there.
            Map<String, String> strings = new java.util.LinkedHashMap<>(STRING_FLAGS);
            strings.remove("WorkingDir");
            c.addStrings(run, strings);
            c.lookup("WorkingDir").ifPresent(w -> run.option(c.release.workdirFlag(), w));
        }
        c.addAllStrings(run, ALL_STRING_FLAGS);
        c.addBooleans(run, BOOL_FLAGS);
        References.networks(c, run);

        String serviceType = service.lookup("Service", "Type").orElse(null);
        if (serviceType != null && !serviceType.equals("notify") && !serviceType.equals("oneshot")) {
            c.fail("Service", "Type", "invalid service Type '" + serviceType + "'");
        }
        if (!"oneshot".equals(serviceType)) {
            String notify = c.lookup("Notify").orElse(null);
            if (notify != null && notify.equalsIgnoreCase("healthy")) {
                run.add("--sdnotify=healthy");
            } else if (c.bool("Notify", false)) {
                run.add("--sdnotify=container");
            } else {
                run.add("--sdnotify=conmon");
            }
            service.set("Service", "Type", "notify");
            service.set("Service", "NotifyAccess", "all");
            run.add("-d");
        }
        if (!c.unit.hasKey("Service", "SyslogIdentifier")) {
            service.set("Service", "SyslogIdentifier", "%N");
        }
        security(c, run);
        devices(c, run);
        c.lookup("SeccompProfile").ifPresent(p -> run.add("--security-opt", "seccomp=" + p));
        c.strv("DropCapability").forEach(cap -> run.option("--cap-drop", cap.toLowerCase(Locale.ROOT)));
        c.strv("AddCapability").forEach(cap -> run.option("--cap-add", cap.toLowerCase(Locale.ROOT)));
        c.strv("Sysctl").forEach(s -> run.option("--sysctl", s));
        var readOnly = c.unit.lookupBoolean(c.group, "ReadOnly");
        readOnly.ifPresent(ro -> run.addBool("--read-only", ro));
        if (c.bool("VolatileTmp", false) && !readOnly.orElse(false)) {
            run.add("--tmpfs", "/tmp:rw,size=512M,mode=1777");
        }
        UserMappings.user(c, run);
        UserMappings.mappings(c, run, true);
        References.volumes(c, run);
        String update = c.value("AutoUpdate");
        if (!update.isEmpty()) {
            run.addKeys("--label", Map.of("io.containers.autoupdate", update));
        }
        for (String port : c.all("ExposeHostPort")) {
            port = port.strip();
            if (!PORT_RANGE.matcher(port).find()) {
                c.fail("ExposeHostPort", "invalid port format '" + port + "'");
            }
            run.option("--expose", port);
        }
        c.all("PublishPort").forEach(p -> run.add("--publish", p));
        c.addKeyVals(run, KEY_VAL_FLAGS);
        c.args("Mask").forEach(m -> run.add("--security-opt", "mask=" + m));
        c.args("Unmask").forEach(m -> run.add("--security-opt", "unmask=" + m));
        c.args("EnvironmentFile").forEach(f -> run.add("--env-file", c.absolutePath(f)));
        c.args("Secret").forEach(s -> run.add("--secret", s));
        c.args("Mount").forEach(m -> run.add("--mount", References.mount(c, m)));
        HEALTH_FLAGS.forEach((key, flag) -> {
            String v = c.value(key);
            if (!v.isEmpty()) {
                run.add("--health-" + flag, v);
            }
        });
        References.pod(c, run);
        c.addPodmanArgs(run);
        if (!image.isEmpty()) {
            run.add(image);
        } else {
            run.add("--rootfs", rootfs);
        }
        List<String> exec = c.lastArgs("Exec");
        if (exec != null) {
            run.addAll(exec);
        }
        c.exec("ExecStart", run);
    }

    /** Only {@code mixed} (the default) or {@code control-group}: conmon must outlive the container's processes. */
    static void killMode(Conversion c) {
        var killMode = c.service.lookup("Service", "KillMode");
        if (killMode.isEmpty()) {
            c.service.set("Service", "KillMode", "mixed");
        } else if (!killMode.get().equals("mixed") && !killMode.get().equals("control-group")) {
            c.fail("Service", "KillMode", "invalid KillMode '" + killMode.get() + "'");
        }
    }

    static void logging(Conversion c, PodmanArgv argv) {
        c.lookup("LogDriver").ifPresent(d -> argv.add("--log-driver", d));
        c.strv("LogOpt").forEach(o -> argv.add("--log-opt", o));
    }

    /** {@code handleExecReload}: ExecReload= from ReloadCmd= ({@code podman exec}) or ReloadSignal= ({@code podman kill}). */
    private static void reload(Conversion c, String name) {
        String signal = c.value("ReloadSignal");
        List<String> cmd = c.lastArgs("ReloadCmd");
        boolean hasCmd = cmd != null && !cmd.isEmpty();
        if (!hasCmd && signal.isEmpty()) {
            return;
        }
        if (hasCmd && !signal.isEmpty()) {
            c.fail("ReloadCmd", "ReloadCmd and ReloadSignal are mutually exclusive but both are set");
            return;
        }
        PodmanArgv reload = c.command();
        if (hasCmd) {
            reload.add("exec", name).addAll(cmd);
        } else {
            reload.add("kill", "--signal", signal, name);
        }
        c.exec("ExecReload", reload);
    }

    private static void security(Conversion c, PodmanArgv run) {
        if (c.bool("NoNewPrivileges", false)) {
            run.add("--security-opt=no-new-privileges");
        }
        if (c.bool("SecurityLabelDisable", false)) {
            run.add("--security-opt", c.release.labelOption("disable"));
        }
        if (c.bool("SecurityLabelNested", false)) {
            run.add("--security-opt", c.release.labelOption("nested"));
        }
        String type = c.value("SecurityLabelType");
        if (!type.isEmpty()) {
            run.add("--security-opt", "label=type:" + type);
        }
        String fileType = c.value("SecurityLabelFileType");
        if (!fileType.isEmpty()) {
            run.add("--security-opt", "label=filetype:" + fileType);
        }
        String level = c.value("SecurityLabelLevel");
        if (!level.isEmpty()) {
            run.add("--security-opt", "label=level:" + level);
        }
        String apparmor = c.value("AppArmor");
        if (!apparmor.isEmpty()) {
            run.add("--security-opt", "apparmor=" + apparmor);
        }
    }

    /** {@code AddDevice=-/dev/x} is optional: left out when the device does not exist on the host. */
    private static void devices(Conversion c, PodmanArgv run) {
        for (String device : c.strv("AddDevice")) {
            if (device.charAt(0) == '-') {
                device = device.substring(1);
                if (!c.options.hostPathExists().test(device.split(":", -1)[0])) {
                    continue;
                }
            }
            run.option("--device", device);
        }
    }
}
