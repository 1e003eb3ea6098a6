#!/usr/bin/env python3
"""Randomised Modbus client session against server.py (pymodbus clients + raw sockets)."""
import random, socket, struct, sys, time
from pymodbus.client import ModbusTcpClient, ModbusUdpClient
from pymodbus import FramerType
from pymodbus.exceptions import ModbusException

BASE, N = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random()

def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return struct.pack("<H", crc)

def lrc(data):
    return (-sum(data)) & 0xFF

def raw_tcp(port, payload, wait=0.2, rst=False):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        for chunk in payload:
            s.sendall(chunk)
            time.sleep(0.05)
        time.sleep(wait)
        try:
            s.recv(4096)
        except OSError:
            pass
        if rst:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    except OSError:
        pass

def pymodbus_ops(client, dev):
    ops = []
    for _ in range(rnd.randint(1, 6)):
        op = rnd.choice(["rhr", "rir", "whr", "wmr", "rco", "wco", "rdi", "bad_addr", "busy", "rhr", "whr"] + (["fail"] if rnd.random() < 0.1 else []) + ["busy", "diag", "devid", "rwr", "mask"])
        addr = rnd.randint(0, 900)
        try:
            if op == "rhr":
                client.read_holding_registers(addr, count=rnd.randint(1, 20), device_id=dev)
            elif op == "rir":
                client.read_input_registers(addr, count=rnd.randint(1, 10), device_id=dev)
            elif op == "whr":
                client.write_register(addr, rnd.randint(0, 65535), device_id=dev)
            elif op == "wmr":
                client.write_registers(addr, [rnd.randint(0, 65535) for _ in range(rnd.randint(1, 8))], device_id=dev)
            elif op == "rco":
                client.read_coils(addr, count=rnd.randint(1, 16), device_id=dev)
            elif op == "wco":
                client.write_coil(addr, rnd.choice([True, False]), device_id=dev)
            elif op == "rdi":
                client.read_discrete_inputs(addr, count=rnd.randint(1, 16), device_id=dev)
            elif op == "bad_addr":
                client.read_holding_registers(rnd.randint(5000, 65000), count=3, device_id=dev)
            elif op == "fail":
                client.read_holding_registers(666, count=2, device_id=dev)
            elif op == "busy":
                client.write_register(777, 1, device_id=dev)
            elif op == "diag":
                client.diag_read_diagnostic_register(device_id=dev)
            elif op == "devid":
                client.read_device_information(device_id=dev)
            elif op == "rwr":
                client.readwrite_registers(read_address=addr, read_count=4, write_address=addr + 1,
                                           values=[1, 2, 3], device_id=dev)
            elif op == "mask":
                client.mask_write_register(address=addr, and_mask=0xF0F0, or_mask=0x0101, device_id=dev)
        except (ModbusException, OSError, ValueError, AttributeError, TypeError):
            pass

def session_client(port, framer):
    c = ModbusTcpClient("127.0.0.1", port=port, framer=framer, timeout=0.6, retries=0)
    if not c.connect():
        return
    dev = rnd.choice([1, 1, 2, 3, 2, 3, 1, 0, 0] + ([9] if rnd.random() < 0.15 else [])) if framer != FramerType.SOCKET else rnd.choice([1, 2, 3, 1, 2, 3] + ([42] if rnd.random() < 0.15 else []))
    if framer == FramerType.ASCII and dev == 0:
        try:
            c.write_register(rnd.randint(0, 100), 5, device_id=0, no_response_expected=True)
        except Exception:
            pass
        dev = 1
    pymodbus_ops(c, dev)
    c.close()

def session_udp():
    c = ModbusUdpClient("127.0.0.1", port=BASE + 3, timeout=0.6, retries=0)
    if not c.connect():
        return
    pymodbus_ops(c, rnd.choice([1, 2, 3, 2, 1] + ([17] if rnd.random() < 0.1 else [])))
    c.close()

def mbap(tid, pid, dev, pdu):
    return struct.pack(">HHHB", tid, pid, len(pdu) + 1, dev) + pdu

