setInterval(() => {}, 1000);
process.on('SIGINT', () => setTimeout(() => process.exit(0), 100 + Math.floor(Math.random() * 400)));
