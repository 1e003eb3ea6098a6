const path = require("path");
module.exports = {
  mode: "development",
  context: __dirname,
  entry: { main: "./src/index.js" },
  output: { path: "/tmp/round40-r40d/wds-dist", filename: "[name].js", clean: true },
  infrastructureLogging: { level: "verbose", debug: true },
  devServer: {
    host: "127.0.0.1",
    port: 55701,
    static: { directory: path.resolve(__dirname, "public") },
    historyApiFallback: { rewrites: [{ from: /^\/app\/.*$/, to: "/index.html" }] },
    proxy: [
      { context: ["/api"], target: "http://127.0.0.1:55702", pathRewrite: { "^/api": "" } },
      { context: ["/dead"], target: "http://127.0.0.1:55703" },
    ],
    devMiddleware: { writeToDisk: true },
    open: false,
  },
};
