#!/bin/bash
# one randomised batch of curl requests against a kiwix-serve instance: client.sh BASEURL COUNT
B=$1; N=$2
RUN=/tmp/round37-r37a/kiwixserve
BOOKS=(wiki1 wiki1 wiki2 wiki3)
UAS=("curl/7.88.1" "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0" "kiwix-js/3.8" "Wget/1.21.3")
LANGS=("en-US,en;q=0.9" "fr-FR,fr;q=0.8" "de" "es-ES")
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
article() { ls $RUN/src$1/A 2>/dev/null | shuf -n1; }
for ((i = 0; i < N; i++)); do
  n=$((1 + RANDOM % 3)); b=wiki$n
  opts=(-s -o /dev/null -m 10 -A "$(pick "${UAS[@]}")")
  ((RANDOM % 4 == 0)) && opts+=(-H "Accept-Encoding: gzip, deflate")
  ((RANDOM % 5 == 0)) && opts+=(-H "Accept-Language: $(pick "${LANGS[@]}")")
  r=$((RANDOM % 100))
  if   ((r < 14)); then u="/$b/A/$(article $n)"
  elif ((r < 20)); then u="/$b/"
  elif ((r < 24)); then u="/$b/I/photo.png"
  elif ((r < 28)); then u="/$b/A/No_such_page_$RANDOM.html"
  elif ((r < 31)); then u="/nosuchbook/A/Page.html"
  elif ((r < 36)); then u="/"
  elif ((r < 40)); then u="/catalog/v2/entries?count=$((RANDOM % 5))"
  elif ((r < 42)); then u="/catalog/v2/$(pick categories languages root.xml searchdescription.xml illustration)"
  elif ((r < 44)); then u="/catalog/$(pick root.xml searchdescription.xml search?q=river nothing.xml)"
  elif ((r < 50)); then u="/search?content=$b&pattern=$(pick river mountain 'ocean+city' zzzz music)"
  elif ((r < 53)); then u="/search?content=$b"
  elif ((r < 55)); then u="/search?pattern=river&latitude=45.1&longitude=7.6&distance=1000&books.name=$b"
  elif ((r < 56)); then u="/search?content=nosuchbook&pattern=x"
  elif ((r < 63)); then u="/suggest?content=$(pick "${BOOKS[@]}" nobook)&term=$(pick ri mo ca is li o)&count=$((RANDOM % 12))"
  elif ((r < 67)); then u="/random?content=$(pick "${BOOKS[@]}" nobook)"
  elif ((r < 71)); then u="/raw/$b/$(pick content content meta bad)/$(pick index.html A/$(article $n) Title Creator I/photo.png missing.html)"
  elif ((r < 77)); then u="/skin/$(pick jquery-ui/jquery-ui.min.js taskbar.css autoComplete.min.js favicon/favicon.ico missing.css)"
  elif ((r < 79)); then u="/catch/external?source=$(pick https%3A%2F%2Fexample.org%2Fpage '')"
  elif ((r < 83)); then u="/$b/A/$(article $n)"; opts+=(-H "Range: bytes=$(pick 0-99 100- -50 99999-100000)")
  elif ((r < 86)); then u="/$b/index.html"; opts+=(-H "If-None-Match: \"$(pick 1 2 3)/\"")
  elif ((r < 90)); then u="/$b/A/$(article $n)"; opts+=(-I)
  elif ((r < 93)); then u="/search"; opts+=(-X POST -d "pattern=river&content=$b")
  elif ((r < 97)); then u="/$b/"; opts+=(-X "$(pick PUT DELETE OPTIONS PATCH)")
  else u="/$b/A/$(article $n)?userlang=$(pick fr de en)"
  fi
  curl "${opts[@]}" "$B$u"
  sleep 0.$((RANDOM % 4))
done
exit 0
