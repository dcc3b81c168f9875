using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>
/// A "predict, then run" box: the student picks a prediction, the run button becomes active, and the engine's outcome
/// is compared with the pick. The run is the prediction's own or, for long work, <see cref="Runner"/>.
/// </summary>
public sealed partial class PredictThenRun
{
    private int? _chosen;
    private PredictionOutcome? _outcome;
    private bool _running;
    private string? _error;

    /// <summary>What to predict and how to run it.</summary>
    [Parameter, EditorRequired]
    public Prediction Prediction { get; set; } = null!;

    /// <summary>Runs the experiment when it needs the page (e.g. training on the digits); overrides the prediction's own run.</summary>
    [Parameter]
    public Func<Task<PredictionOutcome>>? Runner { get; set; }

    /// <summary>Raised with (prediction, was the pick right) after each run.</summary>
    [Parameter]
    public EventCallback<(Prediction Prediction, bool Right)> OnCompared { get; set; }

    private async Task RunAsync()
    {
        if (_chosen is null)
        {
            return;
        }

        _running = true;
        _error = null;
        try
        {
            _outcome = Runner is not null ? await Runner() : Prediction.Run?.Invoke();
            if (_outcome is null)
            {
                _error = "This experiment has nothing to run yet.";
                return;
            }
        }
        catch (OperationCanceledException)
        {
            _error = "The run was stopped before it finished.";
            return;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            _error = "The run could not finish: " + e.Message;
            return;
        }
        finally
        {
            _running = false;
        }

        await OnCompared.InvokeAsync((Prediction, _outcome.Correct == _chosen));
    }

    private void Again()
    {
        _outcome = null;
        _chosen = null;
    }
}
