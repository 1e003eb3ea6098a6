import data from './data/items.json'
import logo from './logo.svg'
import text from './notes.txt?raw'
export const about = [data.items.length, logo, text.length]
