namespace LrLab.Core.Schedules.Spec;

/// <summary>Our built-in schedules expose their canonical arguments so containers can write them.</summary>
internal interface IScheduleSpec
{
    string ClassName { get; }

    SpecArgList SpecArgs();
}
