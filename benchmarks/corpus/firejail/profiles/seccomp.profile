# test profile: seccomp
include /work/round46/firejail/profiles/common.inc
seccomp
protocol unix,inet
nogroups
ipc-namespace
