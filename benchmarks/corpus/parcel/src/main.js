import { add } from './util.js';
document.getElementById('app').textContent = String(add(1, 2));
