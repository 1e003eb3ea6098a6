# writes the test notebooks for the papermill workload into the directory given
# (cell sources use 2-space indentation)
import sys, nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell
out = sys.argv[1]
def nb(name, cells, kernel='python3', params=True, lang='python'):
    n = new_notebook()
    n.metadata['kernelspec'] = {'name': kernel, 'display_name': kernel, 'language': lang}
    n.metadata['language_info'] = {'name': lang}
    cs = []
    if params:
        c = new_code_cell('rows = 10\nlabel = "run"\nfail_at = -1\nsleep_s = 0.0')
        c.metadata['tags'] = ['parameters']
        cs.append(c)
    cs.append(new_markdown_cell('# Report'))
    for src in cells:
        cs.append(new_code_cell(src))
    n.cells = cs
    nbformat.write(n, f'{out}/{name}.ipynb')
nb('report', ['import time, random, sys\nprint(f"label={label} rows={rows}")',
              'total = 0\nfor i in range(rows):\n  total += i * i\nprint("total", total)',
              'time.sleep(sleep_s)\nprint("slept", sleep_s)',
              'if fail_at >= 0:\n  raise ValueError(f"failure requested at {fail_at}")\nprint("no failure")',
              'if rows > 50:\n  print("many rows", rows, file=sys.stderr)\ntotal'])
nb('noparams', ['x = 3\nprint("x is", x)', 'x * 7'], params=False)
nb('divzero', ['a = rows\nb = 0', 'print(a / b)'])
nb('keyerr', ['d = {"k": rows}\nprint(d["missing"])'])
nb('badkernel', ['print(1)'], kernel='no-such-kernel')
nb('loop', ['import time\nfor i in range(3):\n  print("tick", i)\n  time.sleep(sleep_s)', 'print("done")'])
nb('display', ['from IPython.display import display, Markdown\ndisplay(Markdown("**bold**"))\n{"a": rows, "b": label}'])
nb('skiptag', ['print("kept")'])
n = nbformat.read(f'{out}/skiptag.ipynb', as_version=4)
c = new_code_cell('print("skipped")'); c.metadata['tags'] = ['skip-execution']; n.cells.append(c)
nbformat.write(n, f'{out}/skiptag.ipynb')
with open(f'{out}/broken.ipynb', 'w') as f:
    f.write('{"cells": [ {"cell_type": "code", ')
