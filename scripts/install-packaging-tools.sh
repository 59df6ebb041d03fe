#!/usr/bin/env bash
# Installs, with apt, the Debian tools that scripts/package.sh needs and that are missing: a JDK 17 with
# jlink, jpackage and jmods, dpkg-deb, fakeroot, zip/unzip and readelf. Run as root (CI) or through sudo.
set -euo pipefail
missing=()
jdk=/usr/lib/jvm/java-17-openjdk-amd64
[[ -x $jdk/bin/jpackage && -x $jdk/bin/jlink && -f $jdk/jmods/java.base.jmod ]] || missing+=(openjdk-17-jdk-headless)
command -v dpkg-deb >/dev/null || missing+=(dpkg)
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v zip >/dev/null || missing+=(zip)
command -v unzip >/dev/null || missing+=(unzip)
command -v readelf >/dev/null || missing+=(binutils)
if (( ${#missing[@]} == 0 )); then
  echo "packaging tools: all present" >&2
  exit 0
fi
echo "packaging tools: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
# Ubuntu keeps the jmods in a package of their own
if [[ ! -f $jdk/jmods/java.base.jmod ]] && apt-cache show openjdk-17-jmods >/dev/null 2>&1; then
  apt-get install -y -q --no-install-recommends openjdk-17-jmods
fi
