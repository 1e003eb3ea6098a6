#!/bin/bash
# One svn client doing N random operations against svnserve.
# usage: client.sh ID PORT N
ID=$1; PORT=$2; N=$3
F=/work/round27/svnserve
W=$F/run/wc/$ID; rm -rf "$W"; mkdir -p "$W"
export HOME=$F/run/home/$ID; mkdir -p "$HOME"
U=svn://127.0.0.1:$PORT
users=(alice bob carol)
pw() { echo "${1}pw"; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
S() { svn --non-interactive --no-auth-cache "$@" >/dev/null 2>&1; }
as() { local u=$1; shift; S --username "$u" --password "$(pw "$u")" "$@"; }

repo=$(pick alpha beta gamma)
user=$(pick alice bob carol)
cd "$W"
as $user checkout $U/$repo/trunk co || S checkout $U/$repo/trunk co
for ((i=0;i<N;i++)); do
  op=$(pick lockall lockall add add modify modify update log log ls cat info diff blame propset revprop lock unlock steal outofdate switch status mergeinfo copy delete export badpw nouser anon forbidden missing reject date cathead locks deep rmlock)
  f=f$((RANDOM % 6)).txt
  case $op in
    add) [ -d co ] && { echo "line $RANDOM" > co/$ID-$f; S add co/$ID-$f; as $user commit -m "add $ID-$f" co; } ;;
    modify) [ -d co ] && { for x in co/*.txt; do [ -f "$x" ] && echo "more $RANDOM" >> "$x" && break; done; as $user commit -m "modify by $ID" co; } ;;
    update) [ -d co ] && as $user update co ;;
    log) as $user log $(pick -v -q "-l 3" "-r 1:HEAD" "--stop-on-copy") $U/$repo/trunk ;;
    ls) as $user ls $(pick "" -R -v) $U/$repo/$(pick "" trunk secret trunk/private branches) ;;
    cat) as $user cat $U/$repo/trunk/$(pick $ID-$f f1.txt nosuch.txt private/p.txt) ;;
    info) as $user info $U/$repo/$(pick trunk trunk/$ID-$f secret) ;;
    diff) as $user diff -r $(pick 1:2 1:HEAD PREV:HEAD 2:3) $U/$repo/trunk ;;
    blame) as $user blame $U/$repo/trunk/$(pick $ID-$f f0.txt f2.txt) ;;
    propset) [ -d co ] && { S propset $(pick color owner svn:eol-style) $(pick red $ID native) co; as $user commit -m "props by $ID" co; } ;;
    revprop) as $user propset --revprop -r $(pick 1 2 HEAD) $(pick svn:log svn:author custom:tag) "edited by $ID" $U/$repo ;;
    lock) [ -d co ] && { for x in co/*.txt co/nolock*; do [ -f "$x" ] && { as $user lock -m "lock by $ID" "$x"; break; }; done; } ;;
    unlock) [ -d co ] && { for x in co/*.txt; do [ -f "$x" ] && { as $user unlock "$x"; break; }; done; } ;;
    steal) as $(pick alice bob) lock --force -m steal $U/$repo/trunk/$(pick f0.txt f1.txt $ID-$f) ;;
    lockall) as $(pick alice bob carol) lock -m "many by $ID" $(for k in 0 1 2 3 4 5; do echo $U/$repo/trunk/f$k.txt; done) ;;
    rmlock) as $(pick alice bob carol) unlock --force $U/$repo/trunk/$(pick f0.txt f1.txt $ID-$f) ;;
    outofdate) [ -d co ] && { S update -r 1 co; for x in co/*.txt; do [ -f "$x" ] && echo "stale $RANDOM" >> "$x" && break; done; as $user commit -m stale co; S revert -R co; as $user update co; } ;;
    switch) [ -d co ] && { as $user switch $U/$repo/$(pick branches/b1 trunk nosuch) co; as $user switch $U/$repo/trunk co; } ;;
    status) [ -d co ] && as $user status -u co ;;
    mergeinfo) as $user mergeinfo $U/$repo/trunk $U/$repo/branches/b1 ;;
    copy) as $user copy -m "branch by $ID" $U/$repo/trunk $U/$repo/branches/$(pick b1 b2 $ID) ;;
    delete) as $user delete -m "delete by $ID" $U/$repo/trunk/$(pick $ID-$f f5.txt nosuch) ;;
    export) rm -rf ex; as $user export $U/$repo/trunk ex ;;
    badpw) S --username $user --password wrong$RANDOM ls $U/$repo/trunk ;;
    nouser) S --username mallory$RANDOM --password x ls $U/$repo/trunk ;;
    anon) S ls $U/$(pick alpha beta gamma)/trunk; S mkdir -m anon $U/$(pick alpha beta)/trunk/anon$RANDOM ;;
    forbidden) as $(pick bob carol) $(pick ls cat info log) $U/beta/$(pick secret secret/s.txt trunk/private trunk/private/p.txt) ;;
    missing) S ls $U/$(pick nosuchrepo alpha2 ../etc "" delta delta/trunk) ;;
    reject) [ -d co ] && { echo "bad $RANDOM" > co/$ID-rej.txt; S add co/$ID-rej.txt; as $user commit -m "REJECT me $ID" co; S revert -R co; rm -f co/$ID-rej.txt; } ;;
    date) as $user log -r "{$(date -u -d "-$((RANDOM%60)) sec" +%Y-%m-%dT%H:%M:%S)}" $U/$repo/trunk ;;
    cathead) as $user cat -r $(pick 1 2 5 999) $U/$repo/trunk/f0.txt ;;
    locks) as $user info -R $U/$repo/trunk ;;
    deep) as $user ls --depth infinity $U/$repo ;;
  esac
done
