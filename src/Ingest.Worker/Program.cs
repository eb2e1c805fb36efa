using PlanIngest.Worker.Cli;

return await CliApplication.RunAsync(args);
