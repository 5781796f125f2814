// Example compartment: an application and its database in a pod on a private network, the database running as
// container uid 999, which the host sees as the helper user qmh-app-999 (owner of the data volume).
//   ./bosun run scripts/compartment.js plan compartments/app.mjs
export default {
  id: "app",
  volumes: [
    // Owned on the host by the helper for container uid 999, so files the database writes have a named owner.
    { name: "pgdata", ownerUid: 999 },
  ],
  networks: [{ name: "app", subnet: ["10.89.42.0/24"], internal: false }],
  pods: [{ name: "app", network: ["app.network"], publishPort: ["8081:8080"] }],
  containers: [
    {
      unit: {
        name: "db",
        image: "docker.io/library/postgres:16",
        pod: "app.pod",
        user: "999",
        group: "999",
        environment: { POSTGRES_DB: "app", POSTGRES_HOST_AUTH_METHOD: "trust" },
      },
      volumes: [{ volume: "pgdata", path: "/var/lib/postgresql/data" }],
      mapUids: [999],
    },
    {
      unit: {
        name: "web",
        image: "docker.io/library/httpd:2.4",
        pod: "app.pod",
        environment: { DATABASE_HOST: "localhost" },
      },
    },
  ],
};
