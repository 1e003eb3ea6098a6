"use strict";
// Driver service on the "driver" node: seeded random calls and events, no logging of its own.
let s = Number(process.env.R46_SEED) >>> 0;
function rnd() { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const ri = n => Math.floor(rnd() * n);
const sleep = ms => new Promise(r => setTimeout(r, ms));
module.exports = {
	name: "driver",
	async started() {
		this.run();
	},
	methods: {
		async run() {
			await this.broker.waitForServices(["math"], 20000).catch(() => null);
			const steps = Number(process.env.R46_STEPS || 200);
			for (let i = 0; i < steps; i++) {
				const k = ri(20);
				const call = (name, params, opts) => this.broker.call(name, params, opts).catch(() => null);
				if (k < 5) await call("math.add", { a: ri(100), b: ri(100) });
				else if (k < 7) await call("math.add", { a: "x" + ri(9), b: ri(5) === 0 ? undefined : ri(9) });
				else if (k < 9) await call("math.div", { a: ri(50), b: ri(3) });
				else if (k < 11) await call("math.slow", { ms: ri(2500) }, ri(3) === 0 ? { timeout: 500 } : {});
				else if (k === 11) await call("math.flaky", {}, { retries: ri(3) });
				else if (k === 12) {
					const v = ri(3), node = "node-" + (1 + ri(3));
					if (v === 0) await Promise.all([0, 1, 2, 3, 4, 5].map(() => call("math.broken", {})));
					else if (v === 1) await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(() => call("math.broken", {}, { nodeID: node })));
					else await call("math.broken", {}, { fallbackResponse: "n/a" });
				}
				else if (k === 13) await call("math.cached", { id: ri(4) });
				else if (k === 14) await call("math.missing", {});
				else if (k === 15) this.broker.emit("order.created", { id: ri(1000) });
				else if (k === 16) this.broker.broadcast("order.failed", { id: ri(3) ? ri(100) : "bad" });
				else if (k === 17) await Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(() => call("math.slow", { ms: ri(300) }, { nodeID: "node-" + (1 + ri(3)) })));
				else if (k === 18) await call("$node.list", {});
				else await call("math.add", { a: 1, b: 2 }, { nodeID: "node-" + (1 + ri(4)) });
				await sleep(100 + ri(600));
			}
		}
	}
};
