#!/usr/bin/env bash
# Prepares what ContainerMatrixTest needs: a running Docker daemon and two local images, made
# here because no image registry is reachable (the tests never pull):
#   ame-debian:bookworm  a debootstrap minbase Debian, into which each JDK is bind-mounted;
#   alpine:3.17          a busybox rootfs with sh, ip and awk: Testcontainers starts this image
#                        to find the gateway when it runs inside a container, as it does here.
# Idempotent: each step is skipped when its result is already there (seconds in all then).
# Needs root and apt (Debian). Prints one line per step; exits non-zero with the reason.
set -euo pipefail

readonly DEBIAN_IMAGE=ame-debian:bookworm
readonly DEBIAN_SUITE=bookworm
readonly HELPER_IMAGE=alpine:3.17
readonly DOCKERD_LOG=/tmp/ame-dockerd.log
readonly DEBOOTSTRAP_LOG=/tmp/ame-debootstrap.log
readonly APT_LOG=/tmp/ame-apt.log

step() { echo "container-setup: $*"; }
die() {
  echo "container-setup: FAILED: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts dockerd)"
command -v apt-get >/dev/null || die "apt-get not found: this script sets up Debian machines only"

# --- packages -----------------------------------------------------------------------------
# (grep without -q: with pipefail, an early exit of grep -q fails the pipe through SIGPIPE)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep 'install ok installed' >/dev/null; }
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
installed busybox-static || missing+=(busybox-static) # static: it runs alone in a bare rootfs
command -v ip >/dev/null || missing+=(iproute2)

if [ ${#missing[@]} -eq 0 ]; then
  step "packages already installed"
else
  export DEBIAN_FRONTEND=noninteractive
  # The package scripts must not start dockerd themselves (default storage driver, iptables).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  for p in "${missing[@]}"; do
    if ! has_candidate "$p"; then
      step "apt-get update (no candidate for $p)"
      apt-get -o DPkg::Lock::Timeout=120 update >>"$APT_LOG" 2>&1 || die "apt-get update failed, see $APT_LOG"
      break
    fi
  done
  step "installing ${missing[*]}"
  apt_install() { apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends "${missing[@]}" >>"$APT_LOG" 2>&1; }
  if ! apt_install; then
    step "install failed, retrying after apt-get update"
    apt-get -o DPkg::Lock::Timeout=120 update >>"$APT_LOG" 2>&1 || die "apt-get update failed, see $APT_LOG"
    apt_install || die "apt-get install ${missing[*]} failed, see $APT_LOG"
  fi
fi

# --- daemon -------------------------------------------------------------------------------
answers() { timeout 10 docker info >/dev/null 2>&1; }

readonly DOCKERD_PID=/var/run/docker.pid
readonly CONTAINERD_PID=/var/run/docker/containerd/containerd.pid

# The pid in pid file $1 when it is a live (not zombie) process named $2, or nothing.
live_pid() {
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 0
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] || return 0
  [ "$(sed -n 's/^.*) \(.\).*$/\1/p' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 0
  echo "$pid"
}

if answers; then
  step "docker daemon already answers"
else
  pid="$(live_pid "$DOCKERD_PID" dockerd)"
  if [ -n "$pid" ]; then
    step "waiting for the running dockerd (pid $pid)"
  else
    # Pid files left by a killed daemon block the start, or make it wait for a dead containerd.
    rm -f "$DOCKERD_PID"
    [ -n "$(live_pid "$CONTAINERD_PID" containerd)" ] || rm -f "$CONTAINERD_PID"
    step "starting dockerd (vfs, no iptables), log in $DOCKERD_LOG"
    # Keep the default bridge: Testcontainers fails with --bridge=none.
    setsid dockerd --storage-driver=vfs --iptables=false >>"$DOCKERD_LOG" 2>&1 </dev/null &
    pid=$!
  fi
  for _ in $(seq 1 60); do
    answers && break
    kill -0 "$pid" 2>/dev/null || die "dockerd exited: $(tail -n 3 "$DOCKERD_LOG" | tr '\n' ' ')"
    sleep 1
  done
  answers || die "dockerd runs but docker info does not answer after 60 s, see $DOCKERD_LOG"
  step "docker daemon answers (pid $pid)"
fi

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

# --- ame-debian:bookworm ------------------------------------------------------------------
# The Debian mirror apt uses here: one-line sources (deb [options] URI SUITE ...) or deb822.
debian_mirror() {
  local suite="$1" f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '$1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" 'BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^#/ || !match($i, /^[A-Za-z-]+:/)) continue
          key = tolower(substr($i, 1, RLENGTH - 1)); val = substr($i, RLENGTH + 1)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled ~ /no/) next
        if ((" " types " ") ~ /[ \t]deb[ \t]/ && (" " suites " ") ~ ("[ \t]" suite "[ \t]")) {
          split(uris, u, " "); print u[1]; exit
        }
      }' "$f"
  done
}

if image_present "$DEBIAN_IMAGE"; then
  step "image $DEBIAN_IMAGE already present"
else
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  mirror="$(debian_mirror "$DEBIAN_SUITE" | head -n 1)"
  [ -n "$mirror" ] || [ -z "$codename" ] || mirror="$(debian_mirror "$codename" | head -n 1)"
  [ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/"
  rootfs="$(mktemp -d /tmp/ame-rootfs.XXXXXX)"
  step "debootstrap --variant=minbase $DEBIAN_SUITE from $mirror, log in $DEBOOTSTRAP_LOG"
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$mirror" >"$DEBOOTSTRAP_LOG" 2>&1 ||
    die "debootstrap failed: $(tail -n 3 "$DEBOOTSTRAP_LOG" | tr '\n' ' ')"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* # smaller vfs copies
  step "importing $DEBIAN_IMAGE"
  tar -C "$rootfs" -c . | docker import - "$DEBIAN_IMAGE" >/dev/null || die "docker import $DEBIAN_IMAGE failed"
  rm -rf "$rootfs"
fi

# --- alpine:3.17 (busybox) ----------------------------------------------------------------
if image_present "$HELPER_IMAGE"; then
  step "image $HELPER_IMAGE already present"
else
  busybox=/bin/busybox
  [ -x "$busybox" ] || die "$busybox not found (package busybox-static)"
  for applet in sh ip awk; do
    "$busybox" --list | grep -x "$applet" >/dev/null || die "$busybox has no $applet applet"
  done
  rootfs="$(mktemp -d /tmp/ame-busybox.XXXXXX)"
  mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,proc,sys,dev}
  cp "$busybox" "$rootfs/bin/busybox"
  "$busybox" --list-full | while read -r path; do
    [ -e "$rootfs/$path" ] || ln -s /bin/busybox "$rootfs/$path"
  done
  step "importing $HELPER_IMAGE (busybox rootfs with sh, ip and awk)"
  tar -C "$rootfs" -c . | docker import - "$HELPER_IMAGE" >/dev/null || die "docker import $HELPER_IMAGE failed"
  rm -rf "$rootfs"
fi

step "ready: $DEBIAN_IMAGE and $HELPER_IMAGE on $(docker info --format '{{.ServerVersion}}' 2>/dev/null) (storage $(docker info --format '{{.Driver}}' 2>/dev/null))"
