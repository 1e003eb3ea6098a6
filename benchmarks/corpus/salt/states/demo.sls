r31h_dir:
  file.directory:
    - name: /tmp/round31-r31h/saltrun/managed

r31h_file:
  file.managed:
    - name: /tmp/round31-r31h/saltrun/managed/hello.txt
    - contents: "hello {{ salt['random.get_str'](8) }}"
    - require:
      - file: r31h_dir

r31h_cmd:
  cmd.run:
    - name: echo state-run
