#!/usr/bin/env python3
"""Randomised raw-socket IRC workload for workload.sh (InspIRCd on 127.0.0.1:20667/20677).

Clients come from many loopback source addresses (127.0.0.x) so per-address limits, bans and
connect classes vary. Scheduled events (rehash, SIGHUP, broken config, split/relink, module
loads, RESTART, DIE) happen at fixed fractions of the duration; random scenarios fill the rest.
"""
import argparse, os, random, select, signal, socket, string, subprocess, threading, time

S1, S2, HTTP = 20667, 20677, 20680
ap = argparse.ArgumentParser()
ap.add_argument('--duration', type=float, default=300)
ap.add_argument('--dir', default='/tmp/r10irc')
ap.add_argument('--workers', type=int, default=1)
args = ap.parse_args()
R = random.Random()
CHANS = ['#lobby', '#dev', '#random', '#help', '#ops-talk', '#music', '#games']
WORDS = 'hello there anyone around today build failed again coffee time release notes ping pong ' \
        'meeting moved lunch deploy rollback weather great cats dogs python rust linux kernel'.split()


def nick():
    base = R.choice(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy',
                     'mallory', 'oscar', 'peggy', 'trent', 'victor', 'walter', 'zoe', 'quinn'])
    return base + (str(R.randint(1, 999)) if R.random() < 0.8 else R.choice(['_', '^', '|away', '']))


def ip(lo=128, hi=191):
    return f'127.0.0.{R.randint(lo, hi)}'


def junk(n):
    """Printable garbage (valid UTF-8, no line breaks)."""
    return ''.join(R.choice(string.ascii_letters + string.digits + string.punctuation + ' éü€ßж') for _ in range(n)).encode()


def sentence():
    return ' '.join(R.choice(WORDS) for _ in range(R.randint(2, 9)))


class C:
    def __init__(s, nk=None, src=None, port=S1, user=None, reg=True, pw=None, wait=True):
        s.nick = nk or nick(); s.buf = b''; s.lines = []; s.ok = False; s.dead = False
        s.s = socket.socket(); s.s.bind((src or (ip() if R.random() < 0.92 else ip(2, 127)), 0)); s.s.settimeout(5)
        try:
            s.s.connect(('127.0.0.1', port))
        except OSError:
            s.dead = True; return
        if reg:
            if pw: s.send(f'PASS {pw}')
            s.send(f'NICK {s.nick}', f'USER {user or R.choice(["u", "me", "irc", s.nick[:8]])} 0 * :{R.choice(["Real", "Just", "Some"])} {s.nick}')
            if wait: s.wait_reg()

    def send(s, *lines):
        if s.dead: return
        try: s.s.sendall(''.join(l + '\r\n' for l in lines).encode())
        except OSError: s.dead = True

    def raw(s, data):
        try: s.s.sendall(data)
        except OSError: s.dead = True

    def pump(s, t=0.5, pong=True):
        end = time.time() + t; out = []
        while time.time() < end and not s.dead:
            try: r, _, _ = select.select([s.s], [], [], max(0, end - time.time()))
            except (OSError, ValueError): s.dead = True; break
            if not r: break
            try: d = s.s.recv(65536)
            except OSError: s.dead = True; break
            if not d: s.dead = True; break
            s.buf += d
            while b'\r\n' in s.buf:
                l, s.buf = s.buf.split(b'\r\n', 1); l = l.decode('utf8', 'replace'); out.append(l)
                if l.startswith('PING') and pong: s.send('PONG' + l[4:])
                p = l.split()
                if len(p) > 1 and p[1] == '001': s.ok = True
                if len(p) > 1 and p[1] == '433' and not s.ok:
                    s.nick = nick(); s.send(f'NICK {s.nick}')
        s.lines += out
        return out

    def wait_reg(s, t=6):
        end = time.time() + t
        while not s.ok and not s.dead and time.time() < end: s.pump(0.3)
        return s.ok

    def quit(s, msg=None):
        s.send('QUIT :' + (msg or sentence())); s.pump(0.3); s.close()

    def close(s):
        try: s.s.close()
        except OSError: pass
        s.dead = True


