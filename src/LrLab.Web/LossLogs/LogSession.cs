using System.Globalization;
using LrLab.Core;
using LrLab.Core.Diagnosis;

namespace LrLab.Web.LossLogs;

/// <summary>
/// What the /diagnose page holds: the text, the optional column and rate, and the last result or error.
/// Plain C#, so tests drive it without a browser.
/// </summary>
public sealed class LogSession
{
    /// <summary>The pasted or loaded log.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The CSV column / JSON property to read (blank: automatic).</summary>
    public string Column { get; set; } = string.Empty;

    /// <summary>The rate the log was trained with, as typed (blank: unknown).</summary>
    public string Lr { get; set; } = string.Empty;

    /// <summary>The parsed log of the last successful run.</summary>
    public LossLog? Log { get; private set; }

    /// <summary>The last diagnosis.</summary>
    public Diagnosis? Result { get; private set; }

    /// <summary>The last error, one line ("line 3: 'abc' is not a number").</summary>
    public string? Error { get; private set; }

    /// <summary>The line the error points at, when it names one.</summary>
    public int? ErrorLine { get; private set; }

    /// <summary>Loads an example into the inputs.</summary>
    public void Load(LogExample example)
    {
        Text = example.Text;
        Column = string.Empty;
        Lr = example.Lr?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>Parses and diagnoses the current text; on bad input sets <see cref="Error"/> and clears the result.</summary>
    public void Run()
    {
        try
        {
            double? lr = null;
            if (!string.IsNullOrWhiteSpace(Lr))
            {
                if (!double.TryParse(Lr, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0) || !double.IsFinite(rate))
                {
                    throw new InputException($"learning rate: '{Lr.Trim()}' is not a positive number");
                }

                lr = rate;
            }

            var log = LossLogParser.Parse(Text, string.IsNullOrWhiteSpace(Column) ? null : Column.Trim());
            Result = Diagnoser.Diagnose(log, lr);
            Log = log;
            Error = null;
            ErrorLine = null;
        }
        catch (InputException e)
        {
            Result = null;
            Log = null;
            Error = e.Message;
            ErrorLine = e.Message.StartsWith("line ", StringComparison.Ordinal) ? e.Position : null;
        }
    }

    /// <summary>The text of the line an error points at, for showing beside the message.</summary>
    public string? ErrorLineText()
    {
        if (ErrorLine is not { } n || n < 1)
        {
            return null;
        }

        var lines = Text.Split('\n');
        return n <= lines.Length ? lines[n - 1].TrimEnd('\r') : null;
    }
}
