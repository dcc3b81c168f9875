using LrLab.Core.Diagnosis;
using LrLab.Core.Plotting;

namespace LrLab.Web.LossLogs;

/// <summary>The chart of a diagnosed log: the raw values, the smoothed curve the rules read, and the evidence on top.</summary>
public static class LogChart
{
    /// <summary>At most this many raw points are drawn (evenly thinned beyond), so a 50,000-step log stays light.</summary>
    public const int MaxRawPoints = 4000;

    /// <summary>Builds the chart model.</summary>
    public static Chart Build(LossLog log, Diagnosis diagnosis, bool logY)
    {
        var stride = Math.Max(1, (int)Math.Ceiling(log.Losses.Count / (double)MaxRawPoints));
        var n = log.Losses.Count;
        var count = ((n + stride - 1) / stride) + ((n - 1) % stride == 0 ? 0 : 1);
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            var at = Math.Min(i * stride, n - 1);
            xs[i] = log.Steps[at];
            ys[i] = log.Losses[at];
        }

        var smoothedX = diagnosis.Smoothed.Select(p => p.Step).ToArray();
        var smoothedY = diagnosis.Smoothed.Select(p => p.Loss).ToArray();
        var series = new List<ChartSeries>
        {
            new(stride == 1 ? "loss" : $"loss (every {stride}th value)", ys) { Color = Palette.SkyBlue, X = xs, Width = 1, Markers = log.Losses.Count <= 60 },
        };
        if (diagnosis.Smoothing > 1)
        {
            series.Add(new ChartSeries($"median of {diagnosis.Smoothing}", smoothedY) { Color = Palette.Blue, X = smoothedX, Width = 2.5 });
        }

        var ranges = new List<ChartBand>();
        var markers = new List<ChartMarker>();
        var points = new List<ChartPoint>();
        foreach (var e in diagnosis.Evidence)
        {
            var color = Color(e.Kind);
            if (e.Kind == EvidenceKind.NonFinite)
            {
                markers.Add(new ChartMarker(e.FromStep, Label(e.Kind), color) { Dashed = false });
            }
            else if (e.ToStep > e.FromStep && ranges.Count < 3)
            {
                ranges.Add(new ChartBand(e.FromStep, e.ToStep, Label(e.Kind), color));
            }
            else if (e.ToStep <= e.FromStep)
            {
                markers.Add(new ChartMarker(e.FromStep, Label(e.Kind), color));
            }
        }

        return new Chart(string.Empty, new Axis("step"), new Axis("loss", logY && log.Losses.Any(v => v > 0)), series)
        {
            Bands = ranges,
            Markers = markers,
            Points = points,
            ShowLegend = true,
        };
    }

    /// <summary>Okabe–Ito colours per kind of evidence: trouble in vermillion/orange, progress in green, slowness in blue.</summary>
    public static string Color(EvidenceKind kind) => kind switch
    {
        EvidenceKind.NonFinite or EvidenceKind.Rise => Palette.Vermillion,
        EvidenceKind.Spike or EvidenceKind.Bounce => Palette.Orange,
        EvidenceKind.Drop => Palette.BluishGreen,
        EvidenceKind.Slow => Palette.Blue,
        _ => Palette.ReddishPurple,
    };

    /// <summary>A short label for the chart.</summary>
    public static string Label(EvidenceKind kind) => kind switch
    {
        EvidenceKind.NonFinite => "NaN / inf",
        EvidenceKind.Rise => "rise",
        EvidenceKind.Spike => "spike",
        EvidenceKind.Bounce => "bounce",
        EvidenceKind.Drop => "fall",
        EvidenceKind.Slow => "slow",
        _ => "flat",
    };
}
