using System.Text;

namespace LrLab.Fuzz.Logs;

/// <summary>One run a log was written with: its name inside the file (W&amp;B), its losses and, when the format records them, their steps.</summary>
public sealed record ExpectedRun(string Run, double[] Losses, double[]? Steps);

/// <summary>
/// One fuzzed loss log: the bytes a file holds (dropped on /diagnose, given to `lrlab diagnose`), the text when it is
/// also pasted, and the runs it was written with when it is untouched (it must then read back value for value).
/// </summary>
public sealed record LogCase(string Kind, byte[] Bytes, string? Text, ExpectedRun[]? Expected)
{
    /// <summary>The learning rate at each loss, when the file records one beside every loss.</summary>
    public double[]? Rates { get; init; }

    public static LogCase FromText(string kind, string text, ExpectedRun[]? expected) =>
        new(kind, Encoding.UTF8.GetBytes(text), text, expected);

    /// <summary>What CsCheck prints for a failing case (text as text, binary as hex), cut to a readable size.</summary>
    public override string ToString()
    {
        var body = Text ?? Convert.ToHexString(Bytes);
        return $"{Kind} ({Bytes.Length} bytes): {(body.Length > 6000 ? body[..6000] + "…" : body)}";
    }
}
