#!/bin/bash
# Randomised workload for gitolite3: real sshd on 127.0.0.1:24022, several users, admin pushes.
D=/work/round29/gitolite
GU=r29gitolite
H=$D/home
W=$D/wk
PORT=24022
export GIT_AUTHOR_NAME=wl GIT_AUTHOR_EMAIL=wl@example.com GIT_COMMITTER_NAME=wl GIT_COMMITTER_EMAIL=wl@example.com
export GIT_CONFIG_NOSYSTEM=1 HOME_ORIG=$HOME
SSHO="-p $PORT -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=QUIET -o BatchMode=yes"

stop_sshd() { [ -f $D/sshd/sshd.pid ] && kill "$(cat $D/sshd/sshd.pid)" 2>/dev/null; sleep 0.5; }
start_sshd() { /usr/sbin/sshd -f $D/sshd/sshd_config -E $D/sshd/sshd.err; sleep 0.5; }
asg() { su $GU -c "cd ~ && GL_TID=1 $*"; }    # run as the hosting user (GL_TID: as if called from a gitolite session)
gs() { local u=$1; shift; timeout 20 ssh $SSHO -i $D/keys/$u $GU@127.0.0.1 "$@" </dev/null; }   # ssh command as user
gsi() { local u=$1; shift; timeout 20 ssh $SSHO -i $D/keys/$u $GU@127.0.0.1 "$@"; }   # same, with stdin
gitu() { local u=$1; shift; GIT_SSH_COMMAND="ssh $SSHO -i $D/keys/$u" timeout 30 git "$@"; }
URL="ssh://$GU@127.0.0.1:$PORT"
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# ---- hosting user, keys, sshd config, rc file (made once) ----
id $GU >/dev/null 2>&1 || { useradd -m -d $H -s /bin/bash $GU; usermod -p '*' $GU; }
mkdir -p /run/sshd $D/keys $D/sshd
[ -f $D/sshd/host_ed25519 ] || ssh-keygen -q -t ed25519 -N '' -f $D/sshd/host_ed25519
for u in admin alice bob carol dave eve; do [ -f $D/keys/$u ] || ssh-keygen -q -t ed25519 -N '' -C $u -f $D/keys/$u; done
cat > $D/sshd/sshd_config <<SSHD
Port $PORT
ListenAddress 127.0.0.1
HostKey $D/sshd/host_ed25519
PidFile $D/sshd/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowUsers $GU
PermitRootLogin no
LogLevel ERROR
MaxStartups 50:30:100
SSHD
if [ ! -f $D/gitolite.rc.tmpl ]; then
  # default rc with LOG_EXTRA (already on), more commands and features enabled
  su $GU -c 'cd ~ && gitolite print-default-rc' 2>/dev/null | python3 -c '
import sys
s = sys.stdin.read()
for x in ["create", "fork", "readme", "D", "sskm", "Alias", "set-default-roles", "Motd", "CpuTime", "Kindergarten", "continuation-lines"]:
    s = s.replace("# \x27%s\x27" % x, "\x27%s\x27" % x)
s = s.replace("    GIT_CONFIG_KEYS                 =>  \x27\x27,", "    GIT_CONFIG_KEYS                 =>  \x27.*\x27,")
extra = "".join("            \x27%s\x27,\n" % c for c in ["lock", "symbolic-ref", "who-pushed", "owns", "creator", "option", "config", "git-config", "access", "sudo", "motd"])
s = s.replace("            \x27D\x27,\n", "            \x27D\x27,\n" + extra)
sys.stdout.write(s)' > $D/gitolite.rc.tmpl
fi

# ---- fresh install ----
stop_sshd
rm -rf $H/.gitolite $H/repositories $H/.ssh $H/projects.list $W
cp $D/gitolite.rc.tmpl $H/.gitolite.rc; chown $GU: $H/.gitolite.rc
cp $D/keys/admin.pub $H/admin.pub; chown $GU: $H/admin.pub
mkdir -p $W; chmod 777 $W
asg gitolite setup -pk admin.pub >/dev/null 2>&1
start_sshd
echo "Welcome to the r29 git host" > $H/.gitolite/motd; chown $GU: $H/.gitolite/motd

