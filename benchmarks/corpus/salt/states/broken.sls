r31h_broken:
  file.managed:
    - name: /tmp/round31-r31h/saltrun/managed/x.txt
    - source: salt://does-not-exist.txt
bad_yaml: [unclosed
