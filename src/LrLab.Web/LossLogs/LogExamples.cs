namespace LrLab.Web.LossLogs;

/// <summary>
/// The one-click examples: the SPEC's two practice problems, and real PyTorch logs from the calibration set
/// (tests/LrLab.Core.Tests/Calibration and Formats, embedded into the app at build time so page and tests share one copy).
/// </summary>
public static class LogExamples
{
    /// <summary>All examples, in button order.</summary>
    public static IReadOnlyList<LogExample> All { get; } =
    [
        new("practice-0.1", "Practice: lr 0.1", "0.8\n0.5\n0.4\n0.38\n0.37\n", 0.1, "Five epoch losses at lr 0.1."),
        new("practice-1.0", "Practice: lr 1.0", "0.8\n1.5\n3.2\n8.7\nnan\n", 1.0, "Five epoch losses at lr 1.0."),
        new("real-too-large", "Real: Adam lr 1 (MLP)", Resource("mlp-adam-lr1e0-steps.csv"), 1.0, "1,280 mini-batch losses of a 20-64-64-10 MLP trained by PyTorch with Adam at lr 1."),
        new("real-healthy", "Real: SGD lr 0.1 (logistic)", Resource("logreg-sgd-lr1e-1-steps.csv"), 0.1, "1,280 mini-batch losses of a logistic regression trained by PyTorch with SGD at lr 0.1."),
        new("real-too-small", "Real: SGD lr 0.001 (MLP)", Resource("mlp-sgd-lr1e-3-epochs.json"), 0.001, "Loss before training and 20 epoch means of the MLP with SGD at lr 0.001."),
        new("compare-wandb", "Compare: 3 rates (W&B export)", Resource("wandb_export.csv"), null, "A W&B chart export of the MLP trained by PyTorch with SGD at 0.001, 0.01 and 0.1 (every 5th step); the rates are typed in for you.") { Rates = "0.001, 0.01, 0.1" },
    ];

    /// <summary>The example with this id, if any.</summary>
    public static LogExample? Find(string? id) => All.FirstOrDefault(e => e.Id == id);

    private static string Resource(string name)
    {
        using var stream = typeof(LogExamples).Assembly.GetManifestResourceStream("calibration/" + name)
            ?? throw new InvalidOperationException($"embedded example {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
