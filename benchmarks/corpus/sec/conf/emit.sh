#!/bin/sh
echo "spawned $1"
echo "spawned second $1"
