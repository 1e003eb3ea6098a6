import { greet } from './greet.js'
import './style.css'
document.querySelector('#app').textContent = greet('world')
