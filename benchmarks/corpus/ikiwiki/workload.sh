#!/bin/bash
# Randomised workload for ikiwiki. Runs itself inside a private net+mount namespace.
set -m
D=/work/round44/ikiwiki
if [ -z "$R44E_IN_NS" ]; then export R44E_IN_NS=1; exec "$D/ns.sh" "$D/workload.sh" "$@"; fi
W=/tmp/round44-r44e/ikiwiki
rm -rf "$W"; mkdir -p "$W/empty-underlay" "$W/tpl"
RAW=$W/raw.log; : > "$RAW"
RANDOM=44077
export PERL5LIB=$D PERL5OPT=-MAF
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
WORDS=(alpha beta gamma delta notes todo news blog sandbox recipes garden travel music books)
printf '<div class="box"><TMPL_VAR text></div>\n' > "$W/tpl/box.mdwn"

newpage() { # $1 srcdir
  local s=$1 n body i
  n=$(pick "${WORDS[@]}")$(pick "" "" "/sub" "/$(pick "${WORDS[@]}")")
  mkdir -p "$s/$(dirname "$n")"
  body="# Page $n\n\nSome text $RANDOM.\n"
  for i in $(seq 0 $((RANDOM % 4))); do
    case $((RANDOM % 17)) in
      0|1|2) body="$body\nSee [[$(pick "${WORDS[@]}")]].\n" ;;
      3) body="$body\nBroken [[missing$((RANDOM % 5))]].\n" ;;
      4) body="$body\n[[!tag $(pick "${WORDS[@]}") $(pick "${WORDS[@]}")]]\n" ;;
      5) body="$body\n[[!inline pages=\"$(pick "${WORDS[@]}")/* or blog/*\" archive=$(pick yes no) show=$((RANDOM % 5))]]\n" ;;
      6) body="$body\n[[!meta title=\"Title $RANDOM\" author=\"Someone\"]]\n" ;;
      7) body="$body\n[[!map pages=\"*\"]]\n" ;;
      8) body="$body\n[[!toc levels=2]]\n\n## Section\n" ;;
      9) body="$body\n[[!img missing$((RANDOM % 3)).png size=100x100]]\n" ;;
      10) body="$body\n[[!nosuchdirective foo=bar]]\n" ;;
      11) body="$body\n[[!template id=box text=\"boxed\"]]\n[[!template id=nosuchtemplate text=\"x\"]]\n" ;;
      12) body="$body\n[[!brokenlinks pages=\"*\"]]\n[[!orphans pages=\"*\"]]\n[[!pagecount pages=\"*\"]]\n" ;;
      13) body="$body\n[[!inline pages=\"((broken\" ]]\n" ;;
      14) body="$body\n[[!shortcut name=deb url=\"https://packages.debian.org/%s\"]]\n[[!deb ikiwiki]]\n" ;;
      16) body="$body\n[[!table data=\"\"\"\na|b\nc|d|e\n\"\"\"]]\n" ;;
      15) body="$body\n[[!meta redir=$(pick "${WORDS[@]}")]]\n[[!calendar type=month pages=\"blog/*\"]]\n" ;;
    esac
  done
  printf "%b" "$body" > "$s/$n.$(pick mdwn mdwn mdwn txt html)"
}

mkwiki() { # $1 name
  local w=$W/$1 i
  mkdir -p "$w/src" "$w/dest"
  cp "$W/tpl/box.mdwn" "$w/src/" 2>/dev/null; mkdir -p "$w/src/templates"; mv "$w/src/box.mdwn" "$w/src/templates/box.mdwn"
  printf '# Index\n\n[[!inline pages="blog/*" rss=yes]]\n[[sandbox]] [[nowhere]]\n' > "$w/src/index.mdwn"
  for i in $(seq 1 $((3 + RANDOM % 8))); do newpage "$w/src"; done
  echo "binary $RANDOM" > "$w/src/file$RANDOM.bin"
  echo "bad name" > "$w/src/bad name $RANDOM.mdwn"
  ln -sf /etc/hostname "$w/src/link.mdwn" 2>/dev/null
  (cd "$w/src" && git init -q . && git add -A && git -c user.name=A -c user.email=a@b commit -qm init) >/dev/null 2>&1
}

