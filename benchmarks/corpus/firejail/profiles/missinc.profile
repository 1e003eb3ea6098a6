include /work/round46/firejail/profiles/nosuch.inc
nonewprivs
