r31h_fail:
  cmd.run:
    - name: "false"
r31h_nofile:
  file.exists:
    - name: /tmp/round31-r31h/saltrun/nope
r31h_dep:
  cmd.run:
    - name: echo never
    - require:
      - cmd: r31h_fail
