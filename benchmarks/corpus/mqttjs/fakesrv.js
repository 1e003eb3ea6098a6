'use strict'
// Fake MQTT peers: 48004 accepts and never answers; 48005 answers with bytes that are not MQTT.
const net = require('net')
net.createServer((s) => { s.on('error', () => {}) }).listen(48004, '127.0.0.1')
net.createServer((s) => { s.on('error', () => {}); s.once('data', () => s.write(Buffer.from([0xf0, 0x02, 0xde, 0xad, 0x20, 0x09]))) }).listen(48005, '127.0.0.1')
