// The provisioning script the kill trials interrupt: N users (default 20), each with a home, sub-IDs and a
// small Quadlet unit in its home. Every step is an ensure, so running it again after a crash at any moment
// must converge to the tree an uninterrupted run leaves.
//   ./bosun --root R run bench/reliability/provision.js [N]
import { users } from "bosun:users";
import { subids } from "bosun:subids";
import { quadlet } from "bosun:quadlet";

const n = Number(args[0] ?? 20);
// The reliability runner starts its kill clock at this line, so kills land in the work, not in JVM start-up.
console.log(`provisioning ${n} users`);
for (let i = 0; i < n; i++) {
  const name = `rel${String(i).padStart(2, "0")}`;
  users.ensure({ name, createHome: true, shell: "/bin/sh", comment: `reliability user ${i}` });
  subids.allocate(name);
  quadlet.install(name, quadlet.container({ name: `${name}-app`, image: "docker.io/library/busybox:1.36",
    exec: ["sleep", "infinity"], environment: { SLOT: String(i) } }));
}
