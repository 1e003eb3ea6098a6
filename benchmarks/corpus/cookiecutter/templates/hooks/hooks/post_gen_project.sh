#!/bin/sh
if [ "{{ cookiecutter.fail_post }}" = "yes" ]; then exit 3; fi
touch generated.ok
