using Onboarding.NetSuiteSandbox;

await SandboxApp.Build(args).RunAsync();
