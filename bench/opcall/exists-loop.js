// One figure of bench/opcall.sh: N calls of files.exists('/etc') in a Bosun script, timed inside the script
// (the JVM's start is not in it), after one untimed warm-up loop of the same length. Prints microseconds per
// call. Usage: ./bosun run bench/opcall/exists-loop.js [N=100000]
const n = Number(args[0] || 100000);
let k = 0;
for (let i = 0; i < n; i++) { if (files.exists('/etc')) k++; }
const t0 = Date.now();
for (let i = 0; i < n; i++) { if (files.exists('/etc')) k++; }
const t1 = Date.now();
console.log(((t1 - t0) * 1000 / n).toFixed(2));
