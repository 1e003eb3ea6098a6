export default {
  clearScreen: false,
  server: {
    host: '127.0.0.1', port: 51700, strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:51798', '/down': 'http://127.0.0.1:51799' }
  }
}