def pidof(srv):
    try: return int(open(f'{args.dir}/{srv}/inspircd.pid').read())
    except (OSError, ValueError): return None


def start_s2():
    subprocess.Popen(['runuser', '-u', 'irc', '--', '/usr/sbin/inspircd', f'--config={args.dir}/s2/inspircd.conf', '--nofork'],
                     stdout=open(f'{args.dir}/s2/stdout.txt', 'a'), stderr=subprocess.STDOUT)


# ---------------------------------------------------------------- the operator
class Oper:
    def __init__(s):
        s.c = None; s.lock = threading.Lock()

    def ensure(s):
        with s.lock:
            if s.c and not s.c.dead: return s.c
            for _ in range(10):
                c = C(R.choice(['root', 'admin', 'boss']) + str(R.randint(1, 99)), src='127.0.0.1')
                if c.ok:
                    c.send('OPER root root-10A'); c.pump(1)
                    s.c = c; return c
                c.close(); time.sleep(2)

    def do(s, *lines, t=1.0):
        c = s.ensure()
        if not c: return []
        with s.lock:
            c.send(*lines); return c.pump(t)


OP = Oper()
RESIDENTS = []


def residents():
    """Channel regulars who op themselves first and set channel modes."""
    RESIDENTS[:] = [r for r in RESIDENTS if not r.dead]
    if len(RESIDENTS) < 3:
        r = C(src=ip())
        if not r.ok: return r.close()
        ch = R.sample(CHANS[:4], 2)
        r.send(*[f'JOIN {c}' for c in ch]); r.pump(0.5)
        r.send(f'MODE {ch[0]} +f {R.randint(4, 6)}:{R.randint(2, 4)}', f'TOPIC {ch[0]} :{sentence()}',
               f'MODE {ch[1]} +F {R.randint(2, 3)}:{R.randint(10, 30)}', f'MODE {ch[1]} +E {R.randint(2, 3)}:{R.randint(10, 30)}')
        r.pump(0.5); r.chans = ch; RESIDENTS.append(r)


def keep_alive():
    for r in RESIDENTS: r.pump(0.05)
    if OP.c: OP.c.pump(0.05)


# ---------------------------------------------------------------- scenarios
def sc_chatter():
    c = C(port=R.choice([S1, S1, S1, S2]))
    if not c.ok: return c.close()
    chans = R.sample(CHANS, R.randint(1, 3))
    c.send('JOIN ' + ','.join(chans)); c.pump(0.5)
    for _ in range(R.randint(1, 4)):
        c.send(f'PRIVMSG {R.choice(chans)} :{sentence()}'); c.pump(R.uniform(0.2, 0.8))
    if R.random() < 0.5:
        c.send(f'NICK {nick()}'); c.pump(0.4)
    if R.random() < 0.4:
        c.send(f'AWAY :{sentence()}', f'PART {chans[0]} :{sentence()}'); c.pump(0.4)
    if R.random() < 0.7: c.quit()
    else: c.close()


def sc_collision():
    a = C(port=S1)
    if not a.ok: return a.close()
    b = C(port=R.choice([S1, S2]))
    b.send(f'NICK {a.nick}'); b.pump(0.5)
    d = C(a.nick, port=S2, wait=True)
    for x in (b, d):
        x.send(f'NICK {R.choice(["ChanServ", "NickServ", "1bad", "bad nick", "x" * 30, a.nick.upper()])}'); x.pump(0.4)
    for x in (a, b, d): x.quit() if R.random() < 0.6 else x.close()


def sc_oper_try():
    c = C()
    if not c.ok: return c.close()
    name, pw = R.choice([('root', 'wrong' + str(R.randint(1, 999))), ('root', 'root-10A'), ('helper', 'helpme'),
                         ('helper', 'helpyou'), ('nobody' + str(R.randint(1, 99)), 'x'), ('remote', 'farfaraway')])
    c.send(f'OPER {name} {pw}'); c.pump(0.8)
    c.send(R.choice(['KILL ' + nick() + ' :bye', 'REHASH', 'WALLOPS :' + sentence(), 'CHGHOST ' + c.nick + ' cool.host.test',
                     'GLOBOPS :' + sentence(), 'SAJOIN ' + c.nick + ' #help']))
    c.pump(0.6); c.quit()


