#!/usr/bin/env python3
"""Syncthing workload for workload.sh: four local instances on 127.0.0.1 only.

A (logged), B and C share folders with each other; D is a stranger that A does not know.
Sync ports 21001-21004, GUI/REST ports 20384-20387. Global/local discovery, relays, NAT/STUN,
usage and crash reporting and upgrades are all off. Randomised file creations, edits, renames,
deletions, conflicts, ignores, permission errors, pauses/resumes and rescans over the REST API,
a device paused and one killed (disconnect), REST restarts, a broken folder marker, and a stop.
"""
import argparse, json, os, random, shutil, signal, string, subprocess, time, urllib.request, urllib.error
import xml.etree.ElementTree as ET

ap = argparse.ArgumentParser()
ap.add_argument('--dir', default='/tmp/r10st')
ap.add_argument('--duration', type=float, default=240)
args = ap.parse_args()
R = random.Random()
W = args.dir
NAMES = ['A', 'B', 'C', 'D']
SYNC = {n: 21001 + i for i, n in enumerate(NAMES)}
GUI = {n: 20384 + i for i, n in enumerate(NAMES)}
KEY = {n: f'r10-{n.lower()}-key-{R.randint(1000, 9999)}' for n in NAMES}
ID = {}
PROCS = {}


def sh(*a, **k):
    return subprocess.run(a, check=True, capture_output=True, text=True, **k).stdout


def generate():
    for n in NAMES:
        home = f'{W}/{n}/home'
        sh('syncthing', 'generate', f'--home={home}', '--no-default-folder')
        ID[n] = ET.parse(f'{home}/config.xml').getroot().find('device').get('id')


FOLDERS = {
    # id: (label, {device: type}, extra)
    'docs': ('Documents', {'A': 'sendreceive', 'B': 'sendreceive', 'D': 'sendreceive'}, {}),
    'photos': ('Photos', {'A': 'sendreceive', 'B': 'sendreceive', 'C': 'receiveonly'}, {}),
    'backup': ('Backup', {'A': 'sendonly', 'C': 'receiveonly'}, {}),
    'music': ('Music', {'B': 'sendreceive', 'C': 'sendreceive'}, {}),   # B offers it to A too (A never accepts)
}
OFFER_ONLY = {'music': ['A']}   # B lists A as a sharer of "music" though A does not have the folder


