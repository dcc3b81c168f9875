using LrLab.Web.Lab;
using LrLab.Web.Learn;
using LrLab.Web.Url;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Pages;

/// <summary>One lesson: reading, live widget, experiments, facts, quiz, previous/next.</summary>
public sealed partial class Lesson : IDisposable
{
    private LrLab.Web.Learn.Lesson? _lesson;
    private LrLab.Web.Learn.Lesson? _previous;
    private LrLab.Web.Learn.Lesson? _next;
    private int _index;
    private QuizScore _score;
    private Dictionary<string, string> _confirmations = [];
    private Dictionary<string, int> _predictions = [];
    private LabObservation? _lastRun;
    private IReadOnlyList<string> _sectionHtml = [];
    private bool _fullLab;
    private bool _fullLabOpening;
    private bool _subscribed;
    private WidgetPreset? _widget;
    private List<string> _notices = [];

    /// <summary>The lesson's URL segment.</summary>
    [Parameter]
    public string Slug { get; set; } = string.Empty;

    [Inject]
    private ProgressService ProgressStore { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private CourseProgress Progress => ProgressStore.Progress;

    private int ReadCount => Course.Lessons.Count(l => Progress.IsRead(l.Slug));

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        if (!_subscribed)
        {
            ProgressStore.Changed += OnChanged;
            _subscribed = true;
        }

        var lesson = Course.Find(Slug);
        if (ReferenceEquals(lesson, _lesson))
        {
            return;
        }

        _lesson = lesson;
        _confirmations = [];
        _predictions = [];
        _lastRun = null;
        _fullLab = false;
        if (lesson is null)
        {
            return;
        }

        (_widget, _notices) = WidgetFromUrl(lesson.Widget);
        _sectionHtml = GlossaryLinker.LinkFirstUses([.. lesson.Sections.Select(s => s.Html)]);
        _index = Course.IndexOf(lesson);
        _previous = Course.Previous(lesson);
        _next = Course.Next(lesson);
        await ProgressStore.LoadAsync();
        _score = Progress.Score(lesson.Quiz);
        await ProgressStore.MarkReadAsync(lesson.Slug);
    }

    // /learn/<slug>?lr=0.3 starts the lesson's widget at that rate (a teacher's link), within the widget's slider range.
    private (WidgetPreset Widget, List<string> Notices) WidgetFromUrl(WidgetPreset preset)
    {
        var notices = new List<string>();
        var lr = QueryReader.FromUri(Navigation.Uri).Number("lr", preset.LrMin, preset.LrMax, notices, "the lesson's rate " + QueryReader.Format(preset.Lr));
        return (lr is { } rate ? preset with { Lr = rate } : preset, notices);
    }

    private bool DoneEarlier(Experiment experiment) =>
        _lesson is not null && Progress.IsExperimentDone(_lesson.Slug, experiment.Id);

    private async Task OnRunAsync(LabObservation seen)
    {
        if (_lesson is null)
        {
            return;
        }

        _lastRun = seen;
        foreach (var experiment in _lesson.Experiments.Where(e => e.IsSatisfiedBy(seen)))
        {
            // A predict-then-run experiment counts only after the prediction is locked in, and only its first run.
            int? predicted = null;
            if (experiment.Predict is not null)
            {
                if (!_predictions.TryGetValue(experiment.Id, out var p) || _confirmations.ContainsKey(experiment.Id))
                {
                    continue;
                }

                predicted = p;
            }

            _confirmations[experiment.Id] = experiment.Confirm(seen, predicted);
            await ProgressStore.CompleteExperimentAsync(_lesson.Slug, experiment.Id);
        }
    }

    private void OnPredict((Experiment Experiment, int Choice) prediction) =>
        _predictions.TryAdd(prediction.Experiment.Id, prediction.Choice);

    private void OpenFullLab()
    {
        _fullLab = true;
        _fullLabOpening = true;
    }

    // The full lab reports its starting state as it opens; like the widget's first picture, that is not yet an experiment.
    private async Task OnFullLabChangedAsync(LabState state)
    {
        if (_fullLabOpening)
        {
            _fullLabOpening = false;
            return;
        }

        foreach (var seen in LabObservation.FromLab(state))
        {
            await OnRunAsync(seen);
        }
    }

    private async Task OnAnsweredAsync((QuizQuestion Question, bool Correct, bool FirstTry) answer)
    {
        await ProgressStore.RecordAnswerAsync(answer.Question.Id, answer.Correct, answer.FirstTry);
    }

    private void OnChanged()
    {
        if (_lesson is not null)
        {
            _score = Progress.Score(_lesson.Quiz);
        }

        _ = InvokeAsync(StateHasChanged);
    }

    /// <inheritdoc/>
    public void Dispose() => ProgressStore.Changed -= OnChanged;
}
