"""Randomised JSON-RPC traffic against a Hardhat node (no logging of its own)."""
import json, random, sys, time, urllib.request

URL = "http://127.0.0.1:%s/" % sys.argv[1]
COUNT = int(sys.argv[2])
rnd = random.Random(int(sys.argv[3]))
ID = [0]

def rpc(method, params=None, raw=None):
    ID[0] += 1
    body = raw if raw is not None else json.dumps({"jsonrpc": "2.0", "id": ID[0], "method": method, "params": params or []}).encode()
    req = urllib.request.Request(URL, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read()).get("result")
    except Exception:
        return None

# --- hand-assembled contracts (no compiler here) ---
OPS = {"STOP": 0, "EQ": 0x14, "CALLDATALOAD": 0x35, "CODECOPY": 0x39, "POP": 0x50, "MSTORE": 0x52, "SLOAD": 0x54,
       "SSTORE": 0x55, "JUMPI": 0x57, "GAS": 0x5a, "JUMPDEST": 0x5b, "DUP1": 0x80, "LOG1": 0xa1, "RETURN": 0xf3,
       "STATICCALL": 0xfa, "REVERT": 0xfd, "INVALID": 0xfe, "CALLVALUE": 0x34, "CALLER": 0x33}

def asm(prog):
    out, labels, fix = bytearray(), {}, []
    for op in prog:
        if isinstance(op, str):
            out.append(OPS[op])
        elif op[0] == "LABEL":
            labels[op[1]] = len(out)
        elif op[0] == "PUSHL":
            out += bytes([0x61, 0, 0]); fix.append((len(out) - 2, op[1]))
        else:  # ("PUSH", bytes)
            data = op[1]
            out.append(0x5f + len(data)); out += data
    for pos, name in fix:
        out[pos:pos + 2] = labels[name].to_bytes(2, "big")
    return bytes(out)

def abi_string_call(selector, text):
    t = text.encode()
    data = bytes.fromhex(selector) + (32).to_bytes(32, "big") + len(t).to_bytes(32, "big") + t.ljust(32, b"\0")
    return data

