#!/bin/bash
# Randomised workload for `puppet apply` (Puppet 7). Every change stays inside $D.
D=/work/round25/puppet
LOG=$D/raw.log
W=$D/managed            # the tree the manifests manage
S=$D/state              # confdir/vardir/logdir/rundir of puppet
M=$D/m                  # generated manifests of this run
CODE=$D/code
ENVD=$CODE/environments/production
rm -rf "$W" "$S" "$M" "$D/src" "$LOG"
mkdir -p "$W" "$S"/{conf,var,log,run} "$M" "$D/src"
PIDS=()

P=(--confdir "$S/conf" --vardir "$S/var" --logdir "$S/log" --codedir "$CODE" --rundir "$S/run"
   --certname vm --logdest "$LOG")
FACTS=(--facts_terminus yaml)

pa() { puppet apply "${P[@]}" "${FACTS[@]}" "$@" >/dev/null 2>&1; echo "apply $* -> $?" >> $M/workload.out; }
r() { echo $(( RANDOM % $1 )); }
word() { local w=(alpha beta gamma delta epsilon zeta eta theta iota kappa lambda); echo ${w[$(r ${#w[@]})]}; }

# --- manifests -------------------------------------------------------------
write_site() {
  local motd="motd $(word) $(r 1000)"
  {
    echo "---"
    echo "site::motd: \"$motd\""
    echo "site::vhosts:"
    for v in alpha beta gamma delta; do
      [ $(r 3) -ne 0 ] && echo "  $v: { port: $((43100 + $(r 800))) }"
    done
    echo "  base: { port: 43999 }"
  } > "$ENVD/data/run.yaml"
  cat > "$M/site.pp" <<EOP
class { 'site': root => '$W' }
class { 'site::files': root => '$W', mode => '06$(r 8)$(r 5)', settings => { 'workers' => $(r 16), 'name' => '$(word)', 'debug' => $([ $(r 2) = 0 ] && echo true || echo false) } }
Class['site'] -> Class['site::files']
EOP
  echo "static content $(word) $(r 100)" > "$ENVD/modules/site/files/static.txt"
}

write_files() {
  mkdir -p "$D/src/tree/sub"
  for i in $(seq 1 $((2 + $(r 4)))); do echo "$(word) $RANDOM" > "$D/src/tree/f$i.txt"; done
  echo "nested $(word)" > "$D/src/tree/sub/n.txt"
  [ $(r 2) = 0 ] && rm -f "$D/src/tree/f1.txt"
  cat > "$M/files.pp" <<EOP
filebucket { 'main': path => '$S/var/bucket' }
File { backup => 'main' }
file { '$W/tree': ensure => directory, source => '$D/src/tree', recurse => true, purge => true, force => true }
file { '$W/link': ensure => link, target => '$W/tree/sub/n.txt' }
file { '$W/mode.txt': ensure => file, content => "mode\n", mode => '0$(( 4 + $(r 3) ))$(r 8)$(r 8)' }
file { '$W/keep.txt': ensure => file, content => "new $(r 100)\n", replace => $([ $(r 2) = 0 ] && echo false || echo true) }
file { '$W/gone.txt': ensure => $([ $(r 2) = 0 ] && echo absent || echo file), content => "x\n" }
file { '$W/validated.conf': ensure => file, content => "key=$(r 50)\n", validate_cmd => '/bin/grep -q key=[0-2] %' }
file { '$W/nodir/child.txt': ensure => file, content => "orphan\n" }
file { '$W/missing-src.txt': ensure => file, source => ['$D/src/nothere.txt', '$D/src/alsonothere.txt'] }
file { '$W/checksum.txt': ensure => file, content => "$(word)\n", checksum => 'md5' }
EOP
  [ -e "$W/tree" ] && echo "stray $RANDOM" > "$W/tree/stray-$(r 9).txt"
  [ -e "$W/keep.txt" ] || echo "old" > "$W/keep.txt"
  return 0
}

write_exec() {
  local t=$(( 1 + $(r 2) ))
  cat > "$M/exec.pp" <<EOP
Exec { path => ['/bin', '/usr/bin'] }
exec { 'ok-with-output': command => 'echo out: hello from exec; echo out: second line', logoutput => true }
exec { 'fails': command => 'sh -c "echo out: failing >&2; exit $((1 + $(r 3)))"', logoutput => on_failure }
exec { 'after-fail': command => 'touch $W/after-fail', require => Exec['fails'] }
notify { 'depends-on-failure': message => 'note: should be skipped', require => Exec['after-fail'] }
exec { 'guarded-unless': command => 'touch $W/guard', unless => 'test -e $W/guard' }
exec { 'guarded-onlyif': command => 'rm -f $W/guard', onlyif => 'test $(r 2) -eq 0' }
exec { 'creates': command => 'touch $W/created', creates => '$W/created' }
exec { 'timeout': command => 'sleep 4', timeout => $t }
exec { 'notfound': command => 'no-such-command-$(r 99) --flag' }
exec { 'unqualified': command => 'true', path => [] }
exec { 'badcwd': command => 'pwd', cwd => '$W/no/such/dir' }
exec { 'retry': command => 'test -e $W/never', tries => 2, try_sleep => 1 }
exec { 'env': command => 'sh -c "echo out: \$FOO"', environment => ['FOO=bar$(r 9)'], logoutput => true }
exec { 'refresh-target': command => 'echo out: refreshed', refreshonly => true, logoutput => true }
file { '$W/trigger.txt': ensure => file, content => "$(r 1000)\n", notify => Exec['refresh-target'] }
EOP
}

write_misc() {
  cat > "$M/misc.pp" <<EOP
schedule { 'never-now': range => '$(( ($(date +%H) + 3) % 24 )):00 - $(( ($(date +%H) + 4) % 24 )):00' }
schedule { 'daily-once': period => daily, repeat => 1 }
notify { 'scheduled-out': message => 'note: out of schedule', schedule => 'never-now' }
notify { 'scheduled-in': schedule => 'daily-once', message => 'note: daily $(r 9)' }
stage { 'early': before => Stage['main'] }
class early_cls { notify { 'note: in-early-stage': } }
class { 'early_cls': stage => 'early' }
notice('fn: notice function says $(word)')
warning('fn: warning function says $(word)')
info('fn: info function says $(word)')
debug('fn: debug function says $(word)')
err('fn: err function says $(word)')
notify { 'loud': message => 'note: custom loglevel', loglevel => warning }
notify { 'listed': message => 'note: $(r 9) items' }
\$d = Deferred('sprintf', ['note: deferred %s', '$(word)'])
notify { 'deferred': message => \$d }
file { '$W/deferred.txt': ensure => file, content => Deferred('inline_epp', ['value <%= \$x %>', { 'x' => $(r 100) }]) }
tidy { '$W/var': age => '1s', recurse => true, matches => ['*.tmp'], rmdirs => false }
resources { 'file': purge => false }
package { 'puppet': ensure => installed }
package { 'no-such-package-xyz': ensure => absent }
user { 'nobody': ensure => present }
group { 'nogroup': ensure => present }
EOP
  mkdir -p "$W/var"; for i in $(seq 1 $(( 1 + $(r 4) ))); do touch -d '2 days ago' "$W/var/old$i.tmp"; done
  touch "$W/var/fresh.log"
}

write_cycle() {
  cat > "$M/cycle.pp" <<EOP
notify { 'a': require => Notify['b'] }
notify { 'b': require => Notify['c'] }
notify { 'c': require => Notify['a'] }
EOP
}

bad_manifest() {
  case $(r 13) in
    0) echo "file { '$W/x': ensure => file, content => 'oops' " > "$M/bad.pp" ;;
    1) echo "nosuchtype { 'x': foo => 1 }" > "$M/bad.pp" ;;
    2) printf "notify { 'dup': }\nnotify { 'dup': }\n" > "$M/bad.pp" ;;
    3) echo "fail('deliberate failure $(r 99)')" > "$M/bad.pp" ;;
    4) echo "include no_such_class_$(r 9)" > "$M/bad.pp" ;;
    5) echo "class { 'site': root => $(r 99) }" > "$M/bad.pp" ;;
    6) echo "notify { 'x': message => \$undefined_var_$(r 9) }" > "$M/bad.pp" ;;
    7) echo "\$x = lookup('no::such::key_$(r 9)')" > "$M/bad.pp" ;;
    8) echo "file { 'relative/path': ensure => file }" > "$M/bad.pp" ;;
    9) echo "resources { 'notify': purge => true }" > "$M/bad.pp" ;;
    10) echo "exec { 'e': command => '/bin/true', environment => ['BROKEN'] }" > "$M/bad.pp" ;;
    11) echo "notify { 'n': message => 'x', bogus_param => 1 }" > "$M/bad.pp" ;;
    12) echo "file { '$W/x': ensure => sideways }" > "$M/bad.pp" ;;
  esac
  local extra=()
  [ $(r 2) = 0 ] && extra=(--strict_variables)
  pa --debug "${extra[@]}" "$M/bad.pp"
}