cd $W
gitu admin clone -q $URL/gitolite-admin adm 2>/dev/null
cd adm
for u in alice bob carol dave; do cp $D/keys/$u.pub keydir/; done
write_conf() {
cat > conf/gitolite.conf <<'CONF'
@devs   = alice bob
@guests = carol dave

repo gitolite-admin
    RW+     =   admin

repo testing
    RW+     =   @all

repo proj1
    -       master          =   bob
    RW+                     =   alice
    RW                      =   bob
    R                       =   carol dave
    config hooks.mailinglist = dev@example.com
    desc = "first project"

repo proj2
    RW+     master          =   alice
    RW      dev/            =   bob alice
    -       VREF/NAME/secret    =   @all
    -       VREF/COUNT/3        =   @devs
    -       VREF/MAX_NEWBIN_SIZE/2000 = @all
    RW+     VREF/NAME/      =   @all
    R                       =   @guests

repo locked
    RW+     =   alice bob
    -       VREF/lock       =   @all

repo wild/CREATOR/..*
    C       =   @all
    RW+     =   CREATOR
    RW      =   WRITERS
    R       =   READERS
    option default.roles-1 = READERS @all

repo fw/..*
    C       =   alice
    RW+     =   CREATOR
    R       =   @all
CONF
}
write_conf
git add -A; git commit -qm "users and repos"; gitu admin push -q origin master 2>/dev/null
cd $W

REPOS="testing proj1 proj2 locked"
USERS="alice bob carol dave admin"
mkfile() { head -c $1 /dev/urandom | base64 > "$2"; }

op_info()     { u=$(pick $USERS); gs $u $(pick info "info -lc" "info -json" "info wild" "info -p") >/dev/null 2>&1; }
op_help()     { gs $(pick $USERS) help >/dev/null 2>&1; }
op_clone()    { u=$(pick $USERS); r=$(pick $REPOS wild/$u/r1 nosuch fw/x); rm -rf $W/c_$u; gitu $u clone -q $URL/$r $W/c_$u >/dev/null 2>&1; }
op_push()     { u=$(pick alice bob carol dave); r=$(pick $REPOS wild/$u/r1 wild/alice/r1); rm -rf $W/p_$u
                gitu $u clone -q $URL/$r $W/p_$u >/dev/null 2>&1 || return
                cd $W/p_$u; b=$(pick master dev/x feat secret/y); git checkout -q -B $b 2>/dev/null
                n=$((1 + $(rnd 5))); for i in $(seq $n); do mkfile $((20 + $(rnd 300))) f$RANDOM.txt; git add -A; git commit -qm "c$i"; done
                [ $(rnd 4) = 0 ] && { mkfile 3000 big.bin; git add -A; git commit -qm big; }
                gitu $u push -q origin $b >/dev/null 2>&1; cd $W; }
op_rewind()   { u=$(pick alice bob); r=$(pick testing proj1 proj2 wild/$u/r1); rm -rf $W/r_$u
                gitu $u clone -q $URL/$r $W/r_$u >/dev/null 2>&1 || return
                cd $W/r_$u; git log --oneline 2>/dev/null | grep -q . || { cd $W; return; }
                git reset -q --hard HEAD~1 2>/dev/null; mkfile 50 z$RANDOM; git add -A; git commit -qm rw
                gitu $u push -q -f origin HEAD >/dev/null 2>&1; cd $W; }
op_delbranch(){ u=$(pick alice bob); r=$(pick testing proj1 proj2); gitu $u push -q $URL/$r :refs/heads/$(pick dev/x feat nosuch) >/dev/null 2>&1; }
op_tag()      { u=$(pick alice bob carol); r=$(pick testing proj1); rm -rf $W/t_$u
                gitu $u clone -q $URL/$r $W/t_$u >/dev/null 2>&1 || return
                cd $W/t_$u; git log -1 >/dev/null 2>&1 && { git tag v$RANDOM; gitu $u push -q --tags origin >/dev/null 2>&1; }; cd $W; }