setupfile() { # $1 wiki name -> writes setup, prints path
  local w=$W/$1 f=$W/$1.setup
  local plugins; plugins="$(pick "" "'tag', " "'tag', 'map', " "'brokenlinks', 'orphans', 'pagecount', " "'calendar', 'meta', " "'nosuchplugin', " "'autoindex', 'tag', " "'autoindex', 'table', ")"
  case $((RANDOM % 9)) in
    0) printf '#!/usr/bin/perl\nuse IkiWiki::Setup::Standard {\n  wikiname => "W",\n  srcdir => "%s/src",\n  destdir => "%s/dest",\n  verbose => 1,\n  syntax error here\n};\n' "$w" "$w" > "$f" ;;
    1) printf '# IkiWiki::Setup::Yaml - YAML formatted setup file\nwikiname: W\nsrcdir: %s/src\ndestdir: %s/dest\nverbose: 1\nurl: http://127.0.0.1:48201/\nadd_plugins:\n- tag\n- map\n' "$w" "$w" > "$f" ;;
    2) printf '#!/usr/bin/perl\nuse IkiWiki::Setup::Standard {\n  wikiname => "W",\n  srcdir => "%s/nosuchsrc",\n  destdir => "%s/dest",\n  verbose => 1,\n};\n' "$w" "$w" > "$f" ;;
    3) printf '#!/usr/bin/perl\nuse IkiWiki::Setup::Standard {\n  wikiname => "W",\n  srcdir => "%s/src",\n  destdir => "%s/src",\n  verbose => 1,\n};\n' "$w" "$w" > "$f" ;;
    *) printf '#!/usr/bin/perl\nuse IkiWiki::Setup::Standard {\n  wikiname => "W%s",\n  srcdir => "%s/src",\n  destdir => "%s/dest",\n  url => "http://127.0.0.1:48201/%s",\n  cgiurl => "http://127.0.0.1:48201/%s/ikiwiki.cgi",\n  cgi_wrapper => "%s/ikiwiki.cgi",\n  rcs => "%s",\n  gitorigin_branch => "",\n  tag_autocreate => 1,\n  calendar_autocreate => 1,\n  verbose => 1,\n  syslog => 0,\n  underlaydir => "%s",\n  add_plugins => [%s'"'goto'"'],\n  disable_plugins => [%s],\n  templatedir => "/usr/share/ikiwiki/templates",\n  rss => %s,\n  atom => %s,\n  usedirs => %s,\n  indexpages => %s,\n};\n' "$1" "$w" "$w" "$1" "$1" "$w" "$(pick git git "")" "$(pick "$W/empty-underlay" "$W/empty-underlay" /usr/share/ikiwiki/basewiki)" "$plugins" "$(pick "" "'smiley'" "'inline'" "'htmlscrubber'")" $((RANDOM % 2)) $((RANDOM % 2)) $((RANDOM % 2)) $((RANDOM % 2)) > "$f" ;;
  esac
  [ $((RANDOM % 3)) = 0 ] || sed -i 's/calendar_autocreate => 1/calendar_autocreate => 0/' "$f"
  echo "$f"
}

