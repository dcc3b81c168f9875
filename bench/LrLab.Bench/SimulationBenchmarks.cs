using BenchmarkDotNet.Attributes;
using LrLab.Core.Expressions;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Bench;

/// <summary>
/// What the lab redraws on every slider move: a 500-step run per raced rate, and formula gradients.
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- --filter '*Simulation*'
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private readonly Surface _ravine = SurfaceCatalog.Resolve("ravine");
    private readonly CompiledFormula _formula = CompiledFormula.Parse("(1 - x)^2 + 100*(y - x^2)^2 + 0.1*sin(3*x)*cos(3*y)");
    private readonly double[] _point = [0.3, -0.7];
    private readonly double[] _gradient = new double[2];

    [Params("sgd", "adam")]
    public string Optimizer { get; set; } = "sgd";

    [Benchmark]
    public Trajectory Ravine500Steps() =>
        Simulator.Run(_ravine, OptimizerFactory.Create(Optimizer, new OptimizerOptions { Lr = 0.03 }), new SimulationOptions { Steps = 500 });

    [Benchmark]
    public double FormulaValueAndGradient() => _formula.EvaluateWithGradient(_point, _gradient);
}