def garbage():
    kind = rnd.choice(["rand", "badpid", "short", "split", "unknownfc", "rtu_crc", "rtu_garbage",
                       "ascii_lrc", "ascii_hex", "ascii_nostart", "ascii_partial", "rst", "udp_garbage",
                       "rtu_short", "badpdu", "empty", "rst_full", "udp_vanish"])
    tid = rnd.randint(1, 65000)
    if kind == "rand":
        raw_tcp(BASE, [bytes(rnd.randrange(256) for _ in range(rnd.randint(8, 40)))])
    elif kind == "badpid":
        raw_tcp(BASE, [mbap(tid, rnd.randint(1, 9999), 1, b"\x03\x00\x00\x00\x02")])
    elif kind == "short":
        raw_tcp(BASE, [b"\x00\x01\x00"])
    elif kind == "split":
        f = mbap(tid, 0, 1, b"\x03\x00\x10\x00\x04")
        cut = rnd.randint(2, len(f) - 2)
        raw_tcp(BASE, [f[:cut], f[cut:]])
    elif kind == "unknownfc":
        raw_tcp(BASE, [mbap(tid, 0, 1, bytes([rnd.choice([0x09, 0x0A, 0x1C, 0x41, 0x64, 0x7F]), 0, 1, 0, 1]))])
    elif kind == "badpdu":
        raw_tcp(BASE, [mbap(tid, 0, 1, b"\x10\x00\x01")])
    elif kind == "rtu_crc":
        f = bytes([1, 3, 0, rnd.randint(0, 200), 0, 2])
        raw_tcp(BASE + 1, [f + b"\xde\xad"])
    elif kind == "rtu_garbage":
        raw_tcp(BASE + 1, [bytes(rnd.randrange(256) for _ in range(rnd.randint(3, 30)))])
    elif kind == "rtu_short":
        f = bytes([1, 3, 0, 5, 0, 2]); f += crc16(f)
        raw_tcp(BASE + 1, [f[:3], f[3:]])
    elif kind == "ascii_lrc":
        raw_tcp(BASE + 2, [b":010300000002FF\r\n"])
    elif kind == "ascii_hex":
        raw_tcp(BASE + 2, [b":01ZZ0000QQ02F0\r\n"])
    elif kind == "ascii_nostart":
        raw_tcp(BASE + 2, [b"hello modbus\r\n"])
    elif kind == "ascii_partial":
        body = bytes([1, 3, 0, 1, 0, 2]); msg = b":" + body.hex().upper().encode() + b"%02X" % lrc(body)
        raw_tcp(BASE + 2, [msg, b"\r\n"])
    elif kind == "rst":
        raw_tcp(rnd.choice([BASE, BASE + 1, BASE + 2]), [mbap(tid, 0, 1, b"\x03\x00\x00")], wait=0, rst=True)
    elif kind == "udp_garbage":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.sendto(rnd.choice([bytes(rnd.randrange(256) for _ in range(12)), mbap(tid, 7, 1, b"\x03\x00\x00\x00\x01"),
                             mbap(tid, 0, 1, b"\x04\x00\x00\x00\x02")]), ("127.0.0.1", BASE + 3))
        s.settimeout(0.3)
        try:
            s.recv(512)
        except OSError:
            pass
        s.close()
    elif kind == "rst_full":
        raw_tcp(BASE, [mbap(tid, 0, 1, b"\x03\x00\x10\x00\x7d")], wait=0, rst=True)
    elif kind == "udp_vanish":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.sendto(mbap(tid, 0, rnd.choice([1, 2, 3]), b"\x03\x00\x00\x00\x7d"), ("127.0.0.1", BASE + 3))
        s.close()
    elif kind == "empty":
        raw_tcp(rnd.choice([BASE, BASE + 1, BASE + 2]), [], wait=0.05)

for _ in range(N):
    r = rnd.random()
    if r < 0.3:
        session_client(BASE, FramerType.SOCKET)
    elif r < 0.45:
        session_client(BASE + 1, FramerType.RTU)
    elif r < 0.6:
        session_client(BASE + 2, FramerType.ASCII)
    elif r < 0.7:
        session_udp()
    else:
        garbage()
