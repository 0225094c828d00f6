#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for tests and for trying scripts/slurm/sweep.sbatch:
#   scripts/slurm/local-cluster.sh start DIR   # config, state and logs under DIR; prints the
#                                              # SLURM_CONF to export for sbatch, squeue, sinfo
#   scripts/slurm/local-cluster.sh stop DIR    # stops every daemon start launched
# Needs root, Debian's slurm-wlm and munge (scripts/install-deps.sh installs them) and a mounted
# cgroup file system (slurmd 22.05 will not start without one; start exits 3 when there is none,
# as in a bare chroot). It talks over 127.0.0.1 (no name lookup of this host needed), on its own
# ports (16817, 16818), and leaves any system Slurm alone; munged is shared and only stopped
# when start launched it. Facts behind the settings: ../shared/notes/slurm-on-one-machine.md.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
conf=$dir/slurm.conf

stop_pid_file() {
  local file=$1
  [[ -f "$file" ]] || return 0
  local pid
  pid=$(cat "$file")
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$command" in
start)
  [[ $(id -u) -eq 0 ]] || { echo "$0: needs root (slurmd runs jobs as their users)" >&2; exit 1; }
  for tool in slurmctld slurmd munged sbatch; do
    command -v "$tool" >/dev/null || { echo "$0: $tool missing (scripts/install-deps.sh)" >&2; exit 1; }
  done
  # slurmd 22.05 initialises its cgroup plugin whatever the configuration and stops without a
  # mounted cgroup file system (as in a bare chroot).
  if ! awk '$2 == "/sys/fs/cgroup" && ($3 == "cgroup2" || $3 == "cgroup" || $3 == "tmpfs") {found=1} END {exit !found}' /proc/mounts; then
    echo "$0: no cgroup file system at /sys/fs/cgroup: slurmd cannot start here" >&2
    exit 3
  fi
  # From here on, a failure stops whatever this call started.
  trap 'echo "$0: start failed; logs in $dir/log" >&2; "$0" stop "$dir"' ERR
  # munge: the authentication every Slurm message carries.
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge
    [[ -f /etc/munge/munge.key ]] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null;
                                       chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
    runuser -u munge -- munged --force
    touch "$dir/munged.started"
    for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  host=$(hostname -s)
  cat > "$conf" <<CONF
ClusterName=laborsim-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$conf
  slurmctld -f "$conf"
  slurmd -f "$conf"
  for _ in $(seq 100); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
      echo "$conf"
      exit 0
    fi
    sleep 0.2
  done
  echo "$0: the node did not come up idle; logs in $dir/log" >&2
  sinfo >&2 || true
  trap - ERR
  "$0" stop "$dir"
  exit 1
  ;;
stop)
  stop_pid_file "$dir/slurmd.pid"
  stop_pid_file "$dir/slurmctld.pid"
  if [[ -f "$dir/munged.started" ]]; then
    stop_pid_file /run/munge/munged.pid
    rm -f "$dir/munged.started"
  fi
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
