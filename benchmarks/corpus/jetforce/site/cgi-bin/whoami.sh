#!/bin/sh
if [ -z "$REMOTE_USER" ]; then printf '60 Client certificate required\r\n'; else printf '20 text/plain\r\nuser=%s\n' "$REMOTE_USER"; fi
