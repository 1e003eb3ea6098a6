import sys
import r46helper


def main():
    bad = 0
    for fn in sys.argv[1:]:
        with open(fn, 'rb') as f:
            if r46helper.has_tab(f.read()):
                bad = 1
    return bad


def fix():
    changed = 0
    for fn in sys.argv[1:]:
        with open(fn, 'rb') as f:
            data = f.read()
        new = data.replace(b'\t', b'    ')
        if new != data:
            with open(fn, 'wb') as f:
                f.write(new)
            changed = 1
    return changed
