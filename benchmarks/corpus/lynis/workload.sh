#!/bin/bash
# Randomised Lynis workload: several audits (groups, single tests, profiles good and
# broken, dockerfile audits, pentest/forensics/debug modes); each run logs to its own
# --logfile and the run logs are joined in run order into lynis.log.
D=$(cd "$(dirname "$0")" && pwd)
cd "$D" || exit 1
W="$D/work"; rm -rf "$W"; mkdir -p "$W"
rm -f lynis.log
echo $$ > "$W/workload.pid"
# Lynis truncates its --logfile at start and reads it back for its summary,
# so every run gets its own log file; they are joined in run order at the end.
N=0
GROUPS_ALL=(accounting authentication banners boot_services crypto dns file_integrity file_permissions filesystems firewalls hardening homedirs insecure_services kernel kernel_hardening mac_frameworks mail_messaging malware memory_processes nameservices networking php ports_packages printers_spoolers scheduling shells snmp squid ssh storage storage_nfs time tooling usb virtualization webservers databases ldap containers)
pick() { # pick N random elements of the remaining args
  local n=$1; shift; printf '%s\n' "$@" | shuf -n "$n" | tr '\n' ' ' | sed 's/ $//'; }
TESTS_ALL=($(lynis --no-colors --logfile "$W/show.log" --report-file "$W/show.dat" show tests 2>/dev/null | awk '$2=="Linux"||$2=="-"{print $1}' | grep -v '^#'))

# a custom profile with valid settings, skipped tests and garbage lines
cat > "$W/custom.prf" <<PRF
# custom profile for workload
skip-test=$(pick 1 "${TESTS_ALL[@]}")
skip-test=$(pick 1 "${TESTS_ALL[@]}")
machine-role=$(shuf -n1 -e server workstation personal)
test-scan-mode=$(shuf -n1 -e light normal full)
colors=no
show-tool-tips=$(shuf -n1 -e yes no)
error-on-warnings=$(shuf -n1 -e yes no)
quick=yes
compliance-standards=cis,hipaa,iso27001,pci-dss
ssl-certificate-paths=/etc/ssl:/work/round30/lynis/work
system-groups=test
disable-plugin=compliance
compliance-standards=cis,bogus
plugin=debian
ntpd-role=$(shuf -n1 -e client server)
upload-server=127.0.0.1:34999
PRF
# a broken profile: unknown option and garbage
cp "$W/custom.prf" "$W/broken.prf"
printf 'this-is-not-a-setting=%s\ngarbage line without equals sign\n' $RANDOM >> "$W/broken.prf"

cat > "$W/Dockerfile" <<DF
FROM debian:$(shuf -n1 -e bookworm latest 12 bullseye)
MAINTAINER someone@example.org
LABEL maintainer="tester"
RUN apt-get update && apt-get install -y curl wget
ADD http://127.0.0.1:34001/file.tar.gz /tmp/
COPY . /app
USER $(shuf -n1 -e root app nobody)
EXPOSE 34002
CMD ["/bin/sh"]
DF
printf 'FROM\nRUN \x01\x02garbage\n\n' > "$W/Dockerfile.bad"

run() { N=$((N+1)); local L; L=$(printf '%s/run%02d.log' "$W" $N)
  echo "== lynis $*" >&2; timeout 600 lynis --no-colors --logfile "$L" --report-file "$W/report.dat" "$@" < /dev/null > "$W/out.$RANDOM.txt" 2>&1; echo "rc=$?" >&2; sleep 1; }

runs=()
runs+=("A1") runs+=("A2") runs+=("A3") runs+=("A4") runs+=("P1") runs+=("D1") runs+=("D2") runs+=("X1") runs+=("P2")
for r in $(printf '%s\n' "${runs[@]}" | shuf); do
  case $r in
    A1) run audit system --quick --no-plugins --tests-from-group "$(pick 4 "${GROUPS_ALL[@]}")" ;;
    A2) run audit system --quick --no-plugins $(X=(--pentest --forensics --verbose --debug); echo ${X[RANDOM % 4]}) --tests-from-group "$(pick 3 "${GROUPS_ALL[@]}")" ;;
    A3) run audit system --quick --no-plugins --debug --tests-from-category "$(shuf -n1 -e security performance)" --tests-from-group "$(pick 2 "${GROUPS_ALL[@]}")" ;;
    T1) run audit system --quick --no-plugins --tests "$(pick 12 "${TESTS_ALL[@]}")" ;;
    T2) run audit system --quick --no-plugins --tests "NOPE-0000 $(pick 6 "${TESTS_ALL[@]}") XXXX-$RANDOM" ;;
    A4) run audit system --quick --no-plugins $(X=(--pentest --forensics --verbose --developer); echo ${X[RANDOM % 4]}) --tests-from-group "$(pick 3 "${GROUPS_ALL[@]}")" ;;
    P1) run audit system --quick --no-plugins --profile "$W/custom.prf" --tests-from-group "$(pick 3 "${GROUPS_ALL[@]}")" ;;
    D1) run audit dockerfile "$W/Dockerfile" ;;
    D2) run audit dockerfile "$(shuf -n1 -e "$W/Dockerfile.bad" "$W/missing.Dockerfile")" ;;
    P2) run audit system --quick --no-plugins --profile "$W/broken.prf" --tests-from-group "$(pick 2 "${GROUPS_ALL[@]}")" ;;
    X1) run audit system --quick --no-plugins --profile "$W/does-not-exist.prf" --tests-from-group "$(pick 2 "${GROUPS_ALL[@]}")" ;;
  esac
done
# runs with an explicit list of tests log every other test as skipped: they come last
for r in $(shuf -e T1 T2); do
  case $r in
    T1) run audit system --quick --no-plugins --tests "$(pick 12 "${TESTS_ALL[@]}")" ;;
    T2) run audit system --quick --no-plugins --tests "NOPE-0000 $(pick 6 "${TESTS_ALL[@]}") XXXX-$RANDOM" ;;
  esac
done
# one final full-ish run with plugins enabled
run audit system --quick --tests-from-group "$(pick 2 "${GROUPS_ALL[@]}")"
cat "$W"/run*.log > "$D/lynis.log"
wc -l lynis.log >&2
