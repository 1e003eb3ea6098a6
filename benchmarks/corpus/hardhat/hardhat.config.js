// Hardhat project config for the workload. The mnemonic is the published BIP39 test vector.
const config = {
  networks: {
    hardhat: {
      chainId: 31337,
      loggingEnabled: true,
      accounts: { mnemonic: "legal winner thank year wave sausage worth useful legal winner thank yellow", count: 8 },
      mining: { auto: true, interval: process.env.HH_INTERVAL ? [Number(process.env.HH_INTERVAL), Number(process.env.HH_INTERVAL) * 2] : 0 },
    },
  },
};
if (process.env.HH_BAD_CONFIG) config.networks.staging = { url: 8545, timeout: "soon" };
module.exports = config;
