using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(LrLab.Bench.SimulationBenchmarks).Assembly).Run(args);