# --- the run ---------------------------------------------------------------
# first run: facts come from Facter and are cached for the later runs
mkdir -p "$S/var/yaml/facts"
puppet facts find vm "${P[@]:0:12}" --render-as yaml > "$S/var/yaml/facts/vm.yaml" 2>/dev/null
write_site
puppet apply "${P[@]}" --debug "$M/site.pp" >/dev/null 2>&1

ACTIONS=(site files exec misc bad bad noop cycle kill parallel missing site files exec misc bad)
# every kind of run once in random order, then random ones
ORDER=($(printf '%s\n' site files exec misc bad noop cycle kill parallel missing bad | shuf))
for n in $(seq 1 12); do ORDER+=(${ACTIONS[$(r ${#ACTIONS[@]})]}); done
for a in "${ORDER[@]}"; do
  case $a in
    site)  write_site; pa --debug "$M/site.pp" ;;
    files) write_files; pa --debug "$M/files.pp" ;;
    exec)  write_exec; pa --debug "$M/exec.pp" ;;
    misc)  write_misc; pa --debug "$M/misc.pp" ;;
    bad)   bad_manifest ;;
    noop)  write_site; write_files; echo "tampered" > "$W/etc/motd" 2>/dev/null
           cat "$M/site.pp" "$M/files.pp" > "$M/noop.pp"; pa --debug --noop "$M/noop.pp" ;;
    cycle) write_cycle; pa --debug "$M/cycle.pp" ;;
    missing) pa --debug "$M/does-not-exist-$(r 9).pp" ;;
    kill)
      echo "exec { 'long': command => '/bin/sleep 30' } notify { 'before': message => 'note: before long', before => Exec['long'] }" > "$M/long.pp"
      puppet apply "${P[@]}" "${FACTS[@]}" --debug "$M/long.pp" >/dev/null 2>&1 &
      pid=$!; PIDS+=($pid); sleep $((4 + $(r 3)))
      sig=TERM; [ $(r 2) = 0 ] && sig=INT
      kill -$sig $pid 2>/dev/null; wait $pid; echo "killed $sig" >> $M/workload.out ;;
    parallel)
      write_site; write_exec
      pa --debug "$M/site.pp" & p1=$!
      pa --verbose "$M/exec.pp" & p2=$!
      wait $p1 $p2 ;;
  esac
done
pa --debug -e "notify { 'final': message => 'note: workload done' }"
