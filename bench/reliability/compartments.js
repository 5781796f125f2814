// The compartments script the reliability runner's compartment kill trials interrupt: applies or removes N
// compartments (default 3) under --root. Each compartment has a host-directory volume owned by the user, one
// owned by the helper of container uid 101, a Quadlet volume, a network, a pod, two containers (one mapping
// container uid 33 to its helper), lingering and the auto-update drop-in: every kind of thing apply makes and
// remove takes away. Running it again after a kill at any moment must converge to an uninterrupted run's tree.
//   ./bosun --root R run bench/reliability/compartments.js apply|remove [N]
import { compartments } from "bosun:compartments";

const [op, count = "3"] = args;
if (op !== "apply" && op !== "remove") {
  throw new Error(`compartments.js: the operation is apply or remove, not ${op}`);
}
const n = Number(count);
const spec = (i) => ({
  id: `kc${i}`,
  volumes: [{ name: "data" }, { name: "cache", ownerUid: 101 }, { name: "shared", quadlet: { name: "shared" } }],
  networks: [{ name: `kc${i}`, subnet: [`10.89.${100 + i}.0/24`] }],
  pods: [{ name: `kc${i}`, network: [`kc${i}.network`], publishPort: [`${18000 + i}:8080`] }],
  containers: [
    {
      unit: { name: `kc${i}-db`, image: "docker.io/library/postgres:16", pod: `kc${i}.pod`, user: "33" },
      volumes: [{ volume: "data", path: "/var/lib/postgresql/data" }, { volume: "cache", path: "/cache" }],
      mapUids: [33],
    },
    { unit: { name: `kc${i}-web`, image: "docker.io/library/nginx:1.27", pod: `kc${i}.pod` }, autostart: false },
  ],
  autoUpdate: true,
});
// The runner starts its kill clock at this line, so kills land in the work, not in JVM start-up.
console.log(`compartments ${op} ${n}`);
for (let i = 0; i < n; i++) {
  if (op === "apply") {
    compartments.apply(spec(i));
  } else {
    compartments.remove(`kc${i}`);
  }
}
