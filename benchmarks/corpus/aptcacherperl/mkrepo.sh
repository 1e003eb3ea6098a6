#!/bin/bash
# Builds the small Debian repository served by repo_server.py (tiny packages, no signature).
set -eu
R=$1; rm -rf "$R"; mkdir -p "$R/debian/pool/main" "$R/debian/dists/r37h/main/binary-amd64" "$R/debian/dists/r37h/main/binary-all"
B=$(mktemp -d)
for spec in r37h-hello:1.0-1 r37h-tools:2.3.1-2 r37h-data:0.9-1 r37h-docs:1.2-1; do
  n=${spec%%:*}; v=${spec#*:}
  mkdir -p "$B/$n/DEBIAN" "$B/$n/usr/share/$n"
  printf 'Package: %s\nVersion: %s\nArchitecture: all\nMaintainer: r37h <root@localhost>\nDescription: tiny test package %s\n' "$n" "$v" "$n" > "$B/$n/DEBIAN/control"
  head -c $((RANDOM*4)) /dev/urandom | base64 > "$B/$n/usr/share/$n/payload.txt"
  dpkg-deb -Zgzip --build "$B/$n" "$R/debian/pool/main/${n}_${v}_all.deb" >/dev/null
done
rm -rf "$B"
cd "$R/debian"
apt-ftparchive packages pool > dists/r37h/main/binary-amd64/Packages
cp dists/r37h/main/binary-amd64/Packages dists/r37h/main/binary-all/Packages
for d in binary-amd64 binary-all; do gzip -k -9 dists/r37h/main/$d/Packages; xz -k dists/r37h/main/$d/Packages; done
apt-ftparchive -o APT::FTPArchive::Release::Suite=r37h -o APT::FTPArchive::Release::Codename=r37h -o APT::FTPArchive::Release::Architectures="amd64 all" -o APT::FTPArchive::Release::Components=main release dists/r37h > dists/r37h/Release
