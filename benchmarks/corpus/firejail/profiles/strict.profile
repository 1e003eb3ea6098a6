# test profile: strict
caps.drop all
nonewprivs
net none
private-tmp
private-dev
blacklist /usr/bin/wget
blacklist /tmp/round46-r46f/fjw/secret
read-only /tmp/round46-r46f/fjw
rlimit-nofile 200
hostname strictbox
