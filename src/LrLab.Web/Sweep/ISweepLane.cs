using LrLab.Core.Sweep;

namespace LrLab.Web.Sweep;

/// <summary>One optimizer's share of a sweep, computed one rate at a time so the panel can spread the work over frames.</summary>
public interface ISweepLane
{
    /// <summary>The optimizer's name as the chart and findings show it.</summary>
    string Name { get; }

    /// <summary>The rates, in increasing order.</summary>
    IReadOnlyList<double> Rates { get; }

    /// <summary>The theory lines drawn for this lane.</summary>
    TheoryLines Theory { get; }

    /// <summary>Runs rate number <paramref name="index"/>.</summary>
    SweepRow Run(int index);

    /// <summary>Runs the rates numbered <paramref name="indices"/> (at most <see cref="SweepRunner.MaxLanes"/>), one row each.</summary>
    void RunMany(ReadOnlySpan<int> indices, Span<SweepRow> rows)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            rows[i] = Run(indices[i]);
        }
    }

    /// <summary>The sweep result from the rows of every rate, in rate order.</summary>
    SweepResult Result(IReadOnlyList<SweepRow> rows);
}
