#!/bin/sh
printf 'notified channel %s: %s' "${HOOK_CHANNEL:-general}" "$1"
