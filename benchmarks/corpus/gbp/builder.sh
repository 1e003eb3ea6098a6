#!/bin/sh
# builder for gbp buildpackage: builds a source package only, output discarded
exec dpkg-buildpackage -us -uc -S -d >/dev/null 2>&1
