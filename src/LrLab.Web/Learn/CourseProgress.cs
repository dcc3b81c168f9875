using System.Text.Json;
using System.Text.Json.Serialization;

namespace LrLab.Web.Learn;

/// <summary>
/// What a student has done in the course: lessons read, the last answer to each question (right or wrong) and the
/// guided experiments completed. Serialises to a small JSON document for localStorage.
/// </summary>
public sealed class CourseProgress
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _firstTries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _experiments = new(StringComparer.Ordinal);

    /// <summary>Slugs of lessons opened.</summary>
    public IReadOnlyCollection<string> ReadLessons => _read;

    /// <summary>Marks a lesson as read; true if that changed anything.</summary>
    public bool MarkRead(string slug) => _read.Add(slug);

    /// <summary>Whether the lesson has been read.</summary>
    public bool IsRead(string slug) => _read.Contains(slug);

    /// <summary>
    /// Records the latest answer to a question; <paramref name="firstTry"/> marks the first answer of an attempt (a
    /// visit's first click on the question), which alone decides whether the question counts as right at the first try.
    /// </summary>
    public void RecordAnswer(string questionId, bool correct, bool firstTry = false)
    {
        _answers[questionId] = correct;
        if (firstTry)
        {
            _firstTries[questionId] = correct;
        }
    }

    /// <summary>True/false for the latest answer, null if never answered.</summary>
    public bool? AnswerOf(string questionId) => _answers.TryGetValue(questionId, out var correct) ? correct : null;

    /// <summary>Marks an experiment done; true if it was new.</summary>
    public bool CompleteExperiment(string lessonSlug, string experimentId) => _experiments.Add($"{lessonSlug}/{experimentId}");

    /// <summary>Whether the experiment has been done.</summary>
    public bool IsExperimentDone(string lessonSlug, string experimentId) => _experiments.Contains($"{lessonSlug}/{experimentId}");

    /// <summary>Right answers, answered questions and total questions of a set of questions.</summary>
    public QuizScore Score(IEnumerable<QuizQuestion> questions)
    {
        int right = 0, answered = 0, total = 0, first = 0;
        foreach (var q in questions)
        {
            total++;
            if (AnswerOf(q.Id) is { } correct)
            {
                answered++;
                right += correct ? 1 : 0;
                first += _firstTries.TryGetValue(q.Id, out var atFirst) && atFirst ? 1 : 0;
            }
        }

        return new QuizScore(right, answered, total, first);
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _read.Clear();
        _answers.Clear();
        _firstTries.Clear();
        _experiments.Clear();
    }

    /// <summary>The progress as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Snapshot([.. _read.Order(StringComparer.Ordinal)], new Dictionary<string, bool>(_answers.OrderBy(a => a.Key, StringComparer.Ordinal), StringComparer.Ordinal), [.. _experiments.Order(StringComparer.Ordinal)],
            new Dictionary<string, bool>(_firstTries.OrderBy(a => a.Key, StringComparer.Ordinal), StringComparer.Ordinal)),
        _json);

    /// <summary>Reads progress saved by <see cref="ToJson"/>; anything unreadable gives empty progress, never an error.</summary>
    public static CourseProgress FromJson(string? json)
    {
        var progress = new CourseProgress();
        if (string.IsNullOrWhiteSpace(json))
        {
            return progress;
        }

        try
        {
            var snapshot = JsonSerializer.Deserialize<Snapshot>(json, _json);
            foreach (var slug in snapshot?.Read ?? [])
            {
                progress._read.Add(slug);
            }

            foreach (var (id, correct) in snapshot?.Answers ?? new Dictionary<string, bool>())
            {
                progress._answers[id] = correct;
            }

            foreach (var (id, correct) in snapshot?.FirstTries ?? new Dictionary<string, bool>())
            {
                progress._firstTries[id] = correct;
            }

            foreach (var id in snapshot?.Experiments ?? [])
            {
                progress._experiments.Add(id);
            }
        }
        catch (JsonException)
        {
            return new CourseProgress();
        }

        return progress;
    }

    private sealed record Snapshot(
        [property: JsonPropertyName("read")] List<string>? Read,
        [property: JsonPropertyName("answers")] Dictionary<string, bool>? Answers,
        [property: JsonPropertyName("experiments")] List<string>? Experiments,
        [property: JsonPropertyName("firstTries")] Dictionary<string, bool>? FirstTries);
}
