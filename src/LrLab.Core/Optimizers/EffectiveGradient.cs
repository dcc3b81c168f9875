using System.Numerics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// The gradient the torch.optim update rules actually consume: negated when <c>maximize</c>, then
/// with classic (coupled, L2) weight decay folded in as <c>grad + weight_decay·param</c>. Every
/// optimizer but AdamW starts this way, so it lives here once instead of in a base class.
/// </summary>
internal static class EffectiveGradient
{
    /// <summary>
    /// <c>g = -grad if maximize else grad; if weight_decay != 0: g = g.add(param, alpha=weight_decay)</c>.
    /// The zero test is PyTorch's: with no decay the gradient is used untouched.
    /// </summary>
    public static T Of<T>(T gradient, T parameter, T weightDecay, bool maximize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = maximize ? -gradient : gradient;
        return T.IsZero(weightDecay) ? g : TensorOps.Add(g, parameter, weightDecay);
    }
}
