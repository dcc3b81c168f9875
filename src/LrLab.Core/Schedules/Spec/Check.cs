using System.Globalization;

namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// Parameter checks shared by the schedules. Messages start with <c>"Class: parameter "</c>, which the
/// spec binder relies on to point the error at that argument's column.
/// </summary>
internal static class Check
{
    public static int PositiveInt(string cls, string name, int value) =>
        value > 0 ? value : throw Fail(cls, name, "must be a positive integer", value);

    public static int NonNegativeInt(string cls, string name, int value) =>
        value >= 0 ? value : throw Fail(cls, name, "must be a non-negative integer", value);

    public static double Finite(string cls, string name, double value) =>
        double.IsFinite(value) ? value : throw Fail(cls, name, "must be a finite number", value);

    public static double InRange(string cls, string name, double value, double min, double max) =>
        value >= min && value <= max
            ? value
            : throw Fail(cls, name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"), value);

    public static InputException Fail(string cls, string name, string what, object value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{cls}: {name} {what}, got {Show(value)}"));

    private static string Show(object value) => value switch
    {
        double d => SpecFormat.Float(d),
        int i => SpecFormat.Int(i),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
