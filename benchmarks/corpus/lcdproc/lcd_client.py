#!/usr/bin/env python3
"""Randomised LCDproc protocol client.  usage: lcd_client.py PORT ROLE SECONDS"""
import random, socket, sys, threading, time
port, role, secs = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
R = random.Random()
try:
    s = socket.create_connection(('127.0.0.1', port), timeout=5)
except OSError:
    sys.exit(0)
def reader():
    try:
        while s.recv(4096): pass
    except OSError: pass
threading.Thread(target=reader, daemon=True).start()
def send(line, pause=0.04):
    try: s.sendall((line + '\n').encode())
    except OSError: sys.exit(0)
    time.sleep(pause)
name = f'{role}{R.randint(1, 999)}'
pick = R.choice

def hello():
    send('hello' if R.random() < 0.9 else 'hello there')
    send(f'client_set -name {name}')

def screen_role():
    hello()
    scr = [f's{i}' for i in range(R.randint(1, 3))]
    for sid in scr:
        send(f'screen_add {sid}')
        send(f'screen_set {sid} -name "{name} {sid}" -priority {pick(["foreground","info","background","alert","input"])} -duration {R.randint(8, 32)}'
             + (f' -heartbeat {pick(["on","off","open"])}' if R.random() < .5 else '')
             + (f' -backlight {pick(["on","off","toggle","blink","flash","open"])}' if R.random() < .5 else ''))
        if R.random() < 0.3: send(f'screen_set {sid} -timeout {R.randint(8, 40)}')
        if R.random() < 0.2: send(f'screen_set {sid} -cursor {pick(["on","off","under","block"])} -cursor_x {R.randint(1,20)} -cursor_y {R.randint(1,4)}')
        send(f'widget_add {sid} t title'); send(f'widget_set {sid} t "{name}"')
        send(f'widget_add {sid} l1 string'); send(f'widget_add {sid} b1 hbar')
        if R.random() < .5: send(f'widget_add {sid} v1 vbar'); send(f'widget_set {sid} v1 {R.randint(1,20)} 4 {R.randint(0,30)}')
        if R.random() < .5: send(f'widget_add {sid} i1 icon'); send(f'widget_set {sid} i1 20 1 {pick(["HEART_FILLED","ARROW_UP","CHECKBOX_ON","ELLIPSIS"])}')
        if R.random() < .4:
            send(f'widget_add {sid} sc scroller'); send(f'widget_set {sid} sc 1 3 20 3 {pick("hmv")} {R.randint(1,8)} "scrolling text for {name}"')
        if R.random() < .3:
            send(f'widget_add {sid} fr frame'); send(f'widget_add {sid} fs string -in fr')
            send(f'widget_set {sid} fr 1 2 20 4 20 6 v 8'); send(f'widget_set {sid} fs 1 1 "in a frame"')
        if R.random() < .3: send(f'widget_add {sid} n1 num'); send(f'widget_set {sid} n1 {R.randint(1,17)} {R.randint(0,10)}')
    if R.random() < .6:
        keys = R.sample(['a', 'b', 'x', 'Up', 'Down', 'Left', 'Right', 'Enter'], R.randint(1, 3))
        send(f'client_add_key {pick(["", "-shared ", "-exclusively "])}{" ".join(keys)}')
    if R.random() < .3: send(f'backlight {pick(["on","off","toggle","blink","flash"])}')
    t0 = time.time()
    while time.time() - t0 < secs:
        sid = pick(scr)
        send(f'widget_set {sid} l1 1 2 "{pick(["load","temp","mem","net"])} {R.randint(0,100)}%"', 0)
        send(f'widget_set {sid} b1 1 3 {R.randint(0,100)}', 0)
        if R.random() < .05: send('noop')
        time.sleep(R.uniform(0.2, 0.8))
    if R.random() < .4: send(f'widget_del {scr[0]} b1')
    if R.random() < .5: send('client_del_key zz')
    if R.random() < .5:
        for sid in scr: send(f'screen_del {sid}')
    if R.random() < .7: send('bye')

def menu_role():
    hello()
    m = name
    send(f'menu_add_item "" {m} menu "{name}"')
    send(f'menu_add_item {m} act action "Do it"')
    send(f'menu_add_item {m} chk checkbox "Flag" -value {pick(["on","off","gray"])} -allow_gray {pick(["true","false"])}')
    send(f'menu_add_item {m} rng ring "Mode" -strings "fast\tslow\toff"')
    send(f'menu_add_item {m} sld slider "Level" -mintext lo -maxtext hi -minvalue 0 -maxvalue 50 -stepsize 5')
    send(f'menu_add_item {m} num numeric "Count" -minvalue 0 -maxvalue 99 -value {R.randint(0,99)}')
    send(f'menu_add_item {m} alp alpha "Name" -value abc -maxlength 8')
    send(f'menu_add_item {m} ipa ip "Addr" -v6 false -value {pick(["192.168.1.20","10.0.0.1","999.1.2.3","localhost"])}')
    if R.random() < .5: send(f'menu_set_item {m} num -value {R.randint(0,99)}')
    if R.random() < .5: send(f'menu_set_item {m} ipa -value {pick(["10.1.1.1","300.2.2.2"])}')
    if R.random() < .5: send(f'menu_goto {m}')
    if R.random() < .3: send(f'menu_set_main {m}')
    if R.random() < .3: send(f'menu_set_main ""')
    t0 = time.time()
    while time.time() - t0 < secs:
        time.sleep(0.5)
    if R.random() < .4: send(f'menu_del_item {m} act')
    if R.random() < .5: send('bye')

