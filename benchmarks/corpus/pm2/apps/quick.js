process.exit(Math.random() < 0.5 ? 0 : 3);
