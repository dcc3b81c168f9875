using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "sweep-race")
{
    LrLab.Bench.SweepRace.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "train-race")
{
    LrLab.Bench.TrainRace.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "gemm-race")
{
    LrLab.Bench.GemmRace.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "edge-race")
{
    LrLab.Bench.EdgeRace.Run();
    return;
}

if (args.Length > 0 && args[0] == "finder-race")
{
    LrLab.Bench.FinderRace.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LrLab.Bench.SimulationBenchmarks).Assembly).Run(args);
