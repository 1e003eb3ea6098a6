# Randomly changes the fake index state between mirror runs
import json, random, sys
path = sys.argv[1]
try:
    st = json.load(open(path))
except FileNotFoundError:
    st = {'serial': 100, 'packages': {}, 'faults': {}}
    for n in ['alpha', 'beta-tools', 'gamma', 'delta-utils', 'evil-pkg', 'zeta', 'eta-lib', 'theta', 'iota']:
        st['serial'] += 1
        st['packages'][n] = {'serial': st['serial'], 'versions': ['1.0', '1.1']}
    json.dump(st, open(path, 'w')); sys.exit()
pk = st['packages']
st['faults'] = {}
for _ in range(random.randint(1, 4)):
    act = random.choice(['newver', 'newver', 'newpkg', 'delpkg', 'pre', 'fault', 'fault', 'fault', 'index'])
    st['serial'] += 1
    if act == 'newver' and pk:
        n = random.choice(list(pk)); v = pk[n]['versions']
        last = v[-1].split('.')
        v.append('%s.%d' % (last[0], int(last[1]) + 1) if random.random() < 0.8 else '%d.0' % (int(last[0]) + 1))
        pk[n]['serial'] = st['serial']
    elif act == 'pre' and pk:
        n = random.choice(list(pk)); pk[n]['versions'].append('9.0rc%d' % random.randint(1, 3)); pk[n]['serial'] = st['serial']
    elif act == 'newpkg':
        n = random.choice(['kappa', 'lambda-x', 'mu', 'nu-core', 'xi', 'omicron', 'pi-calc', 'rho', 'sigma'])
        pk[n] = {'serial': st['serial'], 'versions': ['0.%d' % random.randint(1, 9)]}
    elif act == 'delpkg' and len(pk) > 4:
        n = random.choice(list(pk)); del pk[n]
    elif act == 'fault' and pk:
        n = random.choice(list(pk))
        st['faults'][n] = random.choice(['404', '500', 'stale', 'badhash', 'filegone', 'slow'])
        pk[n]['serial'] = st['serial']
    elif act == 'index':
        st['faults']['index'] = random.choice(['down', 'malformed'])
json.dump(st, open(path, 'w'))
