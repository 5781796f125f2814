#!/usr/bin/env bash
# Whole-process timing of the KVM preflight next to the tools people use today, in the same run. Each figure
# is the wall time of one whole process (fork to exit), RUNS runs (default 20); each tool is also run once
# untimed to show its exit code and verdict line.
#   bosun kvm check               (Bosun's CLI: open /dev/kvm, KVM_GET_API_VERSION, KVM_CREATE_VM, ...)
#   bosun -e 'kvm.check().ok'     (the same operation through the JS shell)
#   java KvmCheckRun              (the module alone in a plain JVM: no CLI, no JS engine)
#   baseline: kvm-ok              (Debian cpu-checker: greps /proc/cpuinfo for vmx|svm)
#   baseline: virt-host-validate qemu (libvirt-clients: cpuinfo flags, device nodes, cgroups, IOMMU)
# Usage: bench/kvm.sh [RUNS]
. "$(dirname "$0")/lib.sh"
RUNS="${1:-20}"
bench_build
bosun_warm
B="$REPO/bosun"

kvm_node() {
  local mode owner major minor
  if read -r mode owner major minor < <(stat -c '%A %U:%G %t %T' /dev/kvm 2>/dev/null); then
    echo "$mode $owner $((16#$major)):$((16#$minor))"
  else
    echo missing
  fi
}

# verdict LABEL REGEX CMD...: runs CMD once and prints its exit code and the first output line matching REGEX.
verdict() {
  local label=$1 pattern=$2 out rc=0; shift 2
  out=$("$@" 2>&1) || rc=$?
  printf '  %-46s exit %d: %s\n' "$label" "$rc" "$(printf '%s\n' "$out" | grep -E "$pattern" | head -1 | sed 's/  */ /g' | cut -c1-100)"
}

machine_header
printf 'kvm: /dev/kvm %s; cpuinfo vmx/svm: %s; hypervisor flag: %s\n' "$(kvm_node)" \
  "$(grep -m1 -owE 'vmx|svm' /proc/cpuinfo || echo none)" "$(grep -m1 -ow hypervisor /proc/cpuinfo || echo no)"
for t in kvm-ok virt-host-validate; do
  command -v "$t" >/dev/null || { echo "$t missing: apt-get install -y cpu-checker libvirt-clients" >&2; exit 2; }
done
PLAIN=("$JAVA" "${JAVA_FLAGS[@]}" -XX:TieredStopAtLevel=1 -cp "$BENCH_CP" dev.bosun.bench.kvm.KvmCheckRun)

echo "verdicts (one untimed run each):"
verdict "bosun kvm check" '^ *KVM: (usable|NOT usable)' "$B" kvm check
verdict "bosun -e 'kvm.check().ok'" '^(true|false)$' "$B" -e 'kvm.check().ok'
verdict "java KvmCheckRun" '^ *KVM: (usable|NOT usable)' "${PLAIN[@]}"
verdict "baseline: kvm-ok" 'KVM acceleration' kvm-ok
verdict "baseline: virt-host-validate qemu" 'hardware virtualization' virt-host-validate qemu
echo "timings (whole process, $RUNS runs each):"
timeit "$RUNS" "bosun kvm check" "$B" kvm check
timeit "$RUNS" "bosun -e 'kvm.check().ok'" "$B" -e 'kvm.check().ok'
timeit "$RUNS" "java KvmCheckRun (module only, plain JVM)" "${PLAIN[@]}"
timeit "$RUNS" "baseline: kvm-ok" kvm-ok
timeit "$RUNS" "baseline: virt-host-validate qemu" virt-host-validate qemu