def mstore_blob(blob):
    blob = blob.ljust((len(blob) + 31) // 32 * 32, b"\0")
    prog = []
    for i in range(0, len(blob), 32):
        prog += [("PUSH", blob[i:i + 32]), ("PUSH", bytes([i])), "MSTORE"]
    return prog

def runtime(reason, message):
    err = abi_string_call("08c379a0", reason)
    log = abi_string_call("41304fac", message)
    console = bytes.fromhex("000000000000000000636f6e736f6c652e6c6f67")
    return asm([
        ("PUSH", b"\0"), "CALLDATALOAD",
        "DUP1", ("PUSH", b"\1"), "EQ", ("PUSHL", "rr"), "JUMPI",
        "DUP1", ("PUSH", b"\2"), "EQ", ("PUSHL", "pr"), "JUMPI",
        "DUP1", ("PUSH", b"\3"), "EQ", ("PUSHL", "cl"), "JUMPI",
        "DUP1", ("PUSH", b"\4"), "EQ", ("PUSHL", "inv"), "JUMPI",
        "DUP1", ("PUSH", b"\0"), "SSTORE",
        ("PUSH", b"\0"), "SLOAD", ("PUSH", b"\0"), "MSTORE", ("PUSH", b"\x20"), ("PUSH", b"\0"), "RETURN",
        ("LABEL", "rr"), "JUMPDEST", *mstore_blob(err), ("PUSH", bytes([len(err)])), ("PUSH", b"\0"), "REVERT",
        ("LABEL", "pr"), "JUMPDEST", ("PUSH", b"\0"), ("PUSH", b"\0"), "REVERT",
        ("LABEL", "cl"), "JUMPDEST", *mstore_blob(log), ("PUSH", b"\0"), ("PUSH", b"\0"), ("PUSH", bytes([len(log)])),
        ("PUSH", b"\0"), ("PUSH", console), "GAS", "STATICCALL", "POP", "STOP",
        ("LABEL", "inv"), "JUMPDEST", "INVALID",
    ])

def initcode(code, fail=False):
    if fail:
        return asm([("PUSH", b"\0"), ("PUSH", b"\0"), "REVERT"])
    n = len(code).to_bytes(2, "big")
    head_len = 3 + 3 + 2 + 1 + 3 + 2 + 1  # PUSH2 n, PUSH2 off, PUSH1 0, CODECOPY, PUSH2 n, PUSH1 0, RETURN
    return asm([("PUSH", n), ("PUSH", head_len.to_bytes(2, "big")), ("PUSH", b"\0"), "CODECOPY",
                ("PUSH", n), ("PUSH", b"\0"), "RETURN"]) + code

def word(v):
    return "0x" + v.to_bytes(32, "big").hex()

accounts = rpc("eth_accounts") or []
if not accounts:
    sys.exit(0)
REASONS = ["insufficient balance", "not owner", "paused", "bad input"]
MSGS = ["hello from the contract", "value stored", "checkpoint reached", "loop iteration done"]
contracts = []

def deploy(fail=False):
    code = initcode(runtime(rnd.choice(REASONS), rnd.choice(MSGS)), fail)
    h = rpc("eth_sendTransaction", [{"from": rnd.choice(accounts[:3]), "data": "0x" + code.hex(), "gas": hex(300000)}])
    if h:
        rc = rpc("eth_getTransactionReceipt", [h])
        if rc and rc.get("contractAddress"):
            contracts.append(rc["contractAddress"])

for _ in range(3):
    deploy()

STRANGER = "0x" + "%040x" % 0xdeadbeef
def tx_params(kind):
    frm = rnd.choice(accounts)
    if kind == "transfer":
        return {"from": frm, "to": rnd.choice(accounts + [STRANGER]), "value": hex(rnd.randint(1, 10**18))}
    c = rnd.choice(contracts)
    sel = rnd.choices([0, 1, 2, 3, 4], weights=[6, 2, 1, 3, 1])[0]
    arg = rnd.randint(5, 10**6) if sel == 0 else sel
    return {"from": frm, "to": c, "data": word(arg), "gas": hex(200000)}

def act():
    k = rnd.choices(
        ["transfer", "call_tx", "eth_call", "estimate", "reads", "mine", "hh_mine", "snapshot", "time", "balance",
         "impersonate", "badparams", "unknown_sender", "nonce", "notsupported", "deploy", "deployfail", "automine",
         "sign", "trace", "filters", "lowgas", "rawbad", "eip155"],
        weights=[10, 9, 7, 3, 12, 3, 2, 2, 2, 2, 1, 2, 2, 1, 2, 1, 1, 1, 2, 1, 2, 1, 1, 1])[0]
    if k == "transfer": rpc("eth_sendTransaction", [tx_params("transfer")])
    elif k == "call_tx": rpc("eth_sendTransaction", [tx_params("call")])
    elif k == "eth_call":
        p = tx_params("call"); p.pop("gas")
        rpc("eth_call", [p, "latest"])
    elif k == "estimate":
        p = tx_params(rnd.choice(["call", "transfer"])); p.pop("gas", None)
        rpc("eth_estimateGas", [p])
    elif k == "reads":
        for _ in range(rnd.randint(1, 4)):
            m = rnd.choice(["eth_blockNumber", "eth_chainId", "net_version", "web3_clientVersion", "eth_gasPrice",
                            "eth_getBalance", "eth_getBlockByNumber", "eth_getTransactionCount", "eth_getCode",
                            "eth_feeHistory", "eth_maxPriorityFeePerGas", "net_listening", "eth_syncing", "eth_mining"])
            params = {"eth_getBalance": [rnd.choice(accounts), "latest"], "eth_getBlockByNumber": ["latest", rnd.random() < 0.5],
                      "eth_getTransactionCount": [rnd.choice(accounts), "latest"],
                      "eth_getCode": [rnd.choice(contracts or accounts), "latest"], "eth_feeHistory": ["0x4", "latest", [25, 75]]}.get(m, [])
            rpc(m, params)
    elif k == "mine": rpc("evm_mine", [] if rnd.random() < 0.7 else [int(time.time()) + rnd.randint(100, 10**5)])
    elif k == "hh_mine": rpc("hardhat_mine", [hex(rnd.randint(1, 300))])
    elif k == "snapshot":
        s = rpc("evm_snapshot")
        rpc("eth_sendTransaction", [tx_params("transfer")])
        rpc("evm_revert", [s if rnd.random() < 0.8 else "0x999"])
    elif k == "time": rpc(rnd.choice(["evm_increaseTime", "evm_setNextBlockTimestamp"]), [rnd.randint(1, 10**6) + (int(time.time()) + 10**7 if rnd.random() < 0.3 else 0)])
    elif k == "balance": rpc("hardhat_setBalance", [rnd.choice(accounts + [STRANGER]), hex(rnd.randint(0, 10**20))])
    elif k == "impersonate":
        rpc("hardhat_impersonateAccount", [STRANGER])
        rpc("hardhat_setBalance", [STRANGER, hex(10**19)])
        rpc("eth_sendTransaction", [{"from": STRANGER, "to": rnd.choice(accounts), "value": hex(rnd.randint(1, 10**15))}])
        rpc("hardhat_stopImpersonatingAccount", [STRANGER])
    elif k == "badparams":
        m, p = rnd.choice([("eth_getBalance", ["nothex"]), ("eth_getBlockByNumber", [123]), ("eth_sendTransaction", [{"from": "0x12"}]),
                           ("eth_call", []), ("evm_mine", ["soon"]), ("hardhat_mine", ["zz"]), ("eth_getTransactionReceipt", ["0x1234"])])
        rpc(m, p)
    elif k == "unknown_sender": rpc("eth_sendTransaction", [{"from": "0x" + "%040x" % rnd.randint(1, 10**9), "to": rnd.choice(accounts), "value": "0x1"}])
    elif k == "nonce":
        p = tx_params("transfer"); p["nonce"] = hex(rnd.choice([0, 1]))
        rpc("eth_sendTransaction", [p])
    elif k == "notsupported": rpc(rnd.choice(["eth_foo", "eth_getWork", "eth_submitHashrate", "parity_pendingTransactions", "txpool_content", "eth_compileSolidity"]))
    elif k == "deploy": deploy()
    elif k == "deployfail": deploy(fail=True)
    elif k == "automine":
        rpc("evm_setAutomine", [False])
        for _ in range(rnd.randint(1, 4)):
            rpc("eth_sendTransaction", [tx_params(rnd.choice(["transfer", "call"]))])
        if rnd.random() < 0.5:
            rpc("evm_mine")
            rpc("evm_setAutomine", [True])
        else:
            rpc("evm_setAutomine", [True])
            rpc("eth_sendTransaction", [tx_params("transfer")])
    elif k == "sign":
        m = rnd.choice(["personal_sign", "eth_sign", "eth_signTypedData_v4"])
        a = rnd.choice(accounts)
        if m == "personal_sign": rpc(m, ["0x68656c6c6f", a])
        elif m == "eth_sign": rpc(m, [a, "0x68656c6c6f"])
        else: rpc(m, [a, json.dumps({"types": {"EIP712Domain": [{"name": "name", "type": "string"}]}, "primaryType": "EIP712Domain", "domain": {"name": "x"}, "message": {}})])
    elif k == "trace":
        b = rpc("eth_getBlockByNumber", ["latest", False])
        if b and b.get("transactions"):
            rpc("debug_traceTransaction", [b["transactions"][0], {"disableStorage": True, "disableMemory": True, "disableStack": True}])
    elif k == "filters":
        f = rpc(rnd.choice(["eth_newBlockFilter", "eth_newPendingTransactionFilter"]))
        rpc("eth_getFilterChanges", [f or "0x1"])
        rpc("eth_uninstallFilter", [f or "0x1"])
        rpc("eth_getLogs", [{"fromBlock": "0x0", "toBlock": "latest"}])
    elif k == "lowgas":
        p = tx_params("transfer"); p["gas"] = hex(rnd.choice([1000, 20000]))
        rpc("eth_sendTransaction", [p])
    elif k == "rawbad": rpc("eth_sendRawTransaction", ["0x" + rnd.choice(["f86c", "02f8", "deadbeef", "00"])])
    elif k == "eip155":
        p = tx_params("transfer"); p["chainId"] = "0x1"
        rpc("eth_sendTransaction", [p])

for i in range(COUNT):
    act()
    if rnd.random() < 0.1:
        rpc(None, raw=rnd.choice([b"{not json", b'{"jsonrpc":"2.0","id":1}', b"[]"]))
