using LrLab.Web.Edge;

namespace LrLab.Web.Learn.Lessons;

/// <summary>
/// The "too large" lesson's bridge from the bowl to a real network: the sharpness of an MNIST network rises to about
/// 2/α under full-batch gradient descent, watched live on /edge. Its link is built from <see cref="EdgeUrl"/>, so it
/// always opens the page's default run.
/// </summary>
public static class EdgeOfStabilitySection
{
    /// <summary>The link of the guided experiment.</summary>
    public static string Link { get; } = EdgeUrl.Build(new EdgeSettings());

    /// <summary>The section.</summary>
    public static LessonSection Section { get; } = new("On a real network: the edge of stability", $"""
        <p>A network has no single curvature: the largest eigenvalue of its loss's Hessian, its sharpness, moves as it
        learns. Under full-batch gradient descent it usually climbs (progressive sharpening) until it reaches about
        2/α, and then stays near that line while the loss keeps falling, with small jolts (Cohen et al. 2021). A step
        that meets a curvature above 2/α overshoots just as on the bowl; instead of blowing up, the network is thrown
        onto flatter ground and carries on (the catapult of Lewkowycz et al. 2020).</p>
        <p><strong>Guided experiment.</strong> Open the <a href="{Link}" data-testid="edge-link">edge of stability
        page</a> and press Run. It trains the same small MNIST network at three rates in your browser.</p>
        <ol>
          <li>The smallest rate: does its sharpness ever reach its own dashed line?</li>
          <li>The middle rate: watch the sharpness pass its dashed line, the loss jump in the lower chart, and the
          sharpness come back to the line.</li>
          <li>Read the three summaries under the chart: where did each sharpness settle, as a multiple of 2/α?</li>
          <li>Put <code>steps=300</code> in the address: with cross-entropy the sharpness slides below 2/α late in
          training.</li>
        </ol>
        """);
}
