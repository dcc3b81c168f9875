using LrLab.Core;

namespace LrLab.Web;

/// <summary>
/// How the pages name Core's parameters: the label of the field that sets each one, so a Core message such as
/// "steps must be between 0 and 100000" reads "Steps must be …" here (the CLI says <c>--steps</c>).
/// </summary>
public static class ParameterNames
{
    /// <summary>The page's name for Core's parameter <paramref name="parameter"/> (the parameter itself when no field sets it).</summary>
    public static string Label(string parameter) => parameter switch
    {
        "steps" => "Steps",
        "start" => "Start",
        "batch_size" => "Batch size",
        "lr" => "Learning rate",
        "lr_min" => "From",
        "lr_max" => "To",
        "count" => "Rates",
        "start_lr" => "Start rate",
        "end_lr" => "End rate",
        "num_iter" => "Mini-batches",
        "mode" => "Ramp",
        "seed" => "Seed",
        "hidden" => "Hidden units",
        "shrink" => "shrink ρ",
        "c" => "Armijo c",
        "schedule" => "Schedule",
        "column" or "tag" => "Column or tag",
        _ => parameter,
    };

    /// <summary>The message of <paramref name="error"/> in the page's words.</summary>
    public static string Say(InputException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Worded(Label);
    }

    /// <summary>The message of any failure, in the page's words when it is bad input.</summary>
    public static string Say(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is InputException input ? Say(input) : error.Message;
    }
}
