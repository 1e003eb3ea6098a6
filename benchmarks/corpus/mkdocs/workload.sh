#!/bin/bash
# Randomised workload for `mkdocs serve -v`: several server sessions with varied configs,
# page edits, broken files and configs, HTTP requests (good, 404, bad, livereload polls).
# Output (stderr+stdout of mkdocs) is appended to $LOG.
set -u
set -m  # job control, so background servers do not inherit an ignored SIGINT
BASE=/tmp/round34-r34e/mk
VENV=/tmp/round34-r34e/mkvenv
LOG=${LOG:-/tmp/round34-r34e/mkdocs.raw.log}
PORT=44010
SESSIONS=${SESSIONS:-10}
rm -rf "$BASE"; mkdir -p "$BASE/docs/guide" "$BASE/docs/img"
: > "$LOG"
cd "$BASE"
r() { echo $(( RANDOM % $1 )); }

write_pages() {
  printf '# Home\n\nSee [about](about.md), [guide](guide/setup.md#install) and [nope](nope.md).\n\n## Intro\n\nText %s.\n' "$RANDOM" > docs/index.md
  printf '# About\n\n![logo](img/logo.png) [back](index.md#intro) [bad anchor](index.md#zzz) [self](#nothere)\n' > docs/about.md
  printf '# Setup\n\n## Install\n\n[abs](/about.md) [dir](../guide) [mail](me@example.org) [ext](https://example.org/)\n' > docs/guide/setup.md
  printf '# Draft\n\nwip [home](../index.md)\n' > docs/guide/draft.md
  printf '# Orphan\n\n[x](missing/thing.md)\n' > docs/orphan.md
  printf 'not really a png\n' > docs/img/logo.png
  printf '<html><body>{{ config.site_name }}</body></html>\n' > docs/extra.html
}

write_config() {
  local theme=mkdocs locale=en
  [ "$(r 3)" = 0 ] && theme=readthedocs
  case $(r 5) in 0) locale=de;; 1) locale=eo;; 2) locale=fr;; esac
  {
    echo "site_name: Demo $RANDOM"
    echo "site_dir: $BASE/site"
    echo "theme:"; echo "  name: $theme"; echo "  locale: $locale"
    echo "nav:"
    echo "  - Home: index.md"
    echo "  - About: about.md"
    echo "  - Guide:"; echo "    - guide/setup.md"
    [ "$(r 2)" = 0 ] && echo "  - Gone: gone.md"
    [ "$(r 2)" = 0 ] && echo "  - Abs: /abs/page.md"
    [ "$(r 2)" = 0 ] && echo "  - Ext: https://example.com/"
    [ "$(r 2)" = 0 ] && echo "draft_docs: |"$'\n'"  guide/draft.md"
    [ "$(r 3)" = 0 ] && echo "exclude_docs: |"$'\n'"  orphan.md"
    [ "$(r 2)" = 0 ] && echo "extra_templates:"$'\n'"  - extra.html"$'\n'"  - nothere.html"
    [ "$(r 3)" = 0 ] && echo "edit_uri: 'edit/main/'"
    [ "$(r 3)" = 0 ] && echo "unknown_option: $RANDOM"
    [ "$(r 3)" = 0 ] && echo "validation:"$'\n'"  links:"$'\n'"    anchors: warn"$'\n'"    absolute_links: info"$'\n'"    unrecognized_links: warn"
    echo "plugins:"
    echo "  - search:"
    case $(r 4) in
      0) echo "      lang: [en, xx]";;
      1) echo "      prebuild_index: python";;
      2) echo "      prebuild_index: node";;
    esac
  } > mkdocs.yml
  return 0
}

bad_config() {
  case $(r 4) in
    0) printf 'site_name: [broken\n' > mkdocs.yml ;;
    1) printf 'site_name: X\nnav: 5\nuse_directory_urls: maybe\n' > mkdocs.yml ;;
    2) printf 'site_name: X\ntheme:\n  name: nosuchtheme\n' > mkdocs.yml ;;
    3) printf 'site_name: X\nplugins:\n  - nosuchplugin\n' > mkdocs.yml ;;
  esac
}

req() { curl -s -o /dev/null -m 3 "$@" "http://127.0.0.1:$PORT$1" 2>/dev/null; }
get() { curl -s -o /dev/null -m 3 "${@:2}" "http://127.0.0.1:$PORT$1" 2>/dev/null; }
raw() { timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'$PORT'; printf "$0" >&3; cat <&3 >/dev/null' "$1" 2>/dev/null; }

requests() {
  local n=$((3 + $(r 12)))
  for _ in $(seq $n); do
    case $(r 14) in
      0|1|2) get / -L ;;
      3|4) get /about/ ;;
      5) get /guide/setup/ ;;
      6) get /nothing/$RANDOM ;;
      7) get /css/base.css ;;
      8) get /about ;;
      9) get "/livereload/$(date +%s)000/$RANDOM$RANDOM" -m 1 -H "Referer: http://127.0.0.1:$PORT/page$(r 5)/" ;;
      10) raw "GARBAGE\r\n\r\n" ;;
      11) get /about/ -X POST ;;
      12) get /sitemap.xml.gz ;;
      13) get /livereload/abc/def ;;
    esac
  done
}

edit_something() {
  case $(r 9) in
    0|8) echo "More text $RANDOM" >> docs/index.md ;;
    1) printf '# Bad \xff\xfe encoding\n' > docs/broken.md; sleep 2; rm -f docs/broken.md ;;
    2) echo "Line $RANDOM [l](about.md#missing-$RANDOM)" >> docs/about.md ;;
    3) printf '# New %s\n' $RANDOM > docs/new$(r 3).md ;;
    4) rm -f docs/new*.md ;;
    5) printf '# Bad \xff\xfe encoding\n' > docs/broken.md; sleep 2; rm -f docs/broken.md ;;
    6) cp mkdocs.yml /tmp/round34-r34e/good.yml; bad_config; sleep 2; cp /tmp/round34-r34e/good.yml mkdocs.yml ;;
    7) touch docs/guide/setup.md; echo "x" >> docs/guide/setup.md ;;
  esac
}

for s in $(seq "$SESSIONS"); do
  write_pages
  if [ "$(r 4)" = 0 ]; then bad_config; else write_config; fi
  flags="-v"
  [ "$(r 4)" = 0 ] && flags="$flags --dirty"
  [ "$(r 6)" = 0 ] && flags="$flags --no-livereload"
  "$VENV/bin/mkdocs" serve $flags -a 127.0.0.1:$PORT >> "$LOG" 2>&1 &
  pid=$!
  sleep 3
  if kill -0 $pid 2>/dev/null; then
    rounds=$((1 + $(r 4)))
    for _ in $(seq $rounds); do
      requests
      edit_something
      sleep $((1 + $(r 2)))
      requests
    done
    kill -INT $pid
  fi
  wait $pid 2>/dev/null
  sleep 1
done
