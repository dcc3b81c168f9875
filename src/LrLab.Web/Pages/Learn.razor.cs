using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Pages;

/// <summary>The course index: lessons with their status, progress and the glossary.</summary>
public sealed partial class Learn : IDisposable
{
    private QuizScore _score = new(0, 0, Course.AllQuestions.Count());
    private bool _confirmReset;

    [Inject]
    private ProgressService ProgressStore { get; set; } = null!;

    private CourseProgress Progress => ProgressStore.Progress;

    private int ReadCount => Course.Lessons.Count(l => Progress.IsRead(l.Slug));

    private string StartSlug => Course.Lessons.FirstOrDefault(l => !Progress.IsRead(l.Slug))?.Slug ?? Course.Lessons[0].Slug;

    /// <inheritdoc/>
    protected override async Task OnInitializedAsync()
    {
        ProgressStore.Changed += OnChanged;
        await ProgressStore.LoadAsync();
        _score = Progress.Score(Course.AllQuestions);
    }

    private async Task ResetAsync()
    {
        _confirmReset = false;
        await ProgressStore.ResetAsync();
    }

    private void OnChanged()
    {
        _score = Progress.Score(Course.AllQuestions);
        _ = InvokeAsync(StateHasChanged);
    }

    /// <inheritdoc/>
    public void Dispose() => ProgressStore.Changed -= OnChanged;
}
