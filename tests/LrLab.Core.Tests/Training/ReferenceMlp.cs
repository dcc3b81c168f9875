namespace LrLab.Core.Tests.Training;

/// <summary>
/// A deliberately plain float64 implementation of the same network (loops, no SIMD), for checking the
/// engine's gradients; itself checked against finite differences.
/// </summary>
internal static class ReferenceMlp
{
    public static double Loss(double[] p, float[] x, byte[] y, int inputs, int hidden, int outputs) =>
        LossAndGradient(p, x, y, inputs, hidden, outputs, null);

    public static double LossAndGradient(double[] p, float[] x, byte[] y, int inputs, int hidden, int outputs, double[]? grad)
    {
        var rows = y.Length;
        int w1 = 0, b1 = hidden * inputs, w2 = b1 + hidden, b2 = w2 + (outputs * hidden);
        if (grad is not null)
        {
            Array.Clear(grad);
        }

        var total = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var h = new double[hidden];
            for (var j = 0; j < hidden; j++)
            {
                var z = p[b1 + j];
                for (var i = 0; i < inputs; i++)
                {
                    z += p[w1 + (j * inputs) + i] * x[(r * inputs) + i];
                }

                h[j] = Math.Max(0, z);
            }

            var logits = new double[outputs];
            for (var o = 0; o < outputs; o++)
            {
                var z = p[b2 + o];
                for (var j = 0; j < hidden; j++)
                {
                    z += p[w2 + (o * hidden) + j] * h[j];
                }

                logits[o] = z;
            }

            var max = logits.Max();
            var lse = max + Math.Log(logits.Sum(v => Math.Exp(v - max)));
            total += lse - logits[y[r]];
            if (grad is null)
            {
                continue;
            }

            var dz = logits.Select(v => Math.Exp(v - lse) / rows).ToArray();
            dz[y[r]] -= 1.0 / rows;
            var dh = new double[hidden];
            for (var o = 0; o < outputs; o++)
            {
                grad[b2 + o] += dz[o];
                for (var j = 0; j < hidden; j++)
                {
                    grad[w2 + (o * hidden) + j] += dz[o] * h[j];
                    dh[j] += dz[o] * p[w2 + (o * hidden) + j];
                }
            }

            for (var j = 0; j < hidden; j++)
            {
                if (h[j] <= 0)
                {
                    continue;
                }

                grad[b1 + j] += dh[j];
                for (var i = 0; i < inputs; i++)
                {
                    grad[w1 + (j * inputs) + i] += dh[j] * x[(r * inputs) + i];
                }
            }
        }

        return total / rows;
    }
}