op_create()   { u=$(pick alice bob carol dave); gs $u create $(pick wild/$u/r$(rnd 4) wild/alice/x fw/$u-$(rnd 3) proj9) >/dev/null 2>&1; }
op_perms()    { u=$(pick alice bob carol); r=wild/$u/r$(rnd 3)
                case $(rnd 8) in 4) gs $u perms -l $r;; 0) gs $u perms $r -l;; 1) gs $u perms $r + WRITERS $(pick bob carol dave);; 2) gs $u perms $r - READERS carol;; 3) gs $u perms $r + BOSS alice;;
                 5) echo "READERS $(pick bob dave)" | gsi $u perms -c wild/$u/p$(rnd 6);; 6) gs $u perms $r + READERS;; 7) gs $u perms $r + READERS 'b@d!';; esac >/dev/null 2>&1; }
op_desc()     { u=$(pick alice bob carol); r=$(pick wild/$u/r1 proj1 wild/alice/r1)
                if [ $(rnd 2) = 0 ]; then gs $u desc $r; else gs $u desc $r "repo of $u $RANDOM"; fi >/dev/null 2>&1; }
op_D()        { u=$(pick alice bob carol); r=wild/$u/r$(rnd 4)
                case $(rnd 5) in 0) gs $u D unlock $r;; 1) gs $u D rm $r;; 2) gs $u D unlock $r; gs $u D rm $r;; 3) gs $u D trash $r;; 4) gs $u D list-trash;; esac >/dev/null 2>&1; }
op_fork()     { u=$(pick alice bob carol); gs $u fork $(pick proj1 testing wild/alice/r1) $(pick wild/$u/fork$(rnd 3) fw/f$(rnd 3) testing) >/dev/null 2>&1; }
op_writable() { case $(rnd 3) in 0) gs admin writable proj1 off "proj1 is down for maintenance";; 1) gs admin writable proj1 on;; 2) gs admin writable proj1 status;; esac >/dev/null 2>&1; }
op_lock()     { u=$(pick alice bob carol); case $(rnd 5) in 4) gs $u lock -l locked nosuch.txt;; 0) gs $u lock -l locked README;; 1) gs $u lock -u locked README;; 2) gs $u lock -ls locked;; 3) gs $u lock --break locked README;; esac >/dev/null 2>&1; }
op_misc()     { u=$(pick $USERS); case $(rnd 16) in
                 0) gs $u who-pushed proj1 HEAD;; 1) gs $u symbolic-ref wild/$u/r1 HEAD refs/heads/dev;; 2) gs $u config wild/$u/r1 --get-all gitweb.owner;;
                 3) gs $u readme wild/$u/r1;; 4) gs $u motd;; 5) gs $u access proj1 $u W;; 6) gs $u owns wild/$u/r1;; 7) gs $u creator wild/alice/r1;;
                 8) gs $u git-config proj1 hooks.mailinglist;; 9) gs admin sudo $(pick alice bob) info;; 10) gs $u sudo alice info;;
                 11) gs $u perms -lr wild/$u/r1;; 12) gs $u info -lc ;; 13) gs $u config wild/$u/r1 --add gitweb.owner x;; 14) gs $u lock;; 15) gs $u desc;; esac >/dev/null 2>&1; }
op_bad()      { u=$(pick $USERS); case $(rnd 12) in
                 0) gs $u rm -rf /;; 1) gs $u "git-upload-pack '../etc'";; 2) gs $u "git-receive-pack 'proj1;id'";; 3) gs $u "info ../../x";;
                 4) gs $u 'perms wild/x $(id)';; 5) gs $u "git-upload-pack 'nosuch/repo'";; 6) gs $u "$(head -c 12 /dev/urandom | base64)";;
                 7) gs $u "git-upload-archive 'proj1'";; 8) gs $u $'info\nid';; 9) gs $u "git-upload-pack 'proj1.git'";;
                 10) gs $u "git-receive-pack 'CON'";; 11) gs $u "";; esac >/dev/null 2>&1; }
op_shell()    { case $(rnd 3) in 0) gs alice "ls -a";; 1) gs alice;; 2) gs bob "ls";; esac >/dev/null 2>&1; }
op_noauth()   { gs eve info >/dev/null 2>&1; }
op_direct()   { # gitolite-shell invoked by hand, as sshd would (wrong use)
                case $(rnd 3) in
                 0) su $GU -c "cd ~ && env -u SSH_CONNECTION SSH_ORIGINAL_COMMAND=info /usr/share/gitolite3/gitolite-shell alice";;
                 1) su $GU -c "cd ~ && SSH_CONNECTION='127.0.0.9 5555 127.0.0.1 24022' SSH_ORIGINAL_COMMAND='info' /usr/share/gitolite3/gitolite-shell bob";;
                 2) su $GU -c "cd ~ && SSH_CONNECTION='127.0.0.9 5555 127.0.0.1 24022' SSH_ORIGINAL_COMMAND='git-upload-pack proj2' /usr/share/gitolite3/gitolite-shell ghost";;
                esac </dev/null >/dev/null 2>&1; }
