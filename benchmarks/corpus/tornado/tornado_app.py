import asyncio
import tornado.options, tornado.web, tornado.websocket, tornado.httpserver
from tornado.options import define, options

define("port", default=46101, type=int)

class Main(tornado.web.RequestHandler):
    def get(self):
        self.write("hello " + self.get_argument("name", "world"))
    def post(self):
        self.write(self.request.body)

class Args(tornado.web.RequestHandler):
    def get(self):
        self.write(str(int(self.get_argument("n"))))

class Fail(tornado.web.RequestHandler):
    def get(self):
        raise ValueError("handler failed on purpose")

class Slow(tornado.web.RequestHandler):
    async def get(self):
        await asyncio.sleep(float(self.get_argument("t", "0.5")))
        self.write("done")

class Timeout(tornado.web.RequestHandler):
    async def get(self):
        try:
            await asyncio.wait_for(asyncio.sleep(10), 1)
        except asyncio.TimeoutError:
            raise tornado.web.HTTPError(504, "backend did not answer in time")

class Cookie(tornado.web.RequestHandler):
    def get(self):
        user = self.get_signed_cookie("user")
        if user is None:
            self.set_signed_cookie("user", "guest")
            raise tornado.web.HTTPError(401)
        self.write(user)

class Echo(tornado.websocket.WebSocketHandler):
    def on_message(self, message):
        if message == "boom":
            raise RuntimeError("websocket handler failed")
        if message == "bye":
            self.close(4000, "bye")
            return
        self.write_message(message)

def main():
    tornado.options.parse_command_line()
    app = tornado.web.Application([
        (r"/", Main), (r"/args", Args), (r"/fail", Fail), (r"/slow", Slow), (r"/timeout", Timeout),
        (r"/cookie", Cookie), (r"/ws", Echo),
    ], static_path="/work/round45/tornado/static", cookie_secret="not-a-real-secret-r45a")
    server = tornado.httpserver.HTTPServer(app, idle_connection_timeout=3, body_timeout=2, max_body_size=4096)
    server.listen(options.port, "127.0.0.1")
    asyncio.get_event_loop().run_forever()

if __name__ == "__main__":
    main()
