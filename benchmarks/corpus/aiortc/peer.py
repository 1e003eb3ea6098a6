import asyncio
import logging
import random
import sys

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.signaling import BYE, TcpSocketSignaling

logging.basicConfig(format="%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s", level=logging.WARNING)
for name in ("aiortc", "aioice"):
    logging.getLogger(name).setLevel(logging.DEBUG)
# its DEBUG messages carry whole SDP bodies, whose lines end with a carriage return
logging.getLogger("aiortc.rtcpeerconnection").setLevel(logging.INFO)


def mangle(sdp, how):
    # make the answer's candidates unreachable so that ICE fails
    lines = []
    for line in sdp.splitlines():
        if line.startswith("a=candidate:"):
            parts = line.split()
            parts[4] = "10.46.3.99" if how == "badaddr" else parts[4]
            parts[5] = "46499" if how == "badport" else parts[5]
            line = " ".join(parts)
        lines.append(line)
    return "\r\n".join(lines) + "\r\n"


async def offerer(host, port, rnd, scenario):
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    sig = TcpSocketSignaling(host, port)
    channels = []
    done = asyncio.Event()

    def make_channel(label):
        kw = rnd.choice([{}, {"ordered": False}, {"maxRetransmits": 2}, {"protocol": "chat"}])
        ch = pc.createDataChannel(label, **kw)
        channels.append(ch)

        @ch.on("message")
        def on_message(msg):
            if isinstance(msg, str) and msg.startswith("echo:last"):
                done.set()

        return ch

    make_channel("chan-%d" % rnd.randint(0, 999))

    @pc.on("connectionstatechange")
    async def on_state():
        if pc.connectionState == "failed":
            done.set()

    await pc.setLocalDescription(await pc.createOffer())
    await asyncio.wait_for(sig.send(pc.localDescription), 30)
    obj = await sig.receive()
    if isinstance(obj, RTCSessionDescription):
        if scenario in ("badaddr", "badport"):
            obj = RTCSessionDescription(sdp=mangle(obj.sdp, scenario), type=obj.type)
        await pc.setRemoteDescription(obj)

    async def exchange(ch, n):
        for i in range(n):
            if ch.readyState != "open":
                return
            if rnd.random() < 0.3:
                ch.send(rnd.randbytes(rnd.randint(1, 3000)))
            else:
                ch.send("msg %d %s" % (i, "y" * rnd.randint(0, 2000)))
            await asyncio.sleep(rnd.random() * 0.05)

    try:
        for _ in range(100):
            if channels[0].readyState == "open" or pc.connectionState == "failed":
                break
            await asyncio.sleep(0.1)
        if channels[0].readyState == "open":
            await exchange(channels[0], rnd.randint(1, 8))
            if scenario == "multi":
                for k in range(rnd.randint(1, 3)):
                    ch = make_channel("extra-%d" % k)
                    await asyncio.sleep(0.5)
                    await exchange(ch, rnd.randint(1, 4))
                    if rnd.random() < 0.5:
                        ch.close()
            if scenario == "renegotiate":
                make_channel("late")
                await pc.setLocalDescription(await pc.createOffer())
                await sig.send(pc.localDescription)
                obj = await sig.receive()
                if isinstance(obj, RTCSessionDescription):
                    await pc.setRemoteDescription(obj)
                await asyncio.sleep(0.5)
            if scenario == "vanish":
                # the other side disappears; wait for the consent checks to fail
                await asyncio.wait_for(done.wait(), 45)
            else:
                channels[0].send("last")
                await asyncio.wait_for(done.wait(), 5)
        else:
            # no data channel: wait for the connection to fail
            await asyncio.wait_for(done.wait(), 70)
    except asyncio.TimeoutError:
        pass
    if rnd.random() < 0.5:
        for ch in channels:
            ch.close()
        await asyncio.sleep(0.3)
    try:
        await sig.send(BYE)
    except Exception:
        pass
    await pc.close()
    await sig.close()


async def answerer(host, port, rnd, scenario):
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    sig = TcpSocketSignaling(host, port)

    @pc.on("datachannel")
    def on_datachannel(ch):
        @ch.on("message")
        def on_message(msg):
            if isinstance(msg, str):
                ch.send("echo:" + msg[:50])
                if msg == "last" and scenario == "early-close":
                    ch.close()
            else:
                ch.send(msg)

    for attempt in range(40):  # the offering peer may not be listening yet
        try:
            obj = await asyncio.wait_for(sig.receive(), 70)
        except ConnectionRefusedError:
            await asyncio.sleep(0.5)
            continue
        except (asyncio.TimeoutError, ConnectionError):
            break
        if isinstance(obj, RTCSessionDescription):
            await pc.setRemoteDescription(obj)
            await pc.setLocalDescription(await pc.createAnswer())
            await sig.send(pc.localDescription)
        else:
            break
    await pc.close()


if __name__ == "__main__":
    role, host, port, seed, scenario = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    rnd = random.Random(seed)
    fn = offerer if role == "offer" else answerer
    try:
        asyncio.run(fn(host, port, rnd, scenario))
    except (ConnectionError, OSError, asyncio.TimeoutError):
        pass
