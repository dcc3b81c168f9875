namespace LrLab.Web.Schedules;

/// <summary>How a scheduler parameter is edited and written into the spec.</summary>
public enum FieldKind
{
    /// <summary>A float, written as typed.</summary>
    Number,

    /// <summary>An integer, written as typed.</summary>
    Integer,

    /// <summary>Spec text written as typed: a list such as <c>[30, 60]</c> or nested scheduler calls.</summary>
    Raw,

    /// <summary>One of <see cref="SchedulerField.Choices"/>, written as a quoted string.</summary>
    Choice,

    /// <summary>True/False, a checkbox.</summary>
    Flag,
}
