// Web client for The Lounge driven by the workload: node client.js USER PASSWORD MODE SECONDS
// MODE: chat (log in, add/use a network, random inputs), badpass, nouser, nopass, garbage, token
"use strict";
const { io } = require("socket.io-client");
const [user, password, mode, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 10);
const URL = "http://127.0.0.1:37080";
const pick = (a) => a[Math.floor(Math.random() * a.length)];
const rnd = (n) => Math.floor(Math.random() * n);
const words = ["hello", "how are you", "lunch?", "deploy done", "build is red", "ok", "brb",
    "see http://127.0.0.1:37080/ and http://127.0.0.1:37080/favicon.ico", "ping", "who broke prod", "lol", "meeting in 5"];
const chans = ["#lobby", "#dev", "#ops", "#random", "#test" + rnd(5)];
const nicks = ["alice", "bob", "carol", "dave", "erin", "frank", "nobody" + rnd(99)];

const socket = io(URL, { transports: [Math.random() < 0.5 ? "websocket" : "polling"], reconnection: false });
let networks = [];
let channelIds = [];
let lobbyIds = [];
let token = null;
const done = (code) => { try { socket.disconnect(); } catch (e) { /* ignore */ } setTimeout(() => process.exit(code), 200); };
setTimeout(() => done(0), seconds * 1000 + 3000);

function absorb(net) {
    if (!networks.find((n) => n.uuid === net.uuid)) networks.push(net);
    for (const c of net.channels) {
        if (c.type === "lobby") lobbyIds.push(c.id); else channelIds.push(c.id);
    }
}

socket.on("connect_error", () => done(1));
socket.on("auth:start", () => {
    if (mode === "nouser") socket.emit("auth:perform", { user: "ghost" + rnd(1000), password: "x" });
    else if (mode === "badpass") socket.emit("auth:perform", { user, password: password + "wrong" });
    else if (mode === "nopass") socket.emit("auth:perform", { user });
    else if (mode === "garbage") { socket.emit("auth:perform", "garbage"); socket.emit("auth:perform", { user: 42 }); setTimeout(() => done(0), 500); }
    else if (mode === "token") socket.emit("auth:perform", { user, token: "deadbeef" + rnd(1e6), password: "nope" });
    else socket.emit("auth:perform", { user, password });
});
socket.on("auth:failed", () => done(0));
socket.on("sign-out", () => done(0));
socket.on("init", (data) => {
    token = data.token;
    (data.networks || []).forEach(absorb);
    if (networks.length === 0 || Math.random() < 0.2) {
        socket.emit("network:new", {
            name: pick(["LocalNet", "Backup", "Test"]),
            host: "127.0.0.1",
            port: Math.random() < 0.85 ? 37667 : 37669, // sometimes a port nobody listens on
            tls: false,
            nick: user + rnd(10),
            username: user,
            realname: "Workload " + user,
            join: pick(chans) + "," + pick(chans),
        });
    }
    run();
});
socket.on("network", (data) => absorb(data.network));
socket.on("join", (data) => { if (data.chan) channelIds.push(data.chan.id); });
socket.on("part", (data) => { channelIds = channelIds.filter((id) => id !== data.chan); });

function input(text, target) {
    const t = target !== undefined ? target : (channelIds.length && Math.random() < 0.8 ? pick(channelIds) : pick(lobbyIds.length ? lobbyIds : [0]));
    socket.emit("input", { target: t, text });
}

const actions = [
    [10, () => input(pick(words))],
    [3, () => input("/join " + pick(chans))],
    [2, () => input("/part")],
    [2, () => input("/me " + pick(words))],
    [2, () => input("/msg " + pick(nicks) + " " + pick(words))],
    [1, () => input("/notice " + pick(nicks) + " " + pick(words))],
    [2, () => input("/nick " + user + "_" + rnd(100))],
    [1, () => input("/topic " + pick(words))],
    [2, () => input("/whois " + pick(nicks))],
    [1, () => input("/away " + pick(words))],
    [1, () => input("/back")],
    [1, () => input("/mode +i")],
    [1, () => input("/ctcp " + pick(nicks) + " " + pick(["VERSION", "PING", "TIME"]))],
    [1, () => input("/raw " + pick(["GARBAGE :x", "PRIVMSG", "JOIN", "LIST", "MOTD", "OPER admin operpw", "OPER admin wrong", "LUSERS"]))],
    [1, () => input("/kick " + pick(nicks))],
    [1, () => input("/invite " + pick(nicks) + " " + pick(chans))],
    [1, () => input("/list")],
    [1, () => input("/ignore " + pick(nicks))],
    [1, () => input("/disconnect " + pick(words), pick(lobbyIds.length ? lobbyIds : [0]))],
    [1, () => input("/connect", pick(lobbyIds.length ? lobbyIds : [0]))],
    [1, () => input("/" + pick(["bogus", "frobnicate", "xyzzy"]) + " arg")],
    [1, () => socket.emit("input", { target: 999999, text: "lost" })],
    [1, () => socket.emit("input", "notanobject")],
    [1, () => socket.emit("more", { target: pick(channelIds.length ? channelIds : [0]), lastId: -1 })],
    [1, () => socket.emit("names", { target: pick(channelIds.length ? channelIds : [0]) })],
    [1, () => socket.emit("sessions:get")],
    [1, () => socket.emit("mentions:get")],
    [1, () => socket.emit("search", { networkUuid: networks.length ? pick(networks).uuid : "x", channelName: pick(chans), searchTerm: pick(words), offset: 0 })],
    [1, () => socket.emit("change-password", { old_password: Math.random() < 0.5 ? password : "bad", new_password: password, verify_password: password })],
    [1, () => socket.emit("history:clear", { target: pick(channelIds.length ? channelIds : [0]) })],
    [1, () => socket.emit("network:get", networks.length ? pick(networks).uuid : "nope")],
    [1, () => socket.emit("setting:set", { name: "highlights", value: pick(words) })],
];
const total = actions.reduce((s, a) => s + a[0], 0);
function step() {
    let r = Math.random() * total;
    for (const [w, f] of actions) { r -= w; if (r <= 0) { f(); return; } }
}
function run() {
    const end = Date.now() + seconds * 1000;
    const tick = () => {
        if (Date.now() > end) {
            if (Math.random() < 0.15) input("/quit " + pick(words), pick(lobbyIds.length ? lobbyIds : [0]));
            if (Math.random() < 0.2) socket.emit("sign-out");
            return setTimeout(() => done(0), 500);
        }
        step();
        setTimeout(tick, 150 + rnd(600));
    };
    setTimeout(tick, 1000);
}
