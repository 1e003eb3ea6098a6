"use strict";
// Worker service on node-1..3: plain actions and events, no logging of its own.
const { MoleculerClientError, MoleculerRetryableError } = require("moleculer").Errors;
let flakyCount = 0;
module.exports = {
	name: "math",
	actions: {
		add: { params: { a: "number", b: "number" }, handler(ctx) { return ctx.params.a + ctx.params.b; } },
		div: {
			params: { a: "number", b: "number" },
			handler(ctx) {
				if (ctx.params.b === 0) throw new MoleculerClientError("Division by zero", 422, "DIV_ZERO", { a: ctx.params.a });
				return ctx.params.a / ctx.params.b;
			}
		},
		slow: { params: { ms: "number" }, handler(ctx) { return new Promise(r => setTimeout(() => r(ctx.params.ms), ctx.params.ms)); } },
		flaky: {
			handler() {
				flakyCount++;
				if (flakyCount % 3 !== 0) throw new MoleculerRetryableError("Temporary failure", 503, "FLAKY");
				return "ok";
			}
		},
		broken: { handler() { throw new Error("Internal failure " + flakyCount); } },
		cached: { cache: { keys: ["id"], ttl: 5 }, params: { id: "number" }, handler(ctx) { return { id: ctx.params.id, at: this.broker.nodeID }; } }
	},
	events: {
		"order.created"(ctx) { return ctx.params; },
		"order.failed": { params: { id: "number" }, handler(ctx) { return ctx.params; } }
	}
};