def write_config(n):
    home = f'{W}/{n}/home'
    t = ET.parse(f'{home}/config.xml'); root = t.getroot()
    for d in root.findall('device'): root.remove(d)
    for f in root.findall('folder'): root.remove(f)
    peers = {'A': ['B', 'C'], 'B': ['A', 'C'], 'C': ['A', 'B'], 'D': ['A']}[n]
    for p in [n] + peers:
        d = ET.SubElement(root, 'device', id=ID[p], name=f'node-{p.lower()}', compression=R.choice(['metadata', 'always', 'never']),
                          introducer='false', skipIntroductionRemovals='false', introducedBy='')
        ET.SubElement(d, 'address').text = 'dynamic' if p == n else f'tcp://127.0.0.1:{SYNC[p]}'
        ET.SubElement(d, 'paused').text = 'false'
        ET.SubElement(d, 'autoAcceptFolders').text = 'false'
    for fid, (label, members, _) in FOLDERS.items():
        if n not in members: continue
        path = f'{W}/{n}/{fid}'; os.makedirs(path, exist_ok=True)
        f = ET.SubElement(root, 'folder', id=fid, label=label, path=path, type=members[n], rescanIntervalS=str(R.choice([20, 30, 45])),
                          fsWatcherEnabled='true', fsWatcherDelayS='1', ignorePerms='false', autoNormalize='true')
        ET.SubElement(f, 'filesystemType').text = 'basic'
        for p in list(members) + OFFER_ONLY.get(fid, []) * (n == 'B'):
            if p in peers or p == n:
                ET.SubElement(f, 'device', id=ID[p], introducedBy='')
        ET.SubElement(f, 'minDiskFree', unit='%').text = '1'
        v = ET.SubElement(f, 'versioning', type={'A': 'trashcan', 'B': 'simple', 'C': 'staggered', 'D': ''}[n])
        if n == 'B': ET.SubElement(v, 'param', key='keep', val='3')
        if n == 'A': ET.SubElement(v, 'param', key='cleanoutDays', val='1')
        ET.SubElement(v, 'cleanupIntervalS').text = '60'
        ET.SubElement(f, 'copiers').text = '0'; ET.SubElement(f, 'pullerMaxPendingKiB').text = '0'
        ET.SubElement(f, 'maxConflicts').text = '5'
    gui = root.find('gui'); gui.find('address').text = f'127.0.0.1:{GUI[n]}'; gui.find('apikey').text = KEY[n]
    o = root.find('options')
    for k, v in {'listenAddress': f'tcp://127.0.0.1:{SYNC[n]}', 'globalAnnounceEnabled': 'false', 'localAnnounceEnabled': 'false',
                 'relaysEnabled': 'false', 'natEnabled': 'false', 'urAccepted': '-1', 'startBrowser': 'false',
                 'autoUpgradeIntervalH': '0', 'crashReportingEnabled': 'false', 'stunKeepaliveStartS': '0',
                 'reconnectionIntervalS': '8', 'progressUpdateIntervalS': '5', 'restartOnWakeup': 'false',
                 'setLowPriority': 'false', 'keepTemporariesH': '1'}.items():
        e = o.find(k); e.text = v
    t.write(f'{home}/config.xml')


