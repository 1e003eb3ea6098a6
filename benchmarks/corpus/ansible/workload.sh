#!/bin/bash
# Randomised workload for Ansible (ansible-core 2.14): playbooks against localhost, hosts whose
# python is missing, hosts that refuse, garble or ignore SSH, failing tasks, broken playbooks,
# vault errors, check-mode runs and ad-hoc commands (-o).  ansible.cfg here sets log_path=raw.log.
# Every file the playbooks change is under area/ in this folder.
set -u
D=$(cd "$(dirname "$0")" && pwd)
cd "$D"
export ANSIBLE_CONFIG=$D/ansible.cfg
export ANSIBLE_NOCOLOR=1
rm -rf "$D/area" "$D/state" "$D/www" "$D/raw.log"
mkdir -p "$D/area" "$D/state/cp" "$D/www"
echo "<html>hello $RANDOM</html>" > "$D/www/index.html"
: > "$D/pids.txt"

rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
V=-vvv
# wide pseudo-terminal so that warnings and banners are not wrapped over several lines
run() { local cmd; cmd=$(printf '%q ' "$@"); script -qec "stty cols 400; $cmd" /dev/null > /dev/null 2>&1 < /dev/null; }

python3 "$D/fakepeers.py" 900 > /dev/null 2>&1 & echo $! >> "$D/pids.txt"; PEERS=$!
python3 -m http.server --bind 127.0.0.1 48300 -d "$D/www" > /dev/null 2>&1 & echo $! >> "$D/pids.txt"; HTTPD=$!
sleep 1

printf 'secret: "s3cr3t-%s"\n' $RANDOM > "$D/state/secret.yml"
echo "right-pass-$RANDOM" > "$D/state/vault_pass"
echo "wrong-pass" > "$D/state/wrong_pass"
ansible-vault encrypt --vault-password-file "$D/state/vault_pass" "$D/state/secret.yml" > /dev/null 2>&1

steps=(site site unreachable badpython services role undefined broken unknown missingrole vault vaultbad
       check adhoc adhocfail limitnone listtasks startat syntax)
order=($(for s in "${steps[@]}"; do echo "$RANDOM $s"; done | sort -n | awk '{print $2}'))
for s in "${order[@]}"; do
  case $s in
    site) run ansible-playbook $V playbooks/site.yml -e bad_item=$(pick none etc data nothing) \
              -e run_mode=$(pick normal fast never) -e fail_host=$(pick nobody worker1 worker2 localhost) \
              -e remove_user=$(pick alice bob carol) -e debug_flag=$(pick on off) -e do_facts=$(pick true false) \
              -e force_fail=$(pick true false);;
    unreachable) run ansible-playbook $V playbooks/unreachable.yml -e facts_on_dead=$(pick true false);;
    badpython) run ansible-playbook $V playbooks/badpython.yml;;
    services) [ $(rnd 3) = 0 ] && { kill $HTTPD; wait $HTTPD 2>/dev/null; }
              run ansible-playbook $V playbooks/services.yml -e page=$(pick index.html missing.html index.html);;
    role) run ansible-playbook $V playbooks/role.yml;;
    undefined) run ansible-playbook $V playbooks/undefined.yml -e soft=$(pick true false);;
    broken) run ansible-playbook $V playbooks/broken_yaml.yml;;
    unknown) run ansible-playbook $V playbooks/unknown_module.yml;;
    missingrole) run ansible-playbook $V playbooks/missing_role.yml;;
    vault) run ansible-playbook $V playbooks/vaulted.yml --vault-password-file "$D/state/vault_pass";;
    vaultbad) run ansible-playbook $V playbooks/vaulted.yml $(pick --vault-password-file=$D/state/wrong_pass "")
              ;;
    check) run ansible-playbook $V playbooks/site.yml --check --limit "$(pick localhost worker1 'local2')" -e do_facts=false;;
    adhoc) case $(rnd 4) in
             0) run ansible -o $V "$(pick localhost local2)" -m ping;;
             1) run ansible -o $V localhost -m setup -a 'filter=ansible_hostname';;
             2) run ansible -o $V "$(pick localhost 'all:!unreachable:!badpython')" -m command -a "echo hi $RANDOM";;
             3) run ansible -o $V localhost -m setup -a 'echo hi';;
           esac;;
    adhocfail) run ansible -o $V "$(pick local badpython unreachable)" -m command -a "$(pick /bin/false 'ls /nonexistent-dir' 'echo ok')";;
    limitnone) run ansible-playbook $V playbooks/site.yml --limit nosuchhost;;
    listtasks) run ansible-playbook $V playbooks/site.yml $(pick --list-tasks --list-tags);;
    startat) run ansible-playbook $V playbooks/site.yml --start-at-task "$(pick 'Assert config' 'Find data files' 'No such task')" --limit worker1 -e do_facts=false;;
    syntax) run ansible-playbook $V $(pick playbooks/site.yml playbooks/broken_yaml.yml) --syntax-check;;
  esac
done
kill $PEERS $HTTPD 2>/dev/null; wait 2>/dev/null
echo done
