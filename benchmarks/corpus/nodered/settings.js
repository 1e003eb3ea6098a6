// Node-RED settings for the round-19 workload (trace console log, audit on, admin auth)
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: 25100,
    flowFile: "flows.json",
    credentialSecret: "r19-credential-secret",
    flowFilePretty: true,
    adminAuth: {
        type: "credentials",
        users: [
            { username: "admin", password: "$2b$08$ouHiyDnoTSLbpzcGMJxdm.966Xv.Cmkv7s7SYQEqjcJg5wAy9mrNC", permissions: "*" },
            { username: "viewer", password: "$2b$08$ouHiyDnoTSLbpzcGMJxdm.966Xv.Cmkv7s7SYQEqjcJg5wAy9mrNC", permissions: "read" }
        ]
    },
    runtimeState: { enabled: true, ui: false },
    diagnostics: { enabled: true, ui: false },
    logging: {
        console: { level: "trace", metrics: false, audit: true }
    },
    exportGlobalContextKeys: false,
    externalModules: { autoInstall: false, palette: { allowInstall: false } },
    functionExternalModules: false,
    functionTimeout: 2,
    debugMaxLength: 200,
    httpRequestTimeout: 3000,
    editorTheme: { projects: { enabled: false }, tours: false },
    telemetry: { enabled: false }
};
