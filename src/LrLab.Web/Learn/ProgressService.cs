using LrLab.Web.Interop;

namespace LrLab.Web.Learn;

/// <summary>
/// Keeps the student's <see cref="CourseProgress"/> in browser storage: loaded once, saved after every change,
/// announced through <see cref="Changed"/> so the index and lesson pages stay in step.
/// </summary>
public sealed class ProgressService(IBrowserStorage storage)
{
    /// <summary>The localStorage key.</summary>
    public const string StorageKey = "lrlab.learn.progress";

    private CourseProgress? _progress;

    /// <summary>Raised after any change.</summary>
    public event Action? Changed;

    /// <summary>The progress (empty until <see cref="LoadAsync"/> ran).</summary>
    public CourseProgress Progress => _progress ?? new CourseProgress();

    /// <summary>Loads saved progress the first time it is called.</summary>
    public async Task<CourseProgress> LoadAsync()
    {
        _progress ??= CourseProgress.FromJson(await storage.GetAsync(StorageKey));
        return _progress;
    }

    /// <summary>Marks a lesson read and saves.</summary>
    public async Task MarkReadAsync(string slug)
    {
        if ((await LoadAsync()).MarkRead(slug))
        {
            await SaveAsync();
        }
    }

    /// <summary>Records an answer (<paramref name="firstTry"/>: the attempt's first answer) and saves.</summary>
    public async Task RecordAnswerAsync(string questionId, bool correct, bool firstTry = false)
    {
        (await LoadAsync()).RecordAnswer(questionId, correct, firstTry);
        await SaveAsync();
    }

    /// <summary>Records a finished experiment and saves.</summary>
    public async Task CompleteExperimentAsync(string lessonSlug, string experimentId)
    {
        if ((await LoadAsync()).CompleteExperiment(lessonSlug, experimentId))
        {
            await SaveAsync();
        }
    }

    /// <summary>Forgets all progress, in memory and in storage.</summary>
    public async Task ResetAsync()
    {
        (await LoadAsync()).Clear();
        await storage.RemoveAsync(StorageKey);
        Changed?.Invoke();
    }

    private async Task SaveAsync()
    {
        await storage.SetAsync(StorageKey, Progress.ToJson());
        Changed?.Invoke();
    }
}
