#!/usr/bin/env bash
# slurm-up.sh: a single-node Slurm cluster on this machine, for the
# integration tests of `repro check --executor slurm` (internal/slurm).
#
# Idempotent: it installs Debian's slurm-wlm and munge when missing, writes a
# minimal slurm.conf for this host, starts munged, slurmctld and slurmd unless
# they already run, and waits until sinfo shows the node idle. It prints each
# thing it does and exits non-zero, saying why, when the cluster cannot start.
# Needs root (it writes /etc/slurm and starts daemons).
set -euo pipefail

say() { echo "slurm-up: $*"; }
die() { echo "slurm-up: error: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (writes /etc/slurm, starts daemons)"

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1 || ! command -v sbatch >/dev/null 2>&1; then
  say "installing slurm-wlm and munge (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null \
    || die "apt-get install slurm-wlm munge failed"
fi

host=$(hostname -s)
conf=/etc/slurm/slurm.conf
cpus=$(nproc)
# Leave the system some memory; Slurm refuses a node that reports less
# RealMemory than configured.
mem_mb=$(awk '/^MemTotal:/ {print int($2/1024)}' /proc/meminfo)
real_mb=$(( mem_mb > 2048 ? mem_mb - 1024 : mem_mb ))

if ! getent hosts "$host" >/dev/null 2>&1; then
  say "adding $host to /etc/hosts"
  echo "127.0.0.1 $host" >> /etc/hosts
fi

mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
want=$(cat <<EOF
# Written by .ci/slurm-up.sh: a one-node cluster for repro's Slurm tests.
ClusterName=repro
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=512
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# Keep finished jobs visible to scontrol for 10 minutes (no accounting here),
# and kill a job that hits its time limit 5 s after SIGTERM.
MinJobAge=600
KillWait=5
InactiveLimit=0
SchedulerType=sched/backfill
NodeName=$host CPUs=$cpus RealMemory=$real_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
)
changed=no
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
  say "writing $conf ($host: $cpus CPUs, ${real_mb} MB)"
  printf '%s\n' "$want" > "$conf"
  changed=yes
fi

if [ ! -s /etc/munge/munge.key ]; then
  say "creating /etc/munge/munge.key"
  if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --force --keyfile=/etc/munge/munge.key
  else
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
  fi
fi
chown munge:munge /etc/munge /etc/munge/munge.key
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key
chown munge:munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true

running() { pgrep -x "$1" >/dev/null 2>&1; }

if ! running munged; then
  say "starting munged"
  runuser -u munge -- /usr/sbin/munged || die "munged did not start (see /var/log/munge/munged.log)"
fi
munge -n | unmunge >/dev/null 2>&1 || die "munge does not work: munge -n | unmunge failed"

if [ "$changed" = yes ]; then
  # A new slurm.conf needs the daemons restarted.
  for d in slurmd slurmctld; do
    if running "$d"; then
      say "stopping $d (configuration changed)"
      [ -s "/run/$d.pid" ] && kill "$(cat "/run/$d.pid")" 2>/dev/null || true
      for _ in $(seq 50); do running "$d" || break; sleep 0.1; done
      running "$d" && die "$d (pid $(cat "/run/$d.pid" 2>/dev/null)) did not stop; stop it and rerun"
    fi
  done
fi
ctld_up() { timeout 5 scontrol ping 2>/dev/null | grep -q 'is UP'; }
# A slurmctld that is starting or stopping gets 10 s to answer or to exit.
for _ in $(seq 100); do
  running slurmctld || break
  ctld_up && break
  sleep 0.1
done
if ! ctld_up; then
  running slurmctld && die "slurmctld runs but does not answer scontrol ping (see /var/log/slurm/slurmctld.log)"
  say "starting slurmctld"
  /usr/sbin/slurmctld || die "slurmctld did not start (see /var/log/slurm/slurmctld.log)"
  for _ in $(seq 100); do ctld_up && break; sleep 0.1; done
  ctld_up || die "slurmctld started but does not answer scontrol ping (see /var/log/slurm/slurmctld.log)"
fi
if running slurmd; then
  sleep 1 # a slurmd on its way out
fi
if ! running slurmd; then
  say "starting slurmd"
  /usr/sbin/slurmd || die "slurmd did not start (see /var/log/slurm/slurmd.log)"
fi

say "waiting for node $host to become idle"
deadline=$((SECONDS + 60))
state=
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! running slurmd; then # one that was on its way out has left
    say "starting slurmd"
    /usr/sbin/slurmd || die "slurmd did not start (see /var/log/slurm/slurmd.log)"
  fi
  state=$(timeout 5 sinfo -h -n "$host" -o %T 2>/dev/null || true)
  case "$state" in
    idle|mixed|allocated) say "node $host is $state; cluster up"; sinfo; exit 0 ;;
    down*|drain*)
      # ReturnToService=2 brings it back once slurmd registers; nudge it.
      scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
die "node $host did not become idle within 60 s (sinfo says: ${state:-nothing})"
