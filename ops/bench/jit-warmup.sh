# Sourced by the benchmarks: warms JVMs up under load until their JIT compilers have settled.
# A cold Payara keeps C2 busy for minutes: in one translation run the compiler threads still took
# over half of the JVM's CPU after two minutes of load, and throughput rose by 70 % once they were
# done. So a figure is taken only after a window in which the compiler threads used less than
# BENCH_JIT_SETTLED percent (default 5) of each JVM's CPU, or after BENCH_WARMUP_MAX seconds
# (default 300), and the script says which.
#
#   warm_until_settled "PID [PID...]" WRK-ARGS...   (wrk runs in windows of 15 s)

jvm_cpu() { # pid -> "total compiler" CPU ticks of the JVM's threads
  local pid=$1 total=0 compiler=0 stat line comm rest ticks
  for stat in /proc/"$pid"/task/*/stat; do
    read -r line <"$stat" 2>/dev/null || continue
    comm=${line#*(}; comm=${comm%%)*}
    rest=${line##*) }
    # fields after the comm: state is 1, utime is 12, stime is 13
    set -- $rest
    ticks=$(( ${12} + ${13} ))
    total=$(( total + ticks ))
    case $comm in C1\ CompilerThre*|C2\ CompilerThre*) compiler=$(( compiler + ticks )) ;; esac
  done
  echo "$total $compiler"
}

warm_until_settled() { # "pids" wrk-args...
  local pids=$1 settled=${BENCH_JIT_SETTLED:-5} max=${BENCH_WARMUP_MAX:-300} waited=0 pid
  shift
  while :; do
    declare -A before=()
    for pid in $pids; do before[$pid]=$(jvm_cpu "$pid"); done
    wrk -d15s "$@" >/dev/null
    waited=$((waited + 15))
    local worst=0 shares=""
    for pid in $pids; do
      local b=(${before[$pid]}) a=($(jvm_cpu "$pid")) share
      share=$(( (a[1] - b[1]) * 100 / ((a[0] - b[0]) > 0 ? (a[0] - b[0]) : 1) ))
      shares+="$pid:${share}% "
      [ "$share" -gt "$worst" ] && worst=$share
    done
    if [ "$worst" -lt "$settled" ]; then
      echo "  JIT settled after ${waited} s of load (compiler share of JVM CPU in the last 15 s: $shares)"
      return 0
    fi
    if [ "$waited" -ge "$max" ]; then
      echo "  JIT NOT settled after ${waited} s of load (compiler share: $shares): figures include compilation"
      return 0
    fi
  done
}
