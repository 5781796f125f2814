// Example compartment: nginx serving a host directory. Copy it, change the id, the image, the port.
//   ./bosun run scripts/compartment.js plan compartments/nginx.mjs
// The same spec as JSON (for Ansible, or compartment.js with an absolute path) is compartments.exportSpec("nginx").specJson.
export default {
  id: "nginx",
  volumes: [
    // /var/lib/bosun-volumes/nginx/html, mode 0770, owned by qm-nginx (container root).
    { name: "html" },
  ],
  containers: [
    {
      unit: {
        name: "nginx",
        image: "docker.io/library/nginx:1.27",
        publishPort: ["8080:80"],
        unit: { Description: "nginx in compartment nginx" },
        service: { Restart: "always" },
      },
      volumes: [{ volume: "html", path: "/usr/share/nginx/html", options: "ro" }],
    },
  ],
};
