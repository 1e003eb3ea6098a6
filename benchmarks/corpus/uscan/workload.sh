#!/bin/bash
# Randomised workload for uscan (devscripts). Runs itself inside a private net+mount namespace.
set -m
D=/work/round44/uscan
if [ -z "$R44E_IN_NS" ]; then export R44E_IN_NS=1; exec "$D/ns.sh" "$D/workload.sh" "$@"; fi
W=/tmp/round44-r44e/uscan
rm -rf "$W"; mkdir -p "$W/www" "$W/src" "$W/dl" "$W/gnupg"; chmod 700 "$W/gnupg"
RAW=$W/raw.log; : > "$RAW"
RANDOM=44051
U=http://127.0.0.1:48001
export PERL5LIB=$D PERL5OPT=-MAF
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# signing key (generated outside the folder, deleted at the end)
export GNUPGHOME=$W/gnupg
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key 'Up Stream <up@example.org>' ed25519 sign never 2>/dev/null
gpg --batch --quiet --armor --export up@example.org > "$W/good.asc"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key 'Other One <other@example.org>' ed25519 sign never 2>/dev/null
gpg --batch --quiet --armor --export other@example.org > "$W/other.asc"

# upstream sites
PROJS="alpha beta gamma delta epsilon zeta"
for p in $PROJS; do
  mkdir -p "$W/www/$p/tags" "$W/www/$p/old"
  n=$((2 + RANDOM % 5)); vers=""
  for i in $(seq 1 $n); do vers="$vers $((RANDOM % 3)).$((RANDOM % 12))"; done
  [ $p = alpha ] && vers="$vers 1.0 2.0"
  for v in $vers; do
    ext=$(pick tar.gz tar.gz tar.xz tar.bz2 zip)
    t=$W/tmpbuild/$p-$v; mkdir -p "$t"; echo "$p $v" > "$t/README"; echo data > "$t/file.c"
    case $ext in
      tar.gz) tar czf "$W/www/$p/$p-$v.tar.gz" -C "$W/tmpbuild" "$p-$v"; cp "$W/www/$p/$p-$v.tar.gz" "$W/www/$p/tags/v$v.tar.gz" ;;
      tar.xz) tar cJf "$W/www/$p/$p-$v.tar.xz" -C "$W/tmpbuild" "$p-$v" ;;
      tar.bz2) tar cjf "$W/www/$p/$p-$v.tar.bz2" -C "$W/tmpbuild" "$p-$v" ;;
      zip) (cd "$W/tmpbuild" && zip -qr "$W/www/$p/$p-$v.zip" "$p-$v") ;;
    esac
    f="$W/www/$p/$p-$v.$ext"
    if [ $((RANDOM % 3)) -gt 0 ]; then
      gpg --batch --quiet --armor --detach-sign -u up@example.org -o "$f.asc" "$f" 2>/dev/null
    elif [ $((RANDOM % 2)) = 0 ]; then
      echo "garbage signature" > "$f.asc"
    fi
  done
  (echo '<html><head><title>'$p'</title></head><body><ul>'
   for f in "$W/www/$p"/*; do b=$(basename "$f"); [ -f "$f" ] || continue
     case $((RANDOM % 3)) in 0) echo "<li><a href=\"$b\">$b</a></li>";; 1) echo "<li><a href=\"/$p/$b\">$b</a></li>";; 2) echo "<li><a href=\"$U/$p/$b\">$b</a></li>";; esac; done
   echo '<li><a href="old/">old</a></li><li><a href="https://example.org/">home</a></li></ul></body></html>') > "$W/www/$p/index.html"
  (echo '<html><body>'; for f in "$W/www/$p/tags"/*; do b=$(basename "$f"); echo "<a href=\"/$p/tags/$b\">$b</a>"; done; echo '</body></html>') > "$W/www/$p/tags/index.html"
  echo '<html><body>nothing here</body></html>' > "$W/www/$p/old/index.html"
done
rm -rf "$W/tmpbuild"

# servers
python3 -m http.server -b 127.0.0.1 -d "$W/www" 48001 >/dev/null 2>&1 &
P1=$!
python3 "$D/server_hang.py" 48003 hang & P3=$!
python3 "$D/server_hang.py" 48004 drop & P4=$!
python3 "$D/server_hang.py" 48005 garbage & P5=$!
sleep 1

watch_for() { # $1 project $2 variant
  local p=$1
  case $2 in
    v4plain) printf 'version=4\n%s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    v4any) printf 'version=4\nopts="searchmode=plain" \\\n  %s/%s/ @PACKAGE@@ANY_VERSION@@ARCHIVE_EXT@\n' "$U" "$p" ;;
    v4sig) printf 'version=4\nopts="pgpsigurlmangle=s%%$%%.asc%%" %s/%s/ @PACKAGE@@ANY_VERSION@@ARCHIVE_EXT@\n' "$U" "$p" ;;
    v4sigext) printf 'version=4\nopts=pgpmode=auto %s/%s/ @PACKAGE@@ANY_VERSION@@ARCHIVE_EXT@@SIGNATURE_EXT@\n' "$U" "$p" ;;
    v4nosig) printf 'version=4\nopts=pgpmode=none,dversionmangle=auto %s/%s/ %s-([\\d.]+)\\.(?:tar\\.(?:gz|xz|bz2)|zip)\n' "$U" "$p" "$p" ;;
    v4fname) printf 'version=4\nopts="filenamemangle=s%%(?:.*?)?v?(\\d[\\d.]*)\\.tar\\.gz%%@PACKAGE@-$1.tar.gz%%" \\\n  %s/%s/tags .*/v?(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" ;;
    v4repack) printf 'version=4\nopts="repacksuffix=+ds,dversionmangle=s/\\+ds\\d*$//,compression=xz,repack" \\\n %s/%s/ %s-(\\d[\\d.]*)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    v4mangle) printf 'version=4\nopts="uversionmangle=s/(\\d)$/$1.0/;s/^0\\./0~/,oversionmangle=s/$/+really/,downloadurlmangle=s%%/%s/%%/%s/%%" \\\n %s/%s/ %s-(\\d\\S+)\\.tar\\.(?:gz|xz|bz2)\n' "$p" "$p" "$U" "$p" "$p" ;;
    v4page) printf 'version=4\nopts="pagemangle=s%%<li>%%<p>%%g,searchmode=html" %s/%s/index.html %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    v4comp) printf 'version=4\n%s/%s/ %s-(\\d\\S+)\\.tar\\.gz\nopts="component=extra" %s/beta/ beta-(\\d\\S+)\\.tar\\.gz same\nopts="component=more" %s/gamma/ gamma-(\\d\\S+)\\.tar\\.(?:gz|xz|bz2) ignore\n' "$U" "$p" "$p" "$U" "$U" ;;
    v4prev) printf 'version=4\n%s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n%s/beta/ beta-(\\d\\S+)\\.tar\\.gz previous\n' "$U" "$p" "$p" "$U" ;;
    v4redir) printf 'version=4\n%s/%s %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    v4dir) printf 'version=4\n%s/(\\d[\\d.]*)/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" ;;
    v3plain) printf 'version=3\n%s/%s/%s-(.*)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    v3mangle) printf 'version=3\nopts=uversionmangle=s/-/./,dversionmangle=s/\\+dfsg\\d*$// \\\n %s/%s/ %s-([\\d.]+)\\.tar\\.(?:gz|xz|bz2) debian\n' "$U" "$p" "$p" ;;
    v3action) printf 'version=3\n%s/%s/ %s-([\\d.]+)\\.tar\\.gz debian true\n' "$U" "$p" "$p" ;;
    v404) printf 'version=4\n%s/no-such-%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    vrefused) printf 'version=4\nhttp://127.0.0.1:48002/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$p" "$p" ;;
    vhang) printf 'version=4\nhttp://127.0.0.1:48003/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$p" "$p" ;;
    vdrop) printf 'version=4\nhttp://127.0.0.1:48004/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$p" "$p" ;;
    vgarbage) printf 'version=4\nhttp://127.0.0.1:48005/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$p" "$p" ;;
    vftp) printf 'version=4\nftp://127.0.0.1:48002/pub/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$p" "$p" ;;
    vnomatch) printf 'version=4\n%s/%s/old/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_noversion) printf '%s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_version9) printf 'version=9\n%s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_version1) printf 'version=1\n%s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_opt) printf 'version=4\nopts="bogusopt=1,pgpmode=weird" %s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_quote) printf 'version=4\nopts="uversionmangle=s/a/b/ %s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_regex) printf 'version=4\n%s/%s/ %s-((\\d\\S+\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_mangle) printf 'version=4\nopts="uversionmangle=s/(/x/" %s/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_nopattern) printf 'version=4\n%s/%s/\n' "$U" "$p" ;;
    bad_empty) : ;;
    bad_nogroup) printf 'version=4\n%s/%s/ %s-\\d\\S+\\.tar\\.gz\n' "$U" "$p" "$p" ;;
    bad_scheme) printf 'version=4\ngopher://127.0.0.1/%s/ %s-(\\d\\S+)\\.tar\\.gz\n' "$p" "$p" ;;
  esac
}
VARIANTS=(v4plain v4plain v4plain v4any v4any v4sig v4sig v4sigext v4nosig v4fname v4repack v4mangle v4comp v4prev v4redir v4dir v3plain v3plain v3mangle v3action v404 vrefused vhang vdrop vgarbage vftp vnomatch bad_noversion bad_version9 bad_version1 bad_opt bad_quote bad_regex bad_mangle bad_nopattern bad_empty bad_nogroup bad_scheme)

