#!/bin/bash
# Builds good and faulty packages under /tmp/round45-r45e/lintian-work and runs lintian over them
# with random options; all output (stdout+stderr) goes to lintian.log. Run inside the r45e namespace
# wrapper (see run.sh).
set -m
F=/work/round45/lintian
W=/tmp/round45-r45e/lintian-work
rm -rf $W; mkdir -p $W; cd $W
RAW=$W/raw.log; : > $RAW
mkdeb() { # name version withdocs
  local n=$1 v=$2 d=$3; local r=$W/b-$n
  mkdir -p $r/DEBIAN $r/usr/bin
  printf '#!/bin/sh\necho %s\n' $n > $r/usr/bin/$n; chmod 755 $r/usr/bin/$n
  printf 'Package: %s\nVersion: %s\nArchitecture: all\nMaintainer: Lab User <lab@example.org>\nDescription: test package %s\n A small test package.\n' $n $v $n > $r/DEBIAN/control
  if [ "$d" = 1 ]; then
    mkdir -p $r/usr/share/doc/$n
    printf '%s (%s) unstable; urgency=medium\n\n  * Initial.\n\n -- Lab User <lab@example.org>  Mon, 07 Dec 2026 10:00:00 +0000\n' $n $v | gzip -9n > $r/usr/share/doc/$n/changelog.Debian.gz
    printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: 2026 Lab\nLicense: MIT\n' > $r/usr/share/doc/$n/copyright
    printf 'Section: utils\nPriority: optional\n' >> $r/DEBIAN/control
    mkdir -p $r/usr/share/lintian/overrides
    printf '%s: no-manual-page [usr/bin/%s]\n%s: some-unused-tag\n' $n $n $n > $r/usr/share/lintian/overrides/$n
  fi
  dpkg-deb --root-owner-group --build $r ${n}_${v}_all.deb >/dev/null 2>&1
}
mksrc() { # name version native
  local n=$1 v=$2; local s=$W/s-$n-$v
  mkdir -p $s/debian/source
  echo "echo $n" > $s/$n.sh
  printf '%s (%s) unstable; urgency=medium\n\n  * Initial release.\n\n -- Lab User <lab@example.org>  Mon, 07 Dec 2026 10:00:00 +0000\n' $n $v > $s/debian/changelog
  printf 'Source: %s\nSection: utils\nPriority: optional\nMaintainer: Lab User <lab@example.org>\nBuild-Depends: debhelper-compat (= 13)\nStandards-Version: 4.6.2\n\nPackage: %s\nArchitecture: all\nDepends: ${misc:Depends}\nDescription: test source %s\n A small test package.\n' $n $n $n > $s/debian/control
  printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' > $s/debian/rules; chmod 755 $s/debian/rules
  echo "3.0 (native)" > $s/debian/source/format
  [ $((RANDOM%2)) = 0 ] && printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: 2026 Lab\nLicense: MIT\n' > $s/debian/copyright
  (cd $s && dpkg-buildpackage -S -us -uc -d >/dev/null 2>&1)
}
mkdeb alpha 1.0-1 1
mkdeb beta 2.3-1 0
mkdeb gamma 0.1 1
mkdeb delta 1:4.0-2 0
mksrc hello 1.0
mksrc world 2.1
head -c 300 alpha_1.0-1_all.deb > broken_1.0_all.deb
echo "not a deb" > junk_1.0_all.deb
cp world_2.1_source.changes bad_2.1_source.changes; sed -i 's/world_2.1.tar.xz/world_2.1.tar.gz/' bad_2.1_source.changes
printf 'display-level = >=info\n' > $W/lintianrc
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
CHECKS=(files/names fields/version debian/changelog debian/copyright documentation/manual fields/recommended binaries files/permissions debian/control fields/description)
TARGETS=(alpha_1.0-1_all.deb beta_2.3-1_all.deb gamma_0.1_all.deb delta_1:4.0-2_all.deb delta_4.0-2_all.deb hello_1.0.dsc world_2.1.dsc hello_1.0_source.changes world_2.1_source.changes)
run() { echo "+ lintian $*" >> $W/commands; timeout 120 lintian "$@" >> $RAW 2>&1; }
N=$((72 + RANDOM % 10))
for i in $(seq $N); do
  t=$(pick "${TARGETS[@]}")
  case $((RANDOM % 16)) in
    0|1|2) cs=$(for k in $(seq $((2 + RANDOM % 6))); do pick "${CHECKS[@]}"; done | paste -sd,); run --debug -C $cs $(pick -v --info --pedantic) $t ;;
    3|4|5) run -v $(pick --info --pedantic -I --display-experimental) $t ;;
    6|7) run --info $(pick --pedantic -v --no-tag-display-limit) $t $(pick "${TARGETS[@]}") ;;
    8) run -v --pedantic missing_9.9_all.deb ;;
    9) run $(pick --frobnicate --color=sometimes --hyperlinks=maybe --fail-on=catastrophe -C no/such/check) $t ;;
    10) run -v broken_1.0_all.deb junk_1.0_all.deb ;;
    11) run --debug -C $(pick "${CHECKS[@]}") bad_2.1_source.changes ;;
    12) run -v --cfg $W/lintianrc --pedantic $(pick --show-overrides --hide-overrides "") $t ;;
    13) run --debug -v -C documentation/manual --suppress-tags no-manual-page alpha_1.0-1_all.deb ;;
    14) run -v -X $(pick no/such/check files/names) $t ;;
    15) run -v --debug -C debian/changelog,fields/version --tags no-copyright-file,debian-changelog-file-missing $t ;;
  esac
done
# keep one contiguous stretch of whole lines (at most 2,500)
sed -n '1,2500p' $RAW > $F/lintian.log
