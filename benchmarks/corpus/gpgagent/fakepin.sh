#!/bin/sh
# minimal Assuan pinentry stand-in for the workload: answers GETPIN from $FAKEPIN_FILE
echo "OK Pleased to meet you"
while read -r cmd rest; do
  case "$cmd" in
    GETPIN) if [ -s "$FAKEPIN_FILE" ]; then echo "D $(cat "$FAKEPIN_FILE")"; echo OK; else echo "ERR 83886179 Operation cancelled <Pinentry>"; fi ;;
    BYE) echo OK; exit 0 ;;
    CONFIRM|MESSAGE) echo OK ;;
    *) echo OK ;;
  esac
done