BAD = [
    lambda: 'frobnicate now', lambda: 'screen_addd x', lambda: 'HELLO', lambda: 'widget_set',
    lambda: 'screen_add', lambda: 'screen_add s0', lambda: 'screen_set', lambda: 'screen_set s0',
    lambda: 'screen_set nosuch -priority alert', lambda: 'screen_set s0 -priority', lambda: 'screen_set s0 -priority superhigh',
    lambda: 'screen_set s0 -duration', lambda: 'screen_set s0 -heartbeat', lambda: 'screen_set s0 -wid', lambda: 'screen_set s0 -hgt',
    lambda: 'screen_set s0 -timeout', lambda: 'screen_set s0 -backlight', lambda: 'screen_set s0 -backlight purple',
    lambda: 'screen_set s0 -cursor', lambda: 'screen_set s0 -cursor_x 99', lambda: 'screen_set s0 -cursor_y', lambda: 'screen_set s0 -name',
    lambda: 'screen_set s0 -colour red', lambda: 'screen_del', lambda: 'screen_del s0 extra',
    lambda: 'widget_add s0', lambda: 'widget_add nosuch w string', lambda: 'widget_add s0 w sparkle', lambda: 'widget_add s0 w string -in',
    lambda: 'widget_add s0 w string -in noframe', lambda: 'widget_del s0', lambda: 'widget_del s0 nowidget',
    lambda: 'widget_set s0 nowidget 1 1 x', lambda: 'widget_set s0 w 1', lambda: 'widget_set s0 w 0 0 "x"',
    lambda: 'widget_set s0 ic 1 1 NO_SUCH_ICON', lambda: 'widget_set s0 sc 1 1 20 1 z 1 "t"', lambda: 'widget_set s0 nm 1 99',
    lambda: 'client_set', lambda: 'client_set -colour blue', lambda: 'client_add_key', lambda: 'client_add_key -sometimes a',
    lambda: 'client_add_key Escape', lambda: 'client_del_key', lambda: 'backlight', lambda: 'backlight purple',
    lambda: 'output', lambda: 'output maybe', lambda: 'output 99999999999999999999', lambda: 'sleep 2', lambda: 'info extra',
    lambda: 'menu_add_item', lambda: 'menu_add_item nomenu x action "X"', lambda: 'menu_add_item "" dup menu "D"',
    lambda: 'menu_add_item dup x teleport "X"', lambda: 'menu_del_item',
    lambda: 'menu_set_item', lambda: 'menu_set_item dup nothing -value 1', lambda: 'menu_set_item dup nm stray',
    lambda: 'menu_set_item dup nm -bogus 1', lambda: 'menu_set_item dup nm -value', lambda: 'menu_set_item dup nm -maxvalue x',
    lambda: 'menu_set_item dup nm -value 500', lambda: 'menu_set_item dup nm -text',
    lambda: 'menu_goto', lambda: 'menu_goto dup nosuchpred', lambda: 'menu_set_main',
    lambda: 'widget_set s0 w "unterminated', lambda: 'test_func alpha beta',
    lambda: ''.join(R.choice('abcdefghijklmnopqrstuvwxyz0123456789 -_{}[]()') for _ in range(R.randint(3, 30))),
]
def bad_role():
    if R.random() < .4:
        send(pick(['screen_add s0', 'widget_add s0 w string', 'menu_add_item "" x action X', 'client_add_key a']))
    hello()
    send('screen_add s0'); send('widget_add s0 w string'); send('widget_add s0 ic icon'); send('widget_add s0 sc scroller')
    send('widget_add s0 nm num'); send('menu_add_item "" dup menu "D"'); send('menu_add_item dup nm numeric "N" -maxvalue 100')
    n = R.randint(6, 16)
    for _ in range(n):
        send(pick(BAD)(), R.uniform(0.02, 0.2))
    if R.random() < .5: send('bye')

def misc_role():
    hello()
    for _ in range(R.randint(2, 6)):
        send(pick(['info', 'noop', f'output {pick(["on","off",str(R.randint(0,255))])}', 'sleep 1',
                   f'backlight {pick(["on","off","toggle","blink","flash"])}']), R.uniform(0.1, 0.5))
    time.sleep(R.uniform(0, secs))
    if R.random() < .5: send('bye')

{'screen': screen_role, 'menu': menu_role, 'bad': bad_role, 'misc': misc_role}[role]()
time.sleep(0.3)
s.close()
