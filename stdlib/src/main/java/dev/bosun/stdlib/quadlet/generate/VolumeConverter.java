package dev.bosun.stdlib.quadlet.generate;

import java.util.Map;

/** {@code .volume} → a oneshot {@code podman volume create --ignore}. */
final class VolumeConverter {
    private static final Map<String, String> KEY_VAL_FLAGS = Map.of("Label", "--label");

    private VolumeConverter() {
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        String name = Names.resourceName(c.unit, "Volume", "VolumeName", c.release);
        PodmanArgv argv = c.command().add("volume", "create", "--ignore");
        c.lookup("UID").ifPresent(uid -> argv.add("--uid", uid));
        c.lookup("GID").ifPresent(gid -> argv.add("--gid", gid));
        String driver = c.lookup("Driver").orElse(null);
        if (driver != null) {
            argv.option("--driver", driver);
        }
        StringBuilder opts = new StringBuilder();
        if ("image".equals(driver)) {
            opts.append("image=");
            var image = c.lookup("Image");
            if (image.isEmpty()) {
                c.fail("Driver", "the key Image is mandatory when using the image driver");
            } else {
                opts.append(References.image(c, image.get()));
            }
        } else {
            opts.append("o=");
            if (c.unit.hasKey(c.group, "User")) {
                opts.append(opts.length() > 2 ? "," : "").append("uid=").append(c.release.volumeOwner(c, "User"));
            }
            if (c.unit.hasKey(c.group, "Group")) {
                opts.append(opts.length() > 2 ? "," : "").append("gid=").append(c.release.volumeOwner(c, "Group"));
            }
            c.unit.lookupBoolean(c.group, "Copy").ifPresent(copy -> argv.add("--opt", copy ? "copy" : "nocopy"));
            String device = c.value("Device");
            if (!device.isEmpty()) {
                argv.add("--opt", "device=" + device);
            }
            String type = c.value("Type");
            if (!type.isEmpty()) {
                if (device.isEmpty()) {
                    c.fail("Type", "key Type can't be used without Device");
                } else {
                    argv.add("--opt", "type=" + type);
                    if (type.equals("bind") && c.release.bindVolumeRequiresMount()) {
                        c.service.addEscaped("Unit", "RequiresMountsFor", device);
                    }
                }
            }
            String options = c.value("Options");
            if (!options.isEmpty()) {
                if (device.isEmpty() && !c.release.volumeOptionsWithoutDevice()) {
                    c.fail("Options", "key Options can't be used without Device");
                } else {
                    opts.append(opts.length() > 2 ? "," : "").append(options);
                }
            }
        }
        if (opts.length() > 2) {
            argv.add("--opt", opts.toString());
        }
        c.addKeyVals(argv, KEY_VAL_FLAGS);
        c.addPodmanArgs(argv);
        argv.add(name);
        c.exec("ExecStart", argv);
        OneshotService.defaults(c.service, true);
        c.info.resourceName(name);
    }
}
