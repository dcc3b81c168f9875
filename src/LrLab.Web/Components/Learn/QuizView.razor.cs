using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LrLab.Web.Components.Learn;

/// <summary>
/// One quiz question: radio choices or a number box. A first wrong answer shows the misconception behind it and allows
/// a second try; the answer is revealed after the second miss (and may then be chosen, so the student ends on it).
/// </summary>
public sealed partial class QuizView
{
    private int? _chosen;
    private string? _typed;
    private bool? _correct;
    private bool _notANumber;
    private int _misses;
    private int _graded;
    private readonly HashSet<int> _tried = [];

    /// <summary>The question.</summary>
    [Parameter, EditorRequired]
    public QuizQuestion Question { get; set; } = null!;

    /// <summary>1-based number shown before the prompt.</summary>
    [Parameter]
    public int Number { get; set; } = 1;

    /// <summary>The result of an answer given on an earlier visit, if any.</summary>
    [Parameter]
    public bool? Earlier { get; set; }

    /// <summary>Raised with the question, whether the answer was right and whether it was this visit's first answer to it.</summary>
    [Parameter]
    public EventCallback<(QuizQuestion Question, bool Correct, bool FirstTry)> OnAnswered { get; set; }

    private async Task ChooseAsync(int index)
    {
        _chosen = index;
        await GradeAsync(Question.IsCorrectChoice(index));
    }

    private async Task CheckNumberAsync()
    {
        if (!QuizQuestion.TryReadNumber(_typed, out _))
        {
            _notANumber = true;
            return;
        }

        _notANumber = false;
        await GradeAsync(Question.IsCorrectNumber(_typed));
    }

    private async Task OnKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await CheckNumberAsync();
        }
    }

    private bool Revealed => _misses >= QuizQuestion.Tries;

    private async Task GradeAsync(bool correct)
    {
        if (!correct)
        {
            _misses++;
            if (_chosen is { } c)
            {
                _tried.Add(c);
            }
        }

        _correct = correct;
        var first = _graded++ == 0;
        await OnAnswered.InvokeAsync((Question, correct, first));
    }
}
