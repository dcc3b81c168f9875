namespace LrLab.Web.Learn;

/// <summary>Wraps MathML for lesson markup, always with a spoken text alternative.</summary>
public static class MathMl
{
    /// <summary>A displayed formula on its own line.</summary>
    public static string Block(string spoken, string mathml) =>
        $"""<math display="block" aria-label="{spoken}">{mathml}</math>""";

    /// <summary>A formula inside a sentence.</summary>
    public static string Inline(string spoken, string mathml) =>
        $"""<math aria-label="{spoken}">{mathml}</math>""";
}