WIKIS=(w1 w2 w3 w4 w5)
for n in "${WIKIS[@]}"; do mkwiki "$n"; done
runs=${1:-150}
for i in $(seq 1 $runs); do
  n=$(pick "${WIKIS[@]}"); w=$W/$n
  # edit the wiki between runs
  for k in $(seq 0 $((RANDOM % 3))); do
    case $((RANDOM % 6)) in
      0|1) newpage "$w/src" ;;
      2) f=$(ls "$w/src"/*.* 2>/dev/null | grep -v index.mdwn | head -n $((1 + RANDOM % 3)) | tail -1); [ -n "$f" ] && rm -f "$f" ;;
      3) echo "edited $RANDOM [[$(pick "${WORDS[@]}")]]" >> "$w/src/index.mdwn" ;;
      4) f=$(ls "$w/src"/*.mdwn 2>/dev/null | tail -1); [ -n "$f" ] && touch "$f" ;;
      5) (cd "$w/src" && git add -A && git -c user.name=A -c user.email=a@b commit -qm "edit $RANDOM") >/dev/null 2>&1 ;;
    esac
  done
  ul=$(pick "--underlaydir $W/empty-underlay" "--underlaydir $W/empty-underlay" "--underlaydir $W/empty-underlay" "")
  case $((RANDOM % 17)) in
    0|1|2) timeout 120 ikiwiki --verbose --refresh $ul --plugin tag --plugin inline "$w/src" "$w/dest" >> "$RAW" 2>&1 ;;
    3) timeout 120 ikiwiki --verbose --rebuild $ul $(pick "--plugin map" "--plugin brokenlinks --plugin orphans --plugin pagecount" "--disable-plugin inline" "--plugin calendar --plugin meta" "--plugin autoindex --plugin tag --set tag_autocreate=1") --url http://127.0.0.1:48201/ "$w/src" "$w/dest" >> "$RAW" 2>&1 ;;
    4|5|6) f=$(setupfile "$n"); timeout 120 ikiwiki --setup "$f" $(pick "" "" "--refresh" "--rebuild" "--gettime" "--wrappers" "--verbose --refresh") >> "$RAW" 2>&1 ;;
    7) f=$(setupfile "$n"); timeout 120 ikiwiki --setup "$f" --refresh --verbose --rebuild $(pick "--plugin nosuchplugin" "--disable-plugin mdwn" "--plugin toc" "") >> "$RAW" 2>&1 ;;
    8) timeout 120 ikiwiki --verbose $ul "$w/src" "$W/nosuch/dir/dest" >> "$RAW" 2>&1 ;;
    9) timeout 120 ikiwiki --verbose $ul "$W/nosuchsrc" "$w/dest" >> "$RAW" 2>&1 ;;
    10) timeout 120 ikiwiki --verbose $ul --plugin $(pick nosuchplugin "bad::name") "$w/src" "$w/dest" >> "$RAW" 2>&1 ;;
    11) timeout 120 ikiwiki --verbose --refresh $ul --rcs git --set gitorigin_branch= --gettime "$w/src" "$w/dest" >> "$RAW" 2>&1 ;;
    12) timeout 120 ikiwiki --verbose $ul --rebuild --plugin $(pick sidebar comments recentchanges search) --url http://127.0.0.1:48201/ --cgiurl http://127.0.0.1:48201/ikiwiki.cgi "$w/src" "$w/dest" >> "$RAW" 2>&1 ;;
    13) timeout 120 ikiwiki --verbose --refresh --clean $ul "$w/src" "$w/dest" >> "$RAW" 2>&1; mkdir -p "$w/dest" ;;
    14) newpage "$w/src"; timeout 120 ikiwiki --verbose --rebuild $ul "$w/src" "$w/dest" >> "$RAW" 2>&1 & A=$!
        timeout 120 ikiwiki --verbose --refresh $ul "$w/src" "$w/dest" >> "$RAW" 2>&1 & B=$!
        wait $A $B ;;
    15) ln -sfn "$w" "$W/link-$n"; timeout 120 ikiwiki --verbose --refresh $ul "$W/link-$n/src" "$w/dest" >> "$RAW" 2>&1 ;;
    16) timeout 120 ikiwiki --setup "$W/nosuch-$n.setup" --verbose >> "$RAW" 2>&1 ;;
  esac
done
lines=$(wc -l < "$RAW")
if [ "$lines" -gt 2500 ]; then start=$((lines - 2500 + 1)); sed -n "${start},\$p" "$RAW" > "$D/ikiwiki.log"; else cp "$RAW" "$D/ikiwiki.log"; fi
wc -l "$D/ikiwiki.log"
