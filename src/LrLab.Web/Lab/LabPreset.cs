namespace LrLab.Web.Lab;

/// <summary>
/// A recipe for the lab: a URL state, what to look for, and the verdict words the selected run must
/// produce (a test runs every preset and checks them).
/// </summary>
public sealed record LabPreset(string Id, string Title, string LookFor, LabState State, string ExpectedVerdict)
{
    /// <summary>The link that opens this preset.</summary>
    public string Url => "lab" + LabUrl.Serialize(State);
}