def sc_flood():
    r = [x for x in RESIDENTS if not x.dead]
    chan = r[0].chans[0] if r else '#lobby'
    c = C()
    if not c.ok: return c.close()
    kind = R.choice(['msg', 'repeat', 'nick', 'excess'])
    if kind == 'msg':
        c.send(f'JOIN {chan}'); c.pump(0.3)
        c.send(*[f'PRIVMSG {chan} :{sentence()}' for _ in range(R.randint(8, 14))]); c.pump(2)
    elif kind == 'repeat' and r:
        ch = r[0].chans[1]; c.send(f'JOIN {ch}'); c.pump(0.3)
        line = sentence(); c.send(*[f'PRIVMSG {ch} :{line}' for _ in range(R.randint(4, 6))]); c.pump(2)
    elif kind == 'nick' and r:
        ch = r[0].chans[1]; c.send(f'JOIN {ch}'); c.pump(0.3)
        for _ in range(5): c.send(f'NICK {nick()}'); c.pump(0.3)
    else:
        c.raw(('PRIVMSG #lobby :' + 'A' * 400 + '\r\n').encode() * R.randint(20, 40)); c.pump(1)
    c.quit() if not c.dead else c.close()


def sc_timeout():
    kind = R.choice(['reg', 'ping', 'ping', 'nickonly'])
    def run():
        if kind == 'ping':
            c = C(src=ip(252, 255)) if R.random() < 0.5 else C()
            c.pump(60, pong=False) if c.ok else None
        else:
            c = C(reg=False)
            if kind == 'nickonly': c.send(f'NICK {nick()}')
            c.pump(25, pong=False)
        c.close()
    threading.Thread(target=run, daemon=True).start()


