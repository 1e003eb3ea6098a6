#!/usr/bin/env python3
"""JSON-RPC client for the ganache workload: random good and bad calls and transactions."""
import json
import random
import sys
import urllib.request

URL = sys.argv[1]
N = int(sys.argv[2])
rng = random.Random(int(sys.argv[3]))
next_id = 0


def post(body, ctype="application/json"):
    req = urllib.request.Request(URL, data=body, headers={"content-type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read() or b"null")
    except Exception:
        return None


def rpc(method, params=None):
    global next_id
    next_id += 1
    msg = {"jsonrpc": "2.0", "id": next_id, "method": method}
    if params is not None:
        msg["params"] = params
    reply = post(json.dumps(msg).encode())
    return reply.get("result") if isinstance(reply, dict) else None


def asm_init(runtime):
    """init code that returns `runtime`"""
    n = len(runtime) // 2
    return "0x60%02x600c60003960%02x6000f3" % (n, n) + runtime


def revert_runtime(reason):
    r = reason.encode().hex()
    return ("7f08c379a0" + "00" * 28 + "600052" + "6020600452" + "60%02x602452" % len(reason)
            + "7f" + r + "00" * (32 - len(reason)) + "604452" + "60646000fd")


STORE = "600035600055600160015500"           # sstore(0, calldata[0]); sstore(1, 1)
INVALID = "fe"
REASONS = ["nope", "not owner", "paused", "bad amount", "too late"]

accounts = rpc("eth_accounts") or []
contracts = {"store": [], "revert": [], "invalid": []}
txs = []
snapshots = []


def acct():
    return rng.choice(accounts) if accounts else "0x" + "11" * 20


def send(tx):
    h = rpc("eth_sendTransaction", [tx])
    if h:
        txs.append(h)
    return h


def deploy(kind):
    code = {"store": STORE, "invalid": INVALID}.get(kind) or revert_runtime(rng.choice(REASONS))
    h = send({"from": acct(), "data": asm_init(code), "gas": hex(300000)})
    if h:
        r = rpc("eth_getTransactionReceipt", [h])
        if r and r.get("contractAddress"):
            contracts[kind].append(r["contractAddress"])


def op_value():
    v = rng.choice([1, 10**15, 10**18, 5 * 10**18, 10**30])
    send({"from": acct(), "to": acct(), "value": hex(v)})


def op_deploy():
    deploy(rng.choice(["store", "store", "revert", "invalid"]))


def op_bad_deploy():
    send({"from": acct(), "data": "0x" + revert_runtime(rng.choice(REASONS)), "gas": hex(200000)})


def op_call_contract():
    kind = rng.choice(["store", "store", "revert", "revert", "invalid"])
    if not contracts[kind]:
        return deploy(kind)
    to = rng.choice(contracts[kind])
    gas = rng.choice([100000, 100000, 100000, 21300])
    send({"from": acct(), "to": to, "data": "0x" + "%064x" % rng.randrange(1 << 64), "gas": hex(gas)})


def op_eth_call():
    kind = rng.choice(["store", "revert", "invalid"])
    if contracts[kind]:
        rpc("eth_call", [{"to": rng.choice(contracts[kind]), "data": "0x01"}, "latest"])
        rpc("eth_estimateGas", [{"from": acct(), "to": rng.choice(contracts[kind]), "data": "0x01"}])


def op_reads():
    m = rng.choice(["eth_blockNumber", "eth_chainId", "net_version", "web3_clientVersion", "eth_gasPrice",
                    "eth_accounts", "net_listening", "eth_mining", "eth_coinbase", "eth_syncing",
                    "eth_hashrate", "net_peerCount", "eth_protocolVersion", "eth_maxPriorityFeePerGas"])
    rpc(m, rng.choice([[], None]))


def op_account_reads():
    a = acct()
    m = rng.choice(["eth_getBalance", "eth_getTransactionCount", "eth_getCode"])
    rpc(m, [a, rng.choice(["latest", "earliest", "pending", "0x1"])])


def op_tx_reads():
    h = rng.choice(txs) if txs and rng.random() < 0.8 else "0x" + "%064x" % rng.randrange(1 << 256)
    rpc(rng.choice(["eth_getTransactionReceipt", "eth_getTransactionByHash", "debug_traceTransaction"]), [h])


def op_blocks():
    n = rng.choice(["latest", "earliest", "pending", "0x0", "0x1", "0x9999"])
    rpc("eth_getBlockByNumber", [n, rng.choice([True, False])])
    if rng.random() < 0.3:
        rpc("eth_getLogs", [{"fromBlock": "0x0", "toBlock": "latest"}])


def op_snapshot():
    if snapshots and rng.random() < 0.5:
        rpc("evm_revert", [snapshots.pop()])
    else:
        s = rpc("evm_snapshot")
        if s:
            snapshots.append(s)


def op_time():
    m = rng.choice(["evm_mine", "evm_mine", "evm_increaseTime", "evm_setTime"])
    if m == "evm_increaseTime":
        rpc(m, [rng.randrange(1, 100000)])
    elif m == "evm_setTime":
        rpc(m, [rng.randrange(1600000000000, 1900000000000)])
    else:
        rpc(m, rng.choice([None, [{"blocks": rng.randrange(1, 4)}]]))


def op_pending():
    """stop the miner, send, ask for the receipt, start again"""
    rpc("miner_stop")
    h = send({"from": acct(), "to": acct(), "value": "0x1"})
    if h:
        rpc("eth_getTransactionReceipt", [h])
    rpc("miner_start")
    if rng.random() < 0.5:
        rpc("miner_start")


def op_high_nonce():
    a = acct()
    n = rpc("eth_getTransactionCount", [a, "latest"]) or "0x0"
    h = send({"from": a, "to": acct(), "value": "0x5", "nonce": hex(int(n, 16) + rng.randrange(2, 6))})
    if h and rng.random() < 0.5:
        rpc("eth_getTransactionReceipt", [h])


def op_bad():
    k = rng.randrange(12)
    if k == 0:
        rpc("eth_doesNotExist", [])
    elif k == 1:
        post(b'{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"')
    elif k == 2:
        rpc("eth_sendRawTransaction", ["0x" + "%040x" % rng.randrange(1 << 160)])
    elif k == 3:
        rpc("eth_getBalance", ["not-an-address", "latest"])
    elif k == 4:
        send({"from": "0x" + "%040x" % rng.randrange(1 << 160), "to": acct(), "value": "0x1"})
    elif k == 5:
        rpc("personal_unlockAccount", [acct(), "wrong-password", 10])
    elif k == 6:
        rpc("eth_subscribe", ["newHeads"])
    elif k == 7:
        rpc("eth_getBlockByNumber", ["banana", False])
    elif k == 8:
        send({"from": acct(), "to": acct(), "value": "0x1", "gas": "0x1"})
    elif k == 9:
        post(b"[]")
    elif k == 10:
        rpc("evm_revert", ["0x99"])
    else:
        post(b"hello", "text/plain")


def op_sign():
    m = rng.choice(["eth_sign", "personal_sign", "personal_newAccount", "personal_listAccounts"])
    if m == "eth_sign":
        rpc(m, [acct(), "0x" + "ab" * rng.randrange(1, 40)])
    elif m == "personal_sign":
        rpc(m, ["0x68656c6c6f", acct()])
    elif m == "personal_newAccount":
        a = rpc(m, ["pw"])
        if a:
            rpc("personal_unlockAccount", [a, "pw", 0])
            rpc("evm_setAccountBalance", [a, hex(10**19)])
    else:
        rpc(m, [])


def op_batch():
    global next_id
    batch = []
    for _ in range(rng.randrange(2, 5)):
        next_id += 1
        batch.append({"jsonrpc": "2.0", "id": next_id, "method": rng.choice(["eth_blockNumber", "eth_gasPrice", "net_version"]), "params": []})
    post(json.dumps(batch).encode())


OPS = [(op_value, 14), (op_deploy, 4), (op_bad_deploy, 1), (op_call_contract, 10), (op_eth_call, 3),
       (op_reads, 10), (op_account_reads, 8), (op_tx_reads, 6), (op_blocks, 4), (op_snapshot, 2),
       (op_time, 3), (op_pending, 1), (op_high_nonce, 1), (op_bad, 5), (op_sign, 2), (op_batch, 2)]
funcs = [f for f, _ in OPS]
weights = [w for _, w in OPS]
for _ in range(N):
    rng.choices(funcs, weights)[0]()
