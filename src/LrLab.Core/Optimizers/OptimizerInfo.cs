namespace LrLab.Core.Optimizers;

/// <summary>
/// What the lab knows about one optimizer name: the PyTorch class it mirrors and the learning rates
/// people typically use with it (the lab's slider range and starting value).
/// </summary>
/// <param name="Name">The name <see cref="OptimizerFactory.Create"/> accepts (<c>adam</c>).</param>
/// <param name="PyTorchEquivalent">The torch.optim constructor it stands for.</param>
/// <param name="DefaultLr">The common default rate.</param>
/// <param name="TypicalLrMin">Lower end of the typical range.</param>
/// <param name="TypicalLrMax">Upper end of the typical range.</param>
public sealed record OptimizerInfo(string Name, string PyTorchEquivalent, double DefaultLr, double TypicalLrMin, double TypicalLrMax);
