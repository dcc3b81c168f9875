namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// Builds the canonical argument list of a schedule: required parameters always, optional ones only
/// when they differ from PyTorch's default (read from the schedule's <see cref="PyTorchSignature"/>), so every
/// schedule has exactly one spec string.
/// </summary>
internal sealed class SpecArgList(PyTorchSignature signature) : List<SpecArg>
{
    public SpecArgList Req(string name, string value)
    {
        Add(new SpecArg(name, value));
        return this;
    }

    public SpecArgList Opt(string name, double value)
    {
        if (!value.Equals(signature[name].Number))
        {
            Add(new SpecArg(name, SpecFormat.Float(value)));
        }

        return this;
    }

    public SpecArgList Opt(string name, int value)
    {
        if (value != signature[name].Integer)
        {
            Add(new SpecArg(name, SpecFormat.Int(value)));
        }

        return this;
    }

    public SpecArgList Opt(string name, bool value)
    {
        if (value != signature[name].Flag)
        {
            Add(new SpecArg(name, SpecFormat.Bool(value)));
        }

        return this;
    }

    public SpecArgList Opt(string name, string value)
    {
        if (value != signature[name].Choice)
        {
            Add(new SpecArg(name, SpecFormat.Str(value)));
        }

        return this;
    }
}
