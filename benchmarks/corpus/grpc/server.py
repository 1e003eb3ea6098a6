# minimal Echo server: python server.py PORT [tls]
import sys, time, grpc
from concurrent import futures
import echo_pb2, echo_pb2_grpc

class Echo(echo_pb2_grpc.EchoServicer):
    def Say(self, req, ctx):
        if req.delay_ms:
            time.sleep(req.delay_ms / 1000)
        if req.fail:
            ctx.abort(grpc.StatusCode.INVALID_ARGUMENT, "bad request: " + req.text)
        return echo_pb2.Rep(text=req.text, seq=1)
    def Many(self, req, ctx):
        for i in range(req.count):
            if not ctx.is_active():
                return
            time.sleep(req.delay_ms / 1000)
            yield echo_pb2.Rep(text=req.text, seq=i)
        if req.fail:
            ctx.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "stream quota")
    def Collect(self, it, ctx):
        n = 0
        for r in it:
            n += 1
            if r.fail:
                ctx.abort(grpc.StatusCode.FAILED_PRECONDITION, "collect failed")
        return echo_pb2.Rep(text="collected", seq=n)
    def Chat(self, it, ctx):
        for r in it:
            if r.fail:
                raise RuntimeError("chat handler broke")
            yield echo_pb2.Rep(text=r.text, seq=r.count)

port = sys.argv[1]
server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), maximum_concurrent_rpcs=8)
echo_pb2_grpc.add_EchoServicer_to_server(Echo(), server)
if len(sys.argv) > 2:
    with open(sys.argv[2], "rb") as k, open(sys.argv[3], "rb") as c:
        creds = grpc.ssl_server_credentials([(k.read(), c.read())])
    server.add_secure_port("127.0.0.1:" + port, creds)
else:
    server.add_insecure_port("127.0.0.1:" + port)
server.start()
server.wait_for_termination()
