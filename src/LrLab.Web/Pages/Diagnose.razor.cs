using System.Globalization;
using LrLab.Core.Diagnosis;
using LrLab.Web.LossLogs;
using LrLab.Web.Url;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace LrLab.Web.Pages;

/// <summary>
/// The /diagnose page: paste, choose or drop loss logs (any format the reader recognises, binary event files too);
/// one run gets the verdict and the annotated curve, several are overlaid and ranked.
/// </summary>
public sealed partial class Diagnose
{
    /// <summary>Largest file the page reads (the parser's own limit).</summary>
    public const long MaxFileBytes = LossLogParser.MaxCharacters;

    // A real line break in the attribute: an HTML entity typed in the markup would be escaped by Razor.
    private const string InputPlaceholder = "0.8\n0.5\n0.4\n0.38\n0.37";

    private bool _logY;
    private bool _busy;
    private bool _dragging;
    private string? _fileNote;

    private readonly List<string> _notices = [];

    /// <summary>The inputs and the last result.</summary>
    public LogSession Session { get; } = new();

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    /// <summary>
    /// <c>/diagnose?lr=0.1&amp;column=val_loss</c> fills the optional fields, as <c>lrlab diagnose --lr --column</c> would; a bad
    /// rate is named in a notice and left blank.
    /// </summary>
    protected override void OnInitialized()
    {
        var query = QueryReader.FromUri(Navigation.Uri);
        if (query.Number("lr", double.Epsilon, double.MaxValue, _notices, "no rate") is { } lr)
        {
            Session.Lr = QueryReader.Format(lr);
        }

        if (query["column"] is { Length: > 0 } column)
        {
            Session.Column = column.Trim();
        }
    }

    private void LoadExample(LogExample example)
    {
        Session.Load(example);
        _fileNote = example.Note;
        RunNow();
    }

    /// <summary>Shows "Diagnosing…" first: a 50,000-line log takes a few seconds in the browser's interpreter.</summary>
    private async Task RunAsync()
    {
        _busy = true;
        StateHasChanged();
        await Task.Delay(1);
        RunNow();
        _busy = false;
    }

    private void RunNow()
    {
        Session.Run();
        if (Session.Comparison is { } comparison)
        {
            _logY = RunsChart.WantsLogY(comparison);
            return;
        }

        var positive = Session.Log?.Losses.Where(v => double.IsFinite(v) && v > 0).ToArray() ?? [];
        _logY = positive.Length > 1 && positive.Max() / positive.Min() > 50;
    }

    /// <summary>Most files read at once (a logdir's worth of runs).</summary>
    public const int MaxFiles = 16;

    private async Task LoadFilesAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var files = new List<LoadedFile>();
        foreach (var file in e.GetMultipleFiles(MaxFiles))
        {
            if (file.Size > MaxFileBytes)
            {
                _fileNote = string.Create(CultureInfo.InvariantCulture, $"{file.Name} is {file.Size / 1048576.0:F0} MB; the limit is {MaxFileBytes / 1048576} MB.");
                return;
            }

            await using var stream = file.OpenReadStream(MaxFileBytes);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            files.Add(new LoadedFile(file.Name, bytes.ToArray()));
        }

        Session.SetFiles(files);
        _fileNote = e.FileCount > MaxFiles ? string.Create(CultureInfo.InvariantCulture, $"Only the first {MaxFiles} files were read.") : null;
        await RunAsync();
    }

    private void ClearFiles()
    {
        Session.ClearFiles();
        _fileNote = null;
    }

    private string FilesCaption() => Session.Files.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Session.Files[0].Name} ({Session.Files[0].Bytes.Length:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{Session.Files.Count} files: {string.Join(", ", Session.Files.Select(f => f.Name))}");

    private static string StepRange(Evidence e) =>
        e.FromStep == e.ToStep
            ? string.Create(CultureInfo.InvariantCulture, $"step {e.FromStep:G10}")
            : string.Create(CultureInfo.InvariantCulture, $"steps {e.FromStep:G10}–{e.ToStep:G10}");
}