def sc_garbage():
    c = C(reg=R.random() < 0.5)
    kind = R.randint(0, 4)
    if kind == 0: c.raw(junk(R.randint(50, 400)) + b'\r\n')
    elif kind == 1: c.send('FOOBAR ' + sentence(), 'PRIVMSG', 'MODE', 'JOIN', 'KICK #x', 'SUMMON root', 'USERS')
    elif kind == 2: c.raw(b'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    elif kind == 3: c.raw(b'X' * R.randint(600, 3000) + b'\r\n')
    else: c.send('CAP LS 302', 'CAP REQ :multi-prefix bogus-cap', 'CAP END', f'USERHOST {nick()}', f'WHOIS {nick()}', 'LUSERS', 'STATS u', 'INFO')
    c.pump(1.0); c.close()


def sc_filter():
    c = C()
    if not c.ok: return c.close()
    ch = R.choice(CHANS[:3]); c.send(f'JOIN {ch}'); c.pump(0.3)
    word = R.choice(['qwerty', 'warnme', 'shhh', 'killmenow', 'buy cheap', 'qwerty', 'warnme'])
    tgt = R.choice([ch, ch, R.choice(RESIDENTS).nick if RESIDENTS else ch])
    c.send(f'PRIVMSG {tgt} :{sentence()} {word} {sentence()}'); c.pump(0.8)
    if word == 'shhh' and R.random() < 0.5: c.send(f'PART {ch} :shhh now'); c.pump(0.4)
    c.quit() if not c.dead else c.close()


def sc_xline():
    kind = R.choice(['kline', 'gline', 'zline', 'qline', 'shun', 'cban', 'eline', 'kill'])
    who = ip(200, 240); dur = R.choice(['20s', '30s', '45', '1m'])
    if kind == 'kline':
        OP.do(f'KLINE *@{who} {dur} :{sentence()}'); c = C(src=who); c.pump(0.5); c.close()
    elif kind == 'gline':
        OP.do(f'GLINE *@{who} {dur} :{sentence()}'); c = C(src=who); c.pump(0.5); c.close()
        if R.random() < 0.5: OP.do(f'GLINE *@{who}')
    elif kind == 'zline':
        OP.do(f'ZLINE {who} {dur} :{sentence()}'); c = C(src=who); c.pump(0.5); c.close()
    elif kind == 'qline':
        n = nick(); OP.do(f'QLINE {n} {dur} :{sentence()}'); c = C(n); c.pump(0.5); c.close()
        if R.random() < 0.5: OP.do(f'QLINE {n}')
    elif kind == 'shun':
        c = C(src=who)
        if c.ok:
            OP.do(f'SHUN {c.nick} {dur} :{sentence()}'); c.send('JOIN #lobby', 'PRIVMSG #lobby :hi'); c.pump(0.6); c.quit()
    elif kind == 'cban':
        ch = '#' + R.choice(['spam', 'bots', 'evil', 'junk']) + str(R.randint(1, 99))
        OP.do(f'CBAN {ch} {dur} :{sentence()}'); c = C()
        c.send(f'JOIN {ch}'); c.pump(0.5); c.quit()
    elif kind == 'eline':
        OP.do(f'ELINE *@{who} {dur} :{sentence()}', f'KLINE *@{who} {dur} :{sentence()}'); c = C(src=who); c.pump(0.4); c.quit()
    else:
        c = C()
        if c.ok: OP.do(f'KILL {c.nick} :{sentence()}'); c.pump(0.3)
        c.close()


def sc_channel():
    a = C()
    if not a.ok: return a.close()
    ch = '#' + R.choice(['room', 'team', 'club', 'den']) + str(R.randint(1, 999))
    a.send(f'JOIN {ch}'); a.pump(0.4)
    b = C(port=R.choice([S1, S2]))
    if b.ok:
        b.send(f'JOIN {ch}'); b.pump(0.4)
        act = R.choice(['kick', 'ban', 'key', 'limit', 'invite', 'moderated'])
        if act == 'kick':
            a.send(f'KICK {ch} {b.nick} :{sentence()}'); a.pump(0.3); b.send(f'JOIN {ch}'); b.pump(0.3)
        elif act == 'ban':
            a.send(f'MODE {ch} +b {b.nick}!*@*', f'KICK {ch} {b.nick} :banned'); a.pump(0.3); b.send(f'JOIN {ch}'); b.pump(0.3)
        elif act == 'key':
            a.send(f'MODE {ch} +k s{R.randint(100, 999)}', f'KICK {ch} {b.nick}'); a.pump(0.3); b.send(f'JOIN {ch} wrongkey'); b.pump(0.3)
        elif act == 'limit':
            a.send(f'MODE {ch} +l 2'); c = C(); c.send(f'JOIN {ch}'); c.pump(0.4); c.quit()
        elif act == 'invite':
            a.send(f'MODE {ch} +i'); c = C(); c.send(f'JOIN {ch}'); c.pump(0.3)
            a.send(f'INVITE {c.nick} {ch}'); a.pump(0.3); c.send(f'JOIN {ch}'); c.pump(0.3); c.quit()
        else:
            a.send(f'MODE {ch} +mv {a.nick}', f'MODE {ch} +o {b.nick}', f'MODE {ch} -o+v {b.nick} {b.nick}'); a.pump(0.3)
            b.send(f'PRIVMSG {ch} :{sentence()}', f'TOPIC {ch} :{sentence()}'); b.pump(0.3)
        b.quit() if R.random() < 0.7 else b.close()
    a.send(f'PART {ch}'); a.quit()


def sc_badconn():
    kind = R.choice(['deny', 'badip', 'badhost', 'lockedok', 'lockedbad', 'denychan'])
    if kind == 'deny': c = C(src='127.0.0.66'); c.pump(0.5); c.close()
    elif kind == 'badip': c = C(src='127.0.0.98'); c.pump(0.5); c.close()
    elif kind == 'badhost': c = C(src='127.0.0.99'); c.pump(0.5); c.close()
    elif kind == 'lockedok': c = C(src='127.0.0.77', pw='letmein'); c.pump(0.3); c.quit()
    elif kind == 'lockedbad': c = C(src='127.0.0.77', pw=R.choice(['letmeout', 'guess', None])); c.pump(0.5); c.close()
    else:
        c = C(); c.send(f'JOIN #warez{R.randint(1, 99)}'); c.pump(0.4); c.quit()


def sc_reconnect():
    src = ip(192, 199)
    for _ in range(R.randint(6, 8)):
        c = C(src=src)
        if c.dead: break
        c.pump(0.2); c.quit('brb') if c.ok else c.close()


def sc_operwork():
    c = C(port=R.choice([S1, S2]))
    if not c.ok: return c.close()
    cmds = R.sample([f'SANICK {c.nick} {nick()}', f'SAJOIN {c.nick} {R.choice(CHANS)}', f'CHGHOST {c.nick} {R.choice(["a", "b", "vhost"])}.{R.randint(1, 99)}.test',
                     f'WALLOPS :{sentence()}', f'GLOBOPS :{sentence()}', f'SAMODE {R.choice(CHANS[:3])} +v {c.nick}', 'STATS k', 'STATS g',
                     f'MKPASSWD sha256 {sentence()}', 'LUSERS', f'MODE {R.choice(CHANS)} +b *!*@{ip(200, 240)}', f'KILL {c.nick} :{sentence()}'], R.randint(2, 4))
    OP.do(*cmds, t=1.0); c.pump(0.5); c.quit() if not c.dead else c.close()


def sc_http():
    path = R.choice(['/stats', '/stats?foo', '/', '/nothing' + str(R.randint(1, 99)), '/stats/users'])
    s = socket.socket(); s.bind((ip(), 0)); s.settimeout(3)
    try:
        s.connect(('127.0.0.1', HTTP))
        if R.random() < 0.2: s.sendall(junk(40) + b'\r\n\r\n')
        else: s.sendall(f'{R.choice(["GET", "GET", "POST", "BREW"])} {path} HTTP/1.{R.randint(0, 1)}\r\nHost: 127.0.0.1\r\n\r\n'.encode())
        while s.recv(65536): pass
    except OSError: pass
    s.close()


def sc_sendq():
    c = C(src=ip(252, 255))
    if not c.ok: return c.close()
    c.send(*(['MOTD', 'ADMIN', 'INFO'] * R.randint(3, 6)))
    time.sleep(3); c.close()


def sc_burst():
    """Many quick connections from many addresses: the connection throttle."""
    cs = []
    for _ in range(R.randint(13, 15)):
        cs.append(C(src=ip(128, 191), wait=False)); time.sleep(0.03)
    time.sleep(1.0)
    for c in cs: c.pump(0.05); c.close()


SCEN = [(sc_chatter, 5), (sc_collision, 2), (sc_oper_try, 3), (sc_flood, 2), (sc_timeout, 1), (sc_garbage, 2),
        (sc_filter, 2), (sc_xline, 3), (sc_channel, 3), (sc_badconn, 3), (sc_operwork, 2), (sc_http, 1), (sc_sendq, 1),
        (sc_reconnect, 1)]


# ---------------------------------------------------------------- scheduled events
def ev_rehash(): OP.do('REHASH', t=2)
def ev_sighup(): p = pidof('s1'); p and os.kill(p, signal.SIGHUP); time.sleep(1)
def ev_split():
    p = pidof('s2')
    if p: os.kill(p, signal.SIGKILL)
    time.sleep(R.uniform(4, 8)); start_s2()
def ev_squit(): OP.do('SQUIT hub2.r10.test :' + sentence(), t=2); time.sleep(3); OP.do('CONNECT hub2.r10.test', t=3)


def ev_badlinks():
    OP.do('CONNECT ghost.r10.test', t=2); OP.do('CONNECT nosuch.r10.test', t=1)
    # fake.r10.test: answers the link with a wrong password; then raw junk at the server port
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind(('127.0.0.1', 20679)); srv.listen(1)
    OP.do('CONNECT fake.r10.test', t=0.2)
    srv.settimeout(5)
    try:
        cn, _ = srv.accept(); cn.settimeout(3); cn.recv(65536)
        cn.sendall(b'CAPAB START 1205\r\nCAPAB END\r\nSERVER fake.r10.test wrongpass 0 99F :fake server\r\n'); time.sleep(1); cn.close()
    except OSError: pass
    srv.close()
    for data in [b'SERVER evil.r10.test nopass 0 66E :evil\r\n', junk(64) + b'\r\n', b'CAPAB START 1205\r\nCAPAB END\r\nSERVER irc.r10.test linkpw 0 10A :dupe\r\n']:
        s = socket.socket(); s.bind((ip(), 0)); s.settimeout(3)
        try:
            s.connect(('127.0.0.1', 20668)); s.sendall(data); time.sleep(1); s.recv(65536)
        except OSError: pass
        s.close()


def ev_broken_config():
    p = f'{args.dir}/s1/inspircd.conf'; good = open(p).read()
    open(p, 'w').write(good + '\n<module name="nosuchmodule">\n<connect allow="*" port="x"\n')
    OP.do('REHASH', t=2)
    open(p, 'w').write(good); time.sleep(1); OP.do('REHASH', t=2)


def ev_modules():
    m = R.sample(['botmode', 'userip', 'knock', 'silence', 'nosuch'], 3)
    OP.do(*[f'LOADMODULE m_{x}' for x in m], t=1.5)
    OP.do(f'RELOADMODULE m_{m[0]}', f'UNLOADMODULE m_{m[1]}', 'UNLOADMODULE m_spanningtree_x', 'LOADMODULE m_sha256', t=2)


def ev_restart():
    OP.do('RESTART hub9.r10.test', t=1); OP.do('RESTART irc.r10.test', t=1)
    time.sleep(6); OP.c = None; RESIDENTS.clear()


def ev_permchan():
    OP.do('JOIN #permanent', 'MODE #permanent +P', f'TOPIC #permanent :{sentence()}', 'PART #permanent', t=1)


def ev_idle():
    """A registered client that stops answering PINGs (ping timeout in the background)."""
    def run():
        c = C(src=R.choice([ip(), ip(252, 255)]))
        if c.ok: c.send(f'JOIN {R.choice(CHANS[:3])}'); c.pump(70, pong=False)
        c.close()
    threading.Thread(target=run, daemon=True).start()


EVENTS = [(0.04, ev_idle), (0.08, ev_permchan), (0.12, ev_rehash), (0.20, ev_split), (0.28, ev_sighup), (0.31, sc_burst), (0.34, ev_badlinks),
          (0.40, ev_idle), (0.42, ev_broken_config), (0.48, ev_squit), (0.54, ev_modules), (0.62, ev_restart), (0.80, ev_split)]


DECK = []
DECK_LOCK = threading.Lock()


def worker(end):
    while time.time() < end:
        with DECK_LOCK:
            if not DECK:
                DECK.extend(f for f, w in SCEN for _ in range(w)); R.shuffle(DECK)
            fn = DECK.pop()
        try: fn()
        except Exception as e: print('scenario', fn.__name__, e)
        time.sleep(R.uniform(0.2, 1.5))


def main():
    t0 = time.time(); end = t0 + args.duration
    OP.ensure(); residents()
    events = list(EVENTS)
    workers = [threading.Thread(target=worker, args=(end,), daemon=True) for _ in range(args.workers)]
    for w in workers: w.start(); time.sleep(0.7)
    while time.time() < end:
        frac = (time.time() - t0) / args.duration
        if events and frac >= events[0][0]:
            _, ev = events.pop(0)
            try: ev()
            except Exception as e: print('event', ev.__name__, e)
            continue
        try: residents(); keep_alive()
        except Exception as e: print('residents', e)
        if R.random() < 0.4 and RESIDENTS:
            r = R.choice(RESIDENTS); r.send(f'PRIVMSG {R.choice(r.chans)} :{sentence()}')
        time.sleep(R.uniform(0.5, 2.0))
    for w in workers: w.join(20)
    for r in RESIDENTS: r.quit('Leaving for today')
    OP.do('DIE irc.r10.tset', t=1)
    OP.do('DIE irc.r10.test', t=2)


main()
