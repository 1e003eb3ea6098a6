from flask import Flask, abort, request, jsonify, redirect
app = Flask(__name__)

@app.route("/")
def index():
    return "hello\n"

@app.route("/item/<int:n>")
def item(n):
    if n > 100:
        abort(404)
    return jsonify(n=n)

@app.route("/boom")
def boom():
    return {"x": 1 / int(request.args.get("d", "0"))}

@app.route("/key")
def key():
    return request.args["k"]

@app.route("/post", methods=["POST"])
def post():
    return jsonify(request.get_json())

@app.route("/stream")
def stream():
    def gen():
        yield "a\n"
        raise RuntimeError("stream broke")
    return app.response_class(gen())

@app.route("/go")
def go():
    return redirect("/")
