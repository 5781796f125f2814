// Installs a web container with its network and volume for the user "web", then reloads that
// user's systemd manager and starts the service.
//   ./bosun --root DIR --dry-run run scripts/quadlet-web.js
// Uses the module globals (quadlet, users, systemd) that the shell defines for scripts; once ES module
// imports of "bosun:quadlet" work, `import { quadlet } from "bosun:quadlet"` is equivalent.
const user = "web";

// The users module (another issue) creates the account; skip it when it is not there yet.
if (typeof users !== "undefined" && users.ensure) {
  users.ensure({ name: user });
}

const network = quadlet.network({ name: "web", subnet: ["10.89.7.0/24"], gateway: ["10.89.7.1"] });
const volume = quadlet.volume({ name: "web-content" });
const container = quadlet.container({
  name: "web",
  image: "docker.io/library/nginx:1.27",
  publishPort: ["8080:80"],
  network: ["web.network"],
  volume: ["web-content.volume:/usr/share/nginx/html:ro"],
  environment: { TZ: "UTC" },
  unit: { Description: "nginx for the web user" },
  service: { Restart: "always" },
  install: { WantedBy: "default.target" },
});

for (const unit of [network, volume, container]) {
  const problems = quadlet.validate(unit, { units: ["web.network", "web-content.volume", "web.container"] })
    .filter((f) => f.severity === "error");
  if (problems.length > 0) {
    throw new Error(`${unit.name}: ${problems.map((f) => f.message).join("; ")}`);
  }
}

// Network and volume first: the container's validation checks that they exist.
for (const unit of [network, volume, container]) {
  const r = quadlet.install(user, unit);
  console.log(`${r.changed ? "installed" : "unchanged"} ${r.path}`);
}

systemd.daemonReload({ user });
systemd.start("web.service", { user });
