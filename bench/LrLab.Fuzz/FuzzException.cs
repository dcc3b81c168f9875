namespace LrLab.Fuzz;

/// <summary>A broken property, with the input that broke it (CsCheck prints it with the seed that replays it).</summary>
public sealed class FuzzException : Exception
{
    public FuzzException()
    {
    }

    public FuzzException(string message)
        : base(message)
    {
    }

    public FuzzException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Unless(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzException(message);
        }
    }
}
