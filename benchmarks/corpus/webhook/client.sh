#!/bin/bash
# client.sh BASE COUNT [extra curl options...] -- random requests against a webhook server
BASE="$1"; COUNT="$2"; shift 2
CURLX=("$@")
D=/work/round27/webhook
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
C() { curl -s -o /dev/null --max-time 4 "${CURLX[@]}" "$@" 2>/dev/null; }
rid() { if (( RANDOM % 3 == 0 )); then echo "-H X-Request-Id:$(pick job build ci deploy)-$RANDOM"; fi; }
hmac() { printf '%s' "$2" | openssl dgst "-$1" -hmac "$3" | awk '{print $NF}'; }
words=(alpha beta gamma delta web api docs infra)
for ((i = 0; i < COUNT; i++)); do
  repo=$(pick "${words[@]}"); who=$(pick alice bob carol dave ci-bot)
  case $((RANDOM % 40)) in
  0|1|2) C $(rid) -X POST -H 'Content-Type: application/json' -H 'X-Token: s3cr3t' -H "X-Sender: $who" \
        -d "{\"ref\":\"refs/heads/$(pick main dev)\",\"repository\":{\"name\":\"$repo\"},\"head_commit\":{\"id\":\"$(printf '%07x' $RANDOM$RANDOM)\"}}" "$BASE/deploy" ;;
  3) C $(rid) -X POST -H 'Content-Type: application/json' -H "X-Token: $(pick wrong guess s3cret '')" \
        -d "{\"ref\":\"refs/heads/main\",\"repository\":{\"name\":\"$repo\"}}" "$BASE/deploy" ;;
  4) C -X POST -H 'Content-Type: application/json' -H 'X-Token: s3cr3t' \
        -d "{\"ref\":\"refs/tags/v$((RANDOM % 9)).$((RANDOM % 20))\",\"repository\":{\"name\":\"$repo\"}}" "$BASE/deploy" ;;
  5) C -X POST -H 'Content-Type: application/json' -H 'X-Token: s3cr3t' -d "$(pick '{"ref":' '{ref: main}' '{"ref":"refs/heads/main",}' 'null x' '{"a":1}}')" "$BASE/deploy" ;;
  6) C -X POST -H 'Content-Type: application/json' -H 'X-Token: s3cr3t' -d "$(pick '[{"ref":"refs/heads/main"}]' '[1,2,' '[]' '["refs/heads/dev"]')" "$BASE/deploy" ;;
  7) C -X POST -H 'Content-Type: application/json' -H 'X-Token: s3cr3t' -H "X-Sender: $who" \
        -d "{\"ref\":\"refs/heads/dev\",\"repository\":{\"name\":\"$repo\"}}" "$BASE/deploy" ;;
  8) C -X POST -H 'Content-Type: application/json' -d "{\"ref\":\"refs/heads/main\"}" "$BASE/deploy" ;;
  9) C -X POST -H "Content-Type: $(pick text/plain application/octet-stream image/png)" -H 'X-Token: s3cr3t' --data-binary "ref=main" "$BASE/deploy" ;;
  10|11) C $(rid) -X POST "$BASE/build?project=$repo&code=$(pick 0 0 0 1 2 3 7 x)" ;;
  12) C -X "$(pick GET DELETE PATCH HEAD)" "$BASE/build?project=$repo" ;;
  13|14) C $(rid) -X "$(pick POST PUT)" -H 'Content-Type: application/json' -d "{\"channel\":\"$(pick ops dev alerts)\"}" "$BASE/notify?msg=$(pick build-done deploy-started disk-full)" ;;
  15) C -X "$(pick GET DELETE)" "$BASE/notify?msg=nope" ;;
  16) C -X POST -H 'Content-Type: application/x-www-form-urlencoded' -d "channel=ops" "$BASE/notify" ;;
  17) C -X POST "$BASE/missing" ;;
  18) C -X POST "$BASE/spaced" ;;
  19|20) body="{\"action\":\"$(pick opened closed merged)\",\"n\":$RANDOM}"
      case $((RANDOM % 4)) in
      0|1) sig="sha256=$(hmac sha256 "$body" hmackey)" ;;
      2) sig="sha256=$(hmac sha256 "$body" wrongkey)" ;;
      3) sig="" ;;
      esac
      if [ -n "$sig" ]; then C -X POST -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $sig" -d "$body" "$BASE/signed"
      else C -X POST -H 'Content-Type: application/json' -d "$body" "$BASE/signed"; fi ;;
  21) body="{\"zen\":\"$(pick keep-it-simple design-for-failure)\"}"
      sig="sha1=$(hmac sha1 "$body" "$(pick oldkey oldkey badkey)")"
      C -X POST -H 'Content-Type: application/json' -H "X-Hub-Signature: $sig" -d "$body" "$BASE/legacy" ;;
  22|23) C $(rid) --interface "$(pick 127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.4)" -X "$(pick POST GET)" "$BASE/internal" ;;
  24) blob=$(pick "$(printf 'payload-%s' $RANDOM | base64)" 'not*base64!' '')
      C -X POST -H 'Content-Type: application/json' -d "{\"blob\":\"$blob\",\"manifest\":\"files: $RANDOM\"}" "$BASE/upload" ;;
  25) C -X POST -H 'Content-Type: application/json' -d "{\"other\":1}" "$BASE/upload" ;;
  26) C -X POST -H 'Content-Type: application/json' -d "{\"manifest\":\"m$RANDOM\"}" "$BASE/upload-broken" ;;
  27|28) cfg=$(pick '{\"mode\":\"fast\"}' '{\"mode\":\"slow\"}' '{mode:fast' 'fast')
      C -X POST -H 'Content-Type: application/json' -d "{\"config\":\"$cfg\"}" "$BASE/jsonargs?opts=$(pick '%7B%22level%22%3A3%7D' '%7Blevel' '')" ;;
  29) C -X POST "$BASE/odd-codes?x=$(pick go stop '')" ;;
  30) body="{\"event\":\"$(pick HostUp HostDown)\"}"
      case $((RANDOM % 5)) in
      0|1) dt=$(date -u '+%a %d %b %Y %H:%M:%S UTC') ;;
      2) dt=$(date -u -d '-20 min' '+%a %d %b %Y %H:%M:%S UTC') ;;
      3) dt=$(date -u -R) ;;
      4) dt="" ;;
      esac
      key=$(pick scalrkey scalrkey nokey)
      sig=$(printf '%s%s' "$body" "$dt" | openssl dgst -sha1 -hmac "$key" | awk '{print $NF}')
      if [ -n "$dt" ]; then C -X POST -H 'Content-Type: application/json' -H "Date: $dt" -H "X-Signature: $sig" -d "$body" "$BASE/scalr"
      else C -X POST -H 'Content-Type: application/json' -d "$body" "$BASE/scalr"; fi ;;
  31) body="{\"v\":$RANDOM}"
      C -X POST -H 'Content-Type: application/json' -H "X-Signature-512: sha512=$(hmac sha512 "$body" "$(pick k512 bad)")" -H "X-Override: $(pick yes no)" -d "$body" "$BASE/soft" ;;
  32) C -X POST -H 'Content-Type: text/plain' -d "$(pick "<event kind=\"$(pick push tag ignore)\"><id>$RANDOM</id></event>" '<event kind="push">' 'plain text' '<a><b></a>')" "$BASE/xmlhook" ;;
  33|34) if (( RANDOM % 2 )); then
        f=$(pick meta-good meta-bad meta-good)
        C -X POST -F "user=$(pick "$who" Bad1)" -F "tag=v$RANDOM" -F "meta=@$D/run/$f.json;type=$(pick application/json application/json text/plain)" "$BASE/form"
      else C -X POST -H 'Content-Type: application/x-www-form-urlencoded' -d "$(pick "user=$who" "user=$who&x=%zz" 'user=Bad1' 'a=%%')" "$BASE/form"; fi ;;
  35) C --max-time "$(pick 1 3)" -X POST "$BASE/slow?t=$(pick 0.2 2)" ;;
  36) C -X POST "$BASE/whole?a=$RANDOM&b=$(pick x y)" ;;
  37) C -X "$(pick GET POST)" "$BASE/$(pick deploy-all hooks nope "x/y" "" extra)" ;;
  38) C -X POST -d "ping=$RANDOM" "$BASE/extra-$(pick ping echo ping)" ;;
  39) python3 "$D/rawreq.py" "$BASE" "$(pick deploy notify extra-echo whole)" ;;
  esac
  sleep 0.0$((RANDOM % 5))
done
