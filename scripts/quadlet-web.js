// Provision a rootless web service for one user: the account with a home and sub-IDs, lingering so
// the user's systemd runs without a login, and a container + network + volume as Quadlet units.
// Then reload the user's systemd and start the service (only on the live system; under --root the
// units are installed and systemd is left alone).
//
//   ./bosun --dry-run run scripts/quadlet-web.js [USER] [IMAGE] [HOST_PORT]   # see the plan
//   ./bosun --root /srv/images/host1 run scripts/quadlet-web.js web           # into an image root
//
// Safe to run again: every step is an ensure and reports changed: false when already done.
import { users } from "bosun:users";
import { subids } from "bosun:subids";
import { quadlet } from "bosun:quadlet";
import { systemd } from "bosun:systemd";

const [user = "web", image = "docker.io/library/nginx:1.27", port = "8080"] = args;

const account = users.ensure({ name: user, system: false, createHome: true, shell: "/usr/sbin/nologin",
  comment: "rootless web service" });
console.log(`user ${user}: ${account.changed ? "created" : "unchanged"}`);
const ids = subids.allocate(user);
console.log(`sub-IDs ${user}: uid ${ids.uid.start}+${ids.uid.count}, gid ${ids.gid.start}+${ids.gid.count}`);
users.linger(user, true);

const network = quadlet.network({ name: `${user}`, subnet: ["10.89.7.0/24"], gateway: ["10.89.7.1"] });
const volume = quadlet.volume({ name: `${user}-content` });
const container = quadlet.container({
  name: user,
  image,
  publishPort: [`${port}:80`],
  network: [`${user}.network`],
  volume: [`${user}-content.volume:/usr/share/nginx/html:ro`],
  environment: { TZ: "UTC" },
  unit: { Description: `nginx for ${user}` },
  service: { Restart: "always" },
  install: { WantedBy: "default.target" },
});

// Validate all three before installing anything, so a mistake changes nothing.
const names = [network, volume, container].map((u) => `${u.name}.${u.type}`);
for (const unit of [network, volume, container]) {
  const errors = quadlet.validate(unit, { units: names }).filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new Error(`${unit.name}.${unit.type}: ${errors.map((f) => f.message).join("; ")}`);
  }
}
// Network and volume first: installing the container checks that what it references exists.
for (const unit of [network, volume, container]) {
  const r = quadlet.install(user, unit);
  console.log(`${r.changed ? "installed" : "unchanged"} ${r.path}`);
}

const info = host.info();
if (info.hostRoot === "/" && (info.systemd || info.dryRun)) {
  systemd.daemonReload({ user });
  systemd.start(`${user}.service`, { user });
  console.log(`started ${user}.service for ${user}`);
} else {
  console.log(`not starting ${user}.service: ${info.hostRoot !== "/" ? "working on " + info.hostRoot
    : "systemd is not PID 1 here"}`);
}
