using LrLab.Cli;

return LrLabCli.Run(args, Console.Out, Console.Error);