def start(n):
    log = f'{W}/{n}/syncthing.log'
    env = dict(os.environ, STNOUPGRADE='1', STNODEFAULTFOLDER='1')
    PROCS[n] = subprocess.Popen(['syncthing', 'serve', f'--home={W}/{n}/home', f'--logfile={log}', '--logflags=7', '--verbose',
                                 '--no-browser', '--no-upgrade', '--log-max-size=0'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    open(f'{W}/{n}/pid', 'w').write(str(PROCS[n].pid))


def api(n, method, path, body=None, key=None, quiet=True):
    req = urllib.request.Request(f'http://127.0.0.1:{GUI[n]}{path}', method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={'X-API-Key': key or KEY[n], 'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            d = r.read(); return json.loads(d) if d[:1] in (b'{', b'[') else d
    except (urllib.error.URLError, OSError, ValueError) as e:
        if not quiet: print('api', n, method, path, e)
        return None


def wait_up(n, t=30):
    end = time.time() + t
    while time.time() < end:
        if api(n, 'GET', '/rest/system/ping'): return True
        time.sleep(0.5)
    return False


# ---------------------------------------------------------------- file operations
WORDS = 'alpha beta gamma delta report notes budget plan draft final summary photo holiday beach cat dog'.split()


def fname(ext=None):
    return '-'.join(R.sample(WORDS, R.randint(1, 3))) + str(R.randint(1, 999)) + '.' + (ext or R.choice(['txt', 'md', 'jpg', 'dat', 'csv']))


def folder_path(n, fid): return f'{W}/{n}/{fid}'


def files(n, fid):
    out = []
    for root, dirs, fs in os.walk(folder_path(n, fid)):
        dirs[:] = [d for d in dirs if not d.startswith('.st')]
        out += [os.path.join(root, f) for f in fs if not f.startswith('.st') and '.sync-conflict' not in f]
    return out


def write_random(p, size=None):
    os.makedirs(os.path.dirname(p), exist_ok=True)
    size = size if size is not None else R.choice([0, R.randint(10, 2000), R.randint(5000, 200000), R.randint(300000, 1500000)])
    with open(p, 'wb') as f: f.write(os.urandom(size))


def op_create():
    n = R.choice(['A', 'A', 'B']); fid = R.choice(['docs', 'photos', 'backup'] if n == 'A' else ['docs', 'photos', 'music'])
    sub = R.choice(['', '', 'sub' + str(R.randint(1, 5)) + '/', 'deep/er/path/'])
    for _ in range(R.randint(1, 5)): write_random(f'{folder_path(n, fid)}/{sub}{fname()}')


def op_edit():
    n = R.choice(['A', 'B']); fid = R.choice(['docs', 'photos'])
    fs = files(n, fid)
    if fs:
        p = R.choice(fs)
        with open(p, 'ab') as f: f.write(os.urandom(R.randint(1, 50000)))


def op_delete():
    n = R.choice(['A', 'B']); fid = R.choice(['docs', 'photos'])
    fs = files(n, fid)
    for p in R.sample(fs, min(len(fs), R.randint(1, 3))):
        try: os.remove(p)
        except OSError: pass


def op_rename():
    n = R.choice(['A', 'B']); fid = R.choice(['docs', 'photos'])
    fs = files(n, fid)
    if fs:
        p = R.choice(fs)
        try: os.rename(p, os.path.join(os.path.dirname(p), 'renamed-' + fname()))
        except OSError: pass


def op_conflict():
    """Edit the same file on A and B while the folder is paused on both, then resume."""
    fid = 'docs'; name = 'shared-' + fname('txt')
    write_random(f'{folder_path("A", fid)}/{name}', 100); time.sleep(4)
    for n in 'AB': api(n, 'PATCH', f'/rest/config/folders/{fid}', {'paused': True})
    time.sleep(1)
    for n in 'AB':
        if os.path.exists(f'{folder_path(n, fid)}/{name}'):
            write_random(f'{folder_path(n, fid)}/{name}', R.randint(50, 5000))
    time.sleep(1)
    for n in 'AB': api(n, 'PATCH', f'/rest/config/folders/{fid}', {'paused': False})


def op_receiveonly_change():
    """A local change in C's receive-only folder, sometimes reverted over REST."""
    fs = files('C', 'photos')
    if fs:
        p = R.choice(fs)
        with open(p, 'ab') as f: f.write(b'local change')
    else:
        write_random(f'{folder_path("C", "photos")}/local-{fname()}', 100)
    time.sleep(3)
    if R.random() < 0.6: api('C', 'POST', '/rest/db/revert?folder=photos')


def op_sendonly_override():
    """A change on C's receive-only copy of A's send-only folder; A overrides."""
    write_random(f'{folder_path("C", "backup")}/stray-{fname()}', 200); time.sleep(3)
    api('A', 'POST', '/rest/db/override?folder=backup')


def op_ignore():
    pats = R.sample(['*.tmp', '(?d).DS_Store', 'cache/', '*.csv', '!important.csv', '// comment', '#include nosuchfile', '[bad'], R.randint(1, 3))
    api(R.choice('AB'), 'POST', '/rest/db/ignores?folder=docs', {'ignore': pats})
    write_random(f'{folder_path("A", "docs")}/scratch-{R.randint(1, 99)}.tmp', 100)


def op_rest():
    n = R.choice('AB')
    r = R.randint(0, 9)
    if r == 0: api(n, 'POST', f'/rest/db/scan?folder={R.choice(["docs", "photos"])}')
    elif r == 1: api(n, 'POST', f'/rest/db/scan?folder=nosuch{R.randint(1, 9)}')
    elif r == 2: api(n, 'GET', '/rest/system/status', key='wrong-key')
    elif r == 3: api(n, 'GET', '/rest/db/status?folder=docs')
    elif r == 4:
        api(n, 'POST', f'/rest/system/pause?device={ID["C"]}'); time.sleep(R.uniform(3, 6)); api(n, 'POST', f'/rest/system/resume?device={ID["C"]}')
    elif r == 5: api(n, 'POST', '/rest/db/scan?folder=photos&sub=' + R.choice(['deep', 'sub1', 'nonexistent']))
    elif r == 6: api(n, 'POST', '/rest/system/error', None)
    elif r == 7: api(n, 'PATCH', f'/rest/config/folders/{R.choice(["docs", "photos"])}', {'rescanIntervalS': R.choice([15, 25, 40])})
    elif r == 8: api(n, 'GET', '/rest/system/connections')
    else: api(n, 'PATCH', '/rest/config/folders/docs', {'rescanIntervalS': 'often'})


def ev_pause_folder():
    fid = R.choice(['docs', 'photos']); api('A', 'PATCH', f'/rest/config/folders/{fid}', {'paused': True})
    time.sleep(R.uniform(4, 10)); api('A', 'PATCH', f'/rest/config/folders/{fid}', {'paused': False})


def ev_pause_device():
    p = R.choice('BC'); api('A', 'PATCH', f'/rest/config/devices/{ID[p]}', {'paused': True})
    op_create(); time.sleep(R.uniform(5, 10))
    api('A', 'PATCH', f'/rest/config/devices/{ID[p]}', {'paused': False})


def ev_kill_c():
    os.killpg(PROCS['C'].pid, signal.SIGKILL); PROCS['C'].wait()
    op_create(); time.sleep(R.uniform(15, 25)); start('C'); wait_up('C')


def ev_restart_a():
    api('A', 'POST', '/rest/system/restart'); time.sleep(3); wait_up('A', 40)


def ev_restart_b():
    api('B', 'POST', '/rest/system/restart'); time.sleep(3); wait_up('B', 40)


def ev_stranger():
    start('D'); wait_up('D')
    write_random(f'{folder_path("D", "docs")}/x.txt', 10) if os.path.isdir(folder_path('D', 'docs')) else None
    time.sleep(R.uniform(10, 15)); os.killpg(PROCS['D'].pid, signal.SIGTERM); PROCS['D'].wait()


def ev_marker():
    """Folder marker removed on A: the folder stops with an error until the marker is back."""
    fid = R.choice(['docs', 'photos']); m = f'{folder_path("A", fid)}/.stfolder'
    shutil.rmtree(m, ignore_errors=True); api('A', 'POST', f'/rest/db/scan?folder={fid}')
    time.sleep(R.uniform(8, 12)); os.makedirs(m, exist_ok=True); api('A', 'POST', f'/rest/db/scan?folder={fid}')


def ev_readonly_dir():
    """A directory on A that A cannot write into: B's new files there fail to pull on A."""
    d = f'ro-{R.randint(1, 99)}'
    os.makedirs(f'{folder_path("A", "photos")}/{d}', exist_ok=True); time.sleep(4)
    os.chmod(f'{folder_path("A", "photos")}/{d}', 0o555)
    for _ in range(R.randint(2, 4)): write_random(f'{folder_path("B", "photos")}/{d}/{fname()}', R.randint(100, 5000))
    time.sleep(R.uniform(15, 20))
    os.chmod(f'{folder_path("A", "photos")}/{d}', 0o755); api('A', 'POST', '/rest/db/scan?folder=photos')


def ev_unreadable():
    """New files on A that A cannot read: scanner errors until they are readable again."""
    ps = []
    for _ in range(R.randint(1, 3)):
        p = f'{folder_path("A", "docs")}/secret-{fname()}'; write_random(p, R.randint(10, 3000)); os.chmod(p, 0); ps.append(p)
    time.sleep(R.uniform(8, 12))
    for p in ps: os.chmod(p, 0o644)


def ev_diskfree():
    """An impossible free-space requirement on A: pulls fail with insufficient space."""
    api('A', 'PATCH', '/rest/config/folders/docs', {'minDiskFree': {'value': 99.99, 'unit': '%'}}); time.sleep(2)
    for _ in range(R.randint(2, 3)): write_random(f'{folder_path("B", "docs")}/big-{fname()}', R.randint(20000, 90000))
    time.sleep(R.uniform(10, 14))
    api('A', 'PATCH', '/rest/config/folders/docs', {'minDiskFree': {'value': 1, 'unit': '%'}})


def ev_bad_ignores():
    """An .stignore on A that includes a missing file, fixed later."""
    p = f'{folder_path("A", "photos")}/.stignore'
    open(p, 'w').write('*.tmp\n#include missing-ignores.txt\n'); api('A', 'POST', '/rest/db/scan?folder=photos')
    time.sleep(R.uniform(6, 10)); open(p, 'w').write('*.tmp\n'); api('A', 'POST', '/rest/db/scan?folder=photos')


def ev_new_folder():
    """A adds a folder shared with B over REST; B gets it offered (pending) and later accepts it."""
    fid = 'share' + str(R.randint(10, 99)); p = folder_path('A', fid); os.makedirs(p, exist_ok=True)
    for _ in range(R.randint(3, 6)): write_random(f'{p}/{fname()}')
    api('A', 'POST', '/rest/config/folders', {'id': fid, 'label': 'Share ' + fid[-2:], 'path': p, 'type': 'sendreceive', 'fsWatcherEnabled': True,
                                              'fsWatcherDelayS': 1, 'rescanIntervalS': 30, 'devices': [{'deviceID': ID['A']}, {'deviceID': ID['B']}]})
    time.sleep(R.uniform(6, 10))
    api('B', 'POST', '/rest/config/folders', {'id': fid, 'label': 'Share ' + fid[-2:], 'path': folder_path('B', fid), 'type': 'sendreceive',
                                              'fsWatcherEnabled': True, 'fsWatcherDelayS': 1, 'devices': [{'deviceID': ID['A']}, {'deviceID': ID['B']}]})
    time.sleep(R.uniform(5, 8))
    if R.random() < 0.7: api('A', 'DELETE', f'/rest/config/folders/{fid}')


OPS = [(op_create, 8), (op_edit, 5), (op_delete, 3), (op_rename, 2), (op_conflict, 2), (op_receiveonly_change, 1),
       (op_sendonly_override, 1), (op_ignore, 1), (op_rest, 4)]
EVENTS = [(0.05, ev_stranger), (0.10, ev_pause_folder), (0.15, ev_readonly_dir), (0.22, ev_pause_device), (0.27, ev_unreadable),
          (0.32, ev_marker), (0.37, ev_kill_c), (0.44, ev_diskfree), (0.50, ev_new_folder), (0.56, ev_bad_ignores),
          (0.62, ev_restart_a), (0.70, ev_restart_b), (0.76, ev_readonly_dir), (0.82, ev_pause_device), (0.88, ev_pause_folder),
          (0.93, ev_unreadable)]


def main():
    generate()
    for n in NAMES: write_config(n)
    for n in 'ABC': start(n)
    for n in 'ABC': wait_up(n, 60)
    for _ in range(R.randint(5, 12)): op_create()
    t0 = time.time(); end = t0 + args.duration; events = list(EVENTS); deck = []
    while time.time() < end:
        frac = (time.time() - t0) / args.duration
        if events and frac >= events[0][0]:
            _, ev = events.pop(0)
            try: ev()
            except Exception as e: print('event', ev.__name__, e)
            continue
        if not deck:
            deck = [f for f, w in OPS for _ in range(w)]; R.shuffle(deck)
        fn = deck.pop()
        try: fn()
        except Exception as e: print('op', fn.__name__, e)
        time.sleep(R.uniform(0.5, 3.0))
    time.sleep(5)
    api('B', 'POST', '/rest/system/shutdown'); time.sleep(3)
    api('A', 'POST', '/rest/system/shutdown'); time.sleep(3)
    for n, p in PROCS.items():
        if p.poll() is None:
            try: os.killpg(p.pid, signal.SIGTERM)
            except OSError: pass
        try: p.wait(10)
        except subprocess.TimeoutExpired: os.killpg(p.pid, signal.SIGKILL)


main()
