#!/usr/bin/env bash
# Whole-process timing of the KVM preflight next to the tools people use today, in the same run:
#   ./bosun kvm check            (Bosun: asks the kernel: open, KVM_GET_API_VERSION, KVM_CREATE_VM, ...)
#   kvm-ok                       (Debian cpu-checker: greps /proc/cpuinfo for vmx|svm)
#   virt-host-validate qemu      (libvirt-clients: cpuinfo flags, device nodes, cgroups, IOMMU)
# Prints the median, min and max wall time over RUNS runs (default 20) and each tool's exit code and verdict.
# Until `bosun kvm check` is wired into the CLI, the same operation is timed as ./bosun -e 'kvm.check().ok'.
# A second Bosun line runs the module alone through its test probe in a plain JVM (no CLI, no JS engine).
# Usage: bench/kvm.sh [RUNS]      (from the repository root, after `mvn -o -pl stdlib -am test-compile`)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-20}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

now_ns() { date +%s%N; }

kvm_node() {
    local mode owner major minor
    if read -r mode owner major minor < <(stat -c '%A %U:%G %t %T' /dev/kvm 2>/dev/null); then
        echo "$mode $owner $((16#$major)):$((16#$minor))"
    else
        echo missing
    fi
}

# time_cmd NAME VERDICT_REGEX CMD...: runs CMD RUNS times, prints "NAME median min max rc verdict".
time_cmd() {
    local name="$1" pattern="$2"; shift 2
    local times=() rc=0 out
    for ((i = 0; i < RUNS; i++)); do
        local t0 t1
        t0=$(now_ns)
        set +e
        out=$("$@" 2>&1)
        rc=$?
        set -e
        t1=$(now_ns)
        times+=($(( (t1 - t0) / 1000 )))
    done
    local sorted median
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(printf '%s\n' "$sorted" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { m = $1 } NR == int(n / 2) + 1 { m2 = $1 } END { printf "%.1f", (n % 2 ? m : (m + m2) / 2) / 1000 }')
    local min max verdict
    min=$(printf '%s\n' "$sorted" | head -1 | awk '{ printf "%.1f", $1 / 1000 }')
    max=$(printf '%s\n' "$sorted" | tail -1 | awk '{ printf "%.1f", $1 / 1000 }')
    verdict=$(printf '%s\n' "$out" | grep -E "$pattern" | head -1 | sed 's/  */ /g' | cut -c1-90)
    printf '%-44s %9s %9s %9s %4s  %s\n' "$name" "$median" "$min" "$max" "$rc" "$verdict"
}

printf 'runs per tool: %s; kernel %s; /dev/kvm: %s\n' "$RUNS" "$(uname -r)" "$(kvm_node)"
printf 'cpuinfo vmx/svm: %s; hypervisor flag: %s\n\n' \
    "$(grep -m1 -owE 'vmx|svm' /proc/cpuinfo || echo none)" "$(grep -m1 -ow hypervisor /proc/cpuinfo || echo no)"
printf '%-44s %9s %9s %9s %4s  %s\n' "command" "median ms" "min ms" "max ms" "exit" "verdict"

if [[ -x ./bosun ]] && ./bosun kvm check 2>/dev/null | grep -qE '^ *KVM: (usable|NOT usable)'; then
    time_cmd "./bosun kvm check" '^ *KVM: (usable|NOT usable)' ./bosun kvm check
elif [[ -x ./bosun ]]; then
    # The CLI shortcut is not wired yet: the same operation through the shell's -e.
    time_cmd "./bosun -e 'kvm.check().ok'" '^(true|false)$' ./bosun -e 'kvm.check().ok'
fi
# The module alone in a plain JVM (no CLI, no JS engine): how much of the time is the check itself.
CP="stdlib/target/classes:stdlib/target/test-classes:api/target/classes"
PF4J=$(find "$HOME/.m2/repository/org/pf4j/pf4j" -name 'pf4j-*.jar' 2>/dev/null | sort | tail -1)
if [[ -d stdlib/target/test-classes/dev/bosun/stdlib/kvm && -n "$PF4J" ]]; then
    time_cmd "java KvmProbe (module only, plain JVM)" '^ *KVM: (usable|NOT usable)' "$JAVA_HOME/bin/java" \
        --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$CP:$PF4J" dev.bosun.stdlib.kvm.KvmProbe
else
    echo "(KvmProbe line left out: run mvn -o -pl stdlib -am test-compile first)"
fi
if command -v kvm-ok >/dev/null; then
    time_cmd "kvm-ok" 'KVM acceleration' kvm-ok
else
    echo "kvm-ok not installed (apt-get install cpu-checker)"
fi
if command -v virt-host-validate >/dev/null; then
    time_cmd "virt-host-validate qemu" 'hardware virtualization' virt-host-validate qemu
else
    echo "virt-host-validate not installed (apt-get install libvirt-clients)"
fi
