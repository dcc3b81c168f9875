namespace LrLab.Web.Learn;

/// <summary>A live panel a lesson section shows under its text, beyond the lesson's main widget.</summary>
public enum LessonPanel
{
    /// <summary>No panel.</summary>
    None,

    /// <summary>Rate and β sliders side by side: heavy ball against plain descent on the bowl or the ravine.</summary>
    Momentum,

    /// <summary>The gradient flow drawn next to gradient descent's steps at the same rate.</summary>
    FlowVsSteps,

    /// <summary>Initial loss, one-batch overfit and update-to-weight ratios measured on the MNIST network.</summary>
    SanityChecks,
}
