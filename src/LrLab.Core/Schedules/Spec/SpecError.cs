using System.Globalization;

namespace LrLab.Core.Schedules.Spec;

/// <summary>Spec errors carry their column both in the message (for people) and in Position (for UIs).</summary>
internal static class SpecError
{
    public static InputException At(string message, int column) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{message} (column {column})"), column);
}
