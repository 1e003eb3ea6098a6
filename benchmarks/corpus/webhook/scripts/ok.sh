#!/bin/sh
printf 'ok %s' "$*"
