'use strict'
// Writes pseudo-random file content from a seed: node gen.js FILE SIZE SEED
const fs = require('fs')
const [file, size, seed] = process.argv.slice(2)
let s = Number(seed) >>> 0
const buf = Buffer.alloc(Number(size))
for (let i = 0; i < buf.length; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; buf[i] = s >>> 24 }
fs.writeFileSync(file, buf)