mktree() { # $1 project $2 debian version $3 variant -> prints tree dir
  local p=$1 v=$2 var=$3 t
  t=$W/src/$p-$RANDOM; mkdir -p "$t/debian/upstream"
  printf '%s (%s) unstable; urgency=medium\n\n  * Test.\n\n -- A B <a@b.c>  Mon, 07 Dec 2026 20:00:00 +0000\n' "$p" "$v" > "$t/debian/changelog"
  [ $((RANDOM % 10)) = 0 ] && : > "$t/debian/changelog"
  watch_for "$p" "$var" > "$t/debian/watch"
  [ $((RANDOM % 15)) = 0 ] && rm -f "$t/debian/watch"
  case $((RANDOM % 5)) in 0|1|2) cp "$W/good.asc" "$t/debian/upstream/signing-key.asc";; 3) cp "$W/other.asc" "$t/debian/upstream/signing-key.asc";; 4) gpg --batch --quiet --export up@example.org > "$t/debian/upstream/signing-key.pgp";; esac
  echo "$t"
}

runs=${1:-200}
for i in $(seq 1 $runs); do
  p=$(pick $PROJS)
  var=${VARIANTS[RANDOM % ${#VARIANTS[@]}]}
  dv=$(pick "0.1-1" "1.0-1" "1:1.0-2" "2.0+ds-1" "1.5+dfsg-3" "0.0.1" "9.9-1" "2.11-1" "1.2-1")
  t=$(mktree "$p" "$dv" "$var")
  lvl=$(pick --debug --debug --debug --verbose --verbose "")
  dl=$(pick --no-download --no-download --no-download "" "--download-current-version" "--download-version 1.0" "--report" "--safe" "--skip-signature" "--overwrite-download" "--rename" "--symlink --repack")
  dest=$(pick "--destdir $W/dl" "--destdir $W/dl" "--destdir $W/missing-dir" "")
  extra=$(pick "" "" "" "" "--timeout 2" "--timeout 2" "--bare" "--check-dirname-level 0" "--pasv" "--user-agent r44e-agent")
  cd "$t"
  case $((RANDOM % 12)) in
    0) cd "$W/src"; timeout 120 uscan $lvl --no-download --timeout 2 >> "$RAW" 2>&1 ;;
    1) timeout 120 uscan $lvl $dl --watchfile debian/watch --package "$p" --upstream-version "0.$((RANDOM % 5))" $dest --timeout 2 >> "$RAW" 2>&1 ;;
    2) rm -rf debian/source; mkdir -p debian/source; echo '3.0 (quilt)' > debian/source/format; timeout 120 uscan $lvl $dl $dest $extra --timeout 2 >> "$RAW" 2>&1 ;;
    3) cd "$W/src"; mkdir -p notatree; cd notatree; timeout 120 uscan $lvl $dl >> "$RAW" 2>&1 ;;
    4) timeout 120 uscan $lvl --download-version "$(pick 0.1 1.0 2.0 5.5)" $dest --timeout 2 >> "$RAW" 2>&1 ;;
    5) timeout 120 uscan $lvl --no-download --watchfile debian/nowatch --package "$p" --upstream-version 1.0 >> "$RAW" 2>&1 ;;
    *) timeout 120 uscan $lvl $dl $dest $extra --timeout 2 >> "$RAW" 2>&1 ;;
  esac
  rm -rf "$W/src"/* 2>/dev/null
  [ $((RANDOM % 8)) = 0 ] && rm -rf "$W/dl"/*
done

kill $P1 $P3 $P4 $P5; wait 2>/dev/null
rm -rf "$W/gnupg" "$W/good.asc" "$W/other.asc"
lines=$(wc -l < "$RAW")
if [ "$lines" -gt 2500 ]; then start=$((lines - 2500 + 1)); sed -n "${start},\$p" "$RAW" > "$D/uscan.log"; else cp "$RAW" "$D/uscan.log"; fi
wc -l "$D/uscan.log"
