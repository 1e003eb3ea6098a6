"use strict";
// Broker options for every node; node name and port come from the environment set by workload.sh.
const nodes = ["node-1:48101", "node-2:48102", "node-3:48103", "driver:48104"];
module.exports = {
	namespace: "r46e",
	nodeID: process.env.R46_NODE,
	logger: { type: "Console", options: { colors: false, moduleColors: false, formatter: "full", autoPadding: false } },
	logLevel: "debug",
	transporter: {
		type: "TCP",
		options: {
			udpDiscovery: false,
			port: Number(process.env.R46_PORT),
			urls: nodes.filter(n => !n.startsWith(process.env.R46_NODE + ":")).map(n => "127.0.0.1:" + n.split(":")[1] + "/" + n.split(":")[0]),
			gossipPeriod: 4,
			maxPacketSize: 64 * 1024
		}
	},
	requestTimeout: 1500,
	heartbeatInterval: 2,
	heartbeatTimeout: 6,
	retryPolicy: { enabled: true, retries: 2, delay: 100, maxDelay: 400, factor: 2 },
	circuitBreaker: { enabled: true, threshold: 0.5, minRequestCount: 4, windowTime: 20, halfOpenTime: 3000 },
	bulkhead: { enabled: true, concurrency: 3, maxQueueSize: 4 },
	cacher: "Memory",
	validator: true,
	metrics: false,
	tracing: false
};
