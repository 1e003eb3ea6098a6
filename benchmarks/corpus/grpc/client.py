# minimal Echo client: python client.py PORT MODE [N]
import sys, random, grpc
import echo_pb2, echo_pb2_grpc
port, mode = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1
target = "127.0.0.1:" + port
if mode.startswith("tls"):
    with open(sys.argv[4], "rb") as f:
        ch = grpc.secure_channel(target, grpc.ssl_channel_credentials(f.read()),
                                 options=[("grpc.ssl_target_name_override", "wrong.example" if mode == "tlsbadname" else "localhost")])
else:
    ch = grpc.insecure_channel(target)
st = echo_pb2_grpc.EchoStub(ch)
R = echo_pb2.Req
try:
    for i in range(n):
        if mode in ("say", "tls", "tlsbadname"):
            st.Say(R(text="hello %d" % i), timeout=5)
        elif mode == "sayfail":
            st.Say(R(text="oops", fail=True), timeout=5)
        elif mode == "deadline":
            st.Say(R(text="slow", delay_ms=random.randint(300, 900)), timeout=0.2)
        elif mode == "many":
            for _ in st.Many(R(text="m", count=random.randint(1, 20), fail=random.random() < 0.3), timeout=5):
                pass
        elif mode == "manycancel":
            it = st.Many(R(text="m", count=50, delay_ms=50), timeout=10)
            next(it); it.cancel()
        elif mode == "collect":
            st.Collect(iter([R(text="c", fail=random.random() < 0.3) for _ in range(random.randint(1, 15))]), timeout=5)
        elif mode == "chat":
            for _ in st.Chat(iter([R(text="x", count=j, fail=(j == 3 and random.random() < 0.3)) for j in range(random.randint(1, 8))]), timeout=5):
                pass
        elif mode == "big":
            st.Say(R(text="z" * (5 * 1024 * 1024)), timeout=5)
        elif mode == "flood":
            fs = [st.Say.future(R(text="f", delay_ms=300), timeout=3) for _ in range(12)]
            [f.exception() for f in fs]
        elif mode == "wait":
            grpc.channel_ready_future(ch).result(timeout=2)
except (grpc.RpcError, grpc.FutureTimeoutError, StopIteration):
    sys.exit(1)
finally:
    ch.close()
