namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// Builds the canonical argument list of a schedule: required parameters always, optional ones only
/// when they differ from PyTorch's default, so every schedule has exactly one spec string.
/// </summary>
internal sealed class SpecArgList : List<SpecArg>
{
    public SpecArgList Req(string name, string value)
    {
        Add(new SpecArg(name, value));
        return this;
    }

    public SpecArgList Opt(string name, double value, double defaultValue)
    {
        if (!value.Equals(defaultValue))
        {
            Add(new SpecArg(name, SpecFormat.Float(value)));
        }

        return this;
    }

    public SpecArgList Opt(string name, int value, int defaultValue)
    {
        if (value != defaultValue)
        {
            Add(new SpecArg(name, SpecFormat.Int(value)));
        }

        return this;
    }

    public SpecArgList Opt(string name, bool value, bool defaultValue)
    {
        if (value != defaultValue)
        {
            Add(new SpecArg(name, SpecFormat.Bool(value)));
        }

        return this;
    }

    public SpecArgList Opt(string name, string value, string defaultValue)
    {
        if (value != defaultValue)
        {
            Add(new SpecArg(name, SpecFormat.Str(value)));
        }

        return this;
    }
}
