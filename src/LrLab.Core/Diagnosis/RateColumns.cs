namespace LrLab.Core.Diagnosis;

/// <summary>How logs name the learning rate, and how a sparse rate series is lined up with the losses.</summary>
internal static class RateColumns
{
    /// <summary>
    /// <c>lr</c>, <c>learning_rate</c> (Keras, HuggingFace), <c>lr-SGD</c> (Lightning's LearningRateMonitor),
    /// <c>train/learning_rate</c>, <c>lr_0</c>; any case.
    /// </summary>
    public static bool IsRate(string name)
    {
        var last = name.Trim();
        var slash = last.LastIndexOf('/');
        last = slash >= 0 ? last[(slash + 1)..] : last;
        return last.Equals("lr", StringComparison.OrdinalIgnoreCase)
            || last.Equals("learning_rate", StringComparison.OrdinalIgnoreCase)
            || last.Equals("learning-rate", StringComparison.OrdinalIgnoreCase)
            || last.Equals("learningrate", StringComparison.OrdinalIgnoreCase)
            || last.StartsWith("lr-", StringComparison.OrdinalIgnoreCase)
            || last.StartsWith("lr_", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The rate in force at each loss step: the last rate recorded at or before it (the first one for losses logged
    /// before any rate). Null when no rate was recorded.
    /// </summary>
    public static double[]? Align(IReadOnlyList<double> lossSteps, IReadOnlyList<double> rateSteps, IReadOnlyList<double> rates)
    {
        if (rates.Count == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, rates.Count).OrderBy(i => rateSteps[i]).ToArray();
        var result = new double[lossSteps.Count];
        var j = 0;
        for (var i = 0; i < lossSteps.Count; i++)
        {
            var step = lossSteps[i];
            while (j + 1 < order.Length && rateSteps[order[j + 1]] <= step)
            {
                j++;
            }

            result[i] = rates[order[j]];
        }

        return result;
    }
}
