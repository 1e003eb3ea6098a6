#!/bin/bash
# sqlfluff workload: private net+mount namespace, generated SQL projects and .sqlfluff files, random lint/fix/parse/render at -vvvv.
if [ -z "$R44C_INNS" ]; then export R44C_INNS=1; exec unshare -n -m --propagation private /bin/bash "$0" "$@"; fi
set -m
ip link set lo up
mount --bind /tmp/round44-r44c /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round44-r44c; mount --bind /mnt /tmp/round44-r44c; umount -l /mnt
mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
D=/work/round44/sqlfluff; cd $D || exit 1
B=/tmp/round44-r44c/env-sqlfluff; rm -rf $B; mkdir -p $B/home $B/tmp $B/config $B/cache $B/data $B/state $B/run; chmod 700 $B/run
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/config XDG_CACHE_HOME=$B/cache XDG_DATA_HOME=$B/data XDG_STATE_HOME=$B/state XDG_RUNTIME_DIR=$B/run
SF=/tmp/round44-r44c/venv-sqlfluff/bin/sqlfluff
RAW=$B/raw.log; : > $RAW
P=$B/proj; mkdir -p $P
RULES=( CP01 CP02 LT12 AL01 CV05 JJ01 )
mkproj() { # name dialect templater extra-config
  local d=$P/$1; mkdir -p $d
  local r=$(shuf -n $((1 + RANDOM % 3)) -e "${RULES[@]}" | paste -sd, -)
  printf '[sqlfluff]\ndialect = %s\ntemplater = %s\nrules = %s\n%s\n' "$2" "$3" "$r" "$4" > $d/.sqlfluff
}
mkproj ansi_raw ansi raw ""
printf 'SELECT a,B from t\n' > $P/ansi_raw/q1.sql
printf 'SELECT id FROM users WHERE id = 1;\n' > $P/ansi_raw/q2.sql
printf 'SELEC id FRM users WHERE\n' > $P/ansi_raw/broken.sql
mkproj pg_jinja postgres jinja $'[sqlfluff:templater:jinja:context]\ntbl = orders\nlim = 10'
printf 'select o.id, o.total from {{ tbl }} as o limit {{ lim }}\n' > $P/pg_jinja/q1.sql
printf 'select {{ missing_var }} from t\n' > $P/pg_jinja/undef.sql
printf '{%% for c in ["a", "b"] %%}select {{ c }} from x;\n{%% endfor %%}\n' > $P/pg_jinja/loop.sql
printf 'select {{ broken( }} from t\n' > $P/pg_jinja/syntax.sql
mkproj my_ph mysql placeholder $'[sqlfluff:templater:placeholder]\nparam_style = colon\nuser_id = 42'
printf 'SELECT name FROM people WHERE id = :user_id\n' > $P/my_ph/q1.sql
printf 'SELECT name FROM people WHERE id = :other\n' > $P/my_ph/q2.sql
mkproj bq_jinja bigquery jinja ""
printf 'select x from `proj.ds.tbl` where y is not null\n' > $P/bq_jinja/q1.sql
mkproj badcfg nosuchdialect raw ""
printf 'select 1\n' > $P/badcfg/q1.sql
mkproj badtpl ansi nosuchtemplater ""
printf 'select 1\n' > $P/badtpl/q1.sql
mkdir -p $P/badini; printf '[sqlfluff\ndialect = ansi\n' > $P/badini/.sqlfluff; printf 'select 1\n' > $P/badini/q1.sql
mkdir -p $P/norule; printf '[sqlfluff]\ndialect = ansi\nrules = ZZ99\n' > $P/norule/.sqlfluff; printf 'select 1\n' > $P/norule/q1.sql
FILES=( ansi_raw/q1.sql ansi_raw/q2.sql ansi_raw/broken.sql pg_jinja/q1.sql pg_jinja/undef.sql pg_jinja/loop.sql pg_jinja/syntax.sql
  my_ph/q1.sql my_ph/q2.sql bq_jinja/q1.sql badcfg/q1.sql badtpl/q1.sql badini/q1.sql norule/q1.sql ansi_raw/missing.sql )
# (command, file) pairs in random order, alternating between good projects and broken ones
# (bad dialect, bad templater, bad ini, unknown rule, missing file, template and parse errors);
# rule subsets and extra files drawn at random
GOOD=(); BAD=()
for f in "${FILES[@]}"; do for c in lint fix parse render; do
  case $f in badcfg/*|badtpl/*|badini/*|norule/*|*/missing.sql|*/broken.sql|*/undef.sql|*/syntax.sql) BAD+=("$c:$f") ;; *) GOOD+=("$c:$f") ;; esac
done; done
i=0
for combo in $(paste -d'\n' <(printf '%s\n' "${BAD[@]}" | shuf) <(printf '%s\n' "${GOOD[@]}" | shuf) | grep . | head -n ${N:-20}); do
  i=$((i + 1)); c=${combo%%:*}; f=${combo#*:}; d=${f%%/*}
  rm -rf $B/tmp/w$i; cp -r $P/$d $B/tmp/w$i; cd $B/tmp/w$i
  # one to three files of the same project per lint/fix run
  set -- ${f#*/} $(ls *.sql | shuf -n $((RANDOM % 3)))
  case $c in
    fix) $SF fix -vvvv $( [ $((RANDOM % 2)) = 0 ] && echo --FIX-EVEN-UNPARSABLE ) "$@" >> $RAW 2>&1 ;;
    render|parse) $SF $c -vvvv "$1" >> $RAW 2>&1 ;;
    *) $SF $c -vvvv "$@" >> $RAW 2>&1 ;;
  esac
  if [ $((RANDOM % 6)) -eq 0 ]; then printf 'select  x  from y\n' | $SF lint -vvvv --dialect $(shuf -n1 -e ansi postgres sqlite tsql) - >> $RAW 2>&1; fi
  cd $D
done
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $RAW > $D/sqlfluff.log
