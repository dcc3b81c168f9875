namespace LrLab.Web.Lab;

/// <summary>A rate the theory singles out for this surface and optimizer, marked on the slider.</summary>
public sealed record TheoryTick(double Lr, string Label, string Meaning);
