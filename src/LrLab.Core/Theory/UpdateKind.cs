namespace LrLab.Core.Theory;

/// <summary>How an update answers curvature, which decides what the quadratic model can say about its rate.</summary>
public enum UpdateKind
{
    /// <summary>Plain gradient descent θ ← θ − α·∇L (SGD without momentum): stable below 2/λmax.</summary>
    GradientDescent,

    /// <summary>PyTorch's SGD momentum (Polyak's heavy ball): stable below (2 + 2β)/((1 − τ)·λmax).</summary>
    HeavyBall,

    /// <summary>PyTorch's Nesterov form θ ← θ − α(g + βv): stable below (2 + 2β)/((1 + 2β)·λmax).</summary>
    Nesterov,

    /// <summary>Adam, RMSprop, Adagrad and kin: each coordinate is divided by its own gradient size, so no fixed limit.</summary>
    Adaptive,

    /// <summary>Backtracking line search: the rate is only the first trial step, shortened until the loss falls enough.</summary>
    LineSearch,
}