op_server()   { case $(rnd 6) in 0) asg gitolite compile;; 1) asg gitolite trigger POST_COMPILE;; 2) asg gitolite list-repos;; 3) asg gitolite access proj1 carol W;; 4) asg gitolite query-rc -a;; 5) asg gitolite nosuchcmd;; esac >/dev/null 2>&1; }
op_admin()    { cd $W/adm; gitu admin pull -q >/dev/null 2>&1
                case $(rnd 5) in
                 0) echo "repo broken" >> conf/gitolite.conf; echo "    RW+ = " >> conf/gitolite.conf;;
                 1) echo "include \"nosuch.conf\"" >> conf/gitolite.conf;;
                 2) echo "not a key" > keydir/junk.pub;;
                 3) echo "repo extra$RANDOM" >> conf/gitolite.conf; echo "    RW+ = @devs nouser" >> conf/gitolite.conf;;
                 4) echo "repo bad..name" >> conf/gitolite.conf; echo "    RW = alice" >> conf/gitolite.conf;;
                esac
                git add -A; git commit -qm "admin change $RANDOM"; gitu admin push -q origin master >/dev/null 2>&1
                # repair
                rm -f keydir/junk.pub; write_conf; git add -A; git commit -qm repair >/dev/null 2>&1; gitu admin push -q -f origin master >/dev/null 2>&1; cd $W; }
op_lockseq()  { gs alice lock -l locked README; gs bob lock -l locked README    # a held lock blocks others
                rm -rf $W/l_bob; gitu bob clone -q $URL/locked $W/l_bob >/dev/null 2>&1 && (cd $W/l_bob && echo "edit $RANDOM" >> README && git commit -qam edit && gitu bob push -q origin HEAD >/dev/null 2>&1)
                gs alice lock -u locked README; } >/dev/null 2>&1
op_vref()     { rm -rf $W/v; gitu $(pick bob alice) clone -q $URL/proj2 $W/v >/dev/null 2>&1 || return
                cd $W/v; git checkout -q -B dev/v$RANDOM
                case $(rnd 2) in 0) for i in 1 2 3 4 5; do echo $RANDOM > n$i.txt; done;; 1) head -c 4000 /dev/urandom > blob.bin;; esac
                git add -A; git commit -qm vref; gitu bob push -q origin HEAD >/dev/null 2>&1; cd $W; }
op_restart()  { stop_sshd; gs alice info >/dev/null 2>&1; start_sshd; }

# seed: wild repos created on first clone, and first commits
for u in alice bob carol; do
  rm -rf $W/s_$u; gitu $u clone -q $URL/wild/$u/r1 $W/s_$u >/dev/null 2>&1
  (cd $W/s_$u && echo "seed $u" > README && git add -A && git commit -qm seed && gitu $u push -q origin HEAD:master >/dev/null 2>&1)
done
for r in proj1 proj2 locked; do
  rm -rf $W/s_$r; gitu alice clone -q $URL/$r $W/s_$r >/dev/null 2>&1
  (cd $W/s_$r && echo "seed $r" > README && git add -A && git commit -qm seed && gitu alice push -q origin HEAD:master >/dev/null 2>&1)
done
OPS=(info help clone push push push rewind delbranch tag create create perms perms desc D D fork writable lock lock misc misc misc misc bad bad bad bad bad shell noauth direct direct server server admin restart lockseq vref)
# first every op once in random order, then random ones
for o in $(printf "%s\n" "${OPS[@]}" | shuf); do op_$o; done
N=${1:-260}
for i in $(seq $N); do op_$(pick "${OPS[@]}"); done
gs alice info >/dev/null 2>&1
stop_sshd
cp $H/.gitolite/logs/gitolite-*.log $D/raw.log
